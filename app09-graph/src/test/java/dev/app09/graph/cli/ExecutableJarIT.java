package dev.app09.graph.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.app09.certs.CertificateAndKey;
import dev.app09.certs.CertificateFiles;
import dev.app09.certs.CertificateRequest;
import dev.app09.certs.SelfSignedCertificates;
import dev.app09.testkit.server.FakeGraphServer;
import dev.app09.testkit.server.FakeTokenEndpoint;
import dev.app09.testkit.tenant.FakeTenant;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged {@code app09.jar} runs the README's command as a user runs it: a separate JVM. */
final class ExecutableJarIT {

    private static final Path JAR = Path.of("target/app09.jar");
    private static final String PASSWORD = "jar-verify-password";
    private static final String CONTOSO = "../app09-testkit/src/main/resources/dev/app09/testkit/samples/contoso";

    @Test
    void the_readme_command_prints_the_contoso_verdicts_and_exits_1() throws Exception {
        Run run = app09("scan", "--export", CONTOSO, "--as-of", "2026-06-01T00:00:00Z");

        assertThat(run.status).isEqualTo(1);
        assertThat(run.out).contains("SECRETS_ONLY", "MIGRATION_OVERDUE", "MIGRATING", "CERTIFICATE", "FEDERATED",
                "NO_CREDENTIALS", "NOT_APPLICABLE", "Payroll Export", "GitHub Deployer", "FAIL: 8 failing of 20 workloads");
    }

    @Test
    void with_the_sample_exceptions_register_the_mainframe_bridge_is_an_exception() throws Exception {
        Run run = app09("scan", "--export", CONTOSO, "--exceptions", CONTOSO + "/exceptions.json",
                "--as-of", "2026-06-01T00:00:00Z", "--format", "csv");

        assertThat(run.status).isEqualTo(1);
        assertThat(run.out.lines().filter(line -> line.startsWith("Mainframe Bridge,"))).singleElement()
                .asString().contains(",EXCEPTION,");
    }

    @Test
    void bad_input_exits_2_with_file_and_position_and_no_stack_trace(@TempDir Path export) throws Exception {
        Files.writeString(export.resolve("applications.json"), "{\"value\": [\n  {\"id\": 42}\n]}");
        Files.writeString(export.resolve("servicePrincipals.json"), "[]");

        Run run = app09("scan", "--export", export.toString());

        assertThat(run.status).isEqualTo(2);
        assertThat(run.err).contains("applications.json:2:").doesNotContain("\tat ", "Exception");
    }

    @Test
    void the_jar_carries_no_signature_files_and_names_its_version() throws Exception {
        try (JarFile jar = new JarFile(JAR.toFile())) {
            assertThat(jar.stream().map(e -> e.getName()))
                    .noneMatch(name -> name.startsWith("META-INF/") && name.matches("META-INF/[^/]+\\.(SF|DSA|RSA|EC)"));
        }
        assertThat(app09("--version").out).startsWith("app09 0.");
    }

    @Test
    void the_readme_certificate_commands_create_a_pfx_and_a_cer_that_inspects_clean(@TempDir Path out) throws Exception {
        Run create = app09(Map.of("APP09_PFX_PASSWORD", "readme-example-password"),
                "cert", "create", "--subject", "CN=MyApp-Auth-Cert", "--out", out.toString());
        Run inspect = app09("cert", "inspect", out.resolve("MyApp-Auth-Cert.cer").toString());
        Run refused = app09("cert", "inspect", out.resolve("MyApp-Auth-Cert.pfx").toString());

        assertThat(create.status).as(create.err).isZero();
        assertThat(inspect.status).as(inspect.err).isZero();
        assertThat(inspect.out).contains("Upload       accepted");
        assertThat(refused.status).isEqualTo(2);
        assertThat(refused.out).contains("CONTAINS_PRIVATE_KEY");
    }

