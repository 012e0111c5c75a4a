package dev.app09.certs.renewal;

import static java.util.Objects.requireNonNull;

import dev.app09.core.rules.CredentialLocation;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One client certificate in the renewal schedule: when it ends, by when its successor must be
 * registered, and which certificate that successor is, if one is registered already.
 *
 * @param appId the workload's application (client) id
 * @param displayName the workload's display name (the application's, else the service principal's)
 * @param location the object the certificate sits on
 * @param keyId the certificate's keyId
 * @param certificateDisplayName the certificate's display name, if any
 * @param end when the certificate expires
 * @param renewBy when a successor must be registered at the latest: {@code end} minus the
 *     expiry warning
 * @param successorKeyId the keyId of the certificate that takes over, when {@code status} is
 *     {@link RenewalStatus#RENEWED}; else null
 * @param status whether a successor is registered, and if not, whether the renew-by date has come
 */
public record CertificateRenewal(
        UUID appId,
        String displayName,
        CredentialLocation location,
        String keyId,
        @Nullable String certificateDisplayName,
        Instant end,
        Instant renewBy,
        @Nullable String successorKeyId,
        RenewalStatus status) {

    /**
     * Validates.
     *
     * @throws IllegalArgumentException when {@code renewBy} is after {@code end}, or when a
     *     successor is named without the status RENEWED (or the status RENEWED names none)
     */
    public CertificateRenewal {
        requireNonNull(appId, "appId");
        requireNonNull(displayName, "displayName");
        requireNonNull(location, "location");
        requireNonNull(keyId, "keyId");
        requireNonNull(end, "end");
        requireNonNull(renewBy, "renewBy");
        requireNonNull(status, "status");
        if (renewBy.isAfter(end)) {
            throw new IllegalArgumentException("certificate " + keyId + " cannot be renewed after it ends: renewBy "
                    + renewBy + ", end " + end);
        }
        if ((successorKeyId != null) != (status == RenewalStatus.RENEWED)) {
            throw new IllegalArgumentException("certificate " + keyId + " has status " + status + " and successor "
                    + successorKeyId + ": a successor is named exactly when the status is RENEWED");
        }
    }

    /** @return whether no successor is registered yet (the status is DUE or PLANNED) */
    public boolean needsSuccessor() {
        return status != RenewalStatus.RENEWED;
    }
}
