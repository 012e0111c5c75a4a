package dev.app09.certs.renewal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.app09.core.rules.CredentialLocation;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

final class RenewalScheduleTest {

    private static final Instant AS_OF = Instant.parse("2026-06-01T00:00:00Z");
    private static final Duration WARNING = Duration.ofDays(30);
    private static final UUID APP_ID = UUID.fromString("5c4ed000-0000-4000-8000-000000000001");
    private static final CertificateRenewal RENEWED = renewal("a-renewed", -5, "c-planned");
    private static final CertificateRenewal DUE = renewal("b-due", -2, null);
    private static final CertificateRenewal PLANNED = renewal("c-planned", 60, null);

    /** An entry consistent with AS_OF and WARNING whose renew-by date is {@code days} from AS_OF. */
    private static CertificateRenewal renewal(String keyId, long days, @Nullable String successorKeyId) {
        Instant renewBy = AS_OF.plus(Duration.ofDays(days));
        RenewalStatus status = successorKeyId != null ? RenewalStatus.RENEWED
                : days <= 0 ? RenewalStatus.DUE : RenewalStatus.PLANNED;
        return new CertificateRenewal(APP_ID, "Billing API", CredentialLocation.APPLICATION, keyId, null,
                renewBy.plus(WARNING), renewBy, successorKeyId, status);
    }

    @Test
    void entries_without_successor_are_the_due_and_planned_ones() {
        RenewalSchedule schedule = new RenewalSchedule(AS_OF, WARNING, List.of(RENEWED, DUE, PLANNED));

        assertThat(schedule.withoutSuccessor()).containsExactly(DUE, PLANNED);
    }

    @Test
    void due_entries_are_those_without_successor_in_the_warning_window() {
        RenewalSchedule schedule = new RenewalSchedule(AS_OF, WARNING, List.of(RENEWED, DUE, PLANNED));

        assertThat(schedule.due()).containsExactly(DUE);
    }

    @Test
    void due_by_a_horizon_takes_the_entries_without_successor_up_to_it() {
        RenewalSchedule schedule = new RenewalSchedule(AS_OF, WARNING, List.of(RENEWED, DUE, PLANNED));

        assertThat(schedule.dueBy(AS_OF.plus(Duration.ofDays(59)))).containsExactly(DUE);
        assertThat(schedule.dueBy(AS_OF.plus(Duration.ofDays(60)))).containsExactly(DUE, PLANNED);
    }

    @Test
    void due_by_the_evaluation_instant_is_what_is_due() {
        RenewalSchedule schedule = new RenewalSchedule(AS_OF, WARNING, List.of(RENEWED, DUE, PLANNED));

        assertThat(schedule.dueBy(AS_OF)).isEqualTo(schedule.due());
    }

    @Test
    void entries_are_sorted_into_the_schedule_order() {
        RenewalSchedule schedule = new RenewalSchedule(AS_OF, WARNING, List.of(PLANNED, DUE, RENEWED));

        assertThat(schedule.renewals()).containsExactly(RENEWED, DUE, PLANNED);
    }

    @Test
    void the_entries_are_a_copy_that_cannot_be_changed() {
        List<CertificateRenewal> given = new ArrayList<>(List.of(DUE));
        RenewalSchedule schedule = new RenewalSchedule(AS_OF, WARNING, given);
        given.add(PLANNED);

        assertThat(schedule.renewals()).containsExactly(DUE);
        assertThatThrownBy(() -> schedule.renewals().add(PLANNED)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void an_entry_whose_renew_by_date_is_not_its_end_minus_the_warning_is_rejected() {
        CertificateRenewal wrong = new CertificateRenewal(APP_ID, "Billing API", CredentialLocation.APPLICATION, "k",
                null, AS_OF.plus(Duration.ofDays(100)), AS_OF.plus(Duration.ofDays(80)), null, RenewalStatus.PLANNED);

        assertThatIllegalArgumentException().isThrownBy(() -> new RenewalSchedule(AS_OF, WARNING, List.of(wrong)))
                .withMessageContaining("must be renewed by");
    }

    @Test
    void a_due_entry_whose_renew_by_date_is_ahead_is_rejected() {
        CertificateRenewal wrong = new CertificateRenewal(APP_ID, "Billing API", CredentialLocation.APPLICATION, "k",
                null, AS_OF.plus(Duration.ofDays(100)), AS_OF.plus(Duration.ofDays(70)), null, RenewalStatus.DUE);

        assertThatIllegalArgumentException().isThrownBy(() -> new RenewalSchedule(AS_OF, WARNING, List.of(wrong)));
    }

    @Test
    void a_planned_entry_whose_renew_by_date_has_come_is_rejected() {
        CertificateRenewal wrong = new CertificateRenewal(APP_ID, "Billing API", CredentialLocation.APPLICATION, "k",
                null, AS_OF.plus(WARNING), AS_OF, null, RenewalStatus.PLANNED);

        assertThatIllegalArgumentException().isThrownBy(() -> new RenewalSchedule(AS_OF, WARNING, List.of(wrong)));
    }

    @Test
    void a_negative_warning_is_rejected() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new RenewalSchedule(AS_OF, Duration.ofDays(-1), List.of()));
    }
}
