package dev.app09.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import dev.app09.core.model.TenantSnapshot;
import dev.app09.testkit.junit.FakeGraphExtension;
import dev.app09.testkit.server.RecordedRequest;
import dev.app09.testkit.tenant.FakeTenant;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.publisher.Mono;

/** Where {@link GraphReader} may read from, and with which credential. */
final class GraphReaderBuilderTest {

    @RegisterExtension
    static final FakeGraphExtension graph = FakeGraphExtension.create();

    @Nested
    final class Authentication {

        private final List<List<String>> scopesAsked = new CopyOnWriteArrayList<>();
        private final TokenCredential credential = request -> {
            scopesAsked.add(List.copyOf(request.getScopes()));
            return Mono.just(new AccessToken("fake-token", OffsetDateTime.now().plusHours(1)));
        };

        @BeforeEach
        void serve_a_small_tenant() {
            graph.serve(FakeTenant.create().application("Payroll Export", app -> app.secret(s -> s.lastSignInDaysAgo(1)))
                    .build());
        }

        @Test
        void with_a_credential_every_request_to_a_loopback_graph_is_authorized() {
            TenantSnapshot read = GraphReader.builder().graphRoot(URI.create(graph.baseUrl())).credential(credential)
                    .signInEvidence(true).build().read();

            assertThat(read.problems()).isEmpty();
            assertThat(graph.server().journal().requests()).hasSize(4).allMatch(RecordedRequest::authorized);
        }

        @Test
        void the_credential_is_asked_for_graph_scope_even_against_a_loopback_graph() {
            GraphReader.builder().graphRoot(URI.create(graph.baseUrl())).credential(credential).build().read();

            assertThat(scopesAsked).isNotEmpty().containsOnly(List.of("https://graph.microsoft.com/.default"));
        }

        @Test
        void without_a_credential_no_request_is_authorized() {
            TenantSnapshot read = GraphReader.builder().graphRoot(URI.create(graph.baseUrl())).signInEvidence(true)
                    .build().read();

            assertThat(read.problems()).isEmpty();
            assertThat(graph.server().journal().requests()).hasSize(4).noneMatch(RecordedRequest::authorized);
        }
    }

    @Test
    void the_tenant_id_labels_the_snapshot() {
        UUID tenantId = UUID.fromString("7d1e6f3a-0000-4000-8000-000000000a09");

        TenantSnapshot read = GraphReader.builder().graphRoot(URI.create(graph.baseUrl())).tenantId(tenantId).build()
                .read();

        assertThat(read.tenantId()).isEqualTo(tenantId);
    }

    @Nested
    final class GraphRoot {

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {
            "http://graph.microsoft.com",
            "https://graph.example.com",
            "https://graph.microsoft.com.example.com",
            "http://10.0.0.1:8080",
            "ftp://127.0.0.1/",
            "graph.microsoft.com"
        })
        void refuses_a_root_that_is_neither_graph_over_https_nor_loopback(String root) {
            assertThatIllegalArgumentException().isThrownBy(() -> GraphReader.builder().graphRoot(URI.create(root)))
                    .withMessageContaining(root);
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {
            "https://graph.microsoft.com",
            "https://graph.microsoft.us/",
            "https://dod-graph.microsoft.us",
            "https://microsoftgraph.chinacloudapi.cn",
            "http://localhost:8080",
            "http://127.0.0.1:1",
            "http://[::1]:8080"
        })
        void accepts_microsoft_graph_clouds_over_https_and_loopback_addresses(String root) {
            assertThatCode(() -> GraphReader.builder().graphRoot(URI.create(root))).doesNotThrowAnyException();
        }

        @Test
        void a_real_graph_is_never_read_anonymously() {
            assertThatIllegalStateException().isThrownBy(() -> GraphReader.builder().build())
                    .withMessageContaining("needs a credential");
        }

        @Test
        void a_national_cloud_is_never_read_anonymously() {
            GraphReader.Builder builder = GraphReader.builder().graphRoot(URI.create("https://graph.microsoft.us"));

            assertThatIllegalStateException().isThrownBy(builder::build);
        }

        @Test
        void a_real_graph_with_a_credential_builds() {
            TokenCredential credential = request -> Mono.just(new AccessToken("fake-token",
                    OffsetDateTime.now().plusHours(1)));

            assertThatCode(() -> GraphReader.builder().credential(credential).build()).doesNotThrowAnyException();
        }
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0} signs in at {1}")
    @org.junit.jupiter.params.provider.CsvSource({
        "https://graph.microsoft.com, https://login.microsoftonline.com",
        "https://graph.microsoft.us, https://login.microsoftonline.us",
        "https://dod-graph.microsoft.us, https://login.microsoftonline.us",
        "https://microsoftgraph.chinacloudapi.cn, https://login.chinacloudapi.cn"})
    void each_cloud_names_its_identity_endpoint_so_a_verification_from_another_is_refused(String graphRoot, String authority) {
        GraphConnection connection = GraphConnection.to(URI.create(graphRoot), new com.azure.identity.DefaultAzureCredentialBuilder().build());

        assertThat(connection.identityAuthority()).contains(authority);
    }

    @Test
    void a_local_fake_names_no_identity_endpoint() {
        assertThat(GraphConnection.local(URI.create("http://127.0.0.1:8080")).identityAuthority()).isEmpty();
    }
}
