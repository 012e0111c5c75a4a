package dev.app09.certs;

import dev.app09.certs.inspect.CertificateInspector;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
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
import java.util.regex.Pattern;
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
 * KEY} block; ASCII, or UTF-16 with a byte order mark as Windows PowerShell's {@code Out-File}
 * writes it). At most {@value CertificateInspector#MAX_CONTENT_BYTES} bytes are read. Every
 * failure is an {@link IOException} whose message names the file and what was expected; no
 * message holds the password.
 */
public final class CertificateKeyFile {

    private static final String NO_PRIVATE_KEY = ": holds no private key (a .cer or .pem holds the public certificate "
            + "only; give the .pfx or the --pem-bundle .key.pem)";

    /** A Java exception's class name and its colon, as a wrapped exception's message starts. */
    private static final Pattern JAVA_CLASS = Pattern.compile("\\b(?:[a-z][a-z0-9_]*\\.)+[A-Z]\\w*(?:Exception|Error): ");

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
            Charset text = textCharset(content);
            return looksLikePem(content, text) ? pem(file, content, text) : pkcs12(file, content, password);
        } catch (StackOverflowError e) {
            // BouncyCastle and the JDK parse nested ASN.1 recursively: a megabyte of nested SEQUENCE
            // headers exhausts the stack. The error is thrown in their parsing, which holds no lock
            // and no shared state, and is over once the stack has unwound to here.
            throw new IOException(file + ": holds ASN.1 nested too deeply to be a certificate or a key");
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

    /** UTF-16 when the content starts with its byte order mark (the decoder drops the mark); else ASCII. */
    private static Charset textCharset(byte[] content) {
        boolean utf16 = content.length >= 2 && ((content[0] & 0xFF) == 0xFF && (content[1] & 0xFF) == 0xFE
                || (content[0] & 0xFF) == 0xFE && (content[1] & 0xFF) == 0xFF);
        return utf16 ? StandardCharsets.UTF_16 : StandardCharsets.US_ASCII;
    }

    private static boolean looksLikePem(byte[] content, Charset text) {
        return new String(content, 0, Math.min(content.length, 64 * 1024), text).contains("-----BEGIN ");
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
            throw new IOException(file + ": the PKCS#12 cannot be opened: " + plain(e.getMessage()), e);
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

    private static CertificateAndKey pem(Path file, byte[] content, Charset text) throws IOException {
        X509Certificate certificate = null;
        PrivateKey key = null;
        JcaPEMKeyConverter keys = new JcaPEMKeyConverter();
        try (Reader reader = new InputStreamReader(new ByteArrayInputStream(content), text);
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
                    : new IOException(file + ": is not a readable PEM file: " + plain(e.getMessage()), e);
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new IOException(file + ": a PEM block cannot be read: " + plain(e.getMessage()), e);
        }
        if (certificate == null) {
            throw new IOException(file + ": holds no CERTIFICATE block");
        }
        if (key == null) {
            throw new IOException(file + NO_PRIVATE_KEY);
        }
        return pair(file, certificate, key);
    }

    /**
     * BouncyCastle's messages quote the exceptions they wrap ("problem parsing cert:
     * java.io.IOException: ..."): the user is told what is wrong, not which class said so.
     */
    private static String plain(@Nullable String message) {
        return JAVA_CLASS.matcher(String.valueOf(message)).replaceAll("");
    }

    private static CertificateAndKey pair(Path file, X509Certificate certificate, PrivateKey key) throws IOException {
        try {
            return CertificateAndKey.of(certificate, key);
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }
}
