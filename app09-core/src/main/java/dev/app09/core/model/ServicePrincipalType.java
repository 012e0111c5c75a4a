package dev.app09.core.model;

import org.jspecify.annotations.Nullable;

/** The {@code servicePrincipalType} of a Graph service principal. */
public enum ServicePrincipalType {
    /** An application (first-party, multi-tenant, gallery or this tenant's own). */
    APPLICATION("Application"),
    /** A managed identity: Azure holds and rotates its credentials. */
    MANAGED_IDENTITY("ManagedIdentity"),
    /** A legacy service principal. */
    LEGACY("Legacy"),
    /** A social identity provider. */
    SOCIAL_IDP("SocialIdp"),
    /** A service identity. */
    SERVICE_IDENTITY("ServiceIdentity"),
    /** A value app09 does not know, or no value at all. */
    UNKNOWN(null);

    /** values() copies its array on every call; reading Graph's value is on every workload's path. */
    private static final ServicePrincipalType[] VALUES = values();

    private final @Nullable String graphName;

    ServicePrincipalType(@Nullable String graphName) {
        this.graphName = graphName;
    }

    /** @return the value as Graph writes it, or null for {@link #UNKNOWN} */
    public @Nullable String graphName() {
        return graphName;
    }

    /**
     * Reads Graph's value, ignoring case.
     *
     * @param raw the value Graph sent, possibly null
     * @return the matching constant, or {@link #UNKNOWN}
     */
    public static ServicePrincipalType fromGraph(@Nullable String raw) {
        return GraphValues.parse(raw, VALUES, ServicePrincipalType::graphName, UNKNOWN);
    }
}
