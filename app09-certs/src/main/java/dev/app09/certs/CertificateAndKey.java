package dev.app09.certs;

import static java.util.Objects.requireNonNull;

import dev.app09.core.model.KeyCredentialPayload;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemWriter;

/**
 * A certificate with its private key, and the encodings Entra and azure-identity read: the DER
 * certificate to upload, the same in PEM, a password-protected PKCS#12, and the unencrypted PEM
 * bundle azure-identity's {@code pemCertificate} loads.
 *
 * <p>{@link #toString()} never shows the key. Methods that write the key take an
 * {@link OutputStream}, so the key never becomes a {@code String}.
 */
public final class CertificateAndKey {

    private final X509Certificate certificate;
    private final PrivateKey privateKey;

    private CertificateAndKey(X509Certificate certificate, PrivateKey privateKey) {
        this.certificate = certificate;
        this.privateKey = privateKey;
    }

    /**
     * @param certificate the certificate
     * @param privateKey its RSA private key
     * @return the pair
     * @throws IllegalArgumentException when the key or the certificate is not RSA, or the key is not
     *     the certificate's
     */
    public static CertificateAndKey of(X509Certificate certificate, PrivateKey privateKey) {
        requireNonNull(certificate, "certificate");
        requireNonNull(privateKey, "privateKey");
        if (!(certificate.getPublicKey() instanceof RSAPublicKey) || !"RSA".equals(privateKey.getAlgorithm())) {
            throw new IllegalArgumentException("only RSA certificates and keys are supported (Entra client "
                    + "assertions are RS256), not " + certificate.getPublicKey().getAlgorithm() + " with "
                    + privateKey.getAlgorithm());
        }
        RSAPublicKey publicKey = (RSAPublicKey) certificate.getPublicKey();
        if (privateKey instanceof RSAPrivateKey rsa && !rsa.getModulus().equals(publicKey.getModulus())) {
            // Uploading this certificate while the application signs with that key would fail every sign-in.
            throw new IllegalArgumentException("the private key does not belong to the certificate "
                    + certificate.getSubjectX500Principal().getName() + ": their RSA moduli differ");
        }
        return new CertificateAndKey(certificate, privateKey);
    }

    /** @return the certificate */
    public X509Certificate certificate() {
        return certificate;
    }

    /** @return the private key: handle it as a secret */
    public PrivateKey privateKey() {
        return privateKey;
    }

    /** @return the certificate's thumbprints */
    public Thumbprints thumbprints() {
        return Thumbprints.of(certificate);
    }

    /** @return the keyCredential that registers this certificate on an application */
    public KeyCredentialPayload keyCredentialPayload() {
        return KeyCredentialPayloads.forCertificate(certificate);
    }

    /** @return the DER certificate: the {@code .cer} file Entra's "Upload certificate" takes */
    public byte[] certificateDer() {
        try {
            return certificate.getEncoded();
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("the certificate cannot be DER-encoded", e);
        }
    }

    /** @return the certificate as one PEM {@code CERTIFICATE} block (public) */
    public String certificatePem() {
        StringWriter text = new StringWriter();
        try (PemWriter pem = new PemWriter(text)) {
            pem.writeObject(new PemObject("CERTIFICATE", certificateDer()));
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return text.toString();
    }

    /**
     * Writes a PKCS#12 holding the key and the certificate, protected as {@link Pkcs12Encoder}
     * describes (PBES2: PBKDF2-HMAC-SHA256 and AES-256-CBC; an HMAC-SHA256 integrity MAC).
     *
     * @param password the password; it is read, not kept and not modified, so the caller wipes it
     * @param out where to write; not closed
     * @throws IOException when writing fails
     * @throws IllegalArgumentException when the password is unusable ({@link #checkPkcs12Password})
     */
    public void writePkcs12(char[] password, OutputStream out) throws IOException {
        requireNonNull(password, "password");
        requireNonNull(out, "out");
        out.write(Pkcs12Encoder.encode(certificate, privateKey, password));
    }

    /**
     * Checks a PKCS#12 password before anything is created: it must not be empty (a PFX without a
     * password is a private key in the clear) and must be printable ASCII (the JDK's PKCS#12
     * reader, and so azure-identity, cannot open a PBES2-protected file with any other password).
     *
     * @param password the password; read, not kept and not modified
     * @throws IllegalArgumentException naming what is wrong, never the password
     */
    public static void checkPkcs12Password(char[] password) {
        requireNonNull(password, "password");
        Pkcs12Encoder.requireUsable(password);
    }

    /**
     * Writes the unencrypted PKCS#8 {@code PRIVATE KEY} and the {@code CERTIFICATE}, in PEM: the only
     * PEM form azure-identity's {@code pemCertificate} loads. Whoever reads it can sign in as the
     * application: store it as a secret (owner-only file, a vault), never in source control.
     *
     * @param out where to write; not closed
     * @throws IOException when writing fails
     */
    public void writePemBundle(OutputStream out) throws IOException {
        requireNonNull(out, "out");
        byte[] pkcs8 = privateKey.getEncoded(); // PKCS#8 PrivateKeyInfo for every JCA RSA key
        try {
            PemWriter pem = new PemWriter(new OutputStreamWriter(out, StandardCharsets.US_ASCII));
            pem.writeObject(new PemObject("PRIVATE KEY", pkcs8));
            pem.writeObject(new PemObject("CERTIFICATE", certificateDer()));
            pem.flush();
        } finally {
            Arrays.fill(pkcs8, (byte) 0);
        }
    }

    /** @return the subject and thumbprint; never the key */
    @Override
    public String toString() {
        return "CertificateAndKey[" + certificate.getSubjectX500Principal().getName() + ", thumbprint "
                + thumbprints().sha1Hex() + "]";
    }
}
