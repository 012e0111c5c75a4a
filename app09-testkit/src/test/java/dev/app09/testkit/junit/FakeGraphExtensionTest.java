package dev.app09.testkit.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.app09.testkit.server.Endpoint;
import dev.app09.testkit.server.Fault;
import dev.app09.testkit.server.FakeGraphServer;
import dev.app09.testkit.tenant.FakeTenant;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
final class FakeGraphExtensionTest {

    /** The fake Graph speaks HTTP/1.1: the JDK client's h2c upgrade against it can fail. */
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @RegisterExtension
    static final FakeGraphExtension graph = FakeGraphExtension.create();

    private static FakeGraphServer serverOfTheClass;

    @BeforeAll
    static void rememberTheServerOfTheClass() {
        serverOfTheClass = graph.server();
    }

    private static int status(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(graph.baseUrl() + path)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    @Order(1)
    void the_server_runs_during_the_class_and_serves_the_tenant(FakeGraphServer server) throws Exception {
        graph.serve(FakeTenant.create().application("Payroll", app -> app.secret()).build());
        server.inject(Fault.status(503).on(Endpoint.ORGANIZATION));

        assertThat(server).isSameAs(graph.server());
        assertThat(status("/v1.0/applications")).isEqualTo(200);
        assertThat(status("/v1.0/organization")).isEqualTo(503);
    }

    @Test
    @Order(2)
    void each_test_starts_without_the_faults_and_requests_of_the_one_before_but_with_its_tenant() throws Exception {
        assertThat(graph.server().journal().count()).isZero();
        assertThat(status("/v1.0/organization")).isEqualTo(200);
        assertThat(graph.server().snapshot().applications()).extracting(a -> a.displayName()).containsExactly("Payroll");
    }

    @Nested
    final class Nested_classes {

        @Test
        void share_the_server_of_the_declaring_class() throws Exception {
            graph.serve(FakeTenant.create().application("Nested").build());

            assertThat(graph.server()).isSameAs(serverOfTheClass);
            assertThat(status("/v1.0/applications")).isEqualTo(200);
        }
    }

    @Test
    void an_extension_that_never_ran_says_how_to_register_it() {
        assertThatThrownBy(() -> FakeGraphExtension.create().server()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("static field");
    }
}
