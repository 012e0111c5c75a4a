package dev.app09.certs;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.app09.testkit.TestClock;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.security.auth.x500.X500Principal;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * OpenSSL, a second and independent implementation, reads every file we write. Skipped when
 * {@code openssl} is not on the PATH. Passwords reach OpenSSL through its environment
 * ({@code -passin env:PFXPW}), never its command line, which other users of the machine can read.
 */
final class OpensslReadsCertificateFilesTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final String PASSWORD = "Interop-openssl-password-1";
    private static final String PASSWORD_VARIABLE = "PFXPW";
    private static final DateTimeFormatter OPENSSL_DATE =
            DateTimeFormatter.ofPattern("MMM ppd HH:mm:ss yyyy 'GMT'", Locale.US);

    @TempDir
    static Path directory;

    private static CertificateAndKey created;
    private static CertificateFiles files;

    @BeforeAll
    static void createCertificateAndFiles() throws IOException {
        assumeTrue(opensslIsOnThePath(), "openssl is not on the PATH");
        created = SelfSignedCertificates.create(CertificateRequest.of("CN=app09 OpenSSL interop"), TestClock.create());
        files = CertificateFiles.write(directory, "app09-openssl", created, PASSWORD.toCharArray(), true);
    }

    @Test
    void der_certificate_has_our_sha1_thumbprint_subject_and_validity() throws Exception {
        Map<String, String> printed = fields(openssl(Map.of(), TIMEOUT, "x509", "-inform", "DER",
                "-in", files.cer().toString(), "-noout", "-fingerprint", "-sha1", "-subject", "-dates",
                "-nameopt", "RFC2253").succeeded());

        assertThat(printed.get("sha1 fingerprint").replace(":", "")).isEqualTo(created.thumbprints().sha1Hex());
        assertThat(printed.get("subject"))
                .isEqualTo(created.certificate().getSubjectX500Principal().getName(X500Principal.RFC2253));
        assertThat(opensslInstant(printed.get("notbefore"))).isEqualTo(created.certificate().getNotBefore().toInstant());
        assertThat(opensslInstant(printed.get("notafter"))).isEqualTo(created.certificate().getNotAfter().toInstant());
    }

    @Test
    void pem_certificate_has_the_sha256_thumbprint_our_x5t_s256_encodes() throws Exception {
        Map<String, String> printed = fields(openssl(Map.of(), TIMEOUT, "x509", "-in", files.pem().toString(),
                "-noout", "-fingerprint", "-sha256").succeeded());

        byte[] sha256 = HexFormat.of().parseHex(printed.get("sha256 fingerprint").replace(":", ""));
        assertThat(Base64.getUrlEncoder().withoutPadding().encodeToString(sha256))
                .isEqualTo(created.thumbprints().x5tS256());
    }

    @Test
    void pfx_opens_with_the_password_from_the_environment_and_reports_pbes2_aes_256_and_a_sha256_mac()
            throws Exception {
        String info = openssl(Map.of(PASSWORD_VARIABLE, PASSWORD), TIMEOUT, "pkcs12", "-in", files.pfx().toString(),
                "-info", "-noout", "-passin", "env:" + PASSWORD_VARIABLE).succeeded();

        assertThat(lineStartingWith(info, "MAC:")).contains("sha256").contains("Iteration 100000");
        for (String encrypted : List.of("PKCS7 Encrypted data:", "Shrouded Keybag:")) {
            assertThat(lineStartingWith(info, encrypted)).contains("PBES2", "PBKDF2", "AES-256-CBC",
                    "Iteration 100000", "hmacWithSHA256");
        }
        assertThat(info).doesNotContain(PASSWORD).doesNotContainIgnoringCase("RC2").doesNotContainIgnoringCase("3DES");
    }

    @Test
    void pfx_gives_openssl_the_key_of_our_certificate() throws Exception {
        assertThat(keyModulusFromPfx(files.pfx(), PASSWORD, directory.resolve("from-pfx.key.pem")))
                .isEqualTo(ourModulus());
    }

    @Test
    void pfx_with_a_wrong_password_is_refused() throws Exception {
        Run run = openssl(Map.of(PASSWORD_VARIABLE, "Not-the-openssl-password-2"), TIMEOUT, "pkcs12",
                "-in", files.pfx().toString(), "-info", "-noout", "-passin", "env:" + PASSWORD_VARIABLE);

        assertThat(run.exitCode()).as("exit code; openssl printed:%n%s", run.output()).isNotZero();
    }

    @Test
    void pem_bundle_key_passes_the_consistency_check_and_has_the_modulus_of_our_certificate() throws Exception {
        String keyPem = requireNonNull(files.keyPem(), "keyPem").toString();

        assertThat(openssl(Map.of(), TIMEOUT, "pkey", "-in", keyPem, "-noout", "-check").succeeded())
                .contains("Key is valid");
        String keyModulus = fields(openssl(Map.of(), TIMEOUT, "rsa", "-in", keyPem, "-noout", "-modulus")
                .succeeded()).get("modulus");
        String certificateModulus = fields(openssl(Map.of(), TIMEOUT, "x509", "-inform", "DER",
                "-in", files.cer().toString(), "-noout", "-modulus").succeeded()).get("modulus");
        assertThat(keyModulus).isEqualTo(certificateModulus).isEqualTo(ourModulus());
    }

    @Test
    void an_openssl_run_that_outlasts_its_timeout_is_killed_and_fails_the_test() {
        // Without -in, x509 reads the certificate from its standard input, which stays open: it waits forever.
        assertThatThrownBy(() -> openssl(Map.of(), Duration.ofMillis(300), "x509", "-noout"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("killed");
    }

    /** Decrypts the key out of a PFX with OpenSSL into {@code keyFile}, and returns its modulus as OpenSSL prints it. */
    private static String keyModulusFromPfx(Path pfx, String password, Path keyFile) throws Exception {
        openssl(Map.of(PASSWORD_VARIABLE, password), TIMEOUT, "pkcs12", "-in", pfx.toString(), "-nocerts", "-nodes",
                "-passin", "env:" + PASSWORD_VARIABLE, "-out", keyFile.toString()).succeeded();
        return fields(openssl(Map.of(), TIMEOUT, "rsa", "-in", keyFile.toString(), "-noout", "-modulus").succeeded())
                .get("modulus");
    }

    private static String ourModulus() {
        return ((RSAPublicKey) created.certificate().getPublicKey()).getModulus().toString(16).toUpperCase(Locale.ROOT);
    }

    /** The {@code name=value} lines OpenSSL prints, by lower-case name (OpenSSL 1.1 and 3 differ in case). */
    private static Map<String, String> fields(String output) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String line : output.split("\\R")) {
            int equals = line.indexOf('=');
            if (equals > 0) {
                fields.putIfAbsent(line.substring(0, equals).strip().toLowerCase(Locale.ROOT),
                        line.substring(equals + 1).strip());
            }
        }
        return fields;
    }

    private static String lineStartingWith(String output, String prefix) {
        return output.lines().filter(line -> line.startsWith(prefix)).findFirst()
                .orElseThrow(() -> new AssertionError("no line starting with \"" + prefix + "\" in:\n" + output));
    }

    private static Instant opensslInstant(String text) {
        return LocalDateTime.parse(text, OPENSSL_DATE).toInstant(ZoneOffset.UTC);
    }

    private static boolean opensslIsOnThePath() {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String entry : path.split(File.pathSeparator)) {
            for (String name : List.of("openssl", "openssl.exe")) {
                if (!entry.isEmpty() && Files.isExecutable(Path.of(entry, name))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** How one OpenSSL process ended; its standard error is merged into its output. */
    private record Run(List<String> command, int exitCode, String output) {

        /** @return the output, after asserting that the process succeeded */
        String succeeded() {
            assertThat(exitCode).as("exit code of %s; it printed:%n%s", command, output).isZero();
            return output;
        }
    }

    /**
     * Runs OpenSSL with extra environment variables. Its standard input stays open and empty, so a
     * command that waits for input (a password prompt) hangs until the timeout kills it and fails the test.
     */
    private static Run openssl(Map<String, String> environment, Duration timeout, String... arguments)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add("openssl");
        command.addAll(List.of(arguments));
        // A file, not a pipe: the process never blocks on a full pipe that nobody reads.
        Path output = Files.createTempFile(directory, "openssl-", ".out");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor();
                throw new AssertionError(command + " was killed: still running after " + timeout);
            }
            return new Run(command, process.exitValue(), new String(Files.readAllBytes(output), UTF_8));
        } finally {
            process.getOutputStream().close();
            Files.deleteIfExists(output);
        }
    }
}
