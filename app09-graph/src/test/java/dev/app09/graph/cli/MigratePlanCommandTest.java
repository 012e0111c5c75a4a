package dev.app09.graph.cli;

import static dev.app09.graph.cli.SampleExports.verdictsByAppId;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.app09.core.migration.MigrationPlanCsv;
import dev.app09.core.migration.MigrationState;
import dev.app09.core.migration.Verification;
import dev.app09.graph.json.VerificationFile;
import dev.app09.testkit.junit.FakeGraphExtension;
import dev.app09.testkit.server.Endpoint;
import dev.app09.testkit.server.Fault;
import dev.app09.testkit.tenant.FakeTenant;
import dev.app09.testkit.tenant.SampleTenant;
import dev.app09.testkit.tenant.SampleTenants;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code app09 migrate plan}: each workload's state and next step, from an export and from the
 * fake Graph; verdicts that agree with the scan's; verifications ticking the checklist; formats,
 * output file and an incomplete read that marks nothing ready.
 */
final class MigratePlanCommandTest {

    @RegisterExtension
    static final FakeGraphExtension graph = FakeGraphExtension.create();

    private static final SampleTenant CONTOSO = SampleTenants.contoso();
    private static final String AS_OF = "2026-06-01T00:00:00Z";
    private static final String AUTHENTICATES = "The application authenticates successfully with its certificate";

    private static final UUID APP_ID = UUID.fromString("a9900000-0000-4000-8000-000000000003");
    private static final UUID SECRET = UUID.fromString("5ec00000-0000-4000-8000-000000000003");
    /** The SHA-1 thumbprint the application's certificate is registered with (as customKeyIdentifier, the portal's way). */
    private static final byte[] THUMBPRINT = HexFormat.of().parseHex("3A1F5E0C9B7D24E6A8F0C1B2D3E4F5061728394A");

    @TempDir
    Path temp;

    private static CommandRun plan(Path export, String... options) {
        return CommandRun.of(Stream.concat(Stream.of("migrate", "plan", "--export", export.toString(), "--as-of", AS_OF),
                Stream.of(options)).toList());
    }

    private static CommandRun planGraph(String... options) {
        return CommandRun.of(Stream.concat(Stream.of("migrate", "plan", "--graph-url", graph.baseUrl()),
                Stream.of(options)).toList());
    }

    private static JsonNode workload(JsonNode plan, UUID appId) {
        return StreamSupport.stream(plan.get("workloads").spliterator(), false)
                .filter(w -> w.get("appId").asText().equals(appId.toString())).findFirst()
                .orElseThrow(() -> new AssertionError("no workload " + appId + " in " + plan.toPrettyString()));
    }

    private static JsonNode checklistItem(JsonNode workload, String text) {
        return StreamSupport.stream(workload.get("checklist").spliterator(), false)
                .filter(item -> item.get("text").asText().equals(text)).findFirst()
                .orElseThrow(() -> new AssertionError("no checklist item '" + text + "' in " + workload.toPrettyString()));
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }

    /** Payroll: a secret and a certificate registered with {@link #THUMBPRINT}; sign-ins as given. */
    private static void servePayroll(boolean certificateSignedIn) {
        graph.serve(FakeTenant.create().application("Payroll", a -> a.appId(APP_ID)
                .secret(s -> s.keyId(SECRET).neverSignedIn())
                .certificate(c -> {
                    c.customKeyIdentifier(THUMBPRINT);
                    if (certificateSignedIn) {
                        c.lastSignInDaysAgo(1);
                    }
                })).build());
    }

    private Path verificationFile(UUID clientId, byte[] thumbprint) throws IOException {
        Path file = temp.resolve("verification-" + clientId + ".json");
        try (OutputStream out = Files.newOutputStream(file)) {
            VerificationFile.write(new Verification("contoso.onmicrosoft.com", clientId, HexFormat.of().formatHex(thumbprint),
                    CommandRun.CLOCK.instant().minus(Duration.ofDays(2)), "https://login.microsoftonline.com"), out);
        }
        return file;
    }

    @Nested
    class OnTheContosoExport {

        private final Path contoso = SampleExports.checkedIn(CONTOSO);
        private final String exceptions = SampleExports.checkedInExceptions(CONTOSO).toString();

