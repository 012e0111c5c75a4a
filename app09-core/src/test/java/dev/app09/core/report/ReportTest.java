package dev.app09.core.report;

import static dev.app09.core.Fixtures.AS_OF;
import static dev.app09.core.Fixtures.activeCertificate;
import static dev.app09.core.Fixtures.app;
import static dev.app09.core.Fixtures.certificate;
import static dev.app09.core.Fixtures.daysAgo;
import static dev.app09.core.Fixtures.expiredSecret;
import static dev.app09.core.Fixtures.federated;
import static dev.app09.core.Fixtures.id;
import static dev.app09.core.Fixtures.inDays;
import static dev.app09.core.Fixtures.liveSecret;
import static dev.app09.core.Fixtures.sp;
import static org.assertj.core.api.Assertions.assertThat;

import dev.app09.core.Assessor;
import dev.app09.core.model.ScanProblem;
import dev.app09.core.model.TenantSnapshot;
import dev.app09.core.rules.Policy;
import dev.app09.core.rules.Verdict;
import dev.app09.core.rules.WorkloadAssessment;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** APP09-RULES.md sections 3 and 6: priority order, listing rule, summary, completeness. */
final class ReportTest {

    private static final UUID GALLERY_OWNER = UUID.fromString("99999999-0000-0000-0000-000000000001");

    static TenantSnapshot mixedTenant() {
        return TenantSnapshot.of(
                List.of(app(id(1), "zeta secrets", liveSecret()),
                        app(id(2), "Alpha secrets", liveSecret()),
                        app(id(3), "Overdue", liveSecret(), activeCertificate()),
                        app(id(4), "Migrating", liveSecret(), certificate(daysAgo(2), inDays(300))),
                        app(id(5), "Certified", activeCertificate()),
                        app(id(6), "Federated", federated()),
                        app(id(7), "Empty"),
                        app(id(11), "alpha secrets", liveSecret())),
                List.of(sp(id(8), "Office 365", Policy.MICROSOFT_SERVICES_TENANT),
                        sp(id(9), "Gallery app", GALLERY_OWNER),
                        sp(id(10), "Gallery with old secret", GALLERY_OWNER, expiredSecret()),
                        sp(id(12), "mi", "ManagedIdentity", null)));
    }

    @Test
    void workloads_are_listed_in_priority_order_then_by_name_ignoring_case_then_app_id() {
        Report report = Assessor.assess(mixedTenant(), Policy.defaults(), AS_OF);

        assertThat(report.workloads()).extracting(WorkloadAssessment::displayName).containsExactly(
                "Alpha secrets", "alpha secrets", "zeta secrets", "Overdue", "Migrating", "Certified", "Federated",
                "Empty", "Gallery with old secret", "mi");
    }

    @Test
    void microsoft_and_external_workloads_without_any_credential_are_counted_not_listed() {
        Report report = Assessor.assess(mixedTenant(), Policy.defaults(), AS_OF);

        assertThat(report.workload(id(8))).isEmpty();
        assertThat(report.workload(id(9))).isEmpty();
        assertThat(report.workload(id(10))).as("an expired credential is still a credential").isPresent();
        assertThat(report.workload(id(7))).as("tenant applications are always listed").isPresent();
        assertThat(report.summary().omitted()).isEqualTo(2);
        assertThat(report.summary().workloads()).isEqualTo(12);
    }

    @Test
    void list_all_lists_every_workload() {
        Report report = Assessor.assess(mixedTenant(), Policy.defaults().withListAllWorkloads(true), AS_OF);
        assertThat(report.workloads()).hasSize(12);
        assertThat(report.summary().omitted()).isZero();
    }

    @Test
    void summary_counts_every_verdict_and_the_failing_ones() {
        Summary summary = Assessor.assess(mixedTenant(), Policy.defaults(), AS_OF).summary();

        assertThat(summary.count(Verdict.SECRETS_ONLY)).isEqualTo(3);
        assertThat(summary.count(Verdict.MIGRATION_OVERDUE)).isEqualTo(1);
        assertThat(summary.count(Verdict.MIGRATING)).isEqualTo(1);
        assertThat(summary.count(Verdict.EXCEPTION)).isZero();
        assertThat(summary.count(Verdict.CERTIFICATE)).isEqualTo(1);
        assertThat(summary.count(Verdict.FEDERATED)).isEqualTo(1);
        assertThat(summary.count(Verdict.NO_CREDENTIALS)).isEqualTo(4);
        assertThat(summary.count(Verdict.NOT_APPLICABLE)).isEqualTo(1);
        assertThat(summary.failing()).isEqualTo(4);
        assertThat(summary.byVerdict()).containsOnlyKeys(Verdict.values());
    }

    @Test
    void the_control_passes_when_no_workload_fails() {
        TenantSnapshot clean = TenantSnapshot.of(List.of(app(id(1), "A", activeCertificate())), List.of());
        Report report = Assessor.assess(clean, Policy.defaults(), AS_OF);
        assertThat(report.complete()).isTrue();
        assertThat(report.passes()).isTrue();
    }

    @Test
    void an_incomplete_scan_never_passes_even_with_no_failing_workload() {
        TenantSnapshot partial = TenantSnapshot.of(List.of(app(id(1), "A", activeCertificate())), List.of())
                .withProblems(List.of(ScanProblem.incomplete("servicePrincipals", "HTTP 503 after 4 attempts")));
        Report report = Assessor.assess(partial, Policy.defaults(), AS_OF);
        assertThat(report.complete()).isFalse();
        assertThat(report.passes()).isFalse();
        assertThat(report.problems()).hasSize(1);
    }

    @Test
    void a_warning_keeps_the_scan_complete() {
        TenantSnapshot snapshot = TenantSnapshot.of(List.of(app(id(1), "A", activeCertificate())), List.of())
                .withProblems(List.of(ScanProblem.warning("defaultAppManagementPolicy", "HTTP 403")));
        assertThat(Assessor.assess(snapshot, Policy.defaults(), AS_OF).passes()).isTrue();
    }

    @Test
    void the_report_carries_tenant_id_as_of_and_control_metadata() {
        UUID tenant = UUID.randomUUID();
        Report report = Assessor.assess(mixedTenant().withTenantId(tenant), Policy.defaults(), AS_OF);
        assertThat(report.tenantId()).isEqualTo(tenant);
        assertThat(report.asOf()).isEqualTo(AS_OF);
        assertThat(report.control()).isEqualTo(Control.APP_09);
    }

    @Test
    void workload_counts_live_secrets_and_active_certificates_beside_secrets_only() {
        WorkloadAssessment overdue = Assessor.assess(mixedTenant(), Policy.defaults(), AS_OF).workload(id(3)).orElseThrow();
        assertThat(overdue.secretCount()).isEqualTo(1);
        assertThat(overdue.certificateCount()).isEqualTo(1);
        assertThat(overdue.secretsOnly()).isFalse();
    }
}
