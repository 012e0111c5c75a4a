package dev.app09.core.migration;

import static java.util.Objects.requireNonNull;

import dev.app09.core.report.ChecklistItem;
import dev.app09.core.rules.Origin;
import dev.app09.core.rules.Verdict;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One workload's place in the migration.
 *
 * @param appId the application (client) id
 * @param displayName the display name
 * @param origin where the workload comes from
 * @param applicationObjectId the application object's id (where certificates are uploaded), if in this tenant
 * @param verdict its APP-09 verdict at the plan's instant
 * @param state where it stands
 * @param nextStep the one thing to do next, as a sentence (with the app09 command when there is one)
 * @param secretsReady the keyIds of the live secrets {@link RetirementGuard} allows to retire now
 * @param secretsBlocked the keyIds of the other live secrets, each with the rules that refuse it
 * @param checklist the guidance's verification steps for this workload, each ticked from evidence
 */
public record WorkloadMigration(
        UUID appId,
        String displayName,
        Origin origin,
        @Nullable UUID applicationObjectId,
        Verdict verdict,
        MigrationState state,
        String nextStep,
        List<UUID> secretsReady,
        List<RetirementDecision> secretsBlocked,
        List<ChecklistItem> checklist) {

    /** Validates and copies. */
    public WorkloadMigration {
        requireNonNull(appId, "appId");
        requireNonNull(displayName, "displayName");
        requireNonNull(origin, "origin");
        requireNonNull(verdict, "verdict");
        requireNonNull(state, "state");
        requireNonNull(nextStep, "nextStep");
        secretsReady = List.copyOf(secretsReady);
        secretsBlocked = List.copyOf(secretsBlocked);
        checklist = List.copyOf(checklist);
    }
}
