package dev.app09.core.model;

import org.jspecify.annotations.Nullable;

/** The {@code type} of a Graph keyCredential; {@link #UNKNOWN} for anything else, or none. */
public enum KeyType {
    /** An X.509 certificate: the public key that verifies a client assertion. */
    ASYMMETRIC_X509_CERT("AsymmetricX509Cert"),
    /** A certificate with a password (the SAML custom signing key path). */
    X509_CERT_AND_PASSWORD("X509CertAndPassword"),
    /** A legacy shared secret: as dangerous as a client secret. */
    SYMMETRIC("Symmetric"),
    /** A value app09 does not know, or no value at all. */
    UNKNOWN(null);

    /** values() copies its array on every call; reading Graph's value is on every workload's path. */
    private static final KeyType[] VALUES = values();

    private final @Nullable String graphName;

    KeyType(@Nullable String graphName) {
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
    public static KeyType fromGraph(@Nullable String raw) {
        return GraphValues.parse(raw, VALUES, KeyType::graphName, UNKNOWN);
    }
}
