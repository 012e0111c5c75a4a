package dev.app09.core.migration;

import static java.util.Objects.requireNonNull;

import dev.app09.core.model.ScanProblem;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The migration plan of a tenant: every workload the scan lists (APP09-RULES.md section 3, listing),
 * with its state and next step, in the order work should be done (secrets without an alternative
 * first). Managed identities and workloads without live secrets or alternatives are listed as
 * {@link MigrationState#NOTHING_TO_DO}; Microsoft and external service principals without any
 * credential are left out, as in the scan, unless the policy lists all workloads.
 *
 * @param tenantId the tenant's id, if known
 * @param asOf the plan's instant
 * @param problems what went wrong while the tenant was read; a plan of an incomplete read marks nothing ready
 * @param workloads the planned workloads, in work order
 */
public record MigrationPlan(@Nullable UUID tenantId, Instant asOf, List<ScanProblem> problems, List<WorkloadMigration> workloads) {

    /** Validates and copies. */
    public MigrationPlan {
        requireNonNull(asOf, "asOf");
        problems = List.copyOf(problems);
        workloads = List.copyOf(workloads);
    }

    /** @return whether the tenant was read whole */
    public boolean complete() {
        return problems.stream().noneMatch(p -> p.impact() == ScanProblem.Impact.INCOMPLETE);
    }

    /** @return how many planned workloads are in each state (every state present, zeros included) */
    public Map<MigrationState, Integer> counts() {
        Map<MigrationState, Integer> counts = new EnumMap<>(MigrationState.class);
        Arrays.stream(MigrationState.values()).forEach(s -> counts.put(s, 0));
        workloads.forEach(w -> counts.merge(w.state(), 1, Integer::sum));
        return counts;
    }

    /**
     * @param appId an application (client) id
     * @return its plan, if planned
     */
    public Optional<WorkloadMigration> workload(UUID appId) {
        return workloads.stream().filter(w -> w.appId().equals(appId)).findFirst();
    }
}
