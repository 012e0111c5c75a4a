package dev.app09.graph.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.app09.certs.CertificateAndKey;
import dev.app09.certs.CertificateFiles;
import dev.app09.certs.CertificateRequest;
import dev.app09.certs.SelfSignedCertificates;
import dev.app09.core.model.Application;
import dev.app09.core.model.KeyCredential;
import dev.app09.testkit.junit.FakeGraphExtension;
import dev.app09.testkit.server.Endpoint;
import dev.app09.testkit.server.Fault;
import dev.app09.testkit.tenant.FakeTenant;
import dev.app09.testkit.tenant.SampleTenants;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code app09 migrate upload-cert} on the fake Graph: a PATCH that keeps every registered key, an
 * addKey signed by the application's current certificate, the files and situations refused before
 * anything is sent, and a failed write read back rather than resent.
 */
final class MigrateUploadCommandTest {

    @RegisterExtension
    static final FakeGraphExtension graph = FakeGraphExtension.create();

    private static final String PASSWORD = "a long enough password";
    /** cert create and upload-cert's --proof-key read the same variable by default. */
    private static final Map<String, String> ENVIRONMENT = Map.of(MigrateUploadCommand.DEFAULT_PROOF_PASSWORD_VARIABLE, PASSWORD);

    private static final UUID APP_ID = UUID.fromString("a9900000-0000-4000-8000-000000000002");
    private static final UUID OLD_CERT = UUID.fromString("c0000000-0000-4000-8000-0000000000a1");
    private static final UUID OTHER_CERT = UUID.fromString("c0000000-0000-4000-8000-0000000000a2");
    private static final UUID CURRENT_CERT = UUID.fromString("c0000000-0000-4000-8000-0000000000c1");

    @TempDir
    static Path certificates;

    /** The certificate to upload, made by {@code cert create --pem-bundle} at the run's fixed clock. */
    private static CertificateFiles fresh;
    /** The application's current certificate, for the addKey path. */
    private static CertificateFiles current;
    /** A certificate that ended before the run's clock. */
    private static CertificateFiles expired;

    @BeforeAll
    static void createCertificates() throws IOException {
        fresh = certCreate("Payroll-2026");
        current = certCreate("Payroll-2025");
        CertificateAndKey old = SelfSignedCertificates.create(CertificateRequest.of("CN=Payroll-2024"),
                Clock.fixed(Instant.parse("2025-01-01T00:00:00Z"), ZoneOffset.UTC));
        expired = CertificateFiles.write(certificates, "Payroll-2024", old, PASSWORD.toCharArray(), false);
    }

    private static CertificateFiles certCreate(String commonName) {
        CommandRun run = CommandRun.withEnvironment(Map.of(CertCreateCommand.DEFAULT_PASSWORD_VARIABLE, PASSWORD),
                "cert", "create", "--subject", "CN=" + commonName, "--out", certificates.toString(), "--pem-bundle");
        assertThat(run.status()).as("%s", run).isZero();
        return CertificateFiles.in(certificates, commonName, true);
    }

    private static CommandRun upload(UUID appId, Path certificate, String... options) {
        return CommandRun.withEnvironment(ENVIRONMENT, Stream.concat(Stream.of("migrate", "upload-cert", "--graph-url",
                graph.baseUrl(), "--app-id", appId.toString(), "--certificate", certificate.toString()),
                Stream.of(options)).toArray(String[]::new));
    }

    private static CommandRun upload(Path certificate, String... options) {
        return upload(APP_ID, certificate, options);
    }

    /** Payroll with two certificates whose bytes the fake serves as placeholders, and a secret. */
    private static void serveTwoCertificates() {
        graph.serve(FakeTenant.create().application("Payroll", a -> a.appId(APP_ID)
                .certificate(c -> c.keyId(OLD_CERT)).certificate(c -> c.keyId(OTHER_CERT)).secret()).build());
    }

