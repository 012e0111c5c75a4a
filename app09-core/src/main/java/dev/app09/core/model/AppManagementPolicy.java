package dev.app09.core.model;

import static java.util.Objects.requireNonNull;

/**
 * The tenant's default app management policy ({@code /policies/defaultAppManagementPolicy}), as
 * far as APP-09 needs it: whether new client secrets can still be added.
 *
 * @param isEnabled whether the policy is enforced
 * @param applicationRestrictions restrictions on application objects
 * @param servicePrincipalRestrictions restrictions on service principals
 */
public record AppManagementPolicy(
        boolean isEnabled,
        AppManagementRestrictions applicationRestrictions,
        AppManagementRestrictions servicePrincipalRestrictions) {

    /** Validates. */
    public AppManagementPolicy {
        requireNonNull(applicationRestrictions, "applicationRestrictions");
        requireNonNull(servicePrincipalRestrictions, "servicePrincipalRestrictions");
    }
}