        @Test
        void the_table_gives_every_listed_workload_its_state_and_ends_with_the_counts() {
            CommandRun run = plan(contoso);

            assertThat(run.status()).as("%s", run).isEqualTo(ExitCode.PASS);
            assertThat(run.out()).startsWith("APP-09 migration plan as of " + AS_OF)
                    .contains(CONTOSO.promisedVerdicts().keySet());
            assertThat(run.out().lines()).anyMatch(line -> line.startsWith("NEEDS_CERTIFICATE ") && line.contains("Payroll Export"))
                    .anyMatch(line -> line.startsWith("CERTIFICATE_UNPROVEN ") && line.contains("Data Lake Ingest"))
                    .anyMatch(line -> line.startsWith("DONE ") && line.contains("GitHub Deployer"))
                    .anyMatch(line -> line.startsWith("NOTHING_TO_DO ") && line.contains("vm-backup"));
            assertThat(run.out().lines().reduce((a, b) -> b)).hasValue("NEEDS_CERTIFICATE 7, CERTIFICATE_UNPROVEN 3, "
                    + "READY_TO_RETIRE_SECRET 0, DONE 3, EXCEPTION 0, NOTHING_TO_DO 4");
        }

        @Test
        void json_counts_every_state_and_adds_up_to_the_listed_workloads() {
            CommandRun run = plan(contoso, "--format", "json");

            JsonNode json = run.json();
            assertThat(run.status()).as("%s", run).isEqualTo(ExitCode.PASS);
            assertThat(json.at("/asOf").asText()).isEqualTo(AS_OF);
            assertThat(json.at("/complete").asBoolean()).isTrue();
            List<String> states = new ArrayList<>();
            json.get("counts").fieldNames().forEachRemaining(states::add);
            assertThat(states).containsExactly(Arrays.stream(MigrationState.values()).map(Enum::name).toArray(String[]::new));
            int total = 0;
            for (JsonNode count : json.get("counts")) {
                total += count.asInt();
            }
            assertThat(json.get("workloads")).hasSize(total).hasSize(CONTOSO.promisedVerdicts().size());
        }

        @Test
        void json_verdicts_equal_the_scans_verdicts_for_every_workload() {
            CommandRun plan = plan(contoso, "--format", "json");
            CommandRun scan = CommandRun.of("scan", "--export", contoso.toString(), "--as-of", AS_OF, "--format", "json");

            assertThat(verdictsByAppId(plan.json())).as("%s", plan).isEqualTo(verdictsByAppId(scan.json()));
        }

        @Test
        void with_the_exceptions_register_the_verdicts_still_agree_and_the_covered_workload_is_an_exception() {
            CommandRun plan = plan(contoso, "--exceptions", exceptions, "--format", "json");
            CommandRun scan = CommandRun.of("scan", "--export", contoso.toString(), "--as-of", AS_OF, "--exceptions", exceptions,
                    "--format", "json");

            assertThat(verdictsByAppId(plan.json())).as("%s", plan).isEqualTo(verdictsByAppId(scan.json()));
            assertThat(plan.json().at("/counts/EXCEPTION").asInt()).isPositive();
            assertThat(plan.json().get("workloads")).filteredOn(w -> w.get("displayName").asText().equals("Mainframe Bridge"))
                    .singleElement().satisfies(w -> assertThat(w.get("state").asText()).isEqualTo("EXCEPTION"));
        }

        @Test
        void csv_starts_with_the_plan_header_and_has_one_row_per_workload() {
            CommandRun run = plan(contoso, "--format", "csv");

            assertThat(run.status()).as("%s", run).isEqualTo(ExitCode.PASS);
            List<String> lines = run.out().lines().toList();
            assertThat(lines.get(0)).isEqualTo(String.join(",", MigrationPlanCsv.HEADER));
            assertThat(lines).hasSize(1 + CONTOSO.promisedVerdicts().size());
            assertThat(lines).anyMatch(line -> line.startsWith("Data Lake Ingest,") && line.contains(",CERTIFICATE_UNPROVEN,"));
        }
    }

    @Nested
    class OnTheFakeGraph {

