package dev.app09.core.model;

import org.jspecify.annotations.Nullable;

/** The {@code usage} of a Graph keyCredential; {@link #UNKNOWN} for anything else, or none. */
public enum KeyUsage {
    /** Verifies signatures: a client authentication certificate (or a SAML verify key). */
    VERIFY("Verify"),
    /** Signs tokens: a SAML token-signing key, never client authentication. */
    SIGN("Sign"),
    /** A value app09 does not know, or no value at all. */
    UNKNOWN(null);

    /** values() copies its array on every call; reading Graph's value is on every workload's path. */
    private static final KeyUsage[] VALUES = values();

    private final @Nullable String graphName;

    KeyUsage(@Nullable String graphName) {
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
    public static KeyUsage fromGraph(@Nullable String raw) {
        return GraphValues.parse(raw, VALUES, KeyUsage::graphName, UNKNOWN);
    }
}
