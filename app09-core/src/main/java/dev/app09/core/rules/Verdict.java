package dev.app09.core.rules;

/**
 * The verdict on one workload (APP09-RULES.md section 3), declared in report priority order:
 * the failing ones first, then migrations under way, exceptions, and the passing ones.
 */
public enum Verdict {
    /** Live secrets and no usable alternative: the workload relies solely on secrets. Failing. */
    SECRETS_ONLY(true),
    /** Live secrets beside a certificate older than the migration window. Failing. */
    MIGRATION_OVERDUE(true),
    /** Live secrets beside a usable alternative, within the migration window. */
    MIGRATING(false),
    /** A documented, valid exception covers the workload's secrets. */
    EXCEPTION(false),
    /** Authenticates with certificates only. */
    CERTIFICATE(false),
    /** Authenticates with workload identity federation (and possibly certificates). */
    FEDERATED(false),
    /** Holds no client credential that is live. */
    NO_CREDENTIALS(false),
    /** A managed identity: APP-09 does not apply. */
    NOT_APPLICABLE(false);

    private final boolean failing;

    Verdict(boolean failing) {
        this.failing = failing;
    }

    /** @return whether this verdict fails the control */
    public boolean failing() {
        return failing;
    }
}