        @Test
        void an_app_with_secrets_only_needs_a_certificate_and_is_told_the_upload_command() {
            graph.serve(FakeTenant.create().application("Payroll", a -> a.appId(APP_ID).secret(s -> s.keyId(SECRET))).build());

            CommandRun run = planGraph("--format", "json");

            assertThat(run.status()).as("%s", run).isEqualTo(ExitCode.PASS);
            JsonNode payroll = workload(run.json(), APP_ID);
            assertThat(payroll.get("verdict").asText()).isEqualTo("SECRETS_ONLY");
            assertThat(payroll.get("state").asText()).isEqualTo("NEEDS_CERTIFICATE");
            assertThat(payroll.get("nextStep").asText()).contains("app09 migrate upload-cert --app-id " + APP_ID);
            assertThat(texts(payroll.get("secretsReady"))).isEmpty();
        }

        @Test
        void a_certificate_that_signed_in_beside_an_unused_secret_makes_the_secret_ready_to_retire() {
            servePayroll(true);

            CommandRun run = planGraph("--sign-in-evidence", "--format", "json");

            assertThat(run.status()).as("%s", run).isEqualTo(ExitCode.PASS);
            JsonNode payroll = workload(run.json(), APP_ID);
            assertThat(payroll.get("state").asText()).isEqualTo("READY_TO_RETIRE_SECRET");
            assertThat(texts(payroll.get("secretsReady"))).containsExactly(SECRET.toString());
            assertThat(payroll.get("nextStep").asText()).contains("app09 migrate retire-secret --app-id " + APP_ID
                    + " --key-id " + SECRET);
            assertThat(checklistItem(payroll, AUTHENTICATES).get("state").asText()).isEqualTo("DONE");
        }

        @Test
        void without_sign_in_evidence_or_a_verification_the_certificate_is_unproven_and_the_check_is_manual() {
            servePayroll(true);
            graph.server().inject(Fault.status(403).on(Endpoint.SIGN_IN_ACTIVITIES)); // evidence is always asked for

            CommandRun run = planGraph("--format", "json");

            JsonNode payroll = workload(run.json(), APP_ID);
            assertThat(payroll.get("state").asText()).as("%s", run).isEqualTo("CERTIFICATE_UNPROVEN");
            assertThat(texts(payroll.get("secretsReady"))).isEmpty();
            assertThat(checklistItem(payroll, AUTHENTICATES).get("state").asText()).isEqualTo("MANUAL");
        }

        @Test
        void a_verification_of_the_certificate_ticks_the_authentication_step() throws IOException {
            servePayroll(false);

            CommandRun run = planGraph("--verification", verificationFile(APP_ID, THUMBPRINT).toString(), "--format", "json");

            assertThat(run.status()).as("%s", run).isEqualTo(ExitCode.PASS);
            JsonNode item = checklistItem(workload(run.json(), APP_ID), AUTHENTICATES);
            assertThat(item.get("state").asText()).isEqualTo("DONE");
            assertThat(item.get("basis").asText()).contains(HexFormat.of().withUpperCase().formatHex(THUMBPRINT),
                    "saved verification");
        }

        @Test
        void a_secret_still_in_use_is_never_ready_even_with_a_verification_and_without_the_evidence_option()
                throws IOException {
            graph.serve(FakeTenant.create().application("Payroll", a -> a.appId(APP_ID)
                    .secret(s -> s.keyId(SECRET).lastSignInDaysAgo(2))
                    .certificate(c -> c.customKeyIdentifier(THUMBPRINT))).build());

            CommandRun run = planGraph("--verification", verificationFile(APP_ID, THUMBPRINT).toString(), "--format", "json");

            JsonNode payroll = workload(run.json(), APP_ID);
            assertThat(payroll.get("state").asText()).as("%s", run).isEqualTo("CERTIFICATE_UNPROVEN");
            assertThat(texts(payroll.get("secretsReady"))).isEmpty();
            assertThat(payroll.get("secretsBlocked").get(0).get("refusals").findValuesAsText("rule")).contains("SECRET_IN_USE");
            assertThat(payroll.get("nextStep").asText()).contains("SECRET_IN_USE");
        }

