package dev.app09.graph.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Named.named;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.azure.core.http.HttpClient;
import dev.app09.certs.CertificateAndKey;
import dev.app09.certs.CertificateKeyFile;
import dev.app09.certs.CertificateRequest;
import dev.app09.certs.SelfSignedCertificates;
import dev.app09.certs.inspect.CertificateInspector;
import dev.app09.core.Assessor;
import dev.app09.core.migration.MigrationEvidence;
import dev.app09.core.migration.MigrationPlan;
import dev.app09.core.migration.MigrationPlanner;
import dev.app09.core.migration.RetirementDecision;
import dev.app09.core.migration.RetirementGuard;
import dev.app09.core.model.Application;
import dev.app09.core.model.PasswordCredential;
import dev.app09.core.model.ServicePrincipal;
import dev.app09.core.model.TenantSnapshot;
import dev.app09.core.report.Report;
import dev.app09.core.rules.Policy;
import dev.app09.graph.CertificateVerifier;
import dev.app09.graph.ExportReader;
import dev.app09.graph.GraphCallFailed;
import dev.app09.graph.GraphConnection;
import dev.app09.graph.GraphReader;
import dev.app09.graph.GraphWriter;
import dev.app09.graph.TrustingHttpClient;
import dev.app09.graph.WriteResult;
import dev.app09.graph.cli.CommandRun;
import dev.app09.graph.cli.Console;
import dev.app09.testkit.json.ExportFolder;
import dev.app09.testkit.server.Endpoint;
import dev.app09.testkit.server.FakeGraphServer;
import dev.app09.testkit.server.FakeTokenEndpoint;
import dev.app09.testkit.server.Fault;
import dev.app09.testkit.tenant.FakeTenant;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every path of the {@code app09} command, run against a tenant full of canaries, writes none of
 * them anywhere: not to standard output or error, not to a log at any level, not to a report,
 * state or verification file. The canaries: a client secret that a leaking Graph sends as every
 * password credential's {@code secretText} and whole {@code hint} (and an export holds the same
 * way), and that the environment holds as {@code AZURE_CLIENT_SECRET}; the PFX password in every
 * variable app09 reads one from; and a private key, used as the sign-in, proof and verified
 * certificate's key and served by Graph as the bytes of a symmetric key.
 */
final class SecretCanaryTest {

    private static final UUID TENANT = UUID.fromString("7e000000-0000-4000-8000-0000000000ca");
    private static final UUID APP_ID = UUID.fromString("a1100000-0000-4000-8000-0000000000ca");
    private static final UUID SECRET = UUID.fromString("5ec00000-0000-4000-8000-0000000000ca");
    /** The canary key's certificate, registered on the application. */
    private static final UUID CURRENT = UUID.fromString("c0000000-0000-4000-8000-0000000000ca");
    /** A legacy symmetric key whose bytes, as this Graph serves them, are the canary private key. */
    private static final UUID PLANTED = UUID.fromString("c0000000-0000-4000-8000-0000000000cb");

    private static FakeGraphServer graph;
    private static LeakyGraph leaky;
    private static FakeTokenEndpoint entra;
    private static HttpClient identity;

    @TempDir
    static Path keys;

    private static Canaries.KeyFiles canary;

    @TempDir
    Path written;

    private LeakCheck check;

    @BeforeAll
    static void start() throws IOException {
        graph = FakeGraphServer.start();
        leaky = LeakyGraph.start(graph.baseUrl(), Canaries.SECRET);
        entra = FakeTokenEndpoint.start(graph);
        identity = TrustingHttpClient.of(entra);
        canary = Canaries.KeyFiles.writeTo(keys);
    }

    @AfterAll
    static void stop() {
        entra.close();
        leaky.close();
        graph.close();
    }

    @BeforeEach
    void serve() {
        graph.reset();
        X509Certificate certificate = Canaries.KEY.certificate();
        graph.clock(CommandRun.CLOCK).serve(FakeTenant.create().tenantId(TENANT)
                .application("Payroll", a -> a.appId(APP_ID)
                        .secret(s -> s.keyId(SECRET).neverSignedIn())
                        .certificate(c -> c.keyId(CURRENT).start(certificate.getNotBefore().toInstant())
                                .end(certificate.getNotAfter().toInstant()).lastSignInDaysAgo(1))
                        .symmetricKey(k -> k.keyId(PLANTED))
                        .servicePrincipal(sp -> sp.secret()))
                .application("Single sign-on", a -> a.servicePrincipal(sp -> sp.saml().samlSigningCertificate()))
                .withSignInEvidence().build());
        graph.certificate(CURRENT, Canaries.KEY.certificateDer())
                .certificate(PLANTED, Canaries.KEY.privateKey().getEncoded());
        entra.clear();
        check = new LeakCheck(Canaries.needles(), written);
    }

