package dev.app09.graph.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.app09.certs.CertificateAndKey;
import dev.app09.certs.CertificateRequest;
import dev.app09.certs.SelfSignedCertificates;
import dev.app09.core.migration.Verification;
import dev.app09.core.model.Application;
import dev.app09.core.model.PasswordCredential;
import dev.app09.core.model.TenantSnapshot;
import dev.app09.graph.json.VerificationFile;
import dev.app09.testkit.junit.FakeGraphExtension;
import dev.app09.testkit.server.Endpoint;
import dev.app09.testkit.server.Fault;
import dev.app09.testkit.tenant.FakeTenant;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code app09 migrate retire-secret} on the fake Graph: refused in every unsafe case with the rule
 * that refused, nothing sent; a dry run unless --confirm; the secret removed in the safe case.
 */
final class MigrateRetireCommandTest {

    @RegisterExtension
    static final FakeGraphExtension graph = FakeGraphExtension.create();

    private static final UUID SECRET = UUID.fromString("5ec00000-0000-4000-8000-000000000001");
    private static final UUID APP_ID = UUID.fromString("a9900000-0000-4000-8000-000000000001");

    private static CommandRun retire(UUID appId, UUID keyId, String... options) {
        return CommandRun.of(Stream.concat(Stream.of("migrate", "retire-secret", "--graph-url", graph.baseUrl(),
                "--app-id", appId.toString(), "--key-id", keyId.toString()), Stream.of(options)).toList());
    }

    private static TenantSnapshot serve(FakeTenant tenant) {
        TenantSnapshot snapshot = tenant.build();
        graph.serve(snapshot);
        return snapshot;
    }

    private static List<UUID> secretsNow() {
        Application app = graph.server().snapshot().applications().get(0);
        return app.passwordCredentials().stream().map(PasswordCredential::keyId).toList();
    }

    private static void assertRefusedBy(CommandRun run, String... rules) {
        assertThat(run.status()).as("%s", run).isEqualTo(ExitCode.BAD_INPUT);
        for (String rule : rules) {
            assertThat(run.out()).as("%s", run).contains("REFUSED  " + rule + ": ");
        }
        assertThat(run.out()).contains("Nothing was removed.");
        assertThat(graph.server().journal().count(Endpoint.REMOVE_PASSWORD)).isZero();
    }

    @Test
    void no_alternative_a_secret_alone_is_refused() {
        serve(FakeTenant.create().application("Payroll", a -> a.appId(APP_ID).secret(s -> s.keyId(SECRET).neverSignedIn())));

        CommandRun run = retire(APP_ID, SECRET, "--confirm");

        assertRefusedBy(run, "NO_ALTERNATIVE", "CERTIFICATE_NOT_PROVEN");
        assertThat(secretsNow()).containsExactly(SECRET);
    }

    @Test
    void an_expired_certificate_is_no_alternative() {
        serve(FakeTenant.create().application("Payroll", a -> a.appId(APP_ID).secret(s -> s.keyId(SECRET).neverSignedIn())
                .certificate(c -> c.expiredDaysAgo(3).lastSignInDaysAgo(5))));

        CommandRun run = retire(APP_ID, SECRET, "--confirm");

        assertRefusedBy(run, "NO_ALTERNATIVE");
        assertThat(run.out()).contains("expired or not yet valid");
    }

    @Test
    void no_verification_and_no_evidence_is_refused() {
        serve(FakeTenant.create().application("Payroll", a -> a.appId(APP_ID).secret(s -> s.keyId(SECRET)).certificate()));
        graph.server().inject(Fault.status(403).on(Endpoint.SIGN_IN_ACTIVITIES));

        CommandRun run = retire(APP_ID, SECRET, "--confirm");

        assertRefusedBy(run, "CERTIFICATE_NOT_PROVEN");
        assertThat(run.out()).contains("no sign-in evidence was read", "app09 migrate verify");
        assertThat(run.err()).as("the 403 is a warning, not a crash").contains("sign-in evidence was not read");
    }

    @Test
    void a_certificate_that_never_signed_in_proves_nothing() {
        serve(FakeTenant.create().application("Payroll", a -> a.appId(APP_ID).secret(s -> s.keyId(SECRET).neverSignedIn())
                .certificate(c -> c.neverSignedIn())));

        CommandRun run = retire(APP_ID, SECRET, "--confirm");

        assertRefusedBy(run, "CERTIFICATE_NOT_PROVEN");
        assertThat(run.out()).contains("no active certificate signed in since");
    }

