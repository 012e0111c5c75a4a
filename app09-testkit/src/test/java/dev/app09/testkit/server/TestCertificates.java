package dev.app09.testkit.server;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Real self-signed certificates for the write tests: RSA-2048 keys signed SHA256withRSA, as Entra
 * expects of client certificates.
 */
final class TestCertificates {

    private static final SecureRandom RANDOM = new SecureRandom();

    private TestCertificates() {
    }

    /**
     * A certificate made for a test and the key pair behind it.
     *
     * @param certificate the certificate
     * @param keyPair its key pair
     */
    record Issued(X509Certificate certificate, KeyPair keyPair) {

        byte[] der() {
            try {
                return certificate.getEncoded();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }

        /** @return the DER in standard Base64, as Graph's {@code key} carries it */
        String base64() {
            return Base64.getEncoder().encodeToString(der());
        }

        /** @return SHA-1 over the DER: the thumbprint Entra shows and addKey stores */
        byte[] thumbprint() {
            try {
                return MessageDigest.getInstance("SHA-1").digest(der());
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }

        PrivateKey privateKey() {
            return keyPair.getPrivate();
        }

        Instant notBefore() {
            return certificate.getNotBefore().toInstant();
        }

        Instant notAfter() {
            return certificate.getNotAfter().toInstant();
        }
    }

    /**
     * @param commonName the subject and issuer CN
     * @param notBefore the start, cut to whole seconds (X.509 keeps no less)
     * @param notAfter the end, cut to whole seconds
     * @return a new key pair and its self-signed certificate
     */
    static Issued selfSigned(String commonName, Instant notBefore, Instant notAfter) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048, RANDOM);
            KeyPair pair = generator.generateKeyPair();
            X500Name name = new X500Name("CN=" + commonName);
            BigInteger serial = new BigInteger(64, RANDOM).add(BigInteger.ONE);
            X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(
                    new JcaX509v3CertificateBuilder(name, serial,
                            Date.from(notBefore.truncatedTo(ChronoUnit.SECONDS)),
                            Date.from(notAfter.truncatedTo(ChronoUnit.SECONDS)), name, pair.getPublic())
                            .build(new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate())));
            return new Issued(certificate, pair);
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("cannot make a test certificate", e);
        }
    }
}
