package dev.app09.testkit.tenant;

/**
 * How the three credentials of a SAML token-signing certificate (a Sign key, a Verify key, and the
 * password that opens the PFX) are tied together, as Entra stores them in the wild.
 */
public enum SamlStyle {
    /**
     * {@code addTokenSigningCertificate} and the portal: all three share the custom key
     * identifier, and the password shares the Sign key's key id.
     */
    TOKEN_SIGNING_CERTIFICATE,
    /**
     * The custom-key path of the SAML tutorial: the Sign key has type {@code X509CertAndPassword},
     * the password shares its key id and carries no custom key identifier.
     */
    CUSTOM_KEY,
    /** Older objects: the password has a key id of its own and pairs only by custom key identifier. */
    CUSTOM_KEY_IDENTIFIER_ONLY
}
