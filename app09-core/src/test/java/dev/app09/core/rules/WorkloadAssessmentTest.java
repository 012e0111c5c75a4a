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
import static dev.app09.core.Fixtures.liveSecret;
import static dev.app09.core.Fixtures.secret;
import static dev.app09.core.Fixtures.sp;
import static dev.app09.core.Fixtures.symmetricKey;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The guidance's inventory columns, counted from the classified credentials. */
final class WorkloadAssessmentTest {

    @Test
    void secret_count_holds_live_and_future_secrets_and_symmetric_keys_but_not_expired_ones() {
        WorkloadAssessment w = Judge.both(
                app(id(1), "A", liveSecret(), secret(inDays(5), inDays(50)), expiredSecret(),
                        symmetricKey(daysAgo(1), inDays(30))),
                sp(id(1), "A", null, liveSecret()));
        assertThat(w.secretCount()).isEqualTo(4);
    }

    @Test
    void certificate_count_holds_active_certificates_only() {
        WorkloadAssessment w = Judge.app(app(id(1), "A", activeCertificate(), activeCertificate(),
                expiredCertificate(), certificate(inDays(3), inDays(300))));
        assertThat(w.certificateCount()).isEqualTo(2);
    }

    @Test
    void federated_count_holds_every_federated_credential() {
        assertThat(Judge.app(app(id(1), "A", federated(), federated(), liveSecret())).federatedCount()).isEqualTo(2);
    }

    @Test
    void secrets_only_needs_a_live_secret_and_no_usable_alternative() {
        assertThat(Judge.app(app(id(1), "A", liveSecret(), expiredCertificate())).secretsOnly()).isTrue();
        assertThat(Judge.app(app(id(1), "A", secret(inDays(5), inDays(50)))).secretsOnly()).isTrue();
        assertThat(Judge.app(app(id(1), "A", liveSecret(), activeCertificate())).secretsOnly()).isFalse();
        assertThat(Judge.app(app(id(1), "A", liveSecret(), federated())).secretsOnly()).isFalse();
        assertThat(Judge.app(app(id(1), "A", expiredSecret())).secretsOnly()).isFalse();
        assertThat(Judge.app(app(id(1), "A")).secretsOnly()).isFalse();
    }

    @Test
    void has_tells_whether_a_finding_with_the_code_was_made() {
        WorkloadAssessment w = Judge.app(app(id(1), "A", liveSecret(), expiredCertificate()));
        assertThat(w.has(FindingCode.CERTIFICATE_EXPIRED)).isTrue();
        assertThat(w.has(FindingCode.SYMMETRIC_KEY)).isFalse();
    }
}
