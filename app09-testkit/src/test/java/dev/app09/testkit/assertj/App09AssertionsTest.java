package dev.app09.testkit.assertj;

import static dev.app09.core.rules.FindingCode.CERTIFICATE_EXPIRED;
import static dev.app09.core.rules.FindingCode.EXPIRED_CREDENTIALS_PRESENT;
import static dev.app09.core.rules.FindingCode.NEW_SECRETS_ALLOWED;
import static dev.app09.core.rules.FindingCode.SECRET_IN_USE;
import static dev.app09.core.rules.Verdict.CERTIFICATE;
import static dev.app09.core.rules.Verdict.SECRETS_ONLY;
import static dev.app09.testkit.App09Assertions.assertThat;
import static dev.app09.testkit.App09Assertions.assertThatThrownBy;

import dev.app09.core.Assessor;
import dev.app09.core.model.ScanProblem;
import dev.app09.core.report.Report;
import dev.app09.core.rules.Origin;
import dev.app09.core.rules.Policy;
import dev.app09.testkit.tenant.FakeTenant;
import dev.app09.testkit.tenant.SampleTenant;
import dev.app09.testkit.tenant.SampleTenants;
import org.junit.jupiter.api.Test;

final class App09AssertionsTest {

    private static final SampleTenant CONTOSO = SampleTenants.contoso();
    private static final Report REPORT = Assessor.assess(CONTOSO.tenant(), CONTOSO.policy(), CONTOSO.asOf());

    @Test
    void passing_assertions_chain_through_report_and_workload() {
        assertThat(REPORT).isComplete().fails().hasTenantFinding(NEW_SECRETS_ALLOWED)
                .workload("Payroll Export").hasVerdict(SECRETS_ONLY).isFailing().hasOrigin(Origin.TENANT)
                .hasFindings(SECRET_IN_USE).hasSecretCount(1).hasCertificateCount(0);
        assertThat(REPORT).workload("Customer Portal").isPassing()
                .hasOnlyFindings(CERTIFICATE_EXPIRED, EXPIRED_CREDENTIALS_PRESENT,
                        dev.app09.core.rules.FindingCode.CERTIFICATE_NOT_YET_VALID);
    }

    @Test
    void a_wrong_verdict_fails_naming_the_workload_and_the_actual_verdict() {
        assertThatThrownBy(() -> assertThat(REPORT).workload("Payroll Export").hasVerdict(CERTIFICATE))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Payroll Export").hasMessageContaining("SECRETS_ONLY");
    }

    @Test
    void a_missing_workload_fails_listing_the_workloads_there_are() {
        assertThatThrownBy(() -> assertThat(REPORT).workload("Nope"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("Nope").hasMessageContaining("Billing API");
    }

    @Test
    void a_missing_finding_fails_naming_it() {
        assertThatThrownBy(() -> assertThat(REPORT).workload("Billing API").hasFindings(CERTIFICATE_EXPIRED))
                .isInstanceOf(AssertionError.class).hasMessageContaining("lacks [CERTIFICATE_EXPIRED]");
    }

    @Test
    void a_present_finding_fails_does_not_have() {
        assertThatThrownBy(() -> assertThat(REPORT).workload("Payroll Export").doesNotHaveFinding(SECRET_IN_USE))
                .isInstanceOf(AssertionError.class);
    }

    @Test
    void passes_fails_on_a_failing_report_and_on_an_incomplete_one() {
        assertThatThrownBy(() -> assertThat(REPORT).passes()).isInstanceOf(AssertionError.class)
                .hasMessageContaining("Payroll Export");
        Report incomplete = Assessor.assess(FakeTenant.create().problem(ScanProblem.incomplete("applications", "page 3 failed"))
                .build(), Policy.defaults(), CONTOSO.asOf());
        assertThat(incomplete).isIncomplete();
        assertThatThrownBy(() -> assertThat(incomplete).passes()).isInstanceOf(AssertionError.class)
                .hasMessageContaining("incomplete");
    }

    @Test
    void verdict_counts_come_from_the_summary() {
        assertThat(REPORT).hasVerdictCount(SECRETS_ONLY, 6);
        assertThatThrownBy(() -> assertThat(REPORT).hasVerdictCount(SECRETS_ONLY, 5))
                .isInstanceOf(AssertionError.class).hasMessageContaining("there are 6");
    }
}