    @Test
    void a_secret_still_in_use_is_refused_even_when_the_certificate_signs_in() {
        serve(FakeTenant.create().application("Payroll", a -> a.appId(APP_ID).secret(s -> s.keyId(SECRET).lastSignInDaysAgo(2))
                .certificate(c -> c.lastSignInDaysAgo(1))));

        CommandRun run = retire(APP_ID, SECRET, "--confirm");

        assertRefusedBy(run, "SECRET_IN_USE");
        assertThat(run.out()).doesNotContain("REFUSED  CERTIFICATE_NOT_PROVEN");
    }

    @Test
    void a_saml_signing_password_is_never_removed() {
        TenantSnapshot tenant = serve(FakeTenant.create().application("Intranet SSO", a -> a.appId(APP_ID)
                .samlSigningCertificate().certificate(c -> c.lastSignInDaysAgo(1))));
        UUID samlPassword = tenant.applications().get(0).passwordCredentials().get(0).keyId();

        CommandRun run = retire(APP_ID, samlPassword, "--confirm");

        assertRefusedBy(run, "SIGNING_PASSWORD");
        assertThat(secretsNow()).containsExactly(samlPassword);
    }

    @Test
    void an_unknown_key_id_is_refused_naming_the_secrets_there_are() {
        serve(FakeTenant.create().application("Payroll", a -> a.appId(APP_ID).secret(s -> s.keyId(SECRET))));

        CommandRun run = retire(APP_ID, UUID.randomUUID(), "--confirm");

        assertRefusedBy(run, "NO_SUCH_SECRET");
        assertThat(run.out()).contains(SECRET.toString());
    }

    @Test
    void an_incomplete_read_is_refused_with_exit_status_3() {
        serve(FakeTenant.create().application("Payroll", a -> a.appId(APP_ID).secret(s -> s.keyId(SECRET).neverSignedIn())
                .certificate(c -> c.lastSignInDaysAgo(1))));
        graph.server().inject(Fault.status(500).on(Endpoint.SERVICE_PRINCIPALS));

        CommandRun run = retire(APP_ID, SECRET, "--confirm");

        assertThat(run.status()).as("%s", run).isEqualTo(ExitCode.INCOMPLETE);
        assertThat(run.out()).contains("REFUSED  SCAN_INCOMPLETE");
        assertThat(graph.server().journal().count(Endpoint.REMOVE_PASSWORD)).isZero();
    }

    @Test
    void the_safe_case_is_a_dry_run_without_confirm() {
        serve(FakeTenant.create().application("Payroll", a -> a.appId(APP_ID).secret(s -> s.keyId(SECRET).lastSignInDaysAgo(45))
                .certificate(c -> c.lastSignInDaysAgo(1))));

        CommandRun run = retire(APP_ID, SECRET);

        assertThat(run.status()).as("%s", run).isEqualTo(ExitCode.PASS);
        assertThat(run.out()).contains("Dry run", "--confirm", "signed in on", "last signed in on");
        assertThat(graph.server().journal().count(Endpoint.REMOVE_PASSWORD)).isZero();
        assertThat(secretsNow()).containsExactly(SECRET);
    }

    @Test
    void the_safe_case_with_confirm_removes_the_secret_and_reads_it_back() {
        serve(FakeTenant.create().application("Payroll", a -> a.appId(APP_ID).secret(s -> s.keyId(SECRET).neverSignedIn())
                .secret(s -> s.lastSignInDaysAgo(1)).certificate(c -> c.lastSignInDaysAgo(1))));

        CommandRun run = retire(APP_ID, SECRET, "--confirm");

        assertThat(run.status()).as("%s", run).isEqualTo(ExitCode.PASS);
        assertThat(run.out()).contains("DONE: removePassword " + SECRET, "the other 1 password(s) are untouched");
        assertThat(graph.server().journal().count(Endpoint.REMOVE_PASSWORD)).isEqualTo(1);
        assertThat(secretsNow()).hasSize(1).doesNotContain(SECRET);
    }

