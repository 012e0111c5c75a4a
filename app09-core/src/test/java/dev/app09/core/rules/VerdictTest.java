package dev.app09.core.rules;

import static dev.app09.core.Fixtures.activeCertificate;
import static dev.app09.core.Fixtures.app;
import static dev.app09.core.Fixtures.certificate;
import static dev.app09.core.Fixtures.daysAgo;
import static dev.app09.core.Fixtures.expiredCertificate;
import static dev.app09.core.Fixtures.expiredSecret;
import static dev.app09.core.Fixtures.federated;
import static dev.app09.core.Fixtures.id;
import static dev.app09.core.Fixtures.inDays;
import static dev.app09.core.Fixtures.key;
import static dev.app09.core.Fixtures.liveSecret;
import static dev.app09.core.Fixtures.samlTriple;
import static dev.app09.core.Fixtures.secret;
import static dev.app09.core.Fixtures.sp;
import static dev.app09.core.Fixtures.symmetricKey;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** APP09-RULES.md section 3: verdicts, first rule that matches. */
final class VerdictTest {

    @Test
    void rule_3_1_managed_identity_is_not_applicable_even_with_a_secret() {
        WorkloadAssessment w = Judge.sp(sp(id(1), "mi", "ManagedIdentity", null, liveSecret()));
        assertThat(w.verdict()).isEqualTo(Verdict.NOT_APPLICABLE);
        assertThat(w.failing()).isFalse();
        assertThat(w.findings()).isEmpty();
    }

    @Test
    void rule_3_2b_live_secret_without_alternative_is_secrets_only_and_failing() {
        WorkloadAssessment w = Judge.app(app(id(1), "Payroll", liveSecret()));
        assertThat(w.verdict()).isEqualTo(Verdict.SECRETS_ONLY);
        assertThat(w.failing()).isTrue();
        assertThat(w.secretsOnly()).isTrue();
    }

    @Test
    void rule_3_2b_expired_certificate_leaves_the_workload_secrets_only() {
        assertThat(Judge.app(app(id(1), "A", liveSecret(), expiredCertificate())).verdict()).isEqualTo(Verdict.SECRETS_ONLY);
    }

    @Test
    void rule_3_2b_not_yet_valid_certificate_is_no_alternative() {
        assertThat(Judge.app(app(id(1), "A", liveSecret(), certificate(inDays(5), inDays(365)))).verdict())
                .isEqualTo(Verdict.SECRETS_ONLY);
    }

    @Test
    void rule_3_2b_future_dated_secret_is_live() {
        assertThat(Judge.app(app(id(1), "A", secret(inDays(10), inDays(100)))).verdict()).isEqualTo(Verdict.SECRETS_ONLY);
    }

    @Test
    void rule_3_2b_symmetric_key_counts_as_a_secret() {
        assertThat(Judge.app(app(id(1), "A", symmetricKey(daysAgo(1), inDays(100)))).verdict())
                .isEqualTo(Verdict.SECRETS_ONLY);
    }

    @Test
    void rule_3_2b_unknown_key_is_never_a_usable_alternative() {
        assertThat(Judge.app(app(id(1), "A", liveSecret(), key("FutureCert", "Verify", daysAgo(1), inDays(100)))).verdict())
                .isEqualTo(Verdict.SECRETS_ONLY);
    }

    @Test
    void rule_3_2b_signing_certificate_is_no_alternative_to_a_secret() {
        assertThat(Judge.sp(sp(id(1), "A", null, liveSecret(), samlTriple(daysAgo(1), inDays(100)))).verdict())
                .isEqualTo(Verdict.SECRETS_ONLY);
    }

    @Test
    void rule_3_2b_microsoft_service_principal_with_tenant_added_secret_is_secrets_only() {
        WorkloadAssessment w = Judge.sp(sp(id(1), "Office 365 Exchange Online", Policy.MICROSOFT_SERVICES_TENANT,
                liveSecret()));
        assertThat(w.origin()).isEqualTo(Origin.MICROSOFT);
        assertThat(w.verdict()).isEqualTo(Verdict.SECRETS_ONLY);
    }

    @Test
    void rule_3_2c_secret_on_service_principal_while_certificate_on_application_is_not_certificate() {
        WorkloadAssessment w = Judge.both(app(id(1), "A", certificate(daysAgo(10), inDays(300))),
                sp(id(1), "A", null, liveSecret()));
        assertThat(w.verdict()).isEqualTo(Verdict.MIGRATING);
    }

