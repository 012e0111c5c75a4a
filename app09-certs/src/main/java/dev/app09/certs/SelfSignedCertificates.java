package dev.app09.certs;

import static java.util.Objects.requireNonNull;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.RSAKeyGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Creates self-signed client certificates as the guidance's {@code New-SelfSignedCertificate}
 * does, without Windows: RSA (2048 bits by default), signed SHA256withRSA, key usage
 * digitalSignature (critical), a subject key identifier and a 159-bit serial from a
 * {@link SecureRandom}.
 *
 * <p>Only RSA: Entra verifies client assertions with RS256 and azure-identity's PEM loader reads
 * RSA keys only, so an EC certificate would upload but never sign in.
 *
 * <p>The validity starts {@link #BACKDATE} before the clock's instant, so a verifier whose clock
 * runs a little behind does not see a not-yet-valid certificate, and ends the requested number of
 * calendar months (UTC) after the clock's instant.
 *
 * <pre>{@code
 * CertificateAndKey created = SelfSignedCertificates.create(CertificateRequest.of("CN=MyApp-Auth-Cert"), clock);
 * }</pre>
 */
public final class SelfSignedCertificates {

    /** How far before "now" a new certificate's validity starts. */
    public static final Duration BACKDATE = Duration.ofMinutes(10);

    private static final String SIGNATURE_ALGORITHM = "SHA256withRSA";
    private static final int SERIAL_BITS = 159; // positive and at most 20 octets (RFC 5280 4.1.2.2)

    private SelfSignedCertificates() {}

    /**
     * @param request subject, key size and validity
     * @param clock the time the validity is counted from
     * @return the certificate and its private key
     */
    public static CertificateAndKey create(CertificateRequest request, Clock clock) {
        return create(request, clock, new SecureRandom());
    }

    /**
     * @param request subject, key size and validity
     * @param clock the time the validity is counted from
     * @param random the source of the key, the serial and the signature's randomness
     * @return the certificate and its private key
     */
    public static CertificateAndKey create(CertificateRequest request, Clock clock, SecureRandom random) {
        requireNonNull(request, "request");
        requireNonNull(clock, "clock");
        requireNonNull(random, "random");
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Instant notBefore = now.minus(BACKDATE);
        Instant notAfter = now.atOffset(ZoneOffset.UTC).plusMonths(request.validityMonths()).toInstant();
        try {
            KeyPair keys = rsaKeys(request.keySize(), random);
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(request.subject(), serial(random),
                    Date.from(notBefore), Date.from(notAfter), request.subject(), keys.getPublic());
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
            builder.addExtension(Extension.subjectKeyIdentifier, false,
                    new JcaX509ExtensionUtils().createSubjectKeyIdentifier(keys.getPublic()));
            ContentSigner signer = new JcaContentSignerBuilder(SIGNATURE_ALGORITHM)
                    .setSecureRandom(random)
                    .build(keys.getPrivate());
            X509CertificateHolder holder = builder.build(signer);
            X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(holder);
            return CertificateAndKey.of(certificate, keys.getPrivate());
        } catch (GeneralSecurityException | OperatorCreationException | CertIOException e) {
            // Every Java platform provides RSA and SHA256withRSA: this is a broken runtime.
            throw new IllegalStateException("this Java runtime cannot create an RSA certificate: " + e, e);
        }
    }

    private static KeyPair rsaKeys(RsaKeySize size, SecureRandom random) throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(new RSAKeyGenParameterSpec(size.bits(), RSAKeyGenParameterSpec.F4), random);
        return generator.generateKeyPair();
    }

    private static BigInteger serial(SecureRandom random) {
        BigInteger serial;
        do {
            serial = new BigInteger(SERIAL_BITS, random);
        } while (serial.signum() == 0);
        return serial;
    }
}
