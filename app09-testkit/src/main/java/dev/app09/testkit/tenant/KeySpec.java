package dev.app09.testkit.tenant;

import static java.util.Objects.requireNonNull;

import dev.app09.core.model.KeyCredential;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A key credential. The default is a client-authentication certificate ({@code
 * AsymmetricX509Cert}, {@code Verify}) that started 60 days ago and ends in 365, whose custom key
 * identifier is a 20-byte thumbprint-like value, as the portal and addKey store it.
 */
public final class KeySpec extends CredentialSpec<KeySpec> {

    /** Graph's type of a certificate. */
    public static final String ASYMMETRIC_X509_CERT = "AsymmetricX509Cert";
    /** Graph's type of a SAML signing certificate uploaded with its password. */
    public static final String X509_CERT_AND_PASSWORD = "X509CertAndPassword";
    /** Graph's type of a legacy symmetric key. */
    public static final String SYMMETRIC = "Symmetric";
    /** Graph's usage of a key that verifies (client authentication, or SAML verify half). */
    public static final String VERIFY = "Verify";
    /** Graph's usage of a token-signing key. */
    public static final String SIGN = "Sign";

    private @Nullable String type = ASYMMETRIC_X509_CERT;
    private @Nullable String usage = VERIFY;

    KeySpec(Instant now, UUID keyId, String displayName) {
        super(now, keyId, displayName, Duration.ofDays(60), Duration.ofDays(365));
        customKeyIdentifier(thumbprintOf(keyId));
    }

    @Override
    KeySpec self() {
        return this;
    }

    /**
     * @param graphType Graph's {@code type} string (any value, to test unknown ones), or null
     * @return this spec
     */
    public KeySpec type(@Nullable String graphType) {
        this.type = graphType;
        return this;
    }

    /**
     * @param graphUsage Graph's {@code usage} string (any value, to test unknown ones), or null
     * @return this spec
     */
    public KeySpec usage(@Nullable String graphUsage) {
        this.usage = graphUsage;
        return this;
    }

    KeyCredential build() {
        return new KeyCredential(keyId(), displayName(), customKeyIdentifier(), type, usage, start(), end());
    }

    /** 20 bytes derived from the key id: stands in for the SHA-1 thumbprint of a certificate. */
    static byte[] thumbprintOf(UUID keyId) {
        requireNonNull(keyId, "keyId");
        byte[] bytes = new byte[20];
        long hi = keyId.getMostSignificantBits();
        long lo = keyId.getLeastSignificantBits();
        for (int i = 0; i < 20; i++) {
            long source = i % 2 == 0 ? hi : lo;
            bytes[i] = (byte) (source >>> (8 * (i % 8)) ^ i);
        }
        return bytes;
    }
}
