package dev.app09.graph.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.app09.certs.CertificateAndKey;
import dev.app09.certs.CertificateFiles;
import dev.app09.certs.CertificateRequest;
import dev.app09.certs.SelfSignedCertificates;
import dev.app09.graph.TrustingHttpClient;
import dev.app09.testkit.server.FakeGraphServer;
import dev.app09.testkit.server.FakeTokenEndpoint;
import dev.app09.testkit.tenant.FakeTenant;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code app09 migrate verify} against the fake Entra token endpoint over TLS. */
final class MigrateVerifyCommandTest {

    private static final UUID TENANT = UUID.fromString("7e000000-0000-4000-8000-0000000000c1");
    private static final UUID APP_ID = UUID.fromString("a1100000-0000-4000-8000-0000000000c1");
    private static final UUID KEY = UUID.fromString("c0000000-0000-4000-8000-0000000000c1");
    private static final String PASSWORD = "verify-command-password";
    private static final CertificateAndKey CERTIFICATE =
            SelfSignedCertificates.create(CertificateRequest.of("CN=verify-command"), CommandRun.CLOCK);

    private static FakeGraphServer graph;
    private static FakeTokenEndpoint entra;

    @TempDir
    Path dir;

    private CertificateFiles files;

    @BeforeAll
    static void start() {
        graph = FakeGraphServer.start();
        entra = FakeTokenEndpoint.start(graph);
    }

    @AfterAll
    static void stop() {
        entra.close();
        graph.close();
    }

    @BeforeEach
    void serve() throws IOException {
        graph.reset();
        graph.clock(CommandRun.CLOCK).serve(FakeTenant.create().tenantId(TENANT)
                .application("Payroll", a -> a.appId(APP_ID).certificate(c -> c.keyId(KEY))).build());
        entra.clear();
        files = CertificateFiles.write(dir, "verify-command", CERTIFICATE, PASSWORD.toCharArray(), false);
    }

    private CommandRun verify(String tenant, String... more) {
        String[] args = {"migrate", "verify", "--tenant-id", tenant, "--client-id", APP_ID.toString(),
            "--certificate", files.pfx().toString(), "--authority-host", entra.authorityHost()};
        String[] all = java.util.stream.Stream.concat(java.util.Arrays.stream(args), java.util.Arrays.stream(more))
                .toArray(String[]::new);
        return CommandRun.withIdentity(Map.of("APP09_PFX_PASSWORD", PASSWORD), TrustingHttpClient.of(entra), all);
    }

    @Test
    void a_registered_certificate_is_verified_and_the_file_names_tenant_client_thumbprint_and_time() throws IOException {
        graph.certificate(KEY, CERTIFICATE.certificateDer());
        Path out = dir.resolve("v.json");

        CommandRun run = verify(TENANT.toString(), "--out", out.toString());

        assertThat(run.status()).as("%s", run).isEqualTo(ExitCode.PASS);
        assertThat(Files.readString(out)).contains(TENANT.toString(), APP_ID.toString(), CERTIFICATE.thumbprints().sha1Hex(),
                "2026-06-01T00:00:00Z", entra.authorityHost()).doesNotContain("fake-entra-");
    }

    @Test
    void a_certificate_entra_does_not_know_exits_5_with_entras_reason_and_writes_nothing() {
        Path out = dir.resolve("v.json");

        CommandRun run = verify(TENANT.toString(), "--out", out.toString());

        assertThat(run.status()).as("%s", run).isEqualTo(ExitCode.STEP_FAILED);
        assertThat(run.err()).contains("not verified", "AADSTS700027");
        assertThat(out).doesNotExist();
    }

    @Test
    void a_tenant_named_by_domain_is_refused_before_signing_in() {
        CommandRun run = verify("contoso.onmicrosoft.com");

        assertThat(run.status()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err()).contains("give the tenant's id");
        assertThat(entra.requests()).isEmpty();
    }

    @Test
    void an_existing_out_file_is_never_overwritten() throws IOException {
        graph.certificate(KEY, CERTIFICATE.certificateDer());
        Path out = Files.writeString(dir.resolve("v.json"), "keep me");

        CommandRun run = verify(TENANT.toString(), "--out", out.toString());

        assertThat(run.status()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(Files.readString(out)).isEqualTo("keep me");
        assertThat(entra.requests()).as("refused before signing in").isEmpty();
    }
}