    @Test
    void rule_3_2c_certificate_within_migration_window_is_migrating() {
        assertThat(Judge.app(app(id(1), "A", liveSecret(), certificate(daysAgo(29), inDays(300)))).verdict())
                .isEqualTo(Verdict.MIGRATING);
    }

    @Test
    void rule_3_2c_certificate_exactly_at_the_window_is_still_migrating() {
        assertThat(Judge.app(app(id(1), "A", liveSecret(), certificate(daysAgo(30), inDays(300)))).verdict())
                .isEqualTo(Verdict.MIGRATING);
    }

    @Test
    void rule_3_2c_certificate_one_second_past_the_window_is_overdue_and_failing() {
        WorkloadAssessment w = Judge.app(app(id(1), "A", liveSecret(),
                certificate(daysAgo(30).minusSeconds(1), inDays(300))));
        assertThat(w.verdict()).isEqualTo(Verdict.MIGRATION_OVERDUE);
        assertThat(w.failing()).isTrue();
    }

    @Test
    void rule_3_2c_migration_start_is_the_earliest_active_certificate() {
        assertThat(Judge.app(app(id(1), "A", liveSecret(), certificate(daysAgo(5), inDays(300)),
                certificate(daysAgo(90), inDays(30)))).verdict()).isEqualTo(Verdict.MIGRATION_OVERDUE);
    }

    @Test
    void rule_3_2c_expired_certificates_do_not_date_the_migration() {
        assertThat(Judge.app(app(id(1), "A", liveSecret(), certificate(daysAgo(5), inDays(300)), expiredCertificate()))
                .verdict()).isEqualTo(Verdict.MIGRATING);
    }

    @Test
    void rule_3_2c_certificate_without_start_counts_as_infinitely_old() {
        assertThat(Judge.app(app(id(1), "A", liveSecret(), certificate(null, inDays(300)))).verdict())
                .isEqualTo(Verdict.MIGRATION_OVERDUE);
    }

    @Test
    void rule_3_2c_migration_window_is_configurable() {
        Policy policy = Policy.defaults().withMigrationWindow(Duration.ofDays(120));
        assertThat(Judge.workload(app(id(1), "A", liveSecret(), activeCertificate()), null, policy, null).verdict())
                .isEqualTo(Verdict.MIGRATING);
    }

    @Test
    void rule_3_2c_federation_only_beside_secrets_is_migrating_with_unknown_start() {
        WorkloadAssessment w = Judge.app(app(id(1), "A", liveSecret(), federated()));
        assertThat(w.verdict()).isEqualTo(Verdict.MIGRATING);
        assertThat(w.has(FindingCode.MIGRATION_START_UNKNOWN)).isTrue();
    }

    @Test
    void rule_3_3_federated_without_live_secrets_is_federated_even_beside_certificates() {
        assertThat(Judge.app(app(id(1), "A", federated(), activeCertificate(), expiredSecret())).verdict())
                .isEqualTo(Verdict.FEDERATED);
    }

    @Test
    void rule_3_3_active_certificate_without_live_secrets_is_certificate() {
        assertThat(Judge.app(app(id(1), "A", activeCertificate(), expiredSecret())).verdict()).isEqualTo(Verdict.CERTIFICATE);
    }

    @Test
    void rule_3_3_saml_signing_password_is_not_a_client_secret() {
        assertThat(Judge.sp(sp(id(1), "SAML", null, samlTriple(daysAgo(1), inDays(300)))).verdict())
                .isEqualTo(Verdict.NO_CREDENTIALS);
    }

    @Test
    void rule_3_3_only_expired_credentials_is_no_credentials() {
        assertThat(Judge.app(app(id(1), "A", expiredSecret(), expiredCertificate())).verdict())
                .isEqualTo(Verdict.NO_CREDENTIALS);
    }

    @Test
    void rule_3_3_nothing_at_all_is_no_credentials() {
        assertThat(Judge.app(app(id(1), "A")).verdict()).isEqualTo(Verdict.NO_CREDENTIALS);
    }

    @Test
    void failing_verdicts_are_exactly_secrets_only_and_migration_overdue() {
        assertThat(java.util.Arrays.stream(Verdict.values()).filter(Verdict::failing))
                .containsExactly(Verdict.SECRETS_ONLY, Verdict.MIGRATION_OVERDUE);
    }
}