    @Test
    void migrate_plan_in_json_puts_a_contoso_workload_with_secrets_only_at_needs_certificate() throws Exception {
        Run run = app09("migrate", "plan", "--export", CONTOSO, "--as-of", "2026-06-01T00:00:00Z", "--format", "json");

        assertThat(run.status).as(run.err).isZero();
        JsonNode plan = CommandRun.parse(run.out);
        assertThat(plan.get("workloads")).filteredOn(w -> w.get("displayName").asText().equals("Payroll Export"))
                .singleElement().satisfies(w -> assertThat(w.get("state").asText()).isEqualTo("NEEDS_CERTIFICATE"));
    }

    @Test
    void migrate_help_lists_the_four_steps() throws Exception {
        Run run = app09("migrate", "--help");

        assertThat(run.status).as(run.err).isZero();
        assertThat(run.out.lines().map(String::strip))
                .anyMatch(line -> line.startsWith("plan "))
                .anyMatch(line -> line.startsWith("upload-cert "))
                .anyMatch(line -> line.startsWith("verify "))
                .anyMatch(line -> line.startsWith("retire-secret "));
    }

    @Test
    void migrate_verify_signs_in_over_tls_trusted_through_the_jvm_options_and_retire_secret_accepts_its_file(
            @TempDir Path dir) throws Exception {
        UUID tenant = UUID.randomUUID();
        UUID appId = UUID.randomUUID();
        UUID secret = UUID.randomUUID();
        UUID certificateKey = UUID.randomUUID();
        CertificateAndKey certificate = SelfSignedCertificates.create(CertificateRequest.of("CN=jar-verify"), Clock.systemUTC());
        CertificateFiles files = CertificateFiles.write(dir, "jar-verify", certificate, PASSWORD.toCharArray(), false);
        try (FakeGraphServer graph = FakeGraphServer.start(); FakeTokenEndpoint entra = FakeTokenEndpoint.start(graph)) {
            graph.serve(FakeTenant.at(Instant.now()).tenantId(tenant).application("Jar App", a -> a.appId(appId)
                    .secret(s -> s.keyId(secret)).certificate(c -> c.keyId(certificateKey))).build())
                    .certificate(certificateKey, certificate.certificateDer());
            List<String> trust = List.of("-Djavax.net.ssl.trustStore=" + entra.trustStore(),
                    "-Djavax.net.ssl.trustStorePassword=" + entra.trustStorePassword(), "-Djavax.net.ssl.trustStoreType=PKCS12");
            Path verification = dir.resolve("jar-verify.verification.json");

            Run verify = app09(trust, Map.of("APP09_PFX_PASSWORD", PASSWORD), "migrate", "verify", "--tenant-id",
                    tenant.toString(), "--client-id", appId.toString(), "--certificate", files.pfx().toString(),
                    "--authority-host", entra.authorityHost(), "--out", verification.toString());
            Run retire = app09("migrate", "retire-secret", "--graph-url", graph.baseUrl(), "--app-id", appId.toString(),
                    "--key-id", secret.toString(), "--verification", verification.toString());

            assertThat(verify.status).as(verify.err).isZero();
            assertThat(Files.readString(verification)).contains(certificate.thumbprints().sha1Hex());
            assertThat(entra.requests()).singleElement().satisfies(r -> assertThat(r.keyId()).isEqualTo(certificateKey));
            assertThat(retire.status).as(retire.out + retire.err).isZero();
            assertThat(retire.out).contains("(saved verification)", "Dry run");
        }
    }

    private static Run app09(String... args) throws IOException, InterruptedException {
        return app09(Map.of(), args);
    }

    private static Run app09(Map<String, String> environment, String... args) throws IOException, InterruptedException {
        return app09(List.of(), environment, args);
    }

    private static Run app09(List<String> jvmOptions, Map<String, String> environment, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", JAR.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(environment);
        Process process = builder.start();
        process.getOutputStream().close();
        var out = process.getInputStream().readAllBytes();
        var err = process.getErrorStream().readAllBytes();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("app09 finished").isTrue();
        return new Run(process.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
    }

    private record Run(int status, String out, String err) {
    }
}