    private Path out(String name) {
        return written.resolve(name);
    }

    private CommandRun app09(String... args) {
        return check.run(Canaries.environment(), args);
    }

    private static String[] with(String[] first, String... more) {
        return Stream.concat(Stream.of(first), Stream.of(more)).toArray(String[]::new);
    }

    private static String[] graphUrl(String... command) {
        return with(command, "--graph-url", leaky.baseUrl());
    }

    @Nested
    final class Scan {

        @ParameterizedTest(name = "--format {0}")
        @ValueSource(strings = {"table", "json", "csv", "markdown"})
        void no_format_holds_a_canary_on_standard_output_or_in_its_file(String format) throws IOException {
            CommandRun shown = app09(graphUrl("scan", "--format", format));
            CommandRun saved = app09(graphUrl("scan", "--format", format, "--output", out("report." + format).toString()));

            assertThat(shown.status()).as("%s", shown).isZero();
            assertThat(shown.out()).contains("Payroll");
            assertThat(saved.status()).as("%s", saved).isZero();
            assertThat(Files.readString(out("report." + format))).isEqualTo(shown.out());
        }

        @Test
        void the_hint_graph_sent_whole_is_cut_to_its_three_characters() {
            CommandRun run = app09(graphUrl("scan", "--format", "json"));

            List<String> hints = new ArrayList<>();
            run.json().path("workloads").forEach(w -> w.path("credentials").forEach(c -> {
                if (c.path("kind").asText().equals("SECRET")) {
                    hints.add(c.path("hint").asText());
                }
            }));

            assertThat(hints).as("%s", run).hasSize(2).containsOnly("CAN");
        }

        @Test
        void an_incremental_scan_keeps_no_canary_in_its_state() {
            Path state = out("state");

            CommandRun first = app09(graphUrl("scan", "--state", state.toString(), "--format", "json"));
            CommandRun again = app09(graphUrl("scan", "--state", state.toString(), "--format", "csv"));

            assertThat(first.status()).as("%s", first).isZero();
            assertThat(again.status()).as("%s", again).isZero();
            assertThat(check.written()).as("the state was saved").isNotEmpty();
        }

        @Test
        void an_export_that_holds_the_secret_text_keeps_it_out_of_every_report() throws IOException {
            Path export = leakingExport();

            for (String format : List.of("table", "json", "csv", "markdown")) {
                CommandRun run = app09("scan", "--export", export.toString(), "--format", format, "--output",
                        out("export." + format).toString());
                assertThat(run.status()).as("%s", run).isZero();
            }
        }

        @Test
        void a_scan_that_graph_fails_part_way_keeps_the_canaries_out_of_its_problems() {
            graph.inject(Fault.status(500).on(Endpoint.SERVICE_PRINCIPALS));

            CommandRun run = app09(graphUrl("scan", "--format", "json"));

            assertThat(run.status()).as("%s", run).isEqualTo(3);
            assertThat(run.err()).contains("incomplete");
        }
    }

    @Nested
    final class Certificates {

        @Test
        void cert_create_writes_the_key_only_to_its_key_file_and_the_password_nowhere() throws IOException {
            CommandRun run = app09("cert", "create", "--subject", "CN=created", "--out", written.toString(), "--pem-bundle");

            assertThat(run.status()).as("%s", run).isZero();
            CertificateAndKey created = CertificateKeyFile.read(out("created.key.pem"), null);
            LeakCheck withCreatedKey = new LeakCheck(Canaries.needles().privateKey("the created key", created.privateKey()),
                    written);
            withCreatedKey.clean("cert create: standard output", run.out());
            withCreatedKey.clean("cert create: standard error", run.err());
            withCreatedKey.filesClean("cert create");
            assertThat(check.written()).extracting(p -> p.getFileName().toString())
                    .containsExactlyInAnyOrder("created.pfx", "created.key.pem", "created.cer", "created.pem");
        }

