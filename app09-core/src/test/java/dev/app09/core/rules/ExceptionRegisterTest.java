package dev.app09.core.rules;

import static dev.app09.core.Fixtures.AS_OF;
import static dev.app09.core.Fixtures.activeCertificate;
import static dev.app09.core.Fixtures.app;
import static dev.app09.core.Fixtures.certificate;
import static dev.app09.core.Fixtures.daysAgo;
import static dev.app09.core.Fixtures.id;
import static dev.app09.core.Fixtures.inDays;
import static dev.app09.core.Fixtures.liveSecret;
import static dev.app09.core.Fixtures.secret;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.app09.core.model.Application;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** APP09-RULES.md section 5: the exceptions register. */
final class ExceptionRegisterTest {

    private static final LocalDate NEXT_MONTH = LocalDate.ofInstant(inDays(30), ZoneOffset.UTC);

    private static WorkloadAssessment judge(Application app, LocalDate expires) {
        Policy policy = Policy.defaults().withExceptions(ExceptionRegister.of(List.of(
                new ExceptionEntry(app.appId(), "legacy runtime supports neither", "CISO", expires))));
        return Judge.workload(app, null, policy, null);
    }

    @Test
    void a_valid_exception_turns_secrets_only_into_exception() {
        WorkloadAssessment w = judge(app(id(1), "Legacy", liveSecret()), NEXT_MONTH);
        assertThat(w.verdict()).isEqualTo(Verdict.EXCEPTION);
        assertThat(w.failing()).isFalse();
    }

    @Test
    void a_valid_exception_turns_migration_overdue_into_exception() {
        assertThat(judge(app(id(1), "Legacy", liveSecret(), activeCertificate()), NEXT_MONTH).verdict())
                .isEqualTo(Verdict.EXCEPTION);
    }

    @Test
    void an_exception_does_not_touch_a_workload_that_is_migrating() {
        assertThat(judge(app(id(1), "A", liveSecret(), certificate(daysAgo(3), inDays(300))), NEXT_MONTH).verdict())
                .isEqualTo(Verdict.MIGRATING);
    }

    @Test
    void an_exception_does_not_touch_a_passing_workload() {
        assertThat(judge(app(id(1), "A", activeCertificate()), NEXT_MONTH).verdict()).isEqualTo(Verdict.CERTIFICATE);
    }

    @Test
    void an_expired_exception_leaves_the_verdict_with_exception_expired() {
        WorkloadAssessment w = judge(app(id(1), "Legacy", liveSecret()), LocalDate.ofInstant(daysAgo(1), ZoneOffset.UTC));
        assertThat(w.verdict()).isEqualTo(Verdict.SECRETS_ONLY);
        assertThat(w.has(FindingCode.EXCEPTION_EXPIRED)).isTrue();
    }

    @Test
    void an_exception_ends_at_the_start_of_its_expiry_day() {
        LocalDate today = LocalDate.ofInstant(AS_OF, ZoneOffset.UTC);
        assertThat(judge(app(id(1), "Legacy", liveSecret()), today).verdict()).isEqualTo(Verdict.SECRETS_ONLY);
        assertThat(judge(app(id(1), "Legacy", liveSecret()), today.plusDays(1)).verdict()).isEqualTo(Verdict.EXCEPTION);
    }

    @Test
    void an_exception_with_a_long_lived_secret_is_invalid_and_the_verdict_stands() {
        WorkloadAssessment w = judge(app(id(1), "Legacy", secret(daysAgo(10), inDays(700))), NEXT_MONTH);
        assertThat(w.verdict()).isEqualTo(Verdict.SECRETS_ONLY);
        assertThat(w.has(FindingCode.EXCEPTION_INVALID)).isTrue();
    }

    @Test
    void an_exception_with_a_secret_that_never_expires_is_invalid() {
        WorkloadAssessment w = judge(app(id(1), "Legacy", secret(daysAgo(10), null)), NEXT_MONTH);
        assertThat(w.has(FindingCode.EXCEPTION_INVALID)).isTrue();
        assertThat(w.failing()).isTrue();
    }

    @Test
    void an_exception_for_another_app_id_changes_nothing() {
        Policy policy = Policy.defaults().withExceptions(ExceptionRegister.of(List.of(
                new ExceptionEntry(id(99), "other", "CISO", NEXT_MONTH))));
        assertThat(Judge.workload(app(id(1), "A", liveSecret()), null, policy, null).verdict())
                .isEqualTo(Verdict.SECRETS_ONLY);
    }

    @Test
    void a_register_refuses_two_entries_for_one_app_id() {
        ExceptionEntry entry = new ExceptionEntry(id(1), "r", "CISO", NEXT_MONTH);
        assertThatThrownBy(() -> ExceptionRegister.of(List.of(entry, entry)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(id(1).toString());
    }

    @Test
    void an_entry_needs_a_reason_and_an_approver() {
        assertThatThrownBy(() -> new ExceptionEntry(id(1), " ", "CISO", NEXT_MONTH))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
