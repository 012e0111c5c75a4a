package dev.app09.certs.renewal;

/** Where a client certificate stands in the renewal schedule. */
public enum RenewalStatus {
    /**
     * A successor is registered: another certificate of the same workload, active or not yet
     * valid, on either object, ends later.
     */
    RENEWED,
    /**
     * No successor, and the renew-by date has come ({@code renewBy <= asOf}): the certificate is
     * in the expiry warning window already.
     */
    DUE,
    /** No successor yet, and the renew-by date is still in the future. */
    PLANNED
}