        @Test
        void cert_inspect_says_a_file_holds_a_key_without_showing_it() {
            CommandRun pem = app09("cert", "inspect", canary.keyPem().toString());
            CommandRun pfx = app09("cert", "inspect", canary.pfx().toString(), "--password-env", "CANARY_PASSWORD");

            assertThat(pem.status()).as("%s", pem).isEqualTo(2);
            assertThat(pem.out()).contains("Private key  yes");
            assertThat(pfx.status()).as("%s", pfx).isEqualTo(2);
            assertThat(pfx.out()).contains("Private key  yes", "CN=canary");
        }
    }

    @Nested
    final class Migration {

        @ParameterizedTest(name = "--format {0}")
        @ValueSource(strings = {"table", "json", "csv"})
        void migrate_plan_holds_no_canary(String format) {
            CommandRun run = app09(graphUrl("migrate", "plan", "--format", format, "--output", out("plan." + format).toString()));

            assertThat(run.status()).as("%s", run).isZero();
        }

        @Test
        void upload_cert_by_patch_sends_the_planted_key_back_to_graph_and_nowhere_else() {
            CommandRun run = app09(graphUrl("migrate", "upload-cert", "--app-id", APP_ID.toString(),
                    "--certificate", newCertificate("patched").toString()));

            assertThat(run.status()).as("%s", run).isZero();
            assertThat(run.out()).startsWith("DONE: PATCH");
        }

        @Test
        void upload_cert_by_add_key_signs_with_the_canary_key_and_shows_none_of_it() {
            for (Path proof : List.of(canary.pfx(), canary.keyPem())) {
                CommandRun run = app09(graphUrl("migrate", "upload-cert", "--app-id", APP_ID.toString(),
                        "--certificate", newCertificate("added-" + proof.getFileName()).toString(),
                        "--proof-key", proof.toString()));

                assertThat(run.status()).as("%s", run).isZero();
                assertThat(run.out()).startsWith("DONE: addKey");
            }
        }

        @Test
        void verify_signs_in_with_the_canary_key_and_records_only_its_thumbprint() throws IOException {
            for (Path certificate : List.of(canary.pfx(), canary.keyPem())) {
                Path verification = out("verified-" + certificate.getFileName() + ".json");
                CommandRun run = check.run(Canaries.environment(), identity, verify(certificate, "--out",
                        verification.toString()));

                assertThat(run.status()).as("%s", run).isZero();
                assertThat(Files.readString(verification)).contains(Canaries.KEY.thumbprints().sha1Hex());
                assertThat(check.logRecordsOfLastRun()).as("azure-identity and MSAL logged, and were heard").isPositive();
            }
        }

        @Test
        void retire_secret_dry_run_and_confirmed_removal_hold_no_canary() {
            Path verification = out("verified.json");
            check.run(Canaries.environment(), identity, verify(canary.pfx(), "--out", verification.toString()));
            String[] retire = graphUrl("migrate", "retire-secret", "--app-id", APP_ID.toString(), "--key-id",
                    SECRET.toString(), "--verification", verification.toString());

            CommandRun dryRun = app09(retire);
            CommandRun removed = app09(with(retire, "--confirm"));

            assertThat(dryRun.status()).as("%s", dryRun).isZero();
            assertThat(dryRun.out()).contains("Dry run");
            assertThat(removed.status()).as("%s", removed).isZero();
            assertThat(removed.out()).contains("DONE");
        }
    }

    /** The error paths: each refusal, failure and bad file says what is wrong without the canaries. */
    @Nested
    final class ErrorPaths {

