package dev.app09.testkit.server;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.jspecify.annotations.Nullable;

/**
 * The fake Entra's TLS identity: a self-signed RSA certificate for {@code 127.0.0.1} and {@code
 * localhost} in a PKCS#12 file, made once per JVM by the JDK's own keytool (no certificate-building
 * dependency for the testkit), and the client-side trust that goes with it.
 */
final class TlsKeyStore {

    /** Not a secret: it protects a throw-away key for a loopback test server. */
    static final String PASSWORD = "app09-testkit";
    static final String ALIAS = "localhost";
    private static final long KEYTOOL_TIMEOUT_SECONDS = 120;

    private static @Nullable TlsKeyStore instance;

    private final Path path;
    private final X509Certificate certificate;
    private final SSLContext sslContext;

    private TlsKeyStore(Path path, X509Certificate certificate, SSLContext sslContext) {
        this.path = path;
        this.certificate = certificate;
        this.sslContext = sslContext;
    }

    /**
     * @return the key store of this JVM, made on first use
     * @throws IllegalStateException when keytool is missing or fails (the next call tries again)
     */
    static synchronized TlsKeyStore get() {
        if (instance == null) {
            instance = create(Path.of(System.getProperty("java.home")));
        }
        return instance;
    }

    Path path() {
        return path;
    }

    X509Certificate certificate() {
        return certificate;
    }

    SSLContext sslContext() {
        return sslContext;
    }

    /** Makes a new key store with the keytool of the given JDK (tests aim it at a broken one). */
    static TlsKeyStore create(Path javaHome) {
        Path file;
        try {
            Path directory = Files.createTempDirectory("app09-fake-entra-");
            directory.toFile().deleteOnExit(); // registered first, so deleted after the file
            file = directory.resolve("app09-fake-entra-tls.p12");
            file.toFile().deleteOnExit();
        } catch (IOException e) {
            throw new IllegalStateException("cannot make a temporary directory for the fake Entra's TLS key store", e);
        }
        runKeytool(keytool(javaHome), file);
        try {
            KeyStore generated = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(file)) {
                generated.load(in, PASSWORD.toCharArray());
            }
            X509Certificate certificate = (X509Certificate) generated.getCertificate(ALIAS);
            if (certificate == null) {
                throw new IllegalStateException("keytool wrote " + file + " without the entry '" + ALIAS + "'");
            }
            return new TlsKeyStore(file, certificate, trusting(certificate));
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the key store keytool wrote: " + file, e);
        }
    }

    private static void runKeytool(Path keytool, Path file) {
        List<String> command = List.of(keytool.toString(), "-genkeypair", "-alias", ALIAS, "-keyalg", "RSA",
                "-keysize", "2048", "-validity", "3", "-dname", "CN=127.0.0.1", "-ext",
                "SAN=ip:127.0.0.1,dns:localhost", "-storetype", "PKCS12", "-keystore", file.toString(),
                "-storepass", PASSWORD, "-keypass", PASSWORD);
        Path output = file.resolveSibling("keytool-output.txt");
        output.toFile().deleteOnExit();
        try {
            // Output goes to a file, not a pipe: a pipe nobody drains can block keytool.
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(output.toFile()).start();
            if (!process.waitFor(KEYTOOL_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("keytool did not finish within " + KEYTOOL_TIMEOUT_SECONDS
                        + " s: " + String.join(" ", command));
            }
            if (process.exitValue() != 0 || !Files.isRegularFile(file)) {
                throw new IllegalStateException("keytool failed (exit " + process.exitValue() + ") making the fake"
                        + " Entra's TLS key store: " + Files.readString(output, StandardCharsets.UTF_8).strip());
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run keytool (" + keytool + ") to make the fake Entra's TLS key store",
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while keytool made the fake Entra's TLS key store", e);
        } finally {
            try {
                Files.deleteIfExists(output);
            } catch (IOException e) {
                // deleted on exit
            }
        }
    }

    private static Path keytool(Path javaHome) {
        Path bin = javaHome.resolve("bin");
        for (String name : List.of("keytool", "keytool.exe")) {
            if (Files.isExecutable(bin.resolve(name))) {
                return bin.resolve(name);
            }
        }
        throw new IllegalStateException("keytool not found in " + bin + ": the fake Entra token endpoint makes its"
                + " TLS certificate with the JDK's keytool, so it needs a full JDK, not a runtime image without it");
    }

    /** An SSL context that trusts this one certificate and nothing else. */
    private static SSLContext trusting(X509Certificate certificate) throws GeneralSecurityException, IOException {
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        trusted.setCertificateEntry(ALIAS, certificate);
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }
}
