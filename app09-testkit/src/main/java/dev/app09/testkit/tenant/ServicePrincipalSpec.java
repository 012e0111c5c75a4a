package dev.app09.testkit.tenant;

import static java.util.Objects.requireNonNull;

import dev.app09.core.model.ServicePrincipal;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A service principal (enterprise application): its type, owning tenant, single sign-on mode and
 * credentials. The defaults depend on how it was added to the tenant: see {@link FakeTenant}.
 */
public final class ServicePrincipalSpec extends DirectoryObjectSpec<ServicePrincipalSpec> {

    /** Null on the service principal of an application, which takes the application's appId. */
    private @Nullable UUID appId;
    private @Nullable String type;
    private @Nullable UUID owner;
    private @Nullable String singleSignOnMode;
    private boolean preferSigningKey;

    ServicePrincipalSpec(Instant now, Ids ids, String displayName, @Nullable UUID appId, String type,
            @Nullable UUID owner) {
        super(now, ids, displayName, "servicePrincipal");
        this.appId = appId;
        this.type = type;
        this.owner = owner;
    }

    @Override
    ServicePrincipalSpec self() {
        return this;
    }

    /**
     * Only for service principals without an application in the tenant; one that belongs to an
     * application takes the application's appId.
     *
     * @param id the appId
     * @return this spec
     * @throws IllegalStateException on the service principal of an application: set the
     *     application's appId instead
     */
    public ServicePrincipalSpec appId(UUID id) {
        if (this.appId == null) {
            throw new IllegalStateException("this service principal takes its application's appId: set it with"
                    + " ApplicationSpec.appId");
        }
        this.appId = requireNonNull(id, "appId");
        return this;
    }

    /**
     * @param graphType Graph's {@code servicePrincipalType} ({@code Application},
     *     {@code ManagedIdentity}, {@code Legacy}, ... or any other string), or null
     * @return this spec
     */
    public ServicePrincipalSpec type(@Nullable String graphType) {
        this.type = graphType;
        return this;
    }

    /**
     * @param tenantId the {@code appOwnerOrganizationId}, or null
     * @return this spec
     */
    public ServicePrincipalSpec owner(@Nullable UUID tenantId) {
        this.owner = tenantId;
        return this;
    }

    /**
     * @param mode Graph's {@code preferredSingleSignOnMode} ({@code saml}, {@code password},
     *     {@code oidc}, {@code notSupported}), or null
     * @return this spec
     */
    public ServicePrincipalSpec singleSignOnMode(@Nullable String mode) {
        this.singleSignOnMode = mode;
        return this;
    }

    /**
     * Marks the service principal as a SAML application with a token-signing certificate.
     *
     * @return this spec
     */
    public ServicePrincipalSpec saml() {
        singleSignOnMode("saml");
        samlSigningCertificate();
        this.preferSigningKey = true;
        return this;
    }

    /** @return the appId of a service principal without application */
    UUID appId() {
        return requireNonNull(appId, "the service principal of an application has its application's appId");
    }

    /**
     * @param applicationAppId the application's appId, for the service principal of an
     *     application; ignored otherwise
     */
    ServicePrincipal build(UUID applicationAppId) {
        return new ServicePrincipal(objectId(), appId == null ? applicationAppId : appId, name(), type, owner, singleSignOnMode,
                preferSigningKey ? signingThumbprint() : null, passwordCredentials(), keyCredentials());
    }

    /** The upper-case hex of the first Sign key's custom key identifier, as Entra shows it. */
    private @Nullable String signingThumbprint() {
        return keyCredentials().stream()
                .filter(k -> KeySpec.SIGN.equals(k.usage()) && k.customKeyIdentifier() != null)
                .map(k -> HexFormat.of().withUpperCase().formatHex(k.customKeyIdentifier().bytes()))
                .findFirst().orElse(null);
    }
}
