package dev.app09.testkit.readme;

import static dev.app09.core.rules.Verdict.SECRETS_ONLY;
import static dev.app09.testkit.App09Assertions.assertThat;

import dev.app09.core.Assessor;
import dev.app09.core.report.Report;
import dev.app09.core.rules.Policy;
import dev.app09.testkit.TestClock;
import dev.app09.testkit.junit.FakeGraphExtension;
import dev.app09.testkit.tenant.FakeTenant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The testkit example of the README, verbatim between the markers (ReadmeExampleTest checks it). */
// README-TESTKIT-START
class PayrollTest {
    @RegisterExtension
    static final FakeGraphExtension graph = FakeGraphExtension.create();

    @Test
    void payroll_relies_on_a_secret_alone() {
        graph.serve(FakeTenant.create().application("Payroll", app -> app.secret()).build());
        // ... the code under test reads or changes the tenant at graph.baseUrl() ...
        Report report = Assessor.assess(graph.server().snapshot(), Policy.defaults(), TestClock.DEFAULT_INSTANT);
        assertThat(report).workload("Payroll").hasVerdict(SECRETS_ONLY).isFailing();
    }
}
// README-TESTKIT-END