        static Stream<Arguments> refusals() {
            return Stream.of(
                    refusal("verify with the wrong password", true, "the password does not open", t -> t.verify(canary.pfx())),
                    refusal("verify with a damaged key", false, "is not a readable PEM file", t -> t.verify(canary.broken())),
                    refusal("verify with a key labelled PKCS#8 that is PKCS#1", false, "is not a readable PEM file",
                            t -> t.verify(canary.mislabelled())),
                    refusal("upload-cert of the key file instead of the certificate", false, "CONTAINS_PRIVATE_KEY",
                            t -> graphUrl("migrate", "upload-cert", "--app-id", APP_ID.toString(), "--certificate",
                                    canary.keyPem().toString())),
                    refusal("upload-cert with a proof key that is only a certificate", false, "holds no private key",
                            t -> t.upload("--proof-key", canary.cer().toString())),
                    refusal("upload-cert with a damaged proof key", false, "is not a readable PEM file",
                            t -> t.upload("--proof-key", canary.broken().toString())),
                    refusal("upload-cert with the wrong proof key password", true, "the password does not open",
                            t -> t.upload("--proof-key", canary.pfx().toString())),
                    refusal("cert inspect with the wrong password", true, "the password given does not open",
                            t -> new String[] {"cert", "inspect", canary.pfx().toString(), "--password-env", "CANARY_PASSWORD"}),
                    refusal("cert inspect of a damaged key", false, "CONTAINS_PRIVATE_KEY",
                            t -> new String[] {"cert", "inspect", canary.broken().toString()}),
                    refusal("migrate plan given the key file as a verification", false, "not valid JSON",
                            t -> graphUrl("migrate", "plan", "--verification", canary.keyPem().toString())),
                    refusal("retire-secret given the PFX as a verification", false, "canary.pfx",
                            t -> graphUrl("migrate", "retire-secret", "--app-id", APP_ID.toString(), "--key-id",
                                    SECRET.toString(), "--verification", canary.pfx().toString())),
                    refusal("scan given the key file as its exceptions", false, "canary.key.pem",
                            t -> graphUrl("scan", "--exceptions", canary.keyPem().toString())),
                    refusal("a live scan signing in with the wrong PFX password", true, "the password does not open",
                            t -> new String[] {"scan", "--tenant-id", TENANT.toString(), "--client-id", APP_ID.toString(),
                                "--certificate", canary.pfx().toString()}),
                    refusal("a live scan signing in with a damaged key", false, "is not a readable PEM file",
                            t -> new String[] {"scan", "--tenant-id", TENANT.toString(), "--client-id", APP_ID.toString(),
                                "--certificate", canary.broken().toString()}));
        }

        private static Arguments refusal(String name, boolean wrongPassword, String said, Args args) {
            return arguments(named(name, wrongPassword), said, args);
        }

        /** The command line of one case, made when the case runs (the files exist by then). */
        @FunctionalInterface
        interface Args {
            String[] of(SecretCanaryTest test);
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("refusals")
        void a_refusal_says_what_is_wrong_and_shows_no_canary(boolean wrongPassword, String said, Args args) {
            Map<String, String> environment = wrongPassword ? Canaries.environmentWithWrongPassword() : Canaries.environment();

            CommandRun run = check.run(environment, identity, args.of(SecretCanaryTest.this));

            assertThat(run.status()).as("%s", run).isEqualTo(2);
            assertThat(run.out() + run.err()).as("%s", run).contains(said);
        }

        @Test
        void entra_refusing_the_certificate_fails_the_verification_without_a_canary() {
            graph.serve(FakeTenant.create().tenantId(TENANT).application("Payroll", a -> a.appId(APP_ID).certificate())
                    .build());

            CommandRun run = check.run(Canaries.environment(), identity, verify(canary.pfx()));

            assertThat(run.status()).as("%s", run).isEqualTo(5);
            assertThat(run.err()).contains("AADSTS700027");
        }

        @Test
        void graph_failing_the_patch_fails_the_upload_without_a_canary() {
            graph.inject(Fault.status(500).on(Endpoint.UPDATE_APPLICATION));

            CommandRun run = app09(graphUrl("migrate", "upload-cert", "--app-id", APP_ID.toString(),
                    "--certificate", newCertificate("failed").toString()));

            assertThat(run.status()).as("%s", run).isEqualTo(5);
        }

        @Test
        void graph_failing_the_removal_fails_it_without_a_canary() {
            Path verification = out("verified.json");
            check.run(Canaries.environment(), identity, verify(canary.pfx(), "--out", verification.toString()));
            graph.inject(Fault.status(500).on(Endpoint.REMOVE_PASSWORD));

            CommandRun run = app09(graphUrl("migrate", "retire-secret", "--app-id", APP_ID.toString(), "--key-id",
                    SECRET.toString(), "--verification", verification.toString(), "--confirm"));

            assertThat(run.status()).as("%s", run).isEqualTo(5);
        }
    }

