package dev.app09.core.migration;

/** Where a workload stands on its way from client secrets to certificates or federation. */
public enum MigrationState {
    /** Live secrets and no usable alternative: a certificate must be created and uploaded. */
    NEEDS_CERTIFICATE,
    /**
     * A certificate (or federation) is in place beside live secrets, but nothing shows it works
     * yet, or a client still signs in with a secret: switch the client over, then prove it.
     */
    CERTIFICATE_UNPROVEN,
    /** A certificate is proven and at least one secret passes every rule of {@link RetirementGuard}. */
    READY_TO_RETIRE_SECRET,
    /** No live secret remains and a certificate or federated credential is in force. */
    DONE,
    /** A documented exception covers the workload's secrets. */
    EXCEPTION,
    /** Nothing to migrate: a managed identity, or a workload without live secrets or alternatives. */
    NOTHING_TO_DO
}
