package dev.app09.certs.inspect;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.pkcs.PKCS12PfxPduBuilder;
import org.bouncycastle.pkcs.PKCS12SafeBagBuilder;
import org.bouncycastle.pkcs.bc.BcPKCS12MacCalculatorBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS12SafeBagBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemWriter;

/**
 * Certificates and files for tests, built with BouncyCastle and the JDK. Keys are generated once
 * per test run and shared: RSA generation is the slow part of these tests.
 *
 * <pre>{@code
 * X509Certificate expired = TestCertificates.certificate().validFrom(NOW.minus(...)).validUntil(NOW).build();
 * }</pre>
 */
final class TestCertificates {

    /** The time certificates are made around and checked at. Whole seconds, as X.509 stores them. */
    /** The bag attribute with which Java's KeyStore marks a certificate trusted (Oracle's arc). */
    private static final ASN1ObjectIdentifier JAVA_TRUSTED_KEY_USAGE = new ASN1ObjectIdentifier("2.16.840.1.113894.746875.1.1");

    static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

    static final KeyPair RSA_2048 = rsa(2048);
    static final KeyPair RSA_2048_CA = rsa(2048);
    static final KeyPair RSA_2047 = rsa(2047);
    static final KeyPair RSA_1024 = rsa(1024);
    static final KeyPair EC_P256 = ec("secp256r1");

    private TestCertificates() {}

    /** @return a builder of a self-signed RSA 2048 SHA-256 certificate valid from a day before NOW for 180 days */
    static Builder certificate() {
        return new Builder();
    }

    /** A CA certificate and a leaf it issued. */
    record Chain(X509Certificate leaf, X509Certificate ca) {}

    /** @return a leaf CN=payroll issued by a self-signed CN=Contoso Test CA */
    static Chain chain() {
        X509Certificate ca = certificate().subject("CN=Contoso Test CA").key(RSA_2048_CA).build();
        X509Certificate leaf = certificate().subject("CN=payroll").issuedBy(ca, RSA_2048_CA.getPrivate()).build();
        return new Chain(leaf, ca);
    }

