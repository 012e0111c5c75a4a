package dev.app09.certs;

import static java.util.Objects.requireNonNull;

import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;

/**
 * What to put in a new self-signed client certificate.
 *
 * <pre>{@code
 * CertificateRequest request = CertificateRequest.of("CN=MyApp-Auth-Cert")
 *         .withKeySize(RsaKeySize.RSA_3072)
 *         .withValidityMonths(6);
 * }</pre>
 *
 * @param subject the subject and issuer, with a common name ({@code CN=...})
 * @param keySize the RSA key size
 * @param validityMonths how many months the certificate is valid, 1 to {@value #MAX_VALIDITY_MONTHS}
 */
public record CertificateRequest(X500Principal subject, RsaKeySize keySize, int validityMonths) {

    /** The default validity: one year, as the guidance's {@code New-SelfSignedCertificate}. */
    public static final int DEFAULT_VALIDITY_MONTHS = 12;
    /** The longest validity offered: ten years. */
    public static final int MAX_VALIDITY_MONTHS = 120;

    /** Validates. */
    public CertificateRequest {
        requireNonNull(subject, "subject");
        requireNonNull(keySize, "keySize");
        if (commonNames(subject).length == 0 || commonName(subject).isBlank()) {
            throw new IllegalArgumentException("subject " + subject.getName()
                    + " has no common name: write it as CN=<name>, e.g. CN=MyApp-Auth-Cert");
        }
        if (validityMonths < 1 || validityMonths > MAX_VALIDITY_MONTHS) {
            throw new IllegalArgumentException("validity of " + validityMonths + " months is out of range: use 1 to "
                    + MAX_VALIDITY_MONTHS + " (the guidance uses " + DEFAULT_VALIDITY_MONTHS + ")");
        }
    }

    /**
     * A request with the defaults: RSA 2048, {@value #DEFAULT_VALIDITY_MONTHS} months.
     *
     * @param subject a distinguished name such as {@code CN=MyApp-Auth-Cert}
     * @return the request
     * @throws IllegalArgumentException when the name cannot be read or has no common name
     */
    public static CertificateRequest of(String subject) {
        requireNonNull(subject, "subject");
        X500Principal principal;
        try {
            principal = new X500Principal(subject);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("subject \"" + subject
                    + "\" is not a distinguished name: write it as CN=<name>, e.g. CN=MyApp-Auth-Cert", e);
        }
        return new CertificateRequest(principal, RsaKeySize.RSA_2048, DEFAULT_VALIDITY_MONTHS);
    }

    /**
     * @param size the RSA key size
     * @return a copy with that key size
     */
    public CertificateRequest withKeySize(RsaKeySize size) {
        return new CertificateRequest(subject, size, validityMonths);
    }

    /**
     * @param months how many months the certificate is valid
     * @return a copy with that validity
     */
    public CertificateRequest withValidityMonths(int months) {
        return new CertificateRequest(subject, keySize, months);
    }

    /** @return the first common name of the subject */
    public String commonName() {
        return commonName(subject);
    }

    private static String commonName(X500Principal subject) {
        ASN1Encodable value = commonNames(subject)[0].getFirst().getValue();
        return value instanceof ASN1String text ? text.getString() : value.toString();
    }

    private static RDN[] commonNames(X500Principal subject) {
        return X500Name.getInstance(subject.getEncoded()).getRDNs(BCStyle.CN);
    }
}