    /** What a program embedding app09 holds and may print: the objects and exceptions built from the canaries. */
    @Nested
    final class LibraryObjects {

        private TenantSnapshot read() {
            return GraphReader.builder().connection(GraphConnection.local(URI.create(leaky.baseUrl())))
                    .signInEvidence(true).build().read();
        }

        @Test
        void what_is_read_from_the_leaking_graph_holds_the_hint_cut_and_no_secret_in_any_string() {
            TenantSnapshot snapshot = read();

            assertThat(snapshot.applications()).flatExtracting(Application::passwordCredentials)
                    .extracting(PasswordCredential::hint).containsOnly("CAN");
            check.clean("the snapshot's toString", snapshot.toString());
            check.clean("every string the snapshot holds", String.join("\n", strings(snapshot)));
        }

        @Test
        void what_is_read_from_a_leaking_export_holds_no_secret_in_any_string() throws IOException {
            TenantSnapshot snapshot = ExportReader.read(leakingExport());

            assertThat(snapshot.servicePrincipals()).flatExtracting(ServicePrincipal::passwordCredentials)
                    .extracting(PasswordCredential::hint).isNotEmpty().containsOnly("CAN");
            check.clean("every string the snapshot of the export holds", String.join("\n", strings(snapshot)));
        }

        @Test
        void reports_plans_and_decisions_built_from_it_show_no_canary() {
            TenantSnapshot snapshot = read();
            Instant asOf = CommandRun.CLOCK.instant();
            Report report = Assessor.assess(snapshot, Policy.defaults(), asOf);
            MigrationPlan plan = MigrationPlanner.plan(snapshot, Policy.defaults(), asOf, MigrationEvidence.none());
            RetirementDecision decision = RetirementGuard.check(snapshot, Policy.defaults(), asOf, APP_ID, SECRET,
                    MigrationEvidence.none());

            for (Object made : List.of(report, plan, decision)) {
                check.clean(made.getClass().getSimpleName() + ".toString", made.toString());
                check.clean("every string of a " + made.getClass().getSimpleName(), String.join("\n", strings(made)));
            }
            assertThat(decision.secret()).contains("CAN");
        }

        @Test
        void the_console_of_a_run_shows_the_names_of_its_environment_never_the_values() {
            Console console = new Console(System.out, System.err, Canaries.environment(), false);

            check.clean("Console.toString", console.toString());
            assertThat(console.toString()).contains("AZURE_CLIENT_SECRET", "APP09_PFX_PASSWORD");
        }

        @Test
        void a_key_its_inspection_and_the_refusals_of_its_files_show_no_key_and_no_password() throws IOException {
            check.clean("CertificateAndKey.toString", Canaries.KEY.toString());
            check.clean("the inspection of the key file", CertificateInspector.inspect(canary.keyPem()).toString());
            check.clean("the inspection of the PFX", CertificateInspector.inspect(canary.pfx(),
                    Canaries.PASSWORD.toCharArray()).toString());
            check.clean("the inspection of the PFX with the wrong password", CertificateInspector.inspect(canary.pfx(),
                    Canaries.WRONG_PASSWORD.toCharArray()).toString());
            for (Path file : List.of(canary.broken(), canary.mislabelled())) {
                IOException refused = catchThrowableOfType(IOException.class, () -> CertificateKeyFile.read(file, null));
                check.clean("reading " + file.getFileName(), refused);
            }
            IOException wrongPassword = catchThrowableOfType(IOException.class,
                    () -> CertificateKeyFile.read(canary.pfx(), Canaries.WRONG_PASSWORD.toCharArray()));
            check.clean("opening the PFX with the wrong password", wrongPassword);
        }

        @Test
        void a_verification_entra_refuses_fails_with_an_exception_that_shows_no_key() {
            graph.serve(FakeTenant.create().tenantId(TENANT).application("Payroll", a -> a.appId(APP_ID).certificate())
                    .build());
            CertificateVerifier verifier = CertificateVerifier.create(CommandRun.CLOCK)
                    .withAuthorityHost(URI.create(entra.authorityHost())).withHttpClient(identity);

            CertificateVerifier.VerificationFailed failed = catchThrowableOfType(CertificateVerifier.VerificationFailed.class,
                    () -> verifier.verify(TENANT.toString(), APP_ID, Canaries.KEY));

            assertThat(failed).hasMessageContaining("AADSTS700027");
            check.clean("the failed verification", failed);
        }

