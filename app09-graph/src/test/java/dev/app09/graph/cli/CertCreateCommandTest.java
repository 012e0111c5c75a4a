package dev.app09.graph.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code app09 cert create}: the files a user uploads and loads, and the mistakes it refuses. */
final class CertCreateCommandTest {

    private static final String PASSWORD = "a long enough password";
    private static final Map<String, String> ENVIRONMENT = Map.of(CertCreateCommand.DEFAULT_PASSWORD_VARIABLE, PASSWORD);

    @TempDir
    Path dir;

    @Test
    void writes_the_cer_pem_and_pfx_and_says_which_file_to_upload() throws Exception {
        CommandRun run = CommandRun.withEnvironment(ENVIRONMENT, "cert", "create", "--subject", "CN=MyApp-Auth-Cert",
                "--out", dir.toString());

        assertThat(run.status()).as(run.toString()).isZero();
        Path cer = dir.resolve("MyApp-Auth-Cert.cer");
        X509Certificate certificate;
        try (InputStream in = Files.newInputStream(cer)) {
            certificate = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
        assertThat(certificate.getSubjectX500Principal().getName()).isEqualTo("CN=MyApp-Auth-Cert");
        assertThat(certificate.getNotAfter().toInstant()).isEqualTo(CommandRun.CLOCK.instant().atZone(java.time.ZoneOffset.UTC)
                .plusMonths(12).toInstant());
        assertThat(dir.resolve("MyApp-Auth-Cert.pem")).exists();
        assertThat(dir.resolve("MyApp-Auth-Cert.key.pem")).doesNotExist();
        KeyStore pfx = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(dir.resolve("MyApp-Auth-Cert.pfx"))) {
            pfx.load(in, PASSWORD.toCharArray());
        }
        assertThat(pfx.getCertificate(pfx.aliases().nextElement())).isEqualTo(certificate);
        assertThat(run.out()).contains("upload this one", cer.toString(), "thumbprint");
        assertThat(run.out() + run.err()).doesNotContain(PASSWORD);
    }

    @Test
    void key_size_validity_and_name_are_honoured() throws Exception {
        CommandRun run = CommandRun.withEnvironment(ENVIRONMENT, "cert", "create", "--subject", "CN=Payroll API, O=Contoso",
                "--out", dir.resolve("new/sub").toString(), "--key-size", "3072", "--validity-months", "6");

        assertThat(run.status()).as(run.toString()).isZero();
        X509Certificate certificate;
        try (InputStream in = Files.newInputStream(dir.resolve("new/sub/Payroll-API.cer"))) {
            certificate = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
        assertThat(((java.security.interfaces.RSAPublicKey) certificate.getPublicKey()).getModulus().bitLength()).isEqualTo(3072);
        assertThat(certificate.getNotAfter().toInstant()).isEqualTo(CommandRun.CLOCK.instant().atZone(java.time.ZoneOffset.UTC)
                .plusMonths(6).toInstant());
    }

    @Test
    void the_pem_bundle_is_owner_only_and_comes_with_a_warning() throws Exception {
        CommandRun run = CommandRun.withEnvironment(ENVIRONMENT, "cert", "create", "--subject", "CN=App",
                "--out", dir.toString(), "--pem-bundle", "--name", "app-2026");

        assertThat(run.status()).as(run.toString()).isZero();
        assertThat(Files.getPosixFilePermissions(dir.resolve("app-2026.key.pem"))).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.getPosixFilePermissions(dir.resolve("app-2026.pfx"))).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(run.err()).contains("unencrypted", "like a secret");
    }

    @Test
    void an_existing_file_is_not_overwritten_and_the_run_exits_2() throws Exception {
        Files.writeString(dir.resolve("App.pfx"), "precious");

        CommandRun run = CommandRun.withEnvironment(ENVIRONMENT, "cert", "create", "--subject", "CN=App", "--out", dir.toString());

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("App.pfx", "never overwrites").doesNotContain("\tat ");
        assertThat(dir.resolve("App.pfx")).hasContent("precious");
        assertThat(dir.resolve("App.cer")).doesNotExist();
    }

