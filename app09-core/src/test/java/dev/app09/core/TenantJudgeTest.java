package dev.app09.core;

import static dev.app09.core.Fixtures.AS_OF;
import static dev.app09.core.Fixtures.app;
import static dev.app09.core.Fixtures.daysAgo;
import static dev.app09.core.Fixtures.id;
import static dev.app09.core.Fixtures.liveSecret;
import static org.assertj.core.api.Assertions.assertThat;

import dev.app09.core.model.AppManagementPolicy;
import dev.app09.core.model.AppManagementRestrictions;
import dev.app09.core.model.Application;
import dev.app09.core.model.PasswordCredentialRestriction;
import dev.app09.core.model.TenantSnapshot;
import dev.app09.core.rules.ExceptionEntry;
import dev.app09.core.rules.ExceptionRegister;
import dev.app09.core.rules.Policy;
import dev.app09.core.rules.RandomTenants;
import dev.app09.core.rules.TenantRules;
import dev.app09.core.rules.Workload;
import dev.app09.core.rules.WorkloadAssessment;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What a streamed judgement keeps besides the assessments: the tenant findings' input and unmatched exceptions. */
class TenantJudgeTest {

    private static AppManagementPolicy blockingNewSecretsAfter(Instant after) {
        AppManagementRestrictions restrictions = new AppManagementRestrictions(List.of(
                new PasswordCredentialRestriction("passwordAddition", "enabled", null, after)));
        return new AppManagementPolicy(true, restrictions, restrictions);
    }

    @Test
    void tenantFindingsDependOnTheEarliestApplicationJudged() {
        // Blocks secrets for apps created after 500 days ago: all apps only when none is older.
        AppManagementPolicy policy = blockingNewSecretsAfter(daysAgo(500));
        Application recent = new Application(UUID.randomUUID(), id(1), "recent", daysAgo(100), null, List.of(),
                List.of(), List.of());
        Application old = app(id(2), "old"); // created 1000 days ago

        TenantJudge onlyRecent = TenantJudge.of(Policy.defaults(), AS_OF, null, a -> { });
        onlyRecent.accept(new Workload(id(1), recent, null));
        TenantJudge both = TenantJudge.of(Policy.defaults(), AS_OF, null, a -> { });
        both.accept(new Workload(id(1), recent, null));
        both.accept(new Workload(id(2), old, null));

        assertThat(onlyRecent.tenantFindings(policy)).isEqualTo(TenantRules.assess(
                TenantSnapshot.of(List.of(recent), List.of()).withAppManagementPolicy(policy)));
        assertThat(both.tenantFindings(policy)).isEqualTo(TenantRules.assess(
                TenantSnapshot.of(List.of(recent, old), List.of()).withAppManagementPolicy(policy)));
        assertThat(onlyRecent.tenantFindings(policy)).isNotEqualTo(both.tenantFindings(policy));
        assertThat(both.tenantFindings(null)).isEmpty();
    }

    @Test
    void judgingEveryWorkloadGivesTheAssessorsAssessments() {
        TenantSnapshot tenant = RandomTenants.of(1_000, 9);
        List<WorkloadAssessment> streamed = new ArrayList<>();
        TenantJudge judge = TenantJudge.of(Policy.defaults(), AS_OF, null, streamed::add);
        Workload.joinAll(tenant).forEach(judge);

        assertThat(streamed).containsExactlyInAnyOrderElementsOf(Assessor.assess(tenant, Policy.defaults()
                .withListAllWorkloads(true), AS_OF).workloads());
    }

    @Test
    void anExceptionIsUnmatchedUntilItsWorkloadIsJudged() {
        ExceptionEntry present = new ExceptionEntry(id(1), "vendor", "CISO", LocalDate.of(2026, 12, 31));
        ExceptionEntry typo = new ExceptionEntry(id(99), "vendor", "CISO", LocalDate.of(2026, 12, 31));
        Policy policy = Policy.defaults().withExceptions(ExceptionRegister.of(List.of(present, typo)));
        TenantJudge judge = TenantJudge.of(policy, AS_OF, null, a -> { });
        assertThat(judge.unmatchedExceptions()).containsExactly(present, typo);

        judge.accept(new Workload(id(1), app(id(1), "vendor app", liveSecret()), null));

        assertThat(judge.unmatchedExceptions()).containsExactly(typo);
    }
}
