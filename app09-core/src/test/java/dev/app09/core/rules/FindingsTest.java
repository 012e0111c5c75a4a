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

import dev.app09.core.model.Application;
import dev.app09.core.model.CredentialSignIn;
import dev.app09.core.model.KeyCredential;
import dev.app09.core.model.PasswordCredential;
import dev.app09.core.model.SignInEvidence;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** APP09-RULES.md section 4: every finding, where it is made and where it is not. */
final class FindingsTest {

    private static List<FindingCode> codes(WorkloadAssessment w) {
        return w.findings().stream().map(Finding::code).toList();
    }

    @Test
    void certificate_expired_is_found_per_expired_certificate_with_its_key_id() {
        KeyCredential old = expiredCertificate();
        WorkloadAssessment w = Judge.app(app(id(1), "A", old, activeCertificate()));
        assertThat(w.findings()).filteredOn(f -> f.code() == FindingCode.CERTIFICATE_EXPIRED)
                .singleElement().extracting(Finding::keyId).isEqualTo(old.keyId().toString());
    }

    @Test
    void certificate_expiring_soon_when_the_last_certificate_ends_within_the_warning() {
        assertThat(codes(Judge.app(app(id(1), "A", certificate(daysAgo(300), inDays(30))))))
                .contains(FindingCode.CERTIFICATE_EXPIRING_SOON);
    }

    @Test
    void certificate_expiring_soon_is_not_found_when_the_end_is_past_the_warning() {
        assertThat(codes(Judge.app(app(id(1), "A", certificate(daysAgo(300), inDays(31))))))
                .doesNotContain(FindingCode.CERTIFICATE_EXPIRING_SOON);
    }

    @Test
    void certificate_expiring_soon_is_silenced_by_a_registered_successor_even_not_yet_valid() {
        assertThat(codes(Judge.app(app(id(1), "A", certificate(daysAgo(300), inDays(10)),
                certificate(inDays(5), inDays(400)))))).doesNotContain(FindingCode.CERTIFICATE_EXPIRING_SOON);
    }

    @Test
    void certificate_expiring_soon_is_not_silenced_by_a_not_yet_valid_certificate_ending_at_the_same_instant() {
        // Listed first, the future certificate once hid the active one: only a later end is a successor.
        assertThat(codes(Judge.app(app(id(1), "A", certificate(inDays(5), inDays(10)),
                certificate(daysAgo(300), inDays(10)))))).contains(FindingCode.CERTIFICATE_EXPIRING_SOON);
        assertThat(codes(Judge.app(app(id(1), "A", certificate(daysAgo(300), inDays(10)),
                certificate(inDays(5), inDays(10)))))).contains(FindingCode.CERTIFICATE_EXPIRING_SOON);
    }

    @Test
    void certificate_expiring_soon_is_silenced_by_a_certificate_that_never_expires() {
        assertThat(codes(Judge.app(app(id(1), "A", certificate(daysAgo(300), inDays(10)), certificate(daysAgo(1), null)))))
                .doesNotContain(FindingCode.CERTIFICATE_EXPIRING_SOON);
    }

    @Test
    void expiry_warning_is_configurable() {
        Policy policy = Policy.defaults().withExpiryWarning(Duration.ofDays(60));
        assertThat(codes(Judge.workload(app(id(1), "A", certificate(daysAgo(300), inDays(45))), null, policy, null)))
                .contains(FindingCode.CERTIFICATE_EXPIRING_SOON);
    }

    @Test
    void certificate_not_yet_valid_is_found() {
        assertThat(codes(Judge.app(app(id(1), "A", certificate(inDays(3), inDays(300))))))
                .contains(FindingCode.CERTIFICATE_NOT_YET_VALID);
    }

    @Test
    void expired_credentials_present_counts_secrets_symmetric_keys_and_certificates_once_per_workload() {
        WorkloadAssessment w = Judge.app(app(id(1), "A", expiredSecret(), expiredCertificate(),
                symmetricKey(daysAgo(100), daysAgo(1)), activeCertificate()));
        assertThat(w.findings()).filteredOn(f -> f.code() == FindingCode.EXPIRED_CREDENTIALS_PRESENT)
                .singleElement().extracting(Finding::message).asString().startsWith("3 expired");
    }

