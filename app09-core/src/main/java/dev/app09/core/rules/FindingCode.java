package dev.app09.core.rules;

/** The findings of APP09-RULES.md section 4, each with its severity. */
public enum FindingCode {
    /** A certificate is expired. */
    CERTIFICATE_EXPIRED(Severity.MEDIUM),
    /** The last certificate ends within the expiry warning. */
    CERTIFICATE_EXPIRING_SOON(Severity.MEDIUM),
    /** A certificate starts after the evaluation instant. */
    CERTIFICATE_NOT_YET_VALID(Severity.LOW),
    /** Expired secrets, symmetric keys or certificates are still registered (clean-up, APP-05). */
    EXPIRED_CREDENTIALS_PRESENT(Severity.LOW),
    /** A live secret lives longer than the maximum, or has no start or no end (APP-02). */
    SECRET_LIFETIME_EXCEEDS_MAX(Severity.MEDIUM),
    /** A live secret sits on the service principal, invisible in App registrations. */
    SECRET_ON_SERVICE_PRINCIPAL(Severity.HIGH),
    /** A live legacy symmetric key. */
    SYMMETRIC_KEY(Severity.MEDIUM),
    /** SAML token-signing credentials were recognised and left out. */
    SIGNING_CREDENTIALS_IGNORED(Severity.INFO),
    /** A credential of a type or usage app09 does not know. */
    UNKNOWN_CREDENTIAL(Severity.MEDIUM),
    /** Live secrets beside federation only: when the migration started is unknown. */
    MIGRATION_START_UNKNOWN(Severity.LOW),
    /** A documented exception has expired. */
    EXCEPTION_EXPIRED(Severity.HIGH),
    /** A documented exception is void: a live secret breaks the maximum lifetime. */
    EXCEPTION_INVALID(Severity.HIGH),
    /** A live secret signed in within the usage window: removing it would break the workload. */
    SECRET_IN_USE(Severity.INFO),
    /** A live secret did not sign in within the usage window: a removal candidate. */
    SECRET_UNUSED(Severity.LOW),
    /** An active certificate is unused while a secret is in use: the switch-over has not happened. */
    CERTIFICATE_UNUSED(Severity.MEDIUM),
    /** Tenant: the default app management policy blocks new secrets for all apps. */
    NEW_SECRETS_BLOCKED(Severity.INFO),
    /** Tenant: the default app management policy was read and does not block new secrets. */
    NEW_SECRETS_ALLOWED(Severity.LOW);

    private final Severity severity;

    FindingCode(Severity severity) {
        this.severity = severity;
    }

    /** @return the severity of findings with this code */
    public Severity severity() {
        return severity;
    }
}