        @Test
        void a_verification_of_another_certificate_or_another_app_ticks_nothing() throws IOException {
            servePayroll(false);
            byte[] otherThumbprint = THUMBPRINT.clone();
            otherThumbprint[0] ^= 1;
            UUID otherApp = UUID.fromString("a9900000-0000-4000-8000-0000000000ff");

            CommandRun run = planGraph("--verification", verificationFile(APP_ID, otherThumbprint).toString(),
                    "--verification", verificationFile(otherApp, THUMBPRINT).toString(), "--format", "json");

            JsonNode payroll = workload(run.json(), APP_ID);
            assertThat(checklistItem(payroll, AUTHENTICATES).get("state").asText()).as("%s", run).isNotEqualTo("DONE");
            assertThat(payroll.get("state").asText()).isEqualTo("CERTIFICATE_UNPROVEN");
        }

        @Test
        void a_verification_file_that_is_not_one_is_refused_naming_the_file() throws IOException {
            servePayroll(false);
            Path bad = Files.writeString(temp.resolve("not-a-verification.json"), "{\"kind\": \"something else\"}");

            CommandRun run = planGraph("--verification", bad.toString());

            assertThat(run.status()).as("%s", run).isEqualTo(ExitCode.BAD_INPUT);
            assertThat(run.err()).contains(bad.toString()).doesNotContain("\tat ");
            assertThat(run.out()).isEmpty();
        }

        @Test
        void a_missing_verification_file_is_refused_naming_the_file() {
            servePayroll(false);
            Path missing = temp.resolve("missing.json");

            CommandRun run = planGraph("--verification", missing.toString());

            assertThat(run.status()).as("%s", run).isEqualTo(ExitCode.BAD_INPUT);
            assertThat(run.err()).contains(missing.toString(), "no such file");
        }

        @Test
        void an_incomplete_read_exits_3_and_marks_nothing_ready() {
            servePayroll(true);
            graph.server().inject(Fault.status(500).on(Endpoint.SERVICE_PRINCIPALS));

            CommandRun run = planGraph("--sign-in-evidence", "--format", "json");

            assertThat(run.status()).as("%s", run).isEqualTo(ExitCode.INCOMPLETE);
            JsonNode json = run.json();
            assertThat(json.at("/complete").asBoolean()).isFalse();
            assertThat(json.at("/counts/READY_TO_RETIRE_SECRET").asInt()).isZero();
            assertThat(workload(json, APP_ID).get("state").asText()).isEqualTo("CERTIFICATE_UNPROVEN");
            assertThat(json.get("workloads")).allSatisfy(w -> assertThat(texts(w.get("secretsReady"))).isEmpty());
            assertThat(run.err()).contains("incomplete");
        }
    }

    @Nested
    class Options {

        @Test
        void output_writes_the_plan_to_a_new_file_and_nothing_to_standard_output() throws IOException {
            Path file = temp.resolve("plan.json");

            CommandRun run = plan(SampleExports.checkedIn(CONTOSO), "--format", "json", "--output", file.toString());

            assertThat(run.status()).as("%s", run).isEqualTo(ExitCode.PASS);
            assertThat(run.out()).isEmpty();
            assertThat(CommandRun.parse(Files.readString(file)).get("workloads")).hasSize(CONTOSO.promisedVerdicts().size());
        }

        @Test
        void output_never_overwrites_an_existing_file() throws IOException {
            Path file = Files.writeString(temp.resolve("plan.txt"), "precious");

            CommandRun run = plan(SampleExports.checkedIn(CONTOSO), "--output", file.toString());

            assertThat(run.status()).as("%s", run).isEqualTo(ExitCode.BAD_INPUT);
            assertThat(run.err()).contains(file.toString(), "never overwrites");
            assertThat(file).hasContent("precious");
        }

        @Test
        void an_unknown_format_is_a_usage_error() {
            CommandRun run = plan(SampleExports.checkedIn(CONTOSO), "--format", "xml");

            assertThat(run.status()).as("%s", run).isEqualTo(ExitCode.BAD_INPUT);
            assertThat(run.err()).contains("--format xml", "table, csv or json");
            assertThat(run.out()).isEmpty();
        }
    }
}
