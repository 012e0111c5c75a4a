package dev.app09.core.rules;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One credential of a workload, classified and dated at the evaluation instant.
 *
 * @param location the object it sits on
 * @param kind what it is for APP-09
 * @param keyId its keyId (a federated credential's id), if any
 * @param displayName its display name (a federated credential's name), if any
 * @param hint a secret's first characters as Graph shows them, if any
 * @param start when it becomes valid; null means since ever
 * @param end when it expires; null means never
 * @param status its validity at the evaluation instant
 * @param type Graph's raw key type, for key credentials
 * @param usage Graph's raw key usage, for key credentials
 */
public record AssessedCredential(
        CredentialLocation location,
        CredentialKind kind,
        @Nullable String keyId,
        @Nullable String displayName,
        @Nullable String hint,
        @Nullable Instant start,
        @Nullable Instant end,
        CredentialStatus status,
        @Nullable String type,
        @Nullable String usage) {

    /** Validates. */
    public AssessedCredential {
        requireNonNull(location, "location");
        requireNonNull(kind, "kind");
        requireNonNull(status, "status");
    }

    /** @return whether it is a secret or symmetric key that is not expired (future-dated ones included) */
    public boolean isLiveSecret() {
        return kind.isSecret() && status != CredentialStatus.EXPIRED;
    }

    /** @return whether it is an ACTIVE certificate */
    public boolean isActiveCertificate() {
        return kind == CredentialKind.CERTIFICATE && status == CredentialStatus.ACTIVE;
    }

    /** @return whether it lets the workload authenticate without a secret: an ACTIVE certificate or any federated credential */
    public boolean isUsableAlternative() {
        return isActiveCertificate() || kind == CredentialKind.FEDERATED;
    }

    /**
     * @param max the longest lifetime allowed
     * @return whether its lifetime exceeds {@code max}, or is unbounded (no start or no end)
     */
    public boolean lifetimeExceeds(Duration max) {
        return start == null || end == null || Duration.between(start, end).compareTo(max) > 0;
    }
}
