package dev.app09.certs.renewal;

import static java.util.Objects.requireNonNull;

import dev.app09.core.model.TenantSnapshot;
import dev.app09.core.rules.AssessedCredential;
import dev.app09.core.rules.CredentialClassifier;
import dev.app09.core.rules.CredentialKind;
import dev.app09.core.rules.CredentialStatus;
import dev.app09.core.rules.Origin;
import dev.app09.core.rules.Policy;
import dev.app09.core.rules.Workload;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Turns "register the renewed certificate before the current one expires" into a schedule: a pure
 * function of the snapshot, the policy and the evaluation instant (no clock is read).
 *
 * <p>Workloads and credentials come from app09-core ({@link Workload#joinAll},
 * {@link CredentialClassifier#classify}), so the planner and the scan never disagree on what a
 * client certificate is:
 * <ul>
 *   <li>Only {@link CredentialKind#CERTIFICATE} keys are scheduled: SAML signing keys and keys of
 *       unknown type or usage are not client certificates.</li>
 *   <li>Managed identities are left out: Azure rotates their credentials.</li>
 *   <li>EXPIRED certificates are neither scheduled nor successors (the scan reports them as
 *       {@code CERTIFICATE_EXPIRED}).</li>
 *   <li>A certificate without an end date is not scheduled (it has no renew-by date), but it is a
 *       successor to every other certificate of its workload, as it ends last; the scan likewise
 *       reports no {@code CERTIFICATE_EXPIRING_SOON} beside it. A {@code successorKeyId} may thus
 *       name a certificate the schedule does not list.</li>
 * </ul>
 *
 * <p>Every ACTIVE or NOT_YET_VALID certificate with an end date gets one entry, due by its end
 * minus {@link Policy#expiryWarning()}. Its successor is another such certificate of the same
 * workload, on the application or the service principal (both authenticate the same client),
 * that ends strictly later; when several do, the one ending last, then the lowest keyId. Without
 * a successor the entry is {@link RenewalStatus#DUE} when {@code end <= asOf + expiryWarning}, the
 * inequality of the scan's {@code CERTIFICATE_EXPIRING_SOON}, else {@link RenewalStatus#PLANNED}.
 *
 * <pre>{@code
 * RenewalSchedule schedule = RenewalPlanner.plan(snapshot, Policy.defaults(), asOf);
 * schedule.due().forEach(r -> System.out.println(r.displayName() + ": register a successor to " + r.keyId()));
 * }</pre>
 */
public final class RenewalPlanner {

    /** Preferred first: the latest end (none at all is latest), then the lowest keyId, then the application's. */
    private static final Comparator<AssessedCredential> SUCCESSOR_PREFERENCE = Comparator
            .comparing(AssessedCredential::end, Comparator.nullsFirst(Comparator.<Instant>reverseOrder()))
            .thenComparing(c -> requireNonNull(c.keyId()))
            .thenComparing(AssessedCredential::location);

    private RenewalPlanner() {
    }

    /**
     * @param snapshot the tenant as read
     * @param policy the policy; its expiry warning sets the renew-by dates, its Microsoft tenant
     *     ids the workloads' origins
     * @param asOf the evaluation instant
     * @return one entry per client certificate that ends, in {@link RenewalSchedule#ORDER}
     */
    public static RenewalSchedule plan(TenantSnapshot snapshot, Policy policy, Instant asOf) {
        requireNonNull(snapshot, "snapshot");
        requireNonNull(policy, "policy");
        requireNonNull(asOf, "asOf");
        Duration warning = policy.expiryWarning();
        List<CertificateRenewal> renewals = new ArrayList<>();
        for (Workload workload : Workload.joinAll(snapshot)) {
            if (workload.origin(policy.microsoftTenantIds()) != Origin.MANAGED_IDENTITY) {
                plan(workload, warning, asOf, renewals);
            }
        }
        return new RenewalSchedule(asOf, warning, renewals);
    }

    private static void plan(Workload workload, Duration warning, Instant asOf, List<CertificateRenewal> out) {
        List<AssessedCredential> certificates = CredentialClassifier.classify(workload, asOf).stream()
                .filter(c -> c.kind() == CredentialKind.CERTIFICATE && c.status() != CredentialStatus.EXPIRED)
                .toList();
        for (AssessedCredential certificate : certificates) {
            Instant end = certificate.end();
            if (end == null) {
                continue;
            }
            AssessedCredential successor = successor(certificate, end, certificates);
            RenewalStatus status = successor != null ? RenewalStatus.RENEWED
                    : end.isAfter(asOf.plus(warning)) ? RenewalStatus.PLANNED
                    : RenewalStatus.DUE;
            out.add(new CertificateRenewal(workload.appId(), workload.displayName(), certificate.location(),
                    requireNonNull(certificate.keyId()), certificate.displayName(), end, end.minus(warning),
                    successor == null ? null : successor.keyId(), status));
        }
    }

    private static @Nullable AssessedCredential successor(AssessedCredential certificate, Instant end,
            List<AssessedCredential> certificates) {
        return certificates.stream()
                .filter(c -> c != certificate && (c.end() == null || requireNonNull(c.end()).isAfter(end)))
                .min(SUCCESSOR_PREFERENCE)
                .orElse(null);
    }
}
