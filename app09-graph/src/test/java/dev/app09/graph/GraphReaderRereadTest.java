package dev.app09.graph;

import static org.assertj.core.api.Assertions.assertThat;

import dev.app09.core.migration.MigrationEvidence;
import dev.app09.core.migration.RetirementGuard;
import dev.app09.core.migration.RetirementRule;
import dev.app09.core.model.TenantSnapshot;
import dev.app09.core.rules.Policy;
import dev.app09.testkit.TestClock;
import dev.app09.testkit.junit.FakeGraphExtension;
import dev.app09.testkit.server.Endpoint;
import dev.app09.testkit.tenant.FakeTenant;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@link GraphReader#reread}: what retire-secret re-checks just before it writes. A change made
 * after the tenant was read (the certificate removed, here) reaches the guard.
 */
final class GraphReaderRereadTest {

    /** The fake Graph speaks HTTP/1.1: the JDK client's h2c upgrade against it can fail. */
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @RegisterExtension
    static final FakeGraphExtension graph = FakeGraphExtension.create();

    private static final UUID APP = UUID.fromString("a0000000-0000-4000-8000-0000000000b1");
    private static final UUID APP_ID = UUID.fromString("a1100000-0000-4000-8000-0000000000b1");
    private static final UUID SECRET = UUID.fromString("5ec00000-0000-4000-8000-0000000000b1");

    @Test
    void a_certificate_removed_after_the_read_makes_the_guard_refuse_on_the_reread() throws Exception {
        graph.serve(FakeTenant.create().application("Payroll", a -> a.id(APP).appId(APP_ID)
                .secret(s -> s.keyId(SECRET).neverSignedIn()).certificate(c -> c.lastSignInDaysAgo(1))
                .servicePrincipal(sp -> sp.secret())).build());
        GraphReader reader = GraphReader.builder().graphRoot(URI.create(graph.baseUrl())).signInEvidence(true).build();
        TenantSnapshot read = reader.read();
        assertThat(check(read).allowed()).as("safe when read").isTrue();
        HttpResponse<String> removal = HTTP.send(HttpRequest.newBuilder(
                URI.create(graph.baseUrl() + "/v1.0/applications/" + APP))
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"keyCredentials\": []}"))
                .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(removal.statusCode()).isEqualTo(204);
        graph.server().journal().clear();

        TenantSnapshot now = reader.reread(read, APP_ID);

        assertThat(check(now).refusedBy(RetirementRule.NO_ALTERNATIVE)).isTrue();
        assertThat(now.signInEvidence()).isEqualTo(read.signInEvidence());
        assertThat(now.servicePrincipals().get(0).passwordCredentials()).hasSize(1);
        assertThat(graph.server().journal().count()).as("two single-object reads, not a tenant").isEqualTo(2);
        assertThat(graph.server().journal().count(Endpoint.APPLICATION)).isEqualTo(1);
        assertThat(graph.server().journal().count(Endpoint.SERVICE_PRINCIPAL)).isEqualTo(1);
    }

    @Test
    void an_object_graph_no_longer_has_is_left_out() {
        graph.serve(FakeTenant.create().application("Payroll", a -> a.id(APP).appId(APP_ID).secret(s -> s.keyId(SECRET)))
                .build());
        GraphReader reader = GraphReader.builder().graphRoot(URI.create(graph.baseUrl())).build();
        TenantSnapshot read = reader.read();
        graph.serve(FakeTenant.create().build());

        TenantSnapshot now = reader.reread(read, APP_ID);

        assertThat(now.applications()).isEmpty();
        assertThat(check(now).refusedBy(RetirementRule.NO_SUCH_SECRET)).isTrue();
    }

    private static dev.app09.core.migration.RetirementDecision check(TenantSnapshot snapshot) {
        return RetirementGuard.check(snapshot, Policy.defaults(), TestClock.DEFAULT_INSTANT, APP_ID, SECRET,
                MigrationEvidence.none());
    }
}
