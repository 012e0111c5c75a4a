package dev.app09.certs.inspect;

import static java.util.Objects.requireNonNull;

import dev.app09.certs.Thumbprints;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.security.interfaces.DSAKey;
import java.security.interfaces.ECKey;
import java.security.interfaces.EdECKey;
import java.security.interfaces.RSAKey;
import java.security.interfaces.XECKey;
import java.security.spec.NamedParameterSpec;
import java.time.Instant;
import java.util.Locale;
import javax.security.auth.x500.X500Principal;

/**
 * What a user needs to recognise a certificate, as the Entra admin center and {@code openssl x509}
 * show it.
 *
 * <pre>{@code
 * CertificateFacts facts = CertificateFacts.of(certificate);
 * facts.thumbprints().sha1Hex();   // "3C1F...", as Entra shows it
 * }</pre>
 *
 * @param subject the subject, RFC 2253 ({@code CN=payroll,O=Contoso})
 * @param issuer the issuer, RFC 2253
 * @param serialHex the serial number in upper-case hex, whole bytes, as {@code openssl x509 -serial}
 *     prints it ({@code -} first when a broken issuer made it negative)
 * @param notBefore the start of validity
 * @param notAfter the end of validity
 * @param keyAlgorithm the public key's algorithm: {@code RSA}, {@code EC}, {@code Ed25519}, ... (an
 *     object identifier when Java does not know the algorithm)
 * @param keySize in bits: the RSA modulus length, the EC group order length, the DSA prime length;
 *     0 when the size is not meaningful or not known (EdDSA, unknown algorithms)
 * @param signatureAlgorithm how the issuer signed it, as Java names it: {@code SHA256withRSA}, ...
 * @param thumbprints its SHA-1 and SHA-256 hashes
 * @param selfSigned whether its issuer is its subject and its signature verifies with its own key
 */
public record CertificateFacts(
        String subject,
        String issuer,
        String serialHex,
        Instant notBefore,
        Instant notAfter,
        String keyAlgorithm,
        int keySize,
        String signatureAlgorithm,
        Thumbprints thumbprints,
        boolean selfSigned) {

    /**
     * Validates.
     *
     * @throws IllegalArgumentException when the key size is negative
     */
    public CertificateFacts {
        requireNonNull(subject, "subject");
        requireNonNull(issuer, "issuer");
        requireNonNull(serialHex, "serialHex");
        requireNonNull(notBefore, "notBefore");
        requireNonNull(notAfter, "notAfter");
        requireNonNull(keyAlgorithm, "keyAlgorithm");
        requireNonNull(signatureAlgorithm, "signatureAlgorithm");
        requireNonNull(thumbprints, "thumbprints");
        if (keySize < 0) {
            throw new IllegalArgumentException("keySize is negative: " + keySize);
        }
    }

    /**
     * @param certificate a certificate
     * @return its facts
     */
    public static CertificateFacts of(X509Certificate certificate) {
        requireNonNull(certificate, "certificate");
        PublicKey key = certificate.getPublicKey();
        return new CertificateFacts(
                certificate.getSubjectX500Principal().getName(X500Principal.RFC2253),
                certificate.getIssuerX500Principal().getName(X500Principal.RFC2253),
                serialHex(certificate.getSerialNumber()),
                certificate.getNotBefore().toInstant(),
                certificate.getNotAfter().toInstant(),
                keyAlgorithm(key),
                keySize(key),
                certificate.getSigAlgName(),
                Thumbprints.of(certificate),
                selfSigned(certificate));
    }

    private static String serialHex(BigInteger serial) {
        String hex = serial.abs().toString(16).toUpperCase(Locale.ROOT);
        String bytes = hex.length() % 2 == 0 ? hex : "0" + hex;
        return serial.signum() < 0 ? "-" + bytes : bytes;
    }

    private static String keyAlgorithm(PublicKey key) {
        // Java calls both Edwards curves "EdDSA" (and both Montgomery curves "XDH"): name the curve.
        if (key instanceof EdECKey edwards) {
            return edwards.getParams().getName();
        }
        if (key instanceof XECKey montgomery && montgomery.getParams() instanceof NamedParameterSpec named) {
            return named.getName();
        }
        return key.getAlgorithm();
    }

    private static int keySize(PublicKey key) {
        if (key instanceof RSAKey rsa) {
            return rsa.getModulus().bitLength();
        }
        // The order, as openssl and Java's own key-size checks count an EC key.
        if (key instanceof ECKey ec && ec.getParams() != null) {
            return ec.getParams().getOrder().bitLength();
        }
        if (key instanceof DSAKey dsa && dsa.getParams() != null) {
            return dsa.getParams().getP().bitLength();
        }
        return 0;
    }

    private static boolean selfSigned(X509Certificate certificate) {
        if (!certificate.getSubjectX500Principal().equals(certificate.getIssuerX500Principal())) {
            return false;
        }
        try {
            certificate.verify(certificate.getPublicKey());
            return true;
        } catch (GeneralSecurityException | RuntimeException e) {
            // Not signed by its own key (or signed in a way this runtime cannot check): not self-signed.
            return false;
        }
    }
}
