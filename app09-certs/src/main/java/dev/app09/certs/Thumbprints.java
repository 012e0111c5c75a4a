package dev.app09.certs;

import static java.util.Objects.requireNonNull;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The three ways a certificate is named by its hash.
 *
 * @param sha1Hex SHA-1 of the DER certificate in upper-case hex: the "thumbprint" the Entra admin
 *     center shows
 * @param x5t SHA-1 of the DER certificate in base64url without padding (JWT header {@code x5t})
 * @param x5tS256 SHA-256 of the DER certificate in base64url without padding, as RFC 7515 defines
 *     the JWT header {@code x5t#S256} (MSAL sends this hash to Entra, though MSAL4J 1.23 writes it
 *     in standard base64 with padding)
 */
public record Thumbprints(String sha1Hex, String x5t, String x5tS256) {

    /** Validates. */
    public Thumbprints {
        requireNonNull(sha1Hex, "sha1Hex");
        requireNonNull(x5t, "x5t");
        requireNonNull(x5tS256, "x5tS256");
    }

    /**
     * @param der a DER-encoded certificate
     * @return its thumbprints
     */
    public static Thumbprints of(byte[] der) {
        requireNonNull(der, "der");
        byte[] sha1 = digest("SHA-1", der);
        Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
        return new Thumbprints(
                HexFormat.of().withUpperCase().formatHex(sha1),
                url.encodeToString(sha1),
                url.encodeToString(digest("SHA-256", der)));
    }

    /**
     * @param certificate a certificate
     * @return its thumbprints
     */
    public static Thumbprints of(X509Certificate certificate) {
        requireNonNull(certificate, "certificate");
        try {
            return of(certificate.getEncoded());
        } catch (CertificateEncodingException e) {
            throw new IllegalArgumentException("the certificate cannot be DER-encoded", e);
        }
    }

    /** @return SHA-1 of the DER certificate */
    static byte[] sha1(X509Certificate certificate) {
        try {
            return digest("SHA-1", certificate.getEncoded());
        } catch (CertificateEncodingException e) {
            throw new IllegalArgumentException("the certificate cannot be DER-encoded", e);
        }
    }

    private static byte[] digest(String algorithm, byte[] bytes) {
        try {
            return MessageDigest.getInstance(algorithm).digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            // Every Java platform must provide SHA-1 and SHA-256.
            throw new IllegalStateException(algorithm + " is missing from this Java runtime", e);
        }
    }
}
