package dev.app09.graph.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.app09.certs.CertificateAndKey;
import dev.app09.certs.CertificateFiles;
import dev.app09.certs.CertificateRequest;
import dev.app09.certs.SelfSignedCertificates;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code app09 cert inspect}: the facts of a file, and exit 2 when Entra would refuse it. */
final class CertInspectCommandTest {

    private static final String PASSWORD = "inspect-test-password";

    @TempDir
    static Path dir;

    private static CertificateAndKey created;
    private static CertificateFiles files;

    @BeforeAll
    static void create() throws Exception {
        created = SelfSignedCertificates.create(CertificateRequest.of("CN=MyApp-Auth-Cert"), CommandRun.CLOCK);
        files = CertificateFiles.write(dir, "app", created, PASSWORD.toCharArray(), true);
    }

    @Test
    void the_cer_is_accepted_and_its_facts_printed() {
        CommandRun run = CommandRun.of("cert", "inspect", files.cer().toString());

        assertThat(run.status()).as(run.toString()).isZero();
        assertThat(run.out()).contains("(DER)", "CN=MyApp-Auth-Cert", "(self-signed)", "RSA 2048", "SHA256withRSA",
                created.thumbprints().sha1Hex(), created.thumbprints().x5t(), created.thumbprints().x5tS256(),
                created.certificate().getNotAfter().toInstant().toString(), "Upload       accepted");
    }

    @Test
    void the_public_pem_is_accepted() {
        assertThat(CommandRun.of("cert", "inspect", files.pem().toString()).status()).isZero();
    }

    @Test
    void the_pfx_is_refused_because_it_holds_the_private_key() {
        CommandRun run = CommandRun.of("cert", "inspect", files.pfx().toString());

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.out()).contains("(PKCS12)", "REFUSED", "CONTAINS_PRIVATE_KEY");
    }

    @Test
    void with_its_password_the_pfx_shows_its_certificate_and_is_still_refused() {
        CommandRun run = CommandRun.withEnvironment(Map.of("PFX_PW", PASSWORD),
                "cert", "inspect", files.pfx().toString(), "--password-env", "PFX_PW");

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.out()).contains(created.thumbprints().sha1Hex(), "CONTAINS_PRIVATE_KEY").doesNotContain(PASSWORD);
    }

    @Test
    void the_pem_bundle_is_refused_and_no_key_material_is_printed() throws Exception {
        CommandRun run = CommandRun.of("cert", "inspect", files.keyPem().toString());

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.out()).contains("Private key  yes", "CONTAINS_PRIVATE_KEY");
        String keyLine = Files.readAllLines(files.keyPem()).get(1);
        assertThat(run.out() + run.err()).doesNotContain(keyLine);
    }

    @Test
    void an_expired_certificate_is_refused_as_of_a_later_date() {
        CommandRun run = CommandRun.of("cert", "inspect", files.cer().toString(), "--as-of", "2030-01-01");

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.out()).contains("EXPIRED");
    }

    @Test
    void validity_over_the_maximum_is_a_warning_not_a_refusal() {
        CommandRun run = CommandRun.of("cert", "inspect", files.cer().toString(), "--max-validity-months", "6");

        assertThat(run.status()).isZero();
        assertThat(run.out()).contains("warning  VALIDITY_OVER_MAXIMUM");
    }

    @Test
    void garbage_is_refused_as_not_x509_without_a_stack_trace() throws Exception {
        Path junk = Files.write(dir.resolve("junk.cer"), new byte[] {0x30, (byte) 0x82, 0x05, 0x00, 1, 2, 3});

        CommandRun run = CommandRun.of("cert", "inspect", junk.toString());

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.out()).contains("NOT_X509");
        assertThat(run.out() + run.err()).doesNotContain("\tat ", "Exception");
    }

    @Test
    void a_missing_file_is_a_usage_error() {
        CommandRun run = CommandRun.of("cert", "inspect", dir.resolve("nothing.cer").toString());

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("nothing.cer: no such file");
    }

    @Test
    void a_password_variable_that_is_not_set_is_named() {
        CommandRun run = CommandRun.of("cert", "inspect", files.pfx().toString(), "--password-env", "UNSET_PW");

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("UNSET_PW", "not set");
    }

    @Test
    void a_file_created_by_cert_create_is_accepted_by_cert_inspect(@TempDir Path out) {
        CommandRun create = CommandRun.withEnvironment(Map.of(CertCreateCommand.DEFAULT_PASSWORD_VARIABLE, PASSWORD),
                "cert", "create", "--subject", "CN=Round Trip", "--out", out.toString());
        CommandRun inspect = CommandRun.of("cert", "inspect", out.resolve("Round-Trip.cer").toString());

        assertThat(create.status()).as(create.toString()).isZero();
        assertThat(inspect.status()).as(inspect.toString()).isZero();
        assertThat(inspect.out()).doesNotContain("warning");
    }

    @Test
    void cert_without_a_command_names_the_two() {
        CommandRun run = CommandRun.of("cert");

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("cert create", "cert inspect");
    }

    @Test
    void terminal_escapes_in_a_subject_are_not_printed(@TempDir Path out) throws Exception {
        CertificateAndKey evil = SelfSignedCertificates.create(
                CertificateRequest.of("CN=evil\u001b]0 pwned\u0007\u001b[2J Upload accepted"), CommandRun.CLOCK);
        Path cer = Files.write(out.resolve("evil.cer"), evil.certificateDer());

        CommandRun run = CommandRun.of("cert", "inspect", cer.toString());

        assertThat(run.status()).isZero();
        assertThat(run.out()).contains("evil ").doesNotContain("\u001b", "\u0007");
        assertThat(run.out().lines().filter(line -> line.contains("Upload accepted")))
                .hasSize(2).allMatch(line -> line.startsWith("  subject ") || line.startsWith("  issuer "));
    }
}