    /** Payroll with one certificate whose real bytes the fake holds, judged at the run's clock. */
    private static void serveCurrentCertificate() throws IOException {
        X509Certificate certificate = x509(current.cer());
        graph.serve(FakeTenant.create().application("Payroll", a -> a.appId(APP_ID).secret()
                .certificate(c -> c.keyId(CURRENT_CERT).start(certificate.getNotBefore().toInstant())
                        .end(certificate.getNotAfter().toInstant()))).build());
        graph.server().certificate(CURRENT_CERT, Files.readAllBytes(current.cer())).clock(CommandRun.CLOCK);
    }

    private static List<KeyCredential> keysNow() {
        Application payroll = graph.server().snapshot().applications().get(0);
        return payroll.keyCredentials();
    }

    private static List<UUID> keyIdsNow() {
        return keysNow().stream().map(KeyCredential::keyId).toList();
    }

    /** The key registered for a certificate file: the fake stores the SHA-1 thumbprint as customKeyIdentifier. */
    private static List<KeyCredential> keysOf(Path cer) throws IOException {
        byte[] thumbprint = sha1(Files.readAllBytes(cer));
        return keysNow().stream().filter(k -> k.customKeyIdentifier() != null
                && Arrays.equals(k.customKeyIdentifier().bytes(), thumbprint)).toList();
    }

    private static void assertNothingWritten() {
        assertThat(graph.server().journal().count(Endpoint.UPDATE_APPLICATION)).as("PATCH requests").isZero();
        assertThat(graph.server().journal().count(Endpoint.ADD_KEY)).as("addKey requests").isZero();
    }

    @Nested
    class WithoutAProofKey {

        @Test
        void patches_the_key_list_keeping_both_registered_certificates() throws IOException {
            serveTwoCertificates();

            CommandRun run = upload(fresh.cer());

            assertThat(run.status()).as("%s", run).isEqualTo(ExitCode.PASS);
            assertThat(run.out()).startsWith("DONE:").contains("every one of the 2 key(s) read before the write is still there, unchanged");
            assertThat(keyIdsNow()).hasSize(3).contains(OLD_CERT, OTHER_CERT);
            assertThat(keysOf(fresh.cer())).singleElement().satisfies(key -> {
                assertThat(key.type()).isEqualTo("AsymmetricX509Cert");
                assertThat(key.usage()).isEqualTo("Verify");
            });
            assertThat(graph.server().journal().count(Endpoint.UPDATE_APPLICATION)).isEqualTo(1);
            assertThat(graph.server().journal().count(Endpoint.ADD_KEY)).isZero();
        }

        @Test
        void accepts_the_pem_certificate_as_well_as_the_der_one() throws IOException {
            serveTwoCertificates();

            CommandRun run = upload(fresh.pem());

            assertThat(run.status()).as("%s", run).isEqualTo(ExitCode.PASS);
            assertThat(keysOf(fresh.cer())).hasSize(1);
        }

        @Test
        void a_second_run_sends_nothing_and_says_already_done() {
            serveTwoCertificates();
            CommandRun first = upload(fresh.cer());

            CommandRun second = upload(fresh.cer());

            assertThat(first.status()).as("%s", first).isEqualTo(ExitCode.PASS);
            assertThat(second.status()).as("%s", second).isEqualTo(ExitCode.PASS);
            assertThat(second.out()).startsWith("ALREADY_DONE:").contains("nothing was sent");
            assertThat(graph.server().journal().count(Endpoint.UPDATE_APPLICATION)).isEqualTo(1);
            assertThat(keyIdsNow()).hasSize(3);
        }

        @Test
        void is_refused_when_graph_does_not_return_the_registered_keys_bytes() {
            serveTwoCertificates();
            graph.server().keyValuesReadable(false);

            CommandRun run = upload(fresh.cer());

            assertThat(run.status()).as("%s", run).isEqualTo(ExitCode.BAD_INPUT);
            assertThat(run.out()).startsWith("REFUSED:").contains(OLD_CERT.toString(), OTHER_CERT.toString());
            assertNothingWritten();
            assertThat(keyIdsNow()).containsExactly(OLD_CERT, OTHER_CERT);
        }

