package dev.app09.certs.renewal;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Every client certificate of a tenant with its renew-by date, at one instant: what
 * {@link RenewalPlanner#plan RenewalPlanner.plan} returns.
 *
 * <pre>{@code
 * RenewalSchedule schedule = RenewalPlanner.plan(snapshot, Policy.defaults(), Instant.now());
 * for (CertificateRenewal renewal : schedule.withoutSuccessor()) {
 *     System.out.println(renewal.renewBy() + "  " + renewal.displayName() + "  " + renewal.status());
 * }
 * }</pre>
 *
 * @param asOf the instant the schedule was made at
 * @param expiryWarning how long before its end a certificate's successor must be registered
 * @param renewals one entry per client certificate, in {@link #ORDER}
 */
public record RenewalSchedule(Instant asOf, Duration expiryWarning, List<CertificateRenewal> renewals) {

    /**
     * The schedule's order: renew-by date, then workload display name ignoring case, appId,
     * keyId, and location (the same keyId on both objects).
     */
    public static final Comparator<CertificateRenewal> ORDER = Comparator
            .comparing(CertificateRenewal::renewBy)
            .thenComparing(CertificateRenewal::displayName, String.CASE_INSENSITIVE_ORDER)
            .thenComparing(CertificateRenewal::appId)
            .thenComparing(CertificateRenewal::keyId)
            .thenComparing(CertificateRenewal::location);

    /**
     * Validates, copies and sorts the renewals into {@link #ORDER}.
     *
     * @throws IllegalArgumentException when the warning is negative, or a renewal disagrees with
     *     the schedule: its renew-by date is not its end minus the warning, or it is DUE while its
     *     renew-by date is after {@code asOf} (or PLANNED while it is not)
     */
    public RenewalSchedule {
        requireNonNull(asOf, "asOf");
        requireNonNull(expiryWarning, "expiryWarning");
        if (expiryWarning.isNegative()) {
            throw new IllegalArgumentException("expiryWarning must not be negative: " + expiryWarning);
        }
        List<CertificateRenewal> sorted = new ArrayList<>(List.copyOf(renewals));
        for (CertificateRenewal renewal : sorted) {
            requireConsistent(renewal, asOf, expiryWarning);
        }
        sorted.sort(ORDER);
        renewals = List.copyOf(sorted);
    }

    /** @return the certificates that still need a successor (DUE and PLANNED), in {@link #ORDER} */
    public List<CertificateRenewal> withoutSuccessor() {
        return renewals.stream().filter(CertificateRenewal::needsSuccessor).toList();
    }

    /**
     * @return the certificates whose successor should be registered already: no successor, and
     *     the renew-by date at or before {@code asOf} (status DUE)
     */
    public List<CertificateRenewal> due() {
        return renewals.stream().filter(r -> r.status() == RenewalStatus.DUE).toList();
    }

    /**
     * The work ahead: the certificates that need a successor registered by {@code instant}, for
     * example {@code dueBy(asOf.plus(Duration.ofDays(90)))} for the next quarter.
     *
     * @param instant the horizon
     * @return the certificates without successor whose renew-by date is at or before it
     */
    public List<CertificateRenewal> dueBy(Instant instant) {
        requireNonNull(instant, "instant");
        return renewals.stream().filter(r -> r.needsSuccessor() && !r.renewBy().isAfter(instant)).toList();
    }

    private static void requireConsistent(CertificateRenewal renewal, Instant asOf, Duration expiryWarning) {
        if (!renewal.renewBy().equals(renewal.end().minus(expiryWarning))) {
            throw new IllegalArgumentException("certificate " + renewal.keyId() + " must be renewed by "
                    + renewal.end().minus(expiryWarning) + " (its end minus " + expiryWarning + "), not "
                    + renewal.renewBy());
        }
        boolean inWindow = !renewal.renewBy().isAfter(asOf);
        if (renewal.needsSuccessor() && (renewal.status() == RenewalStatus.DUE) != inWindow) {
            throw new IllegalArgumentException("certificate " + renewal.keyId() + " is " + renewal.status()
                    + " but its renew-by date " + renewal.renewBy() + " is " + (inWindow ? "not " : "")
                    + "after " + asOf);
        }
    }
}