    @Test
    void expired_signing_credentials_are_not_clean_up_findings() {
        assertThat(codes(Judge.sp(sp(id(1), "SAML", null, samlTriple(daysAgo(400), daysAgo(5))))))
                .doesNotContain(FindingCode.EXPIRED_CREDENTIALS_PRESENT);
    }

    @Test
    void secret_lifetime_over_the_maximum_is_found() {
        assertThat(codes(Judge.app(app(id(1), "A", secret(daysAgo(10), inDays(360))))))
                .contains(FindingCode.SECRET_LIFETIME_EXCEEDS_MAX);
    }

    @Test
    void secret_of_exactly_366_days_is_within_the_maximum() {
        assertThat(codes(Judge.app(app(id(1), "A", secret(daysAgo(6), inDays(360))))))
                .doesNotContain(FindingCode.SECRET_LIFETIME_EXCEEDS_MAX);
    }

    @Test
    void secret_without_end_or_without_start_exceeds_the_maximum() {
        assertThat(codes(Judge.app(app(id(1), "A", secret(daysAgo(1), null))))).contains(FindingCode.SECRET_LIFETIME_EXCEEDS_MAX);
        assertThat(codes(Judge.app(app(id(1), "A", secret(null, inDays(10)))))).contains(FindingCode.SECRET_LIFETIME_EXCEEDS_MAX);
    }

    @Test
    void expired_secrets_are_not_judged_for_lifetime() {
        assertThat(codes(Judge.app(app(id(1), "A", secret(null, daysAgo(1))))))
                .doesNotContain(FindingCode.SECRET_LIFETIME_EXCEEDS_MAX);
    }

    @Test
    void secret_on_service_principal_is_found_even_with_certificate_on_application() {
        WorkloadAssessment w = Judge.both(app(id(1), "A", activeCertificate()), sp(id(1), "A", null, liveSecret()));
        assertThat(codes(w)).contains(FindingCode.SECRET_ON_SERVICE_PRINCIPAL);
    }

    @Test
    void secret_on_application_is_not_a_service_principal_finding() {
        assertThat(codes(Judge.app(app(id(1), "A", liveSecret())))).doesNotContain(FindingCode.SECRET_ON_SERVICE_PRINCIPAL);
    }

    @Test
    void live_symmetric_key_is_found_expired_one_is_not() {
        assertThat(codes(Judge.app(app(id(1), "A", symmetricKey(daysAgo(1), inDays(10)))))).contains(FindingCode.SYMMETRIC_KEY);
        assertThat(codes(Judge.app(app(id(1), "A", symmetricKey(daysAgo(10), daysAgo(1))))))
                .doesNotContain(FindingCode.SYMMETRIC_KEY);
    }

    @Test
    void signing_credentials_ignored_is_information_once_per_workload() {
        WorkloadAssessment w = Judge.sp(sp(id(1), "SAML", null, samlTriple(daysAgo(1), inDays(300))));
        assertThat(w.findings()).filteredOn(f -> f.code() == FindingCode.SIGNING_CREDENTIALS_IGNORED)
                .singleElement().extracting(Finding::severity).isEqualTo(Severity.INFO);
    }

    @Test
    void unknown_credential_names_the_type_and_usage_it_saw() {
        WorkloadAssessment w = Judge.app(app(id(1), "A", key("FutureCert", "Verify", null, null)));
        assertThat(w.findings()).filteredOn(f -> f.code() == FindingCode.UNKNOWN_CREDENTIAL)
                .singleElement().extracting(Finding::message).asString().contains("FutureCert");
    }

    @Test
    void migration_start_unknown_is_not_found_when_a_certificate_dates_the_migration() {
        assertThat(codes(Judge.app(app(id(1), "A", liveSecret(), federated(), activeCertificate()))))
                .doesNotContain(FindingCode.MIGRATION_START_UNKNOWN);
    }

    // Usage findings (sign-in evidence given).

