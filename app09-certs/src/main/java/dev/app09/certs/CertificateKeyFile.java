package dev.app09.certs;

import dev.app09.certs.inspect.CertificateInspector;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.UnrecoverableKeyException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Collections;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.jspecify.annotations.Nullable;

/**
 * Reads a certificate with its private key from the files {@code app09 cert create} writes and
 * azure-identity reads: a PKCS#12 ({@code .pfx}, {@code .p12}, opened with its password) or a PEM
 * bundle (a {@code CERTIFICATE} block and an unencrypted {@code PRIVATE KEY} or {@code RSA PRIVATE
 * KEY} block). At most {@value CertificateInspector#MAX_CONTENT_BYTES} bytes are read. Every
 * failure is an {@link IOException} whose message names the file and what was expected; no
 * message holds the password.
 */
public final class CertificateKeyFile {

    private static final String NO_PRIVATE_KEY = ": holds no private key (a .cer or .pem holds the public certificate "
            + "only; give the .pfx or the --pem-bundle .key.pem)";

    private CertificateKeyFile() {
    }

    /**
     * @param file a PKCS#12 or PEM file
     * @param password the PKCS#12 password (read, not kept, not modified); null for a PEM file
     * @return the certificate and its key (the first key entry of a PKCS#12, the first certificate of a PEM file)
     * @throws IOException when the file cannot be read, is neither, or holds no matching RSA key and certificate
     */
    public static CertificateAndKey read(Path file, char @Nullable [] password) throws IOException {
        byte[] content = content(file);
        try {
            if (content.length == 0) {
                throw new IOException(file + ": is empty; expected a PFX or a PEM bundle with a certificate and its key");
            }
            return looksLikePem(content) ? pem(file, content) : pkcs12(file, content, password);
        } finally {
            Arrays.fill(content, (byte) 0);
        }
    }

    private static byte[] content(Path file) throws IOException {
        if (Files.isDirectory(file)) {
            throw new FileSystemException(file.toString(), null, "is a directory, not a certificate file");
        }
        if (Files.exists(file) && !Files.isRegularFile(file)) {
            throw new FileSystemException(file.toString(), null, "is a pipe or a device, not a certificate file");
        }
        byte[] content;
        try (InputStream in = Files.newInputStream(file)) {
            content = in.readNBytes(CertificateInspector.MAX_CONTENT_BYTES + 1);
        }
        if (content.length > CertificateInspector.MAX_CONTENT_BYTES) {
            throw new IOException(file + ": more than " + CertificateInspector.MAX_CONTENT_BYTES
                    + " bytes; a certificate with its key is a few kilobytes");
        }
        return content;
    }

    private static boolean looksLikePem(byte[] content) {
        return new String(content, 0, Math.min(content.length, 64 * 1024), StandardCharsets.ISO_8859_1).contains("-----BEGIN ");
    }

    private static CertificateAndKey pkcs12(Path file, byte[] content, char @Nullable [] password) throws IOException {
        if (isDerCertificate(content)) {
            throw new IOException(file + NO_PRIVATE_KEY);
        }
        if (password == null) {
            throw new IOException(file + ": is not PEM, so it is read as a PKCS#12 (PFX), which needs its password");
        }
        KeyStore store;
        try {
            store = KeyStore.getInstance("PKCS12");
            store.load(new ByteArrayInputStream(content), password);
        } catch (IOException e) {
            boolean wrongPassword = e.getCause() instanceof UnrecoverableKeyException
                    || String.valueOf(e.getMessage()).contains("password");
            throw new IOException(file + (wrongPassword ? ": the password does not open this PKCS#12"
                    : ": is neither PEM nor a PKCS#12 (PFX) that Java can open"), e);
        } catch (GeneralSecurityException e) {
            throw new IOException(file + ": the PKCS#12 cannot be opened: " + e.getMessage(), e);
        }
        try {
            for (String alias : Collections.list(store.aliases())) {
                if (store.isKeyEntry(alias) && store.getKey(alias, password) instanceof PrivateKey key
                        && store.getCertificate(alias) instanceof X509Certificate certificate) {
                    return pair(file, certificate, key);
                }
            }
        } catch (GeneralSecurityException e) {
            throw new IOException(file + ": the PKCS#12's key cannot be read with this password", e);
        }
        throw new IOException(file + ": the PKCS#12 holds no private key with its certificate");
    }

    /** A DER certificate (the {@code .cer} Entra takes) is not a PKCS#12: say it lacks the key, not the password. */
    private static boolean isDerCertificate(byte[] content) {
        try {
            CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(content));
            return true;
        } catch (CertificateException | RuntimeException e) {
            return false;
        }
    }

    private static CertificateAndKey pem(Path file, byte[] content) throws IOException {
        X509Certificate certificate = null;
        PrivateKey key = null;
        JcaPEMKeyConverter keys = new JcaPEMKeyConverter();
        try (Reader reader = new InputStreamReader(new ByteArrayInputStream(content), StandardCharsets.US_ASCII);
                PEMParser parser = new PEMParser(reader)) {
            for (Object block = parser.readObject(); block != null; block = parser.readObject()) {
                if (block instanceof X509CertificateHolder holder && certificate == null) {
                    certificate = new JcaX509CertificateConverter().getCertificate(holder);
                } else if (block instanceof PrivateKeyInfo info && key == null) {
                    key = keys.getPrivateKey(info);
                } else if (block instanceof PEMKeyPair pair && key == null) {
                    key = keys.getKeyPair(pair).getPrivate();
                } else if (block instanceof PKCS8EncryptedPrivateKeyInfo || block instanceof PEMEncryptedKeyPair) {
                    throw new IOException(file + ": its private key is encrypted; give the PFX instead, or an "
                            + "unencrypted PKCS#8 key (openssl pkcs8 -topk8 -nocrypt)");
                }
            }
        } catch (IOException e) {
            throw e.getMessage() != null && e.getMessage().startsWith(file.toString()) ? e
                    : new IOException(file + ": is not a readable PEM file: " + e.getMessage(), e);
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new IOException(file + ": a PEM block cannot be read: " + e.getMessage(), e);
        }
        if (certificate == null) {
            throw new IOException(file + ": holds no CERTIFICATE block");
        }
        if (key == null) {
            throw new IOException(file + NO_PRIVATE_KEY);
        }
        return pair(file, certificate, key);
    }

    private static CertificateAndKey pair(Path file, X509Certificate certificate, PrivateKey key) throws IOException {
        try {
            return CertificateAndKey.of(certificate, key);
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }
}
