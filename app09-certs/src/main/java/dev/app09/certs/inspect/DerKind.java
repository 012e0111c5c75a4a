package dev.app09.certs.inspect;

import java.util.function.Function;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.pkcs.CertificationRequest;
import org.bouncycastle.asn1.pkcs.EncryptedPrivateKeyInfo;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.Pfx;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.pkcs.RSAPrivateKey;
import org.bouncycastle.asn1.x509.Certificate;
import org.bouncycastle.asn1.x509.CertificateList;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;

/** What one DER object is, told by the BouncyCastle structure that accepts it. */
enum DerKind {
    CERTIFICATE("an X.509 certificate", false, ""),
    PKCS12("a PKCS#12 (.pfx) file", true),
    PRIVATE_KEY("a PKCS#8 private key, not a certificate", true),
    ENCRYPTED_PRIVATE_KEY("an encrypted PKCS#8 private key, not a certificate", true),
    RSA_PRIVATE_KEY("a PKCS#1 RSA private key, not a certificate", true),
    EC_PRIVATE_KEY("an EC private key, not a certificate", true),
    CERTIFICATE_REQUEST("a PKCS#10 certificate request (CSR), not a certificate",
            false, ": upload the certificate issued for it"),
    CERTIFICATE_LIST("a certificate revocation list (CRL), not a certificate", false, ""),
    PKCS7("a PKCS#7 bundle (.p7b), not a certificate",
            false, ": export the certificate alone as .cer (DER or Base-64) and upload that"),
    PUBLIC_KEY("a bare public key, not a certificate", false, ": upload a certificate that holds it"),
    OTHER("ASN.1 that is not a certificate", false, "");

    private static final String KEY_ADVICE = ": upload the certificate that belongs to it, never the key";

    private final String description;
    private final boolean privateKey;
    private final String advice;

    /** A kind that holds a private key: the advice is never to upload the key. */
    DerKind(String description, boolean privateKey) {
        this(description, privateKey, KEY_ADVICE);
    }

    DerKind(String description, boolean privateKey, String advice) {
        this.description = description;
        this.privateKey = privateKey;
        this.advice = advice;
    }

    /** @return what it is, and what to do instead when that is worth saying, for a reason text */
    String explained() {
        return description + advice;
    }

    /** @return whether an object of this kind is, or is meant to hold, a private key */
    boolean holdsPrivateKey() {
        return privateKey;
    }

    /**
     * @param object a DER object read from untrusted content
     * @return its kind, {@link #OTHER} when no known structure accepts it
     */
    static DerKind of(ASN1Primitive object) {
        if (!(object instanceof ASN1Sequence sequence)) {
            return OTHER;
        }
        // Certificate, request and CRL share an outer shape (to-be-signed, algorithm, signature):
        // the inner structure tells them apart. Each getInstance rejects the others' shapes.
        if (accepts(sequence, Certificate::getInstance)) {
            return CERTIFICATE;
        }
        if (accepts(sequence, CertificationRequest::getInstance)) {
            return CERTIFICATE_REQUEST;
        }
        if (accepts(sequence, CertificateList::getInstance)) {
            return CERTIFICATE_LIST;
        }
        if (accepts(sequence, Pfx::getInstance)) {
            return PKCS12;
        }
        if (accepts(sequence, PrivateKeyInfo::getInstance)) {
            return PRIVATE_KEY;
        }
        if (accepts(sequence, RSAPrivateKey::getInstance)) {
            return RSA_PRIVATE_KEY;
        }
        if (accepts(sequence, DerKind::ecPrivateKey)) {
            return EC_PRIVATE_KEY;
        }
        if (accepts(sequence, EncryptedPrivateKeyInfo::getInstance)) {
            return ENCRYPTED_PRIVATE_KEY;
        }
        if (accepts(sequence, SubjectPublicKeyInfo::getInstance)) {
            return PUBLIC_KEY;
        }
        if (accepts(sequence, DerKind::pkcs7)) {
            return PKCS7;
        }
        return OTHER;
    }

    private static boolean accepts(ASN1Sequence sequence, Function<ASN1Sequence, ?> structure) {
        try {
            structure.apply(sequence);
            return true;
        } catch (RuntimeException | StackOverflowError e) {
            // BouncyCastle rejects a foreign shape with IllegalArgumentException, but hostile input
            // also reaches ClassCastException, index errors and, nested deep enough, the stack limit.
            return false;
        }
    }

    /**
     * RFC 5915 ECPrivateKey: version 1, the private key as an OCTET STRING, then optional tagged
     * parameters and public key. BouncyCastle's ECPrivateKey checks none of it on construction.
     */
    private static Object ecPrivateKey(ASN1Sequence sequence) {
        if (sequence.size() < 2 || sequence.size() > 4
                || !ASN1Integer.getInstance(sequence.getObjectAt(0)).hasValue(1)) {
            throw new IllegalArgumentException("not an ECPrivateKey");
        }
        return ASN1OctetString.getInstance(sequence.getObjectAt(1));
    }

    private static Object pkcs7(ASN1Sequence sequence) {
        ContentInfo info = ContentInfo.getInstance(sequence);
        if (!info.getContentType().on(PKCSObjectIdentifiers.pkcs_7)) {
            throw new IllegalArgumentException("not a PKCS#7 content type");
        }
        return info;
    }
}
