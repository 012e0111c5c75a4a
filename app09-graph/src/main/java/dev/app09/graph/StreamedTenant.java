package dev.app09.graph;

import dev.app09.core.model.AppManagementPolicy;
import dev.app09.core.model.ScanProblem;
import dev.app09.core.model.SignInEvidence;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What a streamed read of a tenant found besides its applications and service principals, which
 * went to a join instead of being held.
 *
 * @param tenantId the tenant's id, if known
 * @param appManagementPolicy the default app management policy; null when it was not read
 * @param signInEvidence the sign-in evidence; null when it was not asked for or not read
 * @param problems what went wrong while reading
 */
public record StreamedTenant(
        @Nullable UUID tenantId,
        @Nullable AppManagementPolicy appManagementPolicy,
        @Nullable SignInEvidence signInEvidence,
        List<ScanProblem> problems) {

    /** Copies the problems. */
    public StreamedTenant {
        problems = List.copyOf(problems);
    }

    /** @return whether every required collection was read whole (no {@code INCOMPLETE} problem) */
    public boolean complete() {
        return ScanProblem.noneIncomplete(problems);
    }

    /**
     * @param newProblems the problems met while reading
     * @return a copy with these problems (replacing earlier ones)
     */
    public StreamedTenant withProblems(List<ScanProblem> newProblems) {
        return new StreamedTenant(tenantId, appManagementPolicy, signInEvidence, newProblems);
    }
}
