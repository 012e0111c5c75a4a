package dev.app09.core.rules;

import static dev.app09.core.Fixtures.app;
import static dev.app09.core.Fixtures.daysAgo;
import static dev.app09.core.Fixtures.id;
import static org.assertj.core.api.Assertions.assertThat;

import dev.app09.core.model.AppManagementPolicy;
import dev.app09.core.model.AppManagementRestrictions;
import dev.app09.core.model.PasswordCredentialRestriction;
import dev.app09.core.model.TenantSnapshot;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** APP09-RULES.md section 4: tenant findings from the default app management policy. */
final class TenantRulesTest {

    private static AppManagementRestrictions blocking(@Nullable Instant after) {
        return new AppManagementRestrictions(List.of(
                new PasswordCredentialRestriction("passwordLifetime", "enabled", "P90D", null),
                new PasswordCredentialRestriction("passwordAddition", "enabled", null, after)));
    }

    private static List<FindingCode> codes(@Nullable AppManagementPolicy policy) {
        // The only application was created 1000 days ago (Fixtures.app).
        TenantSnapshot snapshot = TenantSnapshot.of(List.of(app(id(1), "A")), List.of()).withAppManagementPolicy(policy);
        return TenantRules.assess(snapshot).stream().map(Finding::code).toList();
    }

    @Test
    void nothing_is_said_when_the_policy_was_not_read() {
        assertThat(codes(null)).isEmpty();
    }

    @Test
    void new_secrets_blocked_when_enabled_and_both_restrictions_block_addition_for_all_apps() {
        assertThat(codes(new AppManagementPolicy(true, blocking(null), blocking(null))))
                .containsExactly(FindingCode.NEW_SECRETS_BLOCKED);
    }

    @Test
    void a_restriction_dated_at_or_before_the_oldest_application_applies_to_all() {
        assertThat(codes(new AppManagementPolicy(true, blocking(daysAgo(1000)), blocking(daysAgo(2000)))))
                .containsExactly(FindingCode.NEW_SECRETS_BLOCKED);
    }

    @Test
    void a_restriction_only_for_apps_created_later_than_the_minimum_allows_new_secrets() {
        assertThat(codes(new AppManagementPolicy(true, blocking(daysAgo(10)), blocking(null))))
                .containsExactly(FindingCode.NEW_SECRETS_ALLOWED);
    }

    @Test
    void a_disabled_policy_allows_new_secrets() {
        assertThat(codes(new AppManagementPolicy(false, blocking(null), blocking(null))))
                .containsExactly(FindingCode.NEW_SECRETS_ALLOWED);
    }

    @Test
    void blocking_applications_but_not_service_principals_allows_new_secrets() {
        assertThat(codes(new AppManagementPolicy(true, blocking(null), AppManagementRestrictions.NONE)))
                .containsExactly(FindingCode.NEW_SECRETS_ALLOWED);
    }

    @Test
    void a_disabled_password_addition_restriction_does_not_block() {
        AppManagementRestrictions disabled = new AppManagementRestrictions(List.of(
                new PasswordCredentialRestriction("passwordAddition", "disabled", null, null)));
        assertThat(codes(new AppManagementPolicy(true, disabled, disabled))).containsExactly(FindingCode.NEW_SECRETS_ALLOWED);
    }
}
