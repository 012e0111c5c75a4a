package dev.app09.core.model;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One row of the credential sign-in activity report ({@code appCredentialSignInActivities}): when
 * a credential last signed in.
 *
 * @param keyId the credential's id
 * @param appId the application it belongs to, if sent
 * @param keyType {@code clientSecret} or {@code certificate} (some documents say {@code secret}),
 *     as sent
 * @param credentialOrigin {@code application} or {@code servicePrincipal}, as sent
 * @param lastSignIn the last sign-in with the credential; null when it never signed in
 */
public record CredentialSignIn(
        UUID keyId,
        @Nullable UUID appId,
        @Nullable String keyType,
        @Nullable String credentialOrigin,
        @Nullable Instant lastSignIn) {

    /** Validates. */
    public CredentialSignIn {
        requireNonNull(keyId, "keyId");
    }
}
