package dev.app09.testkit.tenant;

import static java.util.Objects.requireNonNull;

import dev.app09.core.model.Application;
import dev.app09.core.model.FederatedIdentityCredential;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * An application registered in the tenant, with its service principal. Defaults: created a year
 * before the tenant's clock, single-tenant sign-in audience, no credentials, and a service
 * principal of type {@code Application} owned by the tenant.
 */
public final class ApplicationSpec extends DirectoryObjectSpec<ApplicationSpec> {

    private UUID appId;
    private @Nullable Instant created;
    private @Nullable String signInAudience = "AzureADMyOrg";
    private final List<FederatedSpec> federated = new ArrayList<>();
    private @Nullable ServicePrincipalSpec servicePrincipal;

    ApplicationSpec(Instant now, Ids ids, String displayName, UUID tenantId) {
        super(now, ids, displayName, "application");
        this.appId = ids.next("appId");
        this.created = now.minus(Duration.ofDays(365));
        this.servicePrincipal = new ServicePrincipalSpec(now, ids, displayName, null, "Application", tenantId);
    }

    @Override
    ApplicationSpec self() {
        return this;
    }

    /**
     * @param id the appId (client id) shared by the application and its service principal
     * @return this spec
     */
    public ApplicationSpec appId(UUID id) {
        this.appId = requireNonNull(id, "appId");
        return this;
    }

    /**
     * @param instant when the application was created, or null when Graph does not say
     * @return this spec
     */
    public ApplicationSpec created(@Nullable Instant instant) {
        this.created = instant;
        return this;
    }

    /**
     * @param audience Graph's {@code signInAudience}, or null
     * @return this spec
     */
    public ApplicationSpec signInAudience(@Nullable String audience) {
        this.signInAudience = audience;
        return this;
    }

    /**
     * Adds a federated credential trusting GitHub Actions.
     *
     * @return this spec
     */
    public ApplicationSpec federated() {
        return federated(f -> { });
    }

    /**
     * Adds a federated credential, starting from the GitHub Actions default.
     *
     * @param spec changes to the default
     * @return this spec
     */
    public ApplicationSpec federated(Consumer<? super FederatedSpec> spec) {
        FederatedSpec credential = new FederatedSpec(ids().next("federated"),
                name().toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-"));
        if (!federated.isEmpty()) {
            credential.name("github-" + (federated.size() + 1));
        }
        spec.accept(credential);
        federated.add(credential);
        return this;
    }

    /**
     * Changes the application's service principal, for example to put credentials on it.
     *
     * @param spec changes to the service principal
     * @return this spec
     */
    public ApplicationSpec servicePrincipal(Consumer<? super ServicePrincipalSpec> spec) {
        if (servicePrincipal == null) {
            throw new IllegalStateException(name() + " has no service principal: withoutServicePrincipal() was called");
        }
        spec.accept(servicePrincipal);
        return this;
    }

    /**
     * Leaves the application without a service principal (registered, never consented).
     *
     * @return this spec
     */
    public ApplicationSpec withoutServicePrincipal() {
        this.servicePrincipal = null;
        return this;
    }

    UUID appId() {
        return appId;
    }

    Application build() {
        return new Application(objectId(), appId, name(), created, signInAudience, passwordCredentials(),
                keyCredentials(), federated.stream().map(FederatedSpec::build).toList());
    }

    @Nullable ServicePrincipalSpec servicePrincipalSpec() {
        return servicePrincipal;
    }
}
