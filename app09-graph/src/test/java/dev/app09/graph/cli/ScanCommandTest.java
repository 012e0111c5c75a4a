package dev.app09.graph.cli;

import static dev.app09.graph.cli.SampleExports.displayNames;
import static dev.app09.graph.cli.SampleExports.promisedByAppId;
import static dev.app09.graph.cli.SampleExports.verdictsByAppId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Named.named;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.app09.core.rules.ExceptionEntry;
import dev.app09.core.rules.ExceptionRegister;
import dev.app09.core.rules.Verdict;
import dev.app09.testkit.json.ExportFolder;
import dev.app09.testkit.tenant.SampleTenant;
import dev.app09.testkit.tenant.SampleTenants;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code app09 scan --export}: verdicts, exit statuses, report formats and options, through the whole command. */
final class ScanCommandTest {

    private static final SampleTenant CONTOSO = SampleTenants.contoso();
    private static final String AS_OF = "2026-06-01T00:00:00Z";
    /** Contoso's Microsoft and external service principals without any credential: counted, not listed. */
    private static final List<String> OMITTED = List.of("Adobe Sign", "Office 365 Exchange Online", "Microsoft Graph");

    @TempDir
    Path temp;

    static Stream<Arguments> contosoExports() {
        return Stream.of(
                arguments(named("the checked-in export folder", (Function<Path, Path>) temp -> SampleExports.checkedIn(CONTOSO))),
                arguments(named("a folder written by ExportFolder", (Function<Path, Path>) temp -> SampleExports.write(CONTOSO, temp))));
    }

    private static CommandRun scan(Path export, String... options) {
        return CommandRun.of(Stream.concat(Stream.of("scan", "--export", export.toString(), "--as-of", AS_OF),
                Stream.of(options)).toList());
    }

    private static CommandRun scanWithExceptions(Path export, String... options) {
        return CommandRun.of(Stream.concat(Stream.of("scan", "--export", export.toString(),
                "--exceptions", export.resolve(ExportFolder.EXCEPTIONS).toString(), "--as-of", AS_OF),
                Stream.of(options)).toList());
    }

    @Nested
    class Verdicts {

        @ParameterizedTest(name = "from {0}")
        @MethodSource("dev.app09.graph.cli.ScanCommandTest#contosoExports")
        void every_contoso_workload_gets_the_verdict_the_sample_promises(Function<Path, Path> export) {
            CommandRun run = scanWithExceptions(export.apply(temp), "--format", "json");

            assertThat(verdictsByAppId(run.json())).as("%s", run).isEqualTo(promisedByAppId(CONTOSO));
        }

        @ParameterizedTest(name = "from {0}")
        @MethodSource("dev.app09.graph.cli.ScanCommandTest#contosoExports")
        void contoso_fails_the_control_with_exit_status_1(Function<Path, Path> export) {
            CommandRun run = scanWithExceptions(export.apply(temp), "--format", "json");

            assertThat(run.status()).as("%s", run).isEqualTo(ExitCode.FAILING);
            assertThat(run.json().at("/complete").asBoolean()).isTrue();
        }

        @ParameterizedTest(name = "{0} exits {1}")
        @CsvSource({
            "SECRETS_ONLY,      1",
            "MIGRATION_OVERDUE, 1",
            "MIGRATING,         0",
            "EXCEPTION,         0",
            "CERTIFICATE,       0",
            "FEDERATED,         0",
            "NO_CREDENTIALS,    0",
            "NOT_APPLICABLE,    0"})
        void a_single_verdict_sample_exits_0_when_its_verdict_passes_and_1_when_it_fails(Verdict verdict, int status) {
            SampleTenant sample = SampleTenants.forVerdict(verdict);

            CommandRun run = scanWithExceptions(SampleExports.write(sample, temp), "--format", "json");

            assertThat(verdictsByAppId(run.json())).as("%s", run).isEqualTo(promisedByAppId(sample));
            assertThat(run.status()).as("%s", run).isEqualTo(status);
        }
    }

    @Nested
    class Formats {

        @Test
        void the_default_table_lists_every_listed_workload_by_display_name() {
            CommandRun run = scan(SampleExports.checkedIn(CONTOSO));

            assertThat(run.out()).contains(CONTOSO.promisedVerdicts().keySet());
        }

        @Test
        void the_default_table_ends_with_a_fail_line_for_a_failing_tenant() {
            CommandRun run = scan(SampleExports.checkedIn(CONTOSO));

            assertThat(run.out().lines()).anyMatch(line -> line.startsWith("FAIL: 8 failing of 20 workloads"));
            assertThat(run.status()).isEqualTo(ExitCode.FAILING);
        }

