package dev.app09.core.rules;

import dev.app09.core.model.AppManagementPolicy;
import dev.app09.core.model.AppManagementRestrictions;
import dev.app09.core.model.Application;
import dev.app09.core.model.PasswordCredentialRestriction;
import dev.app09.core.model.TenantSnapshot;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The tenant-wide findings of APP09-RULES.md section 4. */
public final class TenantRules {

    private TenantRules() {
    }

    /**
     * NEW_SECRETS_BLOCKED when the default app management policy is enabled and both its
     * application and service principal restrictions hold an enabled {@code passwordAddition}
     * restriction that applies to all apps; NEW_SECRETS_ALLOWED when the policy was read and does
     * not; nothing when it was not read.
     *
     * <p>A restriction applies to all apps when it has no {@code restrictForAppsCreatedAfterDateTime},
     * or one no later than the minimum: the earliest creation time of the tenant's applications.
     * An application whose creation time is unknown counts as infinitely old, so then only a
     * restriction without a date applies to all.
     *
     * @param snapshot the tenant
     * @return the tenant findings
     */
    public static List<Finding> assess(TenantSnapshot snapshot) {
        Instant earliest = null;
        for (Application application : snapshot.applications()) {
            earliest = earlier(earliest, application);
        }
        return assess(snapshot.appManagementPolicy(), earliest);
    }

    /**
     * The findings of {@link #assess(TenantSnapshot)} from what they need of the tenant.
     *
     * @param policy the default app management policy, or null when it was not read
     * @param earliestCreation the earliest creation time of the tenant's applications, as
     *     {@link #earlier} folds it ({@link Instant#MIN} when one is unknown); null when the tenant
     *     has no application
     * @return the tenant findings
     */
    public static List<Finding> assess(@Nullable AppManagementPolicy policy, @Nullable Instant earliestCreation) {
        if (policy == null) {
            return List.of();
        }
        Instant minimum = earliestCreation == null ? Instant.MIN : earliestCreation;
        if (policy.isEnabled()
                && blocksAllPasswords(policy.applicationRestrictions(), minimum)
                && blocksAllPasswords(policy.servicePrincipalRestrictions(), minimum)) {
            return List.of(Finding.of(FindingCode.NEW_SECRETS_BLOCKED,
                    "The default app management policy blocks new client secrets for all applications and "
                            + "service principals."));
        }
        return List.of(Finding.of(FindingCode.NEW_SECRETS_ALLOWED,
                "The default app management policy does not block new client secrets for all applications and "
                        + "service principals: new secrets can still be added."));
    }

    private static boolean blocksAllPasswords(AppManagementRestrictions restrictions, Instant minimum) {
        for (PasswordCredentialRestriction r : restrictions.passwordCredentials()) {
            Instant after = r.restrictForAppsCreatedAfterDateTime();
            if (r.isEnabledPasswordAddition() && (after == null || !after.isAfter(minimum))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Folds one application into the earliest creation time: an application whose creation time
     * is unknown counts as infinitely old.
     *
     * @param sofar the earliest so far, or null before the first application
     * @param application the next application
     * @return the earliest creation time including it
     */
    public static Instant earlier(@Nullable Instant sofar, Application application) {
        Instant created = application.createdDateTime();
        if (created == null) {
            return Instant.MIN;
        }
        return sofar == null || created.isBefore(sofar) ? created : sofar;
    }
}