    private static WorkloadAssessment withEvidence(Application app, SignInEvidence evidence) {
        return Judge.workload(app, null, Policy.defaults(), evidence);
    }

    private static CredentialSignIn signIn(PasswordCredential c, @Nullable Instant last) {
        return new CredentialSignIn(c.keyId(), null, "clientSecret", "application", last);
    }

    private static CredentialSignIn signIn(KeyCredential c, @Nullable Instant last) {
        return new CredentialSignIn(c.keyId(), null, "certificate", "application", last);
    }

    @Test
    void usage_findings_need_evidence() {
        assertThat(codes(Judge.app(app(id(1), "A", liveSecret(), activeCertificate()))))
                .doesNotContain(FindingCode.SECRET_IN_USE, FindingCode.SECRET_UNUSED, FindingCode.CERTIFICATE_UNUSED);
    }

    @Test
    void secret_in_use_when_it_signed_in_within_the_usage_window() {
        PasswordCredential s = liveSecret();
        assertThat(codes(withEvidence(app(id(1), "A", s), SignInEvidence.of(List.of(signIn(s, daysAgo(30)))))))
                .contains(FindingCode.SECRET_IN_USE).doesNotContain(FindingCode.SECRET_UNUSED);
    }

    @Test
    void secret_unused_when_its_last_sign_in_is_older_than_the_usage_window() {
        PasswordCredential s = liveSecret();
        assertThat(codes(withEvidence(app(id(1), "A", s),
                SignInEvidence.of(List.of(signIn(s, daysAgo(30).minusSeconds(1)))))))
                .contains(FindingCode.SECRET_UNUSED).doesNotContain(FindingCode.SECRET_IN_USE);
    }

    @Test
    void secret_unused_when_it_never_signed_in() {
        assertThat(codes(withEvidence(app(id(1), "A", liveSecret()), SignInEvidence.of(List.of()))))
                .contains(FindingCode.SECRET_UNUSED);
    }

    @Test
    void certificate_unused_while_a_secret_of_the_workload_is_in_use() {
        PasswordCredential s = liveSecret();
        KeyCredential c = activeCertificate();
        WorkloadAssessment w = withEvidence(app(id(1), "A", s, c),
                SignInEvidence.of(List.of(signIn(s, daysAgo(1)), signIn(c, daysAgo(200)))));
        assertThat(w.findings()).filteredOn(f -> f.code() == FindingCode.CERTIFICATE_UNUSED)
                .singleElement().extracting(Finding::keyId).isEqualTo(c.keyId().toString());
    }

    @Test
    void certificate_in_use_is_not_unused() {
        PasswordCredential s = liveSecret();
        KeyCredential c = activeCertificate();
        assertThat(codes(withEvidence(app(id(1), "A", s, c),
                SignInEvidence.of(List.of(signIn(s, daysAgo(1)), signIn(c, daysAgo(1)))))))
                .doesNotContain(FindingCode.CERTIFICATE_UNUSED);
    }

    @Test
    void certificate_unused_is_not_found_when_no_secret_is_in_use() {
        KeyCredential c = activeCertificate();
        assertThat(codes(withEvidence(app(id(1), "A", liveSecret(), c), SignInEvidence.of(List.of()))))
                .doesNotContain(FindingCode.CERTIFICATE_UNUSED);
    }

    @Test
    void usage_window_is_configurable() {
        PasswordCredential s = liveSecret();
        Policy policy = Policy.defaults().withUsageWindow(Duration.ofDays(90));
        assertThat(codes(Judge.workload(app(id(1), "A", s), null, policy,
                SignInEvidence.of(List.of(signIn(s, daysAgo(60))))))).contains(FindingCode.SECRET_IN_USE);
    }

    @Test
    void the_latest_of_several_evidence_rows_for_one_key_counts() {
        PasswordCredential s = liveSecret();
        assertThat(codes(withEvidence(app(id(1), "A", s),
                SignInEvidence.of(List.of(signIn(s, daysAgo(300)), signIn(s, daysAgo(2)), signIn(s, null))))))
                .contains(FindingCode.SECRET_IN_USE);
    }
}