        @Test
        void the_default_table_says_pass_for_a_passing_tenant() {
            CommandRun run = scan(SampleExports.write(SampleTenants.forVerdict(Verdict.CERTIFICATE), temp));

            assertThat(run.out().lines()).anyMatch(line -> line.startsWith("PASS: 0 failing"));
            assertThat(run.status()).isEqualTo(ExitCode.PASS);
        }

        @Test
        void csv_starts_with_the_five_columns_of_the_guidance_inventory() {
            CommandRun run = scan(SampleExports.checkedIn(CONTOSO), "--format", "csv");

            assertThat(run.out().lines().findFirst()).hasValueSatisfying(header ->
                    assertThat(header).startsWith("DisplayName,AppId,SecretCount,CertCount,SecretsOnly,"));
        }

        @Test
        void csv_has_one_row_per_listed_workload() {
            CommandRun run = scan(SampleExports.checkedIn(CONTOSO), "--format", "csv");

            assertThat(run.out().lines().skip(1)).hasSize(CONTOSO.promisedVerdicts().size());
        }

        @Test
        void markdown_with_an_industry_adds_that_industry_profile() {
            CommandRun run = scan(SampleExports.checkedIn(CONTOSO), "--format", "markdown", "--industry", "healthcare");

            assertThat(run.out()).contains("Industry profile: Healthcare & life sciences").contains("hipaa");
        }

        @Test
        void markdown_without_an_industry_has_no_industry_profile() {
            CommandRun run = scan(SampleExports.checkedIn(CONTOSO), "--format", "markdown");

            assertThat(run.out()).startsWith("# APP-09").doesNotContain("Industry profile");
        }

        @Test
        void json_parses_and_names_the_control() {
            CommandRun run = scan(SampleExports.checkedIn(CONTOSO), "--format", "json");

            assertThat(run.json().at("/control/id").asText()).isEqualTo("APP-09");
            assertThat(run.json().at("/asOf").asText()).isEqualTo(AS_OF);
        }
    }

    @Nested
    class Options {

        @Test
        void output_writes_the_report_to_a_new_file_and_nothing_to_standard_output() throws IOException {
            Path report = temp.resolve("app09.json");

            CommandRun run = scan(SampleExports.checkedIn(CONTOSO), "--format", "json", "--output", report.toString());

            assertThat(run.out()).isEmpty();
            assertThat(run.status()).isEqualTo(ExitCode.FAILING);
            assertThat(CommandRun.parse(Files.readString(report)).at("/summary/failing").asInt()).isEqualTo(8);
        }

        @Test
        void an_exception_that_matches_no_workload_is_a_warning_and_the_scan_stays_complete() {
            SampleTenant sample = SampleTenants.forVerdict(Verdict.CERTIFICATE);
            Path export = SampleExports.write(sample, temp);
            UUID unknown = UUID.fromString("0badc0de-0000-4000-8000-000000000000");
            Path exceptions = temp.resolve("stale-exceptions.json");
            ExportFolder.writeExceptions(ExceptionRegister.of(List.of(new ExceptionEntry(unknown, "retired app",
                    "CISO", LocalDate.parse("2026-12-31")))), exceptions);

            CommandRun run = scan(export, "--exceptions", exceptions.toString(), "--format", "json");

            assertThat(run.status()).as("%s", run).isEqualTo(ExitCode.PASS);
            assertThat(run.json().at("/complete").asBoolean()).isTrue();
            assertThat(run.json().get("problems")).singleElement().satisfies(problem -> {
                assertThat(problem.get("impact").asText()).isEqualTo("WARNING");
                assertThat(problem.get("source").asText()).isEqualTo("exceptions");
                assertThat(problem.get("message").asText()).contains(unknown.toString());
            });
            assertThat(run.err()).contains("warning: exceptions: the exception for appId " + unknown);
        }

        @Test
        void an_export_holding_one_page_is_incomplete_exit_3_and_standard_error_says_why() throws IOException {
            Path export = SampleExports.write(SampleTenants.forVerdict(Verdict.CERTIFICATE), temp);
            Path applications = export.resolve(ExportFolder.APPLICATIONS);
            Files.writeString(applications, Files.readString(applications).replaceFirst("\\{",
                    "{\"@odata.nextLink\": \"https://graph.microsoft.com/v1.0/applications?\\$skiptoken=2\","));

            CommandRun run = scan(export, "--format", "json");

            assertThat(run.status()).as("%s", run).isEqualTo(ExitCode.INCOMPLETE);
            assertThat(run.json().at("/complete").asBoolean()).isFalse();
            assertThat(run.err()).contains("incomplete: applications.json: the file holds one page");
        }

