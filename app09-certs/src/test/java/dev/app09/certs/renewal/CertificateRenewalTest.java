package dev.app09.certs.renewal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.app09.core.rules.CredentialLocation;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

final class CertificateRenewalTest {

    private static final Instant END = Instant.parse("2026-07-01T00:00:00Z");
    private static final Instant RENEW_BY = END.minus(Duration.ofDays(30));

    private static CertificateRenewal renewal(Instant renewBy, @Nullable String successorKeyId, RenewalStatus status) {
        return new CertificateRenewal(UUID.fromString("5c4ed000-0000-4000-8000-000000000001"), "Billing API",
                CredentialLocation.APPLICATION, "k1", "CN=billing", END, renewBy, successorKeyId, status);
    }

    @Test
    void a_renewed_entry_names_its_successor() {
        assertThat(renewal(RENEW_BY, "k2", RenewalStatus.RENEWED).needsSuccessor()).isFalse();
    }

    @Test
    void due_and_planned_entries_need_a_successor() {
        assertThat(renewal(RENEW_BY, null, RenewalStatus.DUE).needsSuccessor()).isTrue();
        assertThat(renewal(RENEW_BY, null, RenewalStatus.PLANNED).needsSuccessor()).isTrue();
    }

    @Test
    void a_renewed_entry_without_successor_is_rejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> renewal(RENEW_BY, null, RenewalStatus.RENEWED));
    }

    @Test
    void a_successor_on_an_entry_that_is_not_renewed_is_rejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> renewal(RENEW_BY, "k2", RenewalStatus.DUE));
    }

    @Test
    void a_renew_by_date_after_the_end_is_rejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> renewal(END.plusSeconds(1), null, RenewalStatus.PLANNED));
    }
}