        @Test
        void a_write_graph_fails_fails_with_an_exception_and_a_result_that_show_no_canary() {
            GraphWriter writer = GraphWriter.create(GraphConnection.local(URI.create(leaky.baseUrl())), CommandRun.CLOCK)
                    .withReadBack(1, Duration.ZERO);
            UUID objectId = graph.snapshot().applications().get(0).id();
            graph.inject(Fault.status(500).on(Endpoint.UPDATE_APPLICATION));

            WriteResult result = writer.uploadCertificate(objectId, SelfSignedCertificates.create(
                    CertificateRequest.of("CN=new"), CommandRun.CLOCK).keyCredentialPayload(), null);
            graph.inject(Fault.status(500).on(Endpoint.APPLICATION));
            GraphCallFailed failed = catchThrowableOfType(GraphCallFailed.class,
                    () -> writer.uploadCertificate(objectId, Canaries.KEY.keyCredentialPayload(), Canaries.KEY));

            assertThat(result.outcome()).isEqualTo(WriteResult.Outcome.UNKNOWN);
            check.clean("the result of a failed PATCH", result.toString());
            check.clean("a failed read before addKey", failed);
        }
    }

    /** Every string reachable from a record, through records, collections, maps and optionals. */
    private static List<String> strings(Object value) {
        List<String> found = new ArrayList<>();
        collect(value, found);
        return found;
    }

    private static void collect(Object value, List<String> found) {
        if (value == null) {
            return;
        }
        if (value instanceof Record record) {
            for (RecordComponent component : record.getClass().getRecordComponents()) {
                try {
                    Method accessor = component.getAccessor();
                    accessor.setAccessible(true);
                    collect(accessor.invoke(record), found);
                } catch (ReflectiveOperationException e) {
                    throw new AssertionError(e);
                }
            }
        } else if (value instanceof Iterable<?> items) {
            items.forEach(item -> collect(item, found));
        } else if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> {
                collect(k, found);
                collect(v, found);
            });
        } else if (value instanceof Optional<?> optional) {
            optional.ifPresent(v -> collect(v, found));
        } else if (value instanceof byte[] bytes) {
            // Searched as text in every encoding the needles know: toString would show only "[B@...".
            found.add(new String(bytes, StandardCharsets.ISO_8859_1));
            found.add(HexFormat.of().formatHex(bytes));
            found.add(Base64.getEncoder().encodeToString(bytes));
        } else {
            found.add(value.toString());
        }
    }

    /** The tenant as an export whose every password credential holds the secret as secretText and whole hint. */
    private static Path leakingExport() throws IOException {
        Path export = keys.resolve("export-" + UUID.randomUUID());
        ExportFolder.write(graph.snapshot(), export);
        for (String name : List.of(ExportFolder.APPLICATIONS, ExportFolder.SERVICE_PRINCIPALS)) {
            Path file = export.resolve(name);
            Files.writeString(file, Files.readString(file)
                    .replaceAll("\"secretText\"\\s*:\\s*null", "\"secretText\": \"" + Canaries.SECRET + "\"")
                    .replaceAll("\"hint\"\\s*:\\s*(null|\"[^\"]*\")", "\"hint\": \"" + Canaries.SECRET + "\""));
        }
        assertThat(Files.readString(export.resolve(ExportFolder.APPLICATIONS))).contains(Canaries.SECRET);
        return export;
    }

    private String[] verify(Path certificate, String... more) {
        return with(new String[] {"migrate", "verify", "--tenant-id", TENANT.toString(), "--client-id",
            APP_ID.toString(), "--certificate", certificate.toString(), "--authority-host", entra.authorityHost()}, more);
    }

    private String[] upload(String... more) {
        return with(graphUrl("migrate", "upload-cert", "--app-id", APP_ID.toString(), "--certificate",
                newCertificate("new-" + UUID.randomUUID()).toString()), more);
    }

    /** A new certificate to upload, written where the runs' files go (it is public). */
    private Path newCertificate(String name) {
        Path file = out(name + ".cer");
        try {
            return Files.write(file, SelfSignedCertificates.create(CertificateRequest.of("CN=" + name), CommandRun.CLOCK)
                    .certificateDer());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
