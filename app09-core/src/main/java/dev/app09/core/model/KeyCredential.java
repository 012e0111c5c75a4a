package dev.app09.core.model;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A Graph keyCredential: a certificate, a SAML signing or verify key, or a legacy symmetric key.
 *
 * <p>{@code type} and {@code usage} keep the strings Graph sent, so a value app09 does not know is
 * shown as it is; {@link #keyType()} and {@link #keyUsage()} are the enum views.
 *
 * @param keyId the credential's id
 * @param displayName its display name, if any
 * @param customKeyIdentifier opaque bytes (often a thumbprint) that pair SAML signing credentials
 * @param type Graph's {@code type}, e.g. {@code AsymmetricX509Cert}
 * @param usage Graph's {@code usage}, {@code Verify} or {@code Sign}
 * @param startDateTime when it becomes valid; null means since ever
 * @param endDateTime when it expires; null means never
 */
public record KeyCredential(
        UUID keyId,
        @Nullable String displayName,
        @Nullable KeyIdentifier customKeyIdentifier,
        @Nullable String type,
        @Nullable String usage,
        @Nullable Instant startDateTime,
        @Nullable Instant endDateTime) {

    /** Validates the id. */
    public KeyCredential {
        requireNonNull(keyId, "keyId");
    }

    /** @return the type as an enum; {@link KeyType#UNKNOWN} when Graph sent another value */
    public KeyType keyType() {
        return KeyType.fromGraph(type);
    }

    /** @return the usage as an enum; {@link KeyUsage#UNKNOWN} when Graph sent another value */
    public KeyUsage keyUsage() {
        return KeyUsage.fromGraph(usage);
    }
}
