package dev.app09.core.model;

import static java.util.Objects.requireNonNull;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Everything read from one tenant: the input of the rules.
 *
 * <pre>{@code
 * TenantSnapshot snapshot = TenantSnapshot.of(applications, servicePrincipals)
 *         .withAppManagementPolicy(policy);
 * }</pre>
 *
 * @param tenantId the tenant's id, if known
 * @param applications the application objects; at most one per appId
 * @param servicePrincipals the service principals; at most one per appId
 * @param appManagementPolicy the default app management policy; null when it was not read
 * @param signInEvidence credential sign-in evidence; null when it was not asked for or not read
 * @param problems what went wrong while reading
 */
public record TenantSnapshot(
        @Nullable UUID tenantId,
        List<Application> applications,
        List<ServicePrincipal> servicePrincipals,
        @Nullable AppManagementPolicy appManagementPolicy,
        @Nullable SignInEvidence signInEvidence,
        List<ScanProblem> problems) {

    /**
     * Validates and copies.
     *
     * @throws IllegalArgumentException when two applications, or two service principals, share
     *     an appId (a tenant never has that; an export that does is corrupt)
     */
    public TenantSnapshot {
        applications = List.copyOf(applications);
        servicePrincipals = List.copyOf(servicePrincipals);
        problems = List.copyOf(problems);
        requireUniqueAppIds(applications, Application::appId, "applications");
        requireUniqueAppIds(servicePrincipals, ServicePrincipal::appId, "service principals");
    }

    /**
     * A complete snapshot with no tenant id, policy or evidence.
     *
     * @param applications the application objects
     * @param servicePrincipals the service principals
     * @return the snapshot
     */
    public static TenantSnapshot of(List<Application> applications, List<ServicePrincipal> servicePrincipals) {
        return new TenantSnapshot(null, applications, servicePrincipals, null, null, List.of());
    }

    /**
     * @param id the tenant id
     * @return a copy with the tenant id
     */
    public TenantSnapshot withTenantId(@Nullable UUID id) {
        return new TenantSnapshot(id, applications, servicePrincipals, appManagementPolicy, signInEvidence, problems);
    }

    /**
     * @param policy the default app management policy, or null when it was not read
     * @return a copy with the policy
     */
    public TenantSnapshot withAppManagementPolicy(@Nullable AppManagementPolicy policy) {
        return new TenantSnapshot(tenantId, applications, servicePrincipals, policy, signInEvidence, problems);
    }

    /**
     * @param evidence the sign-in evidence, or null when it was not read
     * @return a copy with the evidence
     */
    public TenantSnapshot withSignInEvidence(@Nullable SignInEvidence evidence) {
        return new TenantSnapshot(tenantId, applications, servicePrincipals, appManagementPolicy, evidence, problems);
    }

    /**
     * @param newProblems the problems met while reading
     * @return a copy with these problems (replacing earlier ones)
     */
    public TenantSnapshot withProblems(List<ScanProblem> newProblems) {
        return new TenantSnapshot(tenantId, applications, servicePrincipals, appManagementPolicy, signInEvidence, newProblems);
    }

    /** @return whether every required collection was read whole (no {@code INCOMPLETE} problem) */
    public boolean complete() {
        return ScanProblem.noneIncomplete(problems);
    }

    private static <T> void requireUniqueAppIds(List<T> objects, Function<T, UUID> appId, String what) {
        Set<UUID> seen = new HashSet<>();
        for (T object : objects) {
            UUID id = requireNonNull(appId.apply(object), "appId");
            if (!seen.add(id)) {
                throw new IllegalArgumentException("two " + what + " have appId " + id
                        + ": a tenant holds at most one of each per appId");
            }
        }
    }
}
