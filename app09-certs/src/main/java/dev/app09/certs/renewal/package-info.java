/**
 * Certificate renewal as a schedule: for every client certificate of a tenant, the date by which a
 * successor must be registered (its end minus the policy's expiry warning), and whether one is.
 *
 * <p>{@link dev.app09.certs.renewal.RenewalPlanner#plan RenewalPlanner.plan} is a pure function of
 * (snapshot, policy, asOf). It joins workloads and classifies credentials with app09-core's own
 * rules, so what it calls {@link dev.app09.certs.renewal.RenewalStatus#DUE DUE} for an active
 * certificate is exactly what the scan reports as {@code CERTIFICATE_EXPIRING_SOON}.
 */
@NullMarked
package dev.app09.certs.renewal;

import org.jspecify.annotations.NullMarked;
