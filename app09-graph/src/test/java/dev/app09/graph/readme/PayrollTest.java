package dev.app09.graph.readme;

import static dev.app09.core.rules.Verdict.SECRETS_ONLY;
import static dev.app09.testkit.App09Assertions.assertThat;

import dev.app09.core.Assessor;
import dev.app09.core.model.TenantSnapshot;
import dev.app09.core.report.Report;
import dev.app09.core.rules.Policy;
import dev.app09.graph.GraphReader;
import dev.app09.testkit.TestClock;
import dev.app09.testkit.junit.FakeGraphExtension;
import dev.app09.testkit.tenant.FakeTenant;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The testkit example of the README, verbatim between the markers (ReadmeExamplesTest checks it). */
// README-TESTKIT-START
class PayrollTest {
    @RegisterExtension
    static final FakeGraphExtension graph = FakeGraphExtension.create();

    @Test
    void payroll_relies_on_a_secret_alone() {
        graph.serve(FakeTenant.create().application("Payroll", app -> app.secret()).build());
        TenantSnapshot tenant = GraphReader.builder().graphRoot(URI.create(graph.baseUrl())).build().read();
        Report report = Assessor.assess(tenant, Policy.defaults(), TestClock.DEFAULT_INSTANT);
        assertThat(report).isComplete().workload("Payroll").hasVerdict(SECRETS_ONLY).isFailing();
    }
}
// README-TESTKIT-END
