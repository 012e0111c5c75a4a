package dev.app09.graph.hostile;

import static dev.app09.graph.hostile.CommandChecks.BAD_INPUT;
import static dev.app09.graph.hostile.CommandChecks.assertNoInternals;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

import dev.app09.certs.CertificateAndKey;
import dev.app09.certs.CertificateFiles;
import dev.app09.certs.CertificateRequest;
import dev.app09.certs.SelfSignedCertificates;
import dev.app09.graph.cli.CommandRun;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Wrong kinds of certificate files through the commands that take them: {@code app09 cert inspect
 * FILE} says REFUSED with exit status 2, and {@code migrate upload-cert --proof-key FILE} refuses
 * the file with exit status 2 before anything is sent; never an internal error, a stack trace or
 * the password.
 */
final class HostileCertificateFilesCommandTest {

    private static final String PASSWORD = "correct horse";
    /** Not a performance bound: short of a hang. */
    private static final Duration HANG = Duration.ofSeconds(60);

    @TempDir
    static Path certificates;

    private static CertificateFiles good;

    @TempDir
    Path temp;

    @BeforeAll
    static void createCertificate() throws IOException {
        CertificateAndKey created = SelfSignedCertificates.create(CertificateRequest.of("CN=Payroll-2026"), CommandRun.CLOCK);
        good = CertificateFiles.write(certificates, "Payroll-2026", created, PASSWORD.toCharArray(), false);
    }

    static Stream<Arguments> wrongKinds() {
        byte[] random = new byte[4096];
        new Random(20260621L).nextBytes(random);
        byte[] nested = new byte[200_000];
        for (int i = 0; i < nested.length; i += 2) {
            nested[i] = 0x30;
            nested[i + 1] = (byte) 0x80;
        }
        return Stream.of(
                argumentSet("an empty file", new byte[0]),
                argumentSet("random bytes", random),
                argumentSet("a hundred thousand nested SEQUENCEs", nested),
                argumentSet("a PEM certificate block of a hundred thousand nested SEQUENCEs", pem("CERTIFICATE", nested)),
                argumentSet("a PEM certificate block holding an ASN.1 length of 2 GB",
                        pem("CERTIFICATE", new byte[] {0x30, (byte) 0x84, 0x7F, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 2, 1, 0})),
                argumentSet("a JSON file", "{\"keyCredentials\": []}".getBytes(StandardCharsets.UTF_8)),
                argumentSet("an SSH public key", "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQC7 payroll@build\n".getBytes(StandardCharsets.UTF_8)),
                argumentSet("a file of 2 MiB", new byte[2 * 1024 * 1024]));
    }

    @ParameterizedTest(name = "{argumentSetName}")
    @MethodSource("wrongKinds")
    void cert_inspect_says_refused_with_exit_2(byte[] content) throws IOException {
        Path file = Files.write(temp.resolve("upload.cer"), content);

        CommandRun run = assertTimeoutPreemptively(HANG, () -> CommandRun.of("cert", "inspect", file.toString()));

        assertNoInternals(run);
        assertThat(run.status()).as("%s", run).isEqualTo(BAD_INPUT);
        assertThat(run.out()).as("%s", run).contains("Upload       REFUSED").contains("NOT_X509");
    }

    @ParameterizedTest(name = "{argumentSetName}")
    @MethodSource("wrongKinds")
    void upload_cert_refuses_it_as_the_proof_key_before_anything_is_sent(byte[] content) throws IOException {
        Path file = Files.write(temp.resolve("proof.pem"), content);

        CommandRun run = assertTimeoutPreemptively(HANG, () -> CommandRun.withEnvironment(
                Map.of("APP09_PFX_PASSWORD", PASSWORD), "migrate", "upload-cert", "--graph-url", "http://127.0.0.1:9",
                "--app-id", "b645bb45-424a-371f-bca6-38156621dd66", "--certificate", good.cer().toString(),
                "--proof-key", file.toString()));

        assertNoInternals(run);
        assertThat(run.status()).as("%s", run).isEqualTo(BAD_INPUT);
        assertThat(run.err()).as("%s", run).startsWith("app09: --proof-key " + file + ": ").doesNotContain(PASSWORD);
    }

    @Test
    void a_named_pipe_as_the_sign_in_certificate_is_refused_without_waiting_for_a_writer() throws Exception {
        Path pipe = NamedPipes.create(temp.resolve("app09.pem"));

        CommandRun run = assertTimeoutPreemptively(HANG, () -> signIn(pipe));

        assertNoInternals(run);
        assertThat(run.status()).as("%s", run).isEqualTo(BAD_INPUT);
        assertThat(run.err()).as("%s", run).startsWith("app09: --certificate " + pipe
                + " is not a certificate file: expected a regular file of at most 1 MiB");
    }

    @Test
    void an_endless_file_as_the_sign_in_certificate_is_refused_before_it_is_read() throws IOException {
        Path endless = Files.createSymbolicLink(temp.resolve("app09.pem"), Path.of("/dev/zero"));
        Assumptions.assumeTrue(Files.exists(endless), "no /dev/zero here");

        CommandRun run = assertTimeoutPreemptively(HANG, () -> signIn(endless));

        assertNoInternals(run);
        assertThat(run.status()).as("%s", run).isEqualTo(BAD_INPUT);
        assertThat(run.err()).as("%s", run).startsWith("app09: --certificate " + endless
                + " is not a certificate file: expected a regular file of at most 1 MiB");
    }

    /** A live scan signing in with that certificate file: it is opened before any request. */
    private static CommandRun signIn(Path certificate) {
        return CommandRun.of("scan", "--tenant-id", "7d1e6f3a-0000-4000-8000-000000000a09", "--client-id",
                "b645bb45-424a-371f-bca6-38156621dd66", "--certificate", certificate.toString());
    }

    private static byte[] pem(String label, byte[] der) {
        return ("-----BEGIN " + label + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + label + "-----\n").getBytes(StandardCharsets.US_ASCII);
    }
}
