package dev.app09.core.model;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A Graph passwordCredential: a client secret, or the password that opens a SAML signing
 * certificate. There is deliberately no field for the secret value.
 *
 * @param keyId the credential's id
 * @param displayName its display name, if any
 * @param hint the first characters of the secret as Graph shows them; cut to
 *     {@value #MAX_HINT_LENGTH} characters so that a longer value can never be kept
 * @param customKeyIdentifier opaque bytes that pair a SAML signing password with its key, if any
 * @param startDateTime when it becomes valid; null means since ever
 * @param endDateTime when it expires; null means never
 */
public record PasswordCredential(
        UUID keyId,
        @Nullable String displayName,
        @Nullable String hint,
        @Nullable KeyIdentifier customKeyIdentifier,
        @Nullable Instant startDateTime,
        @Nullable Instant endDateTime) {

    /** Graph's hint is the first three characters of the secret; nothing longer is kept. */
    public static final int MAX_HINT_LENGTH = 3;

    /** Validates the id and cuts the hint. */
    public PasswordCredential {
        requireNonNull(keyId, "keyId");
        if (hint != null && hint.length() > MAX_HINT_LENGTH) {
            hint = hint.substring(0, MAX_HINT_LENGTH);
        }
    }

    @Override
    public String toString() {
        return "PasswordCredential[keyId=" + keyId + ", displayName=" + displayName
                + ", start=" + startDateTime + ", end=" + endDateTime + "]";
    }
}
