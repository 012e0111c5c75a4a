package dev.app09.core.migration;

/**
 * The rules that guard the removal of a client secret. Each refusal names one, so that a team
 * migrating many applications can see why a step was refused and what to do about it.
 */
public enum RetirementRule {
    /** The tenant was not read whole: what the workload holds is not known for sure. */
    SCAN_INCOMPLETE,
    /** The workload, or a password credential with that keyId on it, is not in the tenant. */
    NO_SUCH_SECRET,
    /** The password opens a SAML token-signing certificate: it is not a client secret and is never removed here. */
    SIGNING_PASSWORD,
    /** After the removal the workload would hold no ACTIVE certificate and no federated credential. */
    NO_ALTERNATIVE,
    /**
     * The certificates that are proven to work (or, with none proven, every alternative that would
     * remain) end within the expiry warning: the workload would stop signing in when they end. An
     * unproven later certificate or a federated credential does not lift it.
     */
    ALTERNATIVE_ENDS_SOON,
    /**
     * Whether a client still uses the secret is not known: no sign-in evidence was read, the evidence
     * holds no sign-in at all, or the secret was created inside the usage window and is not in it (absence says
     * nothing yet); the caller may accept the removal without it
     * ({@link MigrationEvidence#acceptingUnknownUsage()}).
     */
    USAGE_UNKNOWN,
    /** Sign-in evidence shows the secret signed in within the usage window: removing it would break a client. */
    SECRET_IN_USE,
    /**
     * Nothing shows a certificate of the workload works: no valid saved verification, and no
     * certificate sign-in in the sign-in evidence (or no evidence at all), no older than the usage
     * window and never older than 30 days.
     */
    CERTIFICATE_NOT_PROVEN
}
