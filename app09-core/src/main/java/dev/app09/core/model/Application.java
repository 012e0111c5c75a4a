package dev.app09.core.model;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An application object (app registration) of the tenant, with its credentials.
 *
 * @param id the object id
 * @param appId the application (client) id that joins it with its service principal
 * @param displayName its display name
 * @param createdDateTime when it was created, if known
 * @param signInAudience who may sign in, e.g. {@code AzureADMyOrg}, if known
 * @param passwordCredentials client secrets (and nothing else: Graph keeps no SAML passwords here)
 * @param keyCredentials certificates and keys
 * @param federatedIdentityCredentials workload identity federation trusts
 */
public record Application(
        UUID id,
        UUID appId,
        String displayName,
        @Nullable Instant createdDateTime,
        @Nullable String signInAudience,
        List<PasswordCredential> passwordCredentials,
        List<KeyCredential> keyCredentials,
        List<FederatedIdentityCredential> federatedIdentityCredentials) {

    /** Validates and copies the lists. */
    public Application {
        requireNonNull(id, "id");
        requireNonNull(appId, "appId");
        requireNonNull(displayName, "displayName");
        passwordCredentials = List.copyOf(passwordCredentials);
        keyCredentials = List.copyOf(keyCredentials);
        federatedIdentityCredentials = List.copyOf(federatedIdentityCredentials);
    }

    /**
     * @param credentials the application's federated identity credentials as now read
     * @return a copy with them in place of these
     */
    public Application withFederatedIdentityCredentials(List<FederatedIdentityCredential> credentials) {
        return new Application(id, appId, displayName, createdDateTime, signInAudience, passwordCredentials,
                keyCredentials, credentials);
    }
}