        @Test
        void when_graph_hides_every_keys_bytes_the_refusal_does_not_send_the_user_to_add_key() {
            serveTwoCertificates();
            graph.server().keyValuesReadable(false);

            CommandRun run = upload(fresh.cer());

            assertThat(run.status()).as("%s", run).isEqualTo(ExitCode.BAD_INPUT);
            assertThat(run.out()).startsWith("REFUSED:").contains("Entra admin center").doesNotContain("Upload with a proof key");
        }
    }

    @Nested
    class WithAProofKey {

        @Test
        void calls_add_key_signed_by_the_applications_current_certificate() throws IOException {
            serveCurrentCertificate();

            CommandRun run = upload(fresh.cer(), "--proof-key", current.pfx().toString());

            assertThat(run.status()).as("%s", run).isEqualTo(ExitCode.PASS);
            assertThat(run.out()).startsWith("DONE:").contains("addKey");
            assertThat(graph.server().journal().count(Endpoint.ADD_KEY)).isEqualTo(1);
            assertThat(graph.server().journal().count(Endpoint.UPDATE_APPLICATION)).isZero();
            assertThat(keyIdsNow()).hasSize(2).contains(CURRENT_CERT);
            assertThat(keysOf(fresh.cer())).hasSize(1);
        }

        @Test
        void a_proof_key_that_is_not_a_certificate_of_the_application_is_refused_before_sending() throws IOException {
            serveCurrentCertificate();

            CommandRun run = upload(fresh.cer(), "--proof-key", fresh.pfx().toString());

            assertThat(run.status()).as("%s", run).isEqualTo(ExitCode.BAD_INPUT);
            assertThat(run.out()).startsWith("REFUSED:").contains("not a valid Verify certificate");
            assertNothingWritten();
            assertThat(keyIdsNow()).containsExactly(CURRENT_CERT);
        }

        @Test
        void when_graph_hides_the_key_bytes_add_key_is_refused_for_that_reason_not_as_a_wrong_certificate()
                throws IOException {
            serveCurrentCertificate();
            graph.server().keyValuesReadable(false);

            CommandRun run = upload(fresh.cer(), "--proof-key", current.pfx().toString());

            assertThat(run.status()).as("%s", run).isEqualTo(ExitCode.BAD_INPUT);
            assertThat(run.out()).startsWith("REFUSED:").contains("did not return the key bytes", CURRENT_CERT.toString())
                    .doesNotContain("not a valid Verify certificate", "no proof key to PATCH");
            assertNothingWritten();
        }

        @Test
        void a_pfx_proof_key_without_its_password_names_the_variable_and_sends_nothing() throws IOException {
            serveCurrentCertificate();

            CommandRun run = CommandRun.of("migrate", "upload-cert", "--graph-url", graph.baseUrl(), "--app-id",
                    APP_ID.toString(), "--certificate", fresh.cer().toString(), "--proof-key", current.pfx().toString());

            assertThat(run.status()).as("%s", run).isEqualTo(ExitCode.BAD_INPUT);
            assertThat(run.err()).contains(MigrateUploadCommand.DEFAULT_PROOF_PASSWORD_VARIABLE);
            assertNothingWritten();
        }
    }

    @Nested
    class RefusedBeforeSending {

        @Test
        void a_pfx_as_the_certificate_is_refused_because_it_holds_the_private_key() {
            serveTwoCertificates();

            CommandRun run = upload(fresh.pfx());

            assertThat(run.status()).as("%s", run).isEqualTo(ExitCode.BAD_INPUT);
            assertThat(run.err()).contains("CONTAINS_PRIVATE_KEY");
            assertNothingWritten();
        }

        @Test
        void an_app_not_found_in_an_incomplete_read_exits_3_and_sends_nothing() {
            serveTwoCertificates();
            graph.server().inject(Fault.status(500).on(Endpoint.APPLICATIONS));

            CommandRun run = upload(fresh.cer());

            assertThat(run.status()).as("%s", run).isEqualTo(ExitCode.INCOMPLETE);
            assertThat(run.err()).contains("the read was incomplete", "nothing was sent");
            assertNothingWritten();
        }

