package dev.app09.core.rules;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.Set;
import java.util.UUID;

/**
 * Everything configurable about an assessment, with the documented defaults
 * (APP09-RULES.md section 4): migration window 30 days, expiry warning 30 days, maximum secret
 * lifetime 366 days, usage window 30 days, the Microsoft first-party tenants, no exceptions, and
 * the listing rule that leaves credential-less Microsoft and external service principals out.
 *
 * <pre>{@code
 * Policy policy = Policy.defaults()
 *         .withMigrationWindow(Duration.ofDays(60))
 *         .withExceptions(register);
 * }</pre>
 *
 * @param migrationWindow how long secrets may live beside a certificate before it is overdue
 * @param expiryWarning how early the last certificate's expiry is flagged
 * @param maxSecretLifetime the longest lifetime a secret may have (APP-02)
 * @param usageWindow how recent a sign-in must be to count as use
 * @param microsoftTenantIds tenants whose applications are Microsoft first-party
 * @param exceptions the documented exceptions
 * @param listAllWorkloads whether to list Microsoft and external workloads with no credential
 */
public record Policy(
        Duration migrationWindow,
        Duration expiryWarning,
        Duration maxSecretLifetime,
        Duration usageWindow,
        Set<UUID> microsoftTenantIds,
        ExceptionRegister exceptions,
        boolean listAllWorkloads) {

    /** Microsoft Services. */
    public static final UUID MICROSOFT_SERVICES_TENANT = UUID.fromString("f8cdef31-a31e-4b4a-93e4-5f571e91255a");
    /** Microsoft's corporate tenant. */
    public static final UUID MICROSOFT_CORPORATE_TENANT = UUID.fromString("72f988bf-86f1-41af-91ab-2d7cd011db47");

    private static final Policy DEFAULTS = new Policy(Duration.ofDays(30), Duration.ofDays(30), Duration.ofDays(366),
            Duration.ofDays(30), Set.of(MICROSOFT_SERVICES_TENANT, MICROSOFT_CORPORATE_TENANT),
            ExceptionRegister.empty(), false);

    /** Validates and copies. */
    public Policy {
        requireNonNegative(migrationWindow, "migrationWindow");
        requireNonNegative(expiryWarning, "expiryWarning");
        requireNonNegative(maxSecretLifetime, "maxSecretLifetime");
        requireNonNegative(usageWindow, "usageWindow");
        microsoftTenantIds = Set.copyOf(microsoftTenantIds);
        requireNonNull(exceptions, "exceptions");
    }

    /** @return the documented defaults */
    public static Policy defaults() {
        return DEFAULTS;
    }

    /**
     * @param window how long secrets may live beside a certificate
     * @return a copy with that migration window
     */
    public Policy withMigrationWindow(Duration window) {
        return new Policy(window, expiryWarning, maxSecretLifetime, usageWindow, microsoftTenantIds, exceptions,
                listAllWorkloads);
    }

    /**
     * @param warning how early the last certificate's expiry is flagged
     * @return a copy with that expiry warning
     */
    public Policy withExpiryWarning(Duration warning) {
        return new Policy(migrationWindow, warning, maxSecretLifetime, usageWindow, microsoftTenantIds, exceptions,
                listAllWorkloads);
    }

    /**
     * @param max the longest lifetime a secret may have
     * @return a copy with that maximum
     */
    public Policy withMaxSecretLifetime(Duration max) {
        return new Policy(migrationWindow, expiryWarning, max, usageWindow, microsoftTenantIds, exceptions,
                listAllWorkloads);
    }

    /**
     * @param window how recent a sign-in must be to count as use
     * @return a copy with that usage window
     */
    public Policy withUsageWindow(Duration window) {
        return new Policy(migrationWindow, expiryWarning, maxSecretLifetime, window, microsoftTenantIds, exceptions,
                listAllWorkloads);
    }

    /**
     * @param tenantIds the Microsoft first-party tenants (replacing the defaults)
     * @return a copy with those tenants
     */
    public Policy withMicrosoftTenantIds(Set<UUID> tenantIds) {
        return new Policy(migrationWindow, expiryWarning, maxSecretLifetime, usageWindow, tenantIds, exceptions,
                listAllWorkloads);
    }

    /**
     * @param register the documented exceptions
     * @return a copy with that register
     */
    public Policy withExceptions(ExceptionRegister register) {
        return new Policy(migrationWindow, expiryWarning, maxSecretLifetime, usageWindow, microsoftTenantIds, register,
                listAllWorkloads);
    }

    /**
     * @param listAll whether to list Microsoft and external workloads with no credential
     * @return a copy with that listing rule
     */
    public Policy withListAllWorkloads(boolean listAll) {
        return new Policy(migrationWindow, expiryWarning, maxSecretLifetime, usageWindow, microsoftTenantIds, exceptions,
                listAll);
    }

    private static void requireNonNegative(Duration duration, String name) {
        requireNonNull(duration, name);
        if (duration.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative: " + duration);
        }
    }
}
