package dev.app09.testkit.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import dev.app09.core.Assessor;
import dev.app09.core.report.Report;
import dev.app09.core.rules.Finding;
import dev.app09.core.rules.FindingCode;
import dev.app09.core.rules.Verdict;
import dev.app09.core.rules.WorkloadAssessment;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

final class SampleTenantsTest {

    static Stream<SampleTenant> samples() {
        return SampleTenants.all().stream();
    }

    private static Report assess(SampleTenant sample) {
        return Assessor.assess(sample.tenant(), sample.policy(), sample.asOf());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void every_listed_workload_gets_the_verdict_the_sample_promises(SampleTenant sample) {
        Report report = assess(sample);

        Map<String, Verdict> actual = report.workloads().stream()
                .collect(Collectors.toMap(WorkloadAssessment::displayName, WorkloadAssessment::verdict));
        assertThat(actual).isEqualTo(sample.promisedVerdicts());
    }

    @Test
    void contoso_shows_every_verdict() {
        Report report = assess(SampleTenants.contoso());

        assertThat(report.workloads()).extracting(WorkloadAssessment::verdict)
                .containsAll(EnumSet.allOf(Verdict.class));
    }

    @Test
    void contoso_shows_every_finding_code() {
        Report report = assess(SampleTenants.contoso());

        Set<FindingCode> seen = EnumSet.noneOf(FindingCode.class);
        report.workloads().forEach(w -> w.findings().stream().map(Finding::code).forEach(seen::add));
        report.tenantFindings().stream().map(Finding::code).forEach(seen::add);
        assertThat(EnumSet.complementOf(EnumSet.copyOf(seen)))
                .as("finding codes contoso never produces")
                .containsExactly(FindingCode.NEW_SECRETS_BLOCKED);
    }

    @Test
    void the_certificate_sample_holds_the_blocking_policy_contoso_lacks() {
        Report report = assess(SampleTenants.forVerdict(Verdict.CERTIFICATE));

        assertThat(report.tenantFindings()).extracting(Finding::code).containsExactly(FindingCode.NEW_SECRETS_BLOCKED);
    }

    @Test
    void contoso_counts_microsoft_service_principals_without_credentials_but_does_not_list_them() {
        Report report = assess(SampleTenants.contoso());

        assertThat(report.summary().omitted()).isEqualTo(3);
        assertThat(report.workloads()).extracting(WorkloadAssessment::displayName)
                .doesNotContain("Microsoft Graph", "Office 365 Exchange Online", "Adobe Sign");
    }

    @Test
    void each_verdict_has_its_own_sample_folder_name() {
        assertThat(SampleTenants.all()).extracting(SampleTenant::name).doesNotHaveDuplicates()
                .contains("contoso", "secrets-only", "migration-overdue", "not-applicable");
    }
}
