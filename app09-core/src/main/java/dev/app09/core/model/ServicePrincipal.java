package dev.app09.core.model;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A service principal (enterprise application) in the tenant, with its own credentials. Secrets
 * placed here authenticate the same client as the application's, but do not show in App
 * registrations.
 *
 * @param id the object id
 * @param appId the application (client) id it represents
 * @param displayName its display name
 * @param servicePrincipalType Graph's {@code servicePrincipalType} as sent, if any
 * @param appOwnerOrganizationId the tenant that owns the application, if known
 * @param preferredSingleSignOnMode {@code saml}, {@code password}, {@code oidc}, ... if any
 * @param preferredTokenSigningKeyThumbprint the active SAML signing certificate's thumbprint, if any
 * @param passwordCredentials client secrets and SAML signing passwords
 * @param keyCredentials certificates and keys, SAML signing keys among them
 */
public record ServicePrincipal(
        UUID id,
        UUID appId,
        String displayName,
        @Nullable String servicePrincipalType,
        @Nullable UUID appOwnerOrganizationId,
        @Nullable String preferredSingleSignOnMode,
        @Nullable String preferredTokenSigningKeyThumbprint,
        List<PasswordCredential> passwordCredentials,
        List<KeyCredential> keyCredentials) {

    /** Validates and copies the lists. */
    public ServicePrincipal {
        requireNonNull(id, "id");
        requireNonNull(appId, "appId");
        requireNonNull(displayName, "displayName");
        passwordCredentials = List.copyOf(passwordCredentials);
        keyCredentials = List.copyOf(keyCredentials);
    }

    /** @return the type as an enum; {@link ServicePrincipalType#UNKNOWN} for other values */
    public ServicePrincipalType type() {
        return ServicePrincipalType.fromGraph(servicePrincipalType);
    }
}