        @Test
        void a_migration_window_of_365_days_turns_the_overdue_workload_into_migrating() {
            UUID dataLake = promisedByAppId(CONTOSO).entrySet().stream()
                    .filter(e -> e.getValue() == Verdict.MIGRATION_OVERDUE).map(Map.Entry::getKey).findFirst().orElseThrow();

            CommandRun run = scan(SampleExports.checkedIn(CONTOSO), "--migration-window", "365", "--format", "json");

            assertThat(verdictsByAppId(run.json())).containsEntry(dataLake, Verdict.MIGRATING)
                    .doesNotContainValue(Verdict.MIGRATION_OVERDUE);
        }

        @Test
        void a_date_as_the_evaluation_instant_means_midnight_utc() {
            CommandRun run = CommandRun.of("scan", "--export", SampleExports.checkedIn(CONTOSO).toString(),
                    "--as-of", "2026-06-01", "--format", "json");

            assertThat(run.json().get("asOf").asText()).isEqualTo(AS_OF);
        }

        @Test
        void without_as_of_the_scan_judges_as_of_the_clock() {
            CommandRun run = CommandRun.of("scan", "--export", SampleExports.checkedIn(CONTOSO).toString(), "--format", "json");

            assertThat(run.json().get("asOf").asText()).isEqualTo(CommandRun.CLOCK.instant().toString());
        }

        @Test
        void without_list_all_microsoft_and_external_workloads_without_credentials_are_only_counted() {
            CommandRun run = scan(SampleExports.checkedIn(CONTOSO), "--format", "json");

            assertThat(run.json().at("/summary/omitted").asInt()).isEqualTo(OMITTED.size());
            assertThat(displayNames(run.json())).doesNotContainAnyElementsOf(OMITTED);
        }

        @Test
        void list_all_lists_the_workloads_otherwise_omitted() {
            CommandRun run = scan(SampleExports.checkedIn(CONTOSO), "--list-all", "--format", "json");

            assertThat(run.json().at("/summary/omitted").asInt()).isZero();
            assertThat(displayNames(run.json())).containsAll(OMITTED)
                    .hasSize(run.json().at("/summary/workloads").asInt());
        }

        @Test
        void a_powershell_export_gives_the_same_report_as_a_graph_export() throws IOException {
            Path graphShape = SampleExports.write(CONTOSO, temp);
            Path powerShellShape = powerShellExport(graphShape, temp.resolve("powershell"));

            CommandRun graph = scanWithExceptions(graphShape, "--format", "json");
            CommandRun powerShell = scanWithExceptions(powerShellShape, "--format", "json");

            assertThat(powerShell.json()).as("%s", powerShell).isEqualTo(graph.json());
            assertThat(verdictsByAppId(powerShell.json())).isEqualTo(promisedByAppId(CONTOSO));
        }
    }

    /**
     * Rewrites a Graph-shaped export the way Windows PowerShell's {@code ConvertTo-Json -AsArray}
     * writes {@code Get-MgApplication} and {@code Get-MgServicePrincipal}: a bare array, PascalCase
     * names, byte arrays as arrays of numbers, dates as {@code /Date(ms)/}.
     */
    private static Path powerShellExport(Path graphExport, Path folder) throws IOException {
        ObjectMapper json = new ObjectMapper();
        Files.createDirectories(folder);
        for (String collection : List.of(ExportFolder.APPLICATIONS, ExportFolder.SERVICE_PRINCIPALS)) {
            JsonNode value = json.readTree(graphExport.resolve(collection).toFile()).get("value");
            Files.writeString(folder.resolve(collection),
                    json.writerWithDefaultPrettyPrinter().writeValueAsString(powerShell(value)), StandardCharsets.UTF_8);
        }
        for (String copied : List.of(ExportFolder.POLICY, ExportFolder.SIGN_INS, ExportFolder.EXCEPTIONS)) {
            Files.copy(graphExport.resolve(copied), folder.resolve(copied));
        }
        return folder;
    }

    private static JsonNode powerShell(JsonNode node) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        if (node.isArray()) {
            ArrayNode array = nodes.arrayNode();
            node.forEach(element -> array.add(powerShell(element)));
            return array;
        }
        if (!node.isObject()) {
            return node;
        }
        ObjectNode object = nodes.objectNode();
        node.fields().forEachRemaining(field -> {
            String name = field.getKey();
            JsonNode value = field.getValue();
            if (name.equals("customKeyIdentifier") && value.isTextual()) {
                ArrayNode bytes = nodes.arrayNode();
                for (byte b : Base64.getDecoder().decode(value.asText())) {
                    bytes.add(b & 0xff);
                }
                value = bytes;
            } else if (name.endsWith("DateTime") && value.isTextual()) {
                value = TextNode.valueOf("/Date(" + OffsetDateTime.parse(value.asText()).toInstant().toEpochMilli() + ")/");
            } else {
                value = powerShell(value);
            }
            object.set(Character.toUpperCase(name.charAt(0)) + name.substring(1), value);
        });
        return object;
    }
}