    static byte[] der(X509Certificate certificate) {
        try {
            return certificate.getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return the certificates as PEM CERTIFICATE blocks */
    static String pem(X509Certificate... certificates) {
        StringBuilder pem = new StringBuilder();
        for (X509Certificate certificate : certificates) {
            pem.append(pem("CERTIFICATE", der(certificate)));
        }
        return pem.toString();
    }

    /** @return one PEM block */
    static String pem(String label, byte[] content) {
        StringWriter text = new StringWriter();
        try (PemWriter writer = new PemWriter(text)) {
            writer.writeObject(new PemObject(label, content));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    /** @return the key as an unencrypted PKCS#8 PEM block, as azure-identity reads it */
    static String pemPrivateKey(PrivateKey key) {
        return pem("PRIVATE KEY", key.getEncoded());
    }

    /**
     * @return a PKCS#12 file written by Java's KeyStore (AES-256, HmacSHA256 integrity), the key
     *     under alias "workload" with its chain
     */
    static byte[] pkcs12(char[] password, PrivateKey key, X509Certificate... chain) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("workload", key, password, chain);
            return store(store, password);
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return a PKCS#12 file holding the certificate as a trusted certificate, and no key */
    static byte[] pkcs12WithoutKey(char[] password, X509Certificate certificate) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setCertificateEntry("trusted", certificate);
            return store(store, password);
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * @return a PKCS#12 file with the key in an unencrypted key bag (which Java's KeyStore skips) and
     *     the certificate marked trusted for Java (so Java lists it), as OpenSSL's {@code -keypbe NONE}
     *     and a trust attribute make it
     */
    static byte[] pkcs12WithPlainKeyBag(char[] password, PrivateKey key, X509Certificate certificate) throws Exception {
        PKCS12SafeBagBuilder keyBag = new JcaPKCS12SafeBagBuilder(key);
        PKCS12SafeBagBuilder certificateBag = new JcaPKCS12SafeBagBuilder(certificate);
        certificateBag.addBagAttribute(JAVA_TRUSTED_KEY_USAGE, new DERSet(KeyPurposeId.anyExtendedKeyUsage));
        PKCS12PfxPduBuilder pfx = new PKCS12PfxPduBuilder();
        pfx.addData(certificateBag.build());
        pfx.addData(keyBag.build());
        return pfx.build(new BcPKCS12MacCalculatorBuilder(), password).getEncoded();
    }

    private static byte[] store(KeyStore store, char[] password) throws GeneralSecurityException, IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        store.store(out, password);
        return out.toByteArray();
    }

    /** @return a DER PKCS#10 certificate request signed by the key */
    static byte[] certificateRequest(KeyPair key) {
        try {
            return new JcaPKCS10CertificationRequestBuilder(new X500Principal("CN=payroll"), key.getPublic())
                    .build(signer("SHA256withRSA", key.getPrivate()))
                    .getEncoded();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return a DER PKCS#7 bundle of the certificates, as Windows exports a .p7b */
    static byte[] pkcs7(X509Certificate... certificates) {
        try {
            return CertificateFactory.getInstance("X.509").generateCertPath(List.of(certificates)).getEncoded("PKCS7");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return an empty DER CRL issued by a self-signed RSA key */
    static byte[] crl() {
        try {
            return new JcaX509v2CRLBuilder(new X500Principal("CN=Contoso Test CA"), Date.from(NOW))
                    .build(signer("SHA256withRSA", RSA_2048_CA.getPrivate()))
                    .getEncoded();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the first bytes of the content */
    static byte[] truncated(byte[] content, int length) {
        return Arrays.copyOf(content, length);
    }

    /** @return bytes of a fixed seed, the first one chosen */
    static byte[] junk(long seed, int length, int firstByte) {
        byte[] junk = new byte[length];
        new java.util.Random(seed).nextBytes(junk);
        junk[0] = (byte) firstByte;
        return junk;
    }

    private static KeyPair rsa(int bits) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(bits);
            KeyPair pair = generator.generateKeyPair();
            int actual = ((RSAKey) pair.getPublic()).getModulus().bitLength();
            if (actual != bits) {
                throw new IllegalStateException("asked for an RSA key of " + bits + " bits, got " + actual);
            }
            return pair;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair ec(String curve) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec(curve));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String defaultSignatureAlgorithm(PrivateKey signer) {
        return switch (signer.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            case "EdDSA" -> "Ed25519";
            default -> signer.getAlgorithm();
        };
    }

    private static ContentSigner signer(String algorithm, PrivateKey key) {
        try {
            // No provider named: the JDK's own signatures, as in production.
            return new JcaContentSignerBuilder(algorithm).build(key);
        } catch (OperatorCreationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A certificate with valid defaults; set only what the test is about. */
    static final class Builder {

        private String subject = "CN=app09 test,O=Contoso";
        private KeyPair key = RSA_2048;
        private BigInteger serial = new BigInteger("0A1B2C3D4E5F60718293", 16);
        private Instant notBefore = NOW.minus(Duration.ofDays(1));
        private Instant notAfter = NOW.plus(Duration.ofDays(180));
        private String issuer = subject;
        private PrivateKey issuerKey = key.getPrivate();
        private boolean issuerSet;
        private String signatureAlgorithm = "";

        Builder subject(String subject) {
            this.subject = subject;
            return this;
        }

        Builder key(KeyPair key) {
            this.key = key;
            return this;
        }

        Builder serial(BigInteger serial) {
            this.serial = serial;
            return this;
        }

        Builder validFrom(Instant notBefore) {
            this.notBefore = notBefore;
            return this;
        }

        Builder validUntil(Instant notAfter) {
            this.notAfter = notAfter;
            return this;
        }

        /** Signed by another certificate's key, naming it as issuer. */
        Builder issuedBy(X509Certificate issuer, PrivateKey issuerKey) {
            return issuedBy(issuer.getSubjectX500Principal().getName(X500Principal.RFC2253), issuerKey);
        }

        /** Signed by any key under any issuer name: the name may even be the subject's. */
        Builder issuedBy(String issuer, PrivateKey issuerKey) {
            this.issuer = issuer;
            this.issuerKey = issuerKey;
            this.issuerSet = true;
            return this;
        }

        /** @param signatureAlgorithm a JCA name such as SHA1withRSA; the default follows the signing key */
        Builder signatureAlgorithm(String signatureAlgorithm) {
            this.signatureAlgorithm = signatureAlgorithm;
            return this;
        }

        X509Certificate build() {
            String issuerName = issuerSet ? issuer : subject;
            PrivateKey signingKey = issuerSet ? issuerKey : key.getPrivate();
            String algorithm = signatureAlgorithm.isEmpty() ? defaultSignatureAlgorithm(signingKey) : signatureAlgorithm;
            PublicKey publicKey = key.getPublic();
            try {
                return new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(
                                new X500Principal(issuerName), serial, Date.from(notBefore), Date.from(notAfter),
                                new X500Principal(subject), publicKey)
                        .build(signer(algorithm, signingKey)));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
