package dev.app09.certs.inspect;

import static dev.app09.certs.inspect.Bytes.ascii;
import static dev.app09.certs.inspect.Bytes.concat;
import static dev.app09.certs.inspect.TestCertificates.RSA_2048;
import static dev.app09.certs.inspect.TestCertificates.certificate;
import static dev.app09.certs.inspect.TestCertificates.der;
import static dev.app09.certs.inspect.TestCertificates.junk;
import static dev.app09.certs.inspect.TestCertificates.pem;
import static dev.app09.certs.inspect.TestCertificates.pemPrivateKey;
import static dev.app09.certs.inspect.TestCertificates.truncated;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

import dev.app09.certs.CertificateAndKey;
import dev.app09.certs.CertificateKeyFile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every wrong kind of file given where a certificate with its private key is expected
 * ({@code --proof-key}, {@code migrate verify --certificate}): {@link CertificateKeyFile} refuses
 * each with an {@link java.io.IOException} that names the file and what is wrong, never the
 * password nor a Java class, and never with anything else or a hang. (In this package for the
 * test certificates; the inspector's own corpus is {@link BadInputTest}.)
 */
final class CertificateKeyFileWrongKindsTest {

    private static final X509Certificate CERTIFICATE = certificate().build();
    private static final byte[] DER = der(CERTIFICATE);
    private static final String PASSWORD = "correct horse";
    private static final byte[] PFX = TestCertificates.pkcs12(PASSWORD.toCharArray(), RSA_2048.getPrivate(), CERTIFICATE);
    private static final String BUNDLE = pem(CERTIFICATE) + pemPrivateKey(RSA_2048.getPrivate());
    private static final Pattern CLASS_NAME = Pattern.compile("\\b(?:[a-z][a-z0-9_]*\\.)+[A-Z]\\w*(?:Exception|Error)\\b");
    /** Not a performance bound: short of a hang. */
    private static final Duration HANG = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{argumentSetName}")
    @MethodSource("wrongKinds")
    void it_is_refused_naming_the_file_and_what_is_wrong(byte[] content, @Nullable String password, String says)
            throws IOException {
        Path file = Files.write(dir.resolve("proof.key"), content);

        Throwable thrown = assertTimeoutPreemptively(HANG,
                () -> catchThrowable(() -> CertificateKeyFile.read(file, password == null ? null : password.toCharArray())));

        assertThat(thrown).isInstanceOf(IOException.class);
        assertThat(thrown.getMessage()).startsWith(file + ": ").contains(says)
                .doesNotContain(PASSWORD).doesNotContainPattern(CLASS_NAME);
    }

    static Stream<Arguments> wrongKinds() {
        return Stream.of(
                wrong("an empty file", new byte[0], null, "is empty"),
                wrong("random bytes", junk(11, 4096, 0xA5), null, "is not PEM, so it is read as a PKCS#12 (PFX), which needs its password"),
                wrong("random bytes with a password", junk(12, 4096, 0x30), PASSWORD, "is neither PEM nor a PKCS#12"),
                wrong("a text file", ascii("the certificate is in the vault\n"), null, "needs its password"),
                wrong("a JSON file", ascii("{\"keyCredentials\": []}"), PASSWORD, "is neither PEM nor a PKCS#12"),
                wrong("an SSH public key", ascii("ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQC7 payroll@build\n"), PASSWORD,
                        "is neither PEM nor a PKCS#12"),
                wrong("an OpenSSH private key", ascii(pem("OPENSSH PRIVATE KEY", ascii("openssh-key-v1"))), null,
                        "is not a readable PEM file: unrecognised object: OPENSSH PRIVATE KEY"),
                wrong("a PEM block with bad base64", ascii("-----BEGIN CERTIFICATE-----\nM!I*B\n-----END CERTIFICATE-----\n"),
                        null, "a PEM block cannot be read"),
                wrong("a PEM block whose END names another label",
                        ascii(pem(CERTIFICATE).replace("END CERTIFICATE", "END PRIVATE KEY")), null,
                        "is not a readable PEM file: -----END CERTIFICATE----- not found"),
                wrong("a PEM certificate block holding an ASN.1 length of 2 GB",
                        ascii(pem("CERTIFICATE", new byte[] {0x30, (byte) 0x84, 0x7F, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 2, 1, 0})),
                        null, "is not a readable PEM file"),
                wrong("a private key alone", ascii(pemPrivateKey(RSA_2048.getPrivate())), null, "holds no CERTIFICATE block"),
                wrong("the public certificate alone, in PEM", ascii(pem(CERTIFICATE)), null, "holds no private key"),
                wrong("the public certificate alone, in UTF-16 as PowerShell 5 writes it", utf16(pem(CERTIFICATE)), null,
                        "holds no private key"),
                wrong("a certificate request", ascii(pem("CERTIFICATE REQUEST", TestCertificates.certificateRequest(RSA_2048))),
                        null, "holds no CERTIFICATE block"),
                wrong("a PKCS#7 bundle in PEM", ascii(pem("PKCS7", TestCertificates.pkcs7(CERTIFICATE))), null,
                        "holds no CERTIFICATE block"),
                wrong("a DER CRL", TestCertificates.crl(), PASSWORD, "is neither PEM nor a PKCS#12"),
                wrong("a DER certificate cut in half", truncated(DER, DER.length / 2), PASSWORD, "is neither PEM nor a PKCS#12"),
                wrong("a DER certificate with bytes after it", concat(DER, junk(13, 64, 0x30)), PASSWORD, "holds no private key"),
                wrong("an ASN.1 length of 2 GB", new byte[] {0x30, (byte) 0x84, 0x7F, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 2, 1, 0},
                        PASSWORD, "is neither PEM nor a PKCS#12"),
                wrong("a hundred thousand nested SEQUENCEs", nested(100_000), PASSWORD,
                        "holds ASN.1 nested too deeply to be a certificate or a key"),
                wrong("a hundred thousand nested SEQUENCEs without a password", nested(100_000), null,
                        "holds ASN.1 nested too deeply to be a certificate or a key"),
                wrong("a PEM certificate block of a hundred thousand nested SEQUENCEs", ascii(pem("CERTIFICATE", nested(100_000))),
                        null, "holds ASN.1 nested too deeply to be a certificate or a key"),
                wrong("a PEM key block of a hundred thousand nested SEQUENCEs",
                        ascii(pem(CERTIFICATE) + pem("PRIVATE KEY", nested(100_000))), null,
                        "holds ASN.1 nested too deeply to be a certificate or a key"),
                wrong("a PFX with a wrong password", PFX, "Tr0ub4dor&3", "the password does not open this PKCS#12"),
                wrong("a PFX cut in half", truncated(PFX, PFX.length / 2), PASSWORD, "is neither PEM nor a PKCS#12"),
                wrong("an empty Java keystore (JKS)", jks(false), PASSWORD, "holds no private key with its certificate"),
                wrong("a file over 1 MiB", new byte[CertificateInspector.MAX_CONTENT_BYTES + 1], PASSWORD, "more than 1048576 bytes"));
    }

    @Test
    void a_pem_bundle_in_utf16_as_powershell_5_writes_it_is_read() throws IOException {
        Path file = Files.write(dir.resolve("proof.pem"), utf16(BUNDLE));

        CertificateAndKey read = CertificateKeyFile.read(file, null);

        assertThat(read.certificate()).isEqualTo(CERTIFICATE);
    }

    @Test
    void a_java_keystore_with_the_key_is_read_with_its_password_as_the_jdk_reads_it() throws IOException {
        Path file = Files.write(dir.resolve("proof.jks"), jks(true));

        CertificateAndKey read = CertificateKeyFile.read(file, PASSWORD.toCharArray());

        assertThat(read.certificate()).isEqualTo(CERTIFICATE);
    }

    private static Arguments wrong(String name, byte[] content, @Nullable String password, String says) {
        return argumentSet(name, content, password, says);
    }

    /** SEQUENCE in SEQUENCE, indefinite length, as deep as asked. */
    private static byte[] nested(int depth) {
        byte[] nested = new byte[depth * 2];
        for (int i = 0; i < depth; i++) {
            nested[2 * i] = 0x30;
            nested[2 * i + 1] = (byte) 0x80;
        }
        return nested;
    }

    private static byte[] jks(boolean withKey) {
        try {
            KeyStore store = KeyStore.getInstance("JKS");
            store.load(null, null);
            if (withKey) {
                store.setKeyEntry("proof", RSA_2048.getPrivate(), PASSWORD.toCharArray(), new Certificate[] {CERTIFICATE});
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            store.store(out, PASSWORD.toCharArray());
            return out.toByteArray();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] utf16(String text) {
        return concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, text.getBytes(StandardCharsets.UTF_16LE));
    }


}
