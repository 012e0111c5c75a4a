package dev.app09.graph;

import static org.assertj.core.api.Assertions.assertThat;

import dev.app09.core.model.TenantSnapshot;
import dev.app09.testkit.junit.FakeGraphExtension;
import dev.app09.testkit.tenant.SampleTenants;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

final class SmokeTest {
    @RegisterExtension
    static final FakeGraphExtension graph = FakeGraphExtension.create();

    @Test
    void reads_contoso() {
        TenantSnapshot served = SampleTenants.contoso().tenant();
        graph.serve(served);
        TenantSnapshot read = GraphReader.builder().graphRoot(URI.create(graph.baseUrl())).signInEvidence(true).build().read();
        System.out.println(read.problems());
        System.out.println(graph.server().journal().requests());
        assertThat(read.applications()).containsExactlyInAnyOrderElementsOf(served.applications());
        assertThat(read.servicePrincipals()).containsExactlyInAnyOrderElementsOf(served.servicePrincipals());
        assertThat(read.appManagementPolicy()).isEqualTo(graph.server().snapshot().appManagementPolicy());
        assertThat(read.signInEvidence()).isEqualTo(served.signInEvidence());
    }
}