    @Test
    void without_sign_in_evidence_a_verification_is_not_enough_until_the_removal_is_accepted_by_hand(@TempDir Path dir)
            throws IOException {
        CertificateAndKey certificate = SelfSignedCertificates.create(CertificateRequest.of("CN=payroll"), CommandRun.CLOCK);
        UUID certificateKey = UUID.randomUUID();
        serve(FakeTenant.create().application("Payroll", a -> a.appId(APP_ID).secret(s -> s.keyId(SECRET))
                .certificate(c -> c.keyId(certificateKey).customKeyIdentifier(HexFormat.of().parseHex(
                        certificate.thumbprints().sha1Hex())))));
        graph.server().inject(Fault.status(403).on(Endpoint.SIGN_IN_ACTIVITIES));
        Path verification = dir.resolve("v.json");
        try (OutputStream out = Files.newOutputStream(verification)) {
            VerificationFile.write(new Verification("contoso.example", APP_ID, certificate.thumbprints().sha1Hex(),
                    CommandRun.CLOCK.instant().minusSeconds(3600), "https://127.0.0.1:8443"), out);
        }

        CommandRun refused = retire(APP_ID, SECRET, "--verification", verification.toString(), "--confirm");
        CommandRun accepted = retire(APP_ID, SECRET, "--verification", verification.toString(), "--without-usage-evidence");

        assertRefusedBy(refused, "USAGE_UNKNOWN");
        assertThat(refused.out()).doesNotContain("REFUSED  CERTIFICATE_NOT_PROVEN").contains("--without-usage-evidence");
        assertThat(accepted.status()).as("%s", accepted).isEqualTo(ExitCode.PASS);
        assertThat(accepted.out()).contains("WARNING  no sign-in evidence was read", "Dry run");
    }

    @Test
    void a_certificate_ending_within_the_expiry_warning_is_no_lasting_alternative() {
        serve(FakeTenant.create().application("Payroll", a -> a.appId(APP_ID).secret(s -> s.keyId(SECRET).neverSignedIn())
                .certificate(c -> c.startedDaysAgo(300).endsInDays(10).lastSignInDaysAgo(1))));

        CommandRun run = retire(APP_ID, SECRET, "--confirm");

        assertRefusedBy(run, "ALTERNATIVE_ENDS_SOON");
        assertThat(run.out()).contains("register a successor that is valid before then");
    }

    @Test
    void a_longer_usage_window_sees_a_monthly_job_still_using_the_secret() {
        serve(FakeTenant.create().application("Payroll", a -> a.appId(APP_ID).secret(s -> s.keyId(SECRET).lastSignInDaysAgo(31))
                .certificate(c -> c.lastSignInDaysAgo(1))));

        CommandRun defaultWindow = retire(APP_ID, SECRET);
        CommandRun sixtyDays = retire(APP_ID, SECRET, "--usage-window", "60", "--confirm");

        assertThat(defaultWindow.status()).as("%s", defaultWindow).isEqualTo(ExitCode.PASS);
        assertRefusedBy(sixtyDays, "SECRET_IN_USE");
    }

    @Test
    void the_workload_is_read_again_and_judged_again_just_before_the_removal() {
        serve(FakeTenant.create().application("Payroll", a -> a.appId(APP_ID).secret(s -> s.keyId(SECRET).neverSignedIn())
                .certificate(c -> c.lastSignInDaysAgo(1))));
        // The tenant read lists the application; the single read just before the write no longer finds it.
        graph.server().inject(Fault.status(404).on(Endpoint.APPLICATION).times(1));

        CommandRun run = retire(APP_ID, SECRET, "--confirm");

        assertThat(run.out()).as("%s", run).contains("The workload changed since it was read:", "REFUSED  NO_SUCH_SECRET");
        assertRefusedBy(run, "NO_SUCH_SECRET");
        assertThat(graph.server().journal().count(Endpoint.APPLICATION)).isEqualTo(1);
    }

    @Test
    void a_verification_file_with_terminal_escapes_is_refused_without_printing_them(@TempDir Path dir) throws IOException {
        serve(FakeTenant.create().application("Payroll", a -> a.appId(APP_ID).secret(s -> s.keyId(SECRET))));
        Path hostile = Files.writeString(dir.resolve("v.json"), "{\"kind\": \"app09.certificateVerification\", \"version\": 1,"
                + " \"tenant\": \"t\", \"clientId\": \"" + APP_ID + "\", \"thumbprint\": \"\\u001b[2J\\u001b]0;owned\\u0007\","
                + " \"verifiedAt\": \"2026-06-01T00:00:00Z\", \"authorityHost\": \"https://login.microsoftonline.com\"}");

        CommandRun run = retire(APP_ID, SECRET, "--verification", hostile.toString());

        assertThat(run.status()).as("%s", run).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err()).contains(hostile.toString(), "thumbprint").doesNotContain("\u001b").doesNotContain("\u0007");
    }

    @Test
    void an_export_is_refused_because_it_cannot_be_written_to() {
        CommandRun run = CommandRun.of("migrate", "retire-secret", "--export", "no-such-dir", "--app-id", APP_ID.toString(),
                "--key-id", SECRET.toString());

        assertThat(run.status()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err()).contains("--export is read-only");
    }
}