    @ParameterizedTest(name = "a link to {0}")
    @ValueSource(strings = {"an existing file", "a missing file"})
    void a_key_file_name_taken_by_a_link_is_refused_and_nothing_is_written_through_it(String to) throws Exception {
        Path elsewhere = dir.resolve("elsewhere");
        Files.createDirectories(elsewhere);
        Path target = elsewhere.resolve("collected.pem");
        if (to.equals("an existing file")) {
            Files.writeString(target, "someone else's");
        }
        Path out = Files.createDirectories(dir.resolve("out"));
        Files.createSymbolicLink(out.resolve("App.key.pem"), target);

        CommandRun run = CommandRun.withEnvironment(ENVIRONMENT, "cert", "create", "--subject", "CN=App", "--out",
                out.toString(), "--pem-bundle");

        assertThat(run.status()).as("%s", run).isEqualTo(2);
        assertThat(run.err()).contains("App.key.pem", "never overwrites");
        try (var written = Files.list(out)) {
            assertThat(written).containsExactly(out.resolve("App.key.pem"));
        }
        if (to.equals("an existing file")) {
            assertThat(target).hasContent("someone else's");
        } else {
            assertThat(target).doesNotExist();
        }
    }

    @Test
    void without_the_password_variable_nothing_is_written_and_the_variable_is_named() {
        CommandRun run = CommandRun.of("cert", "create", "--subject", "CN=App", "--out", dir.toString());

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains(CertCreateCommand.DEFAULT_PASSWORD_VARIABLE);
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void the_password_variable_can_be_renamed() {
        CommandRun run = CommandRun.withEnvironment(Map.of("MY_PW", PASSWORD), "cert", "create", "--subject", "CN=App",
                "--out", dir.toString(), "--pfx-password-env", "MY_PW");

        assertThat(run.status()).as(run.toString()).isZero();
    }

    @Test
    void a_short_password_is_accepted_with_a_warning() {
        CommandRun run = CommandRun.withEnvironment(Map.of(CertCreateCommand.DEFAULT_PASSWORD_VARIABLE, "short"),
                "cert", "create", "--subject", "CN=App", "--out", dir.toString());

        assertThat(run.status()).as(run.toString()).isZero();
        assertThat(run.err()).contains("shorter than 12").doesNotContain("short\n");
    }

    @Test
    void a_non_ascii_password_is_refused_because_java_could_not_open_the_pfx() {
        CommandRun run = CommandRun.withEnvironment(Map.of(CertCreateCommand.DEFAULT_PASSWORD_VARIABLE, "pässwörd-long-enough"),
                "cert", "create", "--subject", "CN=App", "--out", dir.toString());

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("printable ASCII").doesNotContain("pässwörd");
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void bad_subject_key_size_and_validity_are_usage_errors() {
        assertThat(CommandRun.withEnvironment(ENVIRONMENT, "cert", "create", "--subject", "O=Contoso", "--out", dir.toString()))
                .satisfies(run -> assertThat(run.status()).isEqualTo(2))
                .satisfies(run -> assertThat(run.err()).contains("no common name"));
        assertThat(CommandRun.withEnvironment(ENVIRONMENT, "cert", "create", "--subject", "CN=A", "--out", dir.toString(),
                "--key-size", "1024").err()).contains("2048, 3072 or 4096");
        assertThat(CommandRun.withEnvironment(ENVIRONMENT, "cert", "create", "--subject", "CN=A", "--out", dir.toString(),
                "--validity-months", "0").err()).contains("1 to 120");
        assertThat(CommandRun.withEnvironment(ENVIRONMENT, "cert", "create", "--subject", "CN=A", "--out", dir.toString(),
                "--name", "../escape").err()).contains("not a plain file name");
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void out_must_be_a_directory() throws Exception {
        Path file = Files.writeString(dir.resolve("file"), "x");

        CommandRun run = CommandRun.withEnvironment(ENVIRONMENT, "cert", "create", "--subject", "CN=A", "--out", file.toString());

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("not a directory");
    }
}