        @Test
        void a_pem_bundle_as_the_certificate_is_refused_because_it_holds_the_private_key() {
            serveTwoCertificates();

            CommandRun run = upload(fresh.keyPem());

            assertThat(run.status()).as("%s", run).isEqualTo(ExitCode.BAD_INPUT);
            assertThat(run.err()).contains("CONTAINS_PRIVATE_KEY").doesNotContain("BEGIN PRIVATE KEY");
            assertNothingWritten();
        }

        @Test
        void an_expired_certificate_is_refused() {
            serveTwoCertificates();

            CommandRun run = upload(expired.cer());

            assertThat(run.status()).as("%s", run).isEqualTo(ExitCode.BAD_INPUT);
            assertThat(run.err()).contains("EXPIRED");
            assertNothingWritten();
            assertThat(keyIdsNow()).containsExactly(OLD_CERT, OTHER_CERT);
        }

        @Test
        void a_missing_file_is_named() {
            serveTwoCertificates();
            Path missing = certificates.resolve("no-such.cer");

            CommandRun run = upload(missing);

            assertThat(run.status()).as("%s", run).isEqualTo(ExitCode.BAD_INPUT);
            assertThat(run.err()).contains(missing.toString(), "no such file");
            assertNothingWritten();
        }

        @Test
        void an_app_id_not_in_the_tenant_is_refused() {
            serveTwoCertificates();
            UUID stranger = UUID.fromString("a9900000-0000-4000-8000-0000000000ff");

            CommandRun run = upload(stranger, fresh.cer());

            assertThat(run.status()).as("%s", run).isEqualTo(ExitCode.BAD_INPUT);
            assertThat(run.err()).contains("no application with appId " + stranger);
            assertNothingWritten();
        }

        @Test
        void an_export_is_refused_because_it_cannot_be_written_to() {
            CommandRun run = CommandRun.withEnvironment(ENVIRONMENT, "migrate", "upload-cert", "--export",
                    SampleExports.checkedIn(SampleTenants.contoso()).toString(),
                    "--app-id", APP_ID.toString(), "--certificate", fresh.cer().toString());

            assertThat(run.status()).as("%s", run).isEqualTo(ExitCode.BAD_INPUT);
            assertThat(run.err()).contains("--export is read-only");
        }
    }

    @Nested
    class AfterAFailedWrite {

        @Test
        void a_500_that_shows_no_change_exits_5_unknown_and_is_not_resent() {
            serveTwoCertificates();
            graph.server().inject(Fault.status(500).on(Endpoint.UPDATE_APPLICATION));

            CommandRun run = upload(fresh.cer());

            assertThat(run.status()).as("%s", run).isEqualTo(ExitCode.STEP_FAILED);
            assertThat(run.out()).startsWith("UNKNOWN:").contains("HTTP 500", "may still take effect");
            assertThat(graph.server().journal().count(Endpoint.UPDATE_APPLICATION)).isEqualTo(1);
            assertThat(keyIdsNow()).containsExactly(OLD_CERT, OTHER_CERT);
        }

        @Test
        void a_500_after_the_patch_took_effect_is_read_back_and_reported_done() throws IOException {
            serveTwoCertificates();
            graph.server().inject(Fault.status(500).on(Endpoint.UPDATE_APPLICATION).afterApplying().times(1));

            CommandRun run = upload(fresh.cer());

            assertThat(run.status()).as("%s", run).isEqualTo(ExitCode.PASS);
            assertThat(run.out()).startsWith("DONE:").contains("the read-back shows it took effect");
            assertThat(graph.server().journal().count(Endpoint.UPDATE_APPLICATION)).isEqualTo(1);
            assertThat(keyIdsNow()).hasSize(3).contains(OLD_CERT, OTHER_CERT);
            assertThat(keysOf(fresh.cer())).hasSize(1);
        }
    }

    private static X509Certificate x509(Path cer) throws IOException {
        try (var in = Files.newInputStream(cer)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        } catch (java.security.cert.CertificateException e) {
            throw new IOException(e);
        }
    }

    private static byte[] sha1(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-1").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
