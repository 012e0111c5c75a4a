package dev.app09.graph.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Named.named;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.app09.core.model.ScanProblem;
import dev.app09.core.rules.CredentialKind;
import dev.app09.core.rules.CredentialLocation;
import dev.app09.core.rules.CredentialStatus;
import dev.app09.core.rules.ExceptionEntry;
import dev.app09.core.rules.ExceptionRegister;
import dev.app09.core.rules.FindingCode;
import dev.app09.core.rules.Origin;
import dev.app09.core.rules.Severity;
import dev.app09.core.rules.Verdict;
import dev.app09.graph.cli.CommandRun;
import dev.app09.graph.cli.SampleExports;
import dev.app09.testkit.json.ExportFolder;
import dev.app09.testkit.tenant.SampleTenant;
import dev.app09.testkit.tenant.SampleTenants;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Holds every JSON report to the shape the README documents between {@code REPORT-SHAPE-START}
 * and {@code REPORT-SHAPE-END}: objects list their exact keys, a one-element array gives its
 * elements' shape, and a string lists {@code |}-separated alternatives, each a type name (string,
 * boolean, integer, uuid, instant, null) or an UPPER_CASE constant.
 */
final class JsonReportShapeTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path README = Path.of("..", "README.md");
    private static final JsonNode SHAPE = readmeShape();
    private static final SampleTenant CONTOSO = SampleTenants.contoso();
    private static final String AS_OF = "2026-06-01T00:00:00Z";

    @TempDir
    Path temp;

    /** The JSON inside the README's {@code ```json} fence between the shape markers. */
    private static JsonNode readmeShape() {
        try {
            String readme = Files.readString(README);
            int start = readme.indexOf("<!-- REPORT-SHAPE-START -->");
            int end = readme.indexOf("<!-- REPORT-SHAPE-END -->");
            if (start < 0 || end < start) {
                throw new IllegalStateException(README.toAbsolutePath() + " has no REPORT-SHAPE-START/END markers");
            }
            String section = readme.substring(start, end);
            int open = section.indexOf("```json\n");
            int close = section.lastIndexOf("```");
            if (open < 0 || close <= open) {
                throw new IllegalStateException("no ```json fence between the README's shape markers");
            }
            return JSON.readTree(section.substring(open + "```json\n".length(), close));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static CommandRun scan(Path export, String... options) {
        return CommandRun.of(Stream.concat(Stream.of("scan", "--export", export.toString(), "--as-of", AS_OF,
                "--format", "json"), Stream.of(options)).toList());
    }

    @Nested
    class Reports {

        static Stream<Arguments> contosoScans() {
            String exceptions = SampleExports.checkedInExceptions(CONTOSO).toString();
            return Stream.of(
                    arguments(named("without exceptions", List.of())),
                    arguments(named("with exceptions", List.of("--exceptions", exceptions))),
                    arguments(named("with --list-all", List.of("--list-all"))),
                    arguments(named("with exceptions and --list-all", List.of("--exceptions", exceptions, "--list-all"))));
        }

        @ParameterizedTest(name = "contoso {0}")
        @MethodSource("contosoScans")
        void the_report_of_contoso_has_the_documented_shape(List<String> options) {
            CommandRun run = scan(SampleExports.checkedIn(CONTOSO), options.toArray(String[]::new));

            assertThat(ReportShape.mismatches(SHAPE, run.json())).as("%s", run).isEmpty();
        }

        @Test
        void the_report_of_contoso_without_sign_in_evidence_has_the_documented_shape() {
            Path export = SampleExports.write(CONTOSO.tenant().withSignInEvidence(null), CONTOSO, temp.resolve("contoso"));

            CommandRun run = scan(export, "--exceptions", export.resolve(ExportFolder.EXCEPTIONS).toString());

            assertThat(run.json().findValuesAsText("code")).doesNotContain("SECRET_IN_USE", "SECRET_UNUSED");
            assertThat(ReportShape.mismatches(SHAPE, run.json())).as("%s", run).isEmpty();
        }

        @Test
        void the_report_of_an_incomplete_scan_has_the_documented_shape() throws IOException {
            Path export = SampleExports.write(CONTOSO, temp);
            Path applications = export.resolve(ExportFolder.APPLICATIONS);
            ObjectNode onePage = (ObjectNode) JSON.readTree(applications.toFile());
            onePage.put("@odata.nextLink", "https://graph.microsoft.com/v1.0/applications?$skiptoken=page2");
            Files.writeString(applications, JSON.writeValueAsString(onePage));
            Path stale = temp.resolve("stale-exceptions.json");
            ExportFolder.writeExceptions(ExceptionRegister.of(List.of(new ExceptionEntry(
                    UUID.fromString("0badc0de-0000-4000-8000-000000000000"), "retired", "CISO",
                    LocalDate.parse("2026-12-31")))), stale);

            CommandRun run = scan(export, "--exceptions", stale.toString());

            assertThat(run.json().get("complete").asBoolean()).as("%s", run).isFalse();
            assertThat(run.json().get("problems").findValuesAsText("impact")).containsExactlyInAnyOrder("INCOMPLETE", "WARNING");
            assertThat(ReportShape.mismatches(SHAPE, run.json())).as("%s", run).isEmpty();
        }

        static Stream<Arguments> samples() {
            return SampleTenants.all().stream().map(sample -> arguments(named(sample.name(), sample)));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("samples")
        void the_report_of_every_sample_has_the_documented_shape(SampleTenant sample) {
            Path export = SampleExports.write(sample, temp);

            CommandRun run = scan(export, "--exceptions", export.resolve(ExportFolder.EXCEPTIONS).toString(), "--list-all");

            assertThat(run.json().get("workloads")).isNotEmpty();
            assertThat(ReportShape.mismatches(SHAPE, run.json())).as("%s", run).isEmpty();
        }
    }

    @Nested
    class Validator {

        private JsonNode contosoReport() {
            return scan(SampleExports.checkedIn(CONTOSO), "--exceptions",
                    SampleExports.checkedInExceptions(CONTOSO).toString()).json();
        }

        static Stream<Arguments> spoiledReports() {
            return Stream.of(
                    arguments(named("an extra key in a workload", (Consumer<ObjectNode>) report ->
                            ((ObjectNode) report.at("/workloads/0")).put("secretText", "hunter2")), "/workloads/0/secretText"),
                    arguments(named("a missing key at the top", (Consumer<ObjectNode>) report ->
                            report.remove("complete")), "/complete"),
                    arguments(named("a missing key in a credential", (Consumer<ObjectNode>) report ->
                            ((ObjectNode) report.at("/workloads/0/credentials/0")).remove("status")),
                            "/workloads/0/credentials/0/status"),
                    arguments(named("a wrong verdict constant", (Consumer<ObjectNode>) report ->
                            ((ObjectNode) report.at("/workloads/1")).put("verdict", "COMPLIANT")), "/workloads/1/verdict"),
                    arguments(named("a constant in the wrong case", (Consumer<ObjectNode>) report ->
                            ((ObjectNode) report.at("/workloads/0")).put("origin", "tenant")), "/workloads/0/origin"),
                    arguments(named("an appId that is not a uuid", (Consumer<ObjectNode>) report ->
                            ((ObjectNode) report.at("/workloads/0")).put("appId", "payroll")), "/workloads/0/appId"),
                    arguments(named("an instant that is not ISO-8601", (Consumer<ObjectNode>) report ->
                            report.put("asOf", "01/06/2026")), "/asOf"),
                    arguments(named("a null where null is not allowed", (Consumer<ObjectNode>) report ->
                            ((ObjectNode) report.at("/workloads/0")).putNull("displayName")), "/workloads/0/displayName"),
                    arguments(named("a string where an integer belongs", (Consumer<ObjectNode>) report ->
                            ((ObjectNode) report.at("/summary")).put("failing", "8")), "/summary/failing"),
                    arguments(named("an object where an array belongs", (Consumer<ObjectNode>) report ->
                            report.putObject("problems")), "/problems"));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("spoiledReports")
        void rejects_a_report_that_strays_from_the_shape(Consumer<ObjectNode> spoil, String pointer) {
            ObjectNode report = (ObjectNode) contosoReport();
            assertThat(ReportShape.mismatches(SHAPE, report)).isEmpty();

            spoil.accept(report);

            assertThat(ReportShape.mismatches(SHAPE, report)).singleElement().asString().startsWith(pointer + ": ");
        }

        @Test
        void the_readme_shape_uses_only_known_types_and_constants() {
            assertThat(ReportShape.malformed(SHAPE)).isEmpty();
        }
    }

    @Nested
    class Constants {

        static Stream<Arguments> enumerations() {
            Function<Class<? extends Enum<?>>, Set<String>> names = type -> {
                Set<String> constants = new LinkedHashSet<>();
                for (Enum<?> constant : type.getEnumConstants()) {
                    constants.add(constant.name());
                }
                return constants;
            };
            return Stream.of(
                    arguments(named("problem impacts", "/problems/0/impact"), names.apply(ScanProblem.Impact.class)),
                    arguments(named("origins", "/workloads/0/origin"), names.apply(Origin.class)),
                    arguments(named("verdicts", "/workloads/0/verdict"), names.apply(Verdict.class)),
                    arguments(named("finding severities", "/workloads/0/findings/0/severity"), names.apply(Severity.class)),
                    arguments(named("tenant finding severities", "/tenantFindings/0/severity"), names.apply(Severity.class)),
                    arguments(named("credential locations", "/workloads/0/credentials/0/location"),
                            names.apply(CredentialLocation.class)),
                    arguments(named("credential kinds", "/workloads/0/credentials/0/kind"), names.apply(CredentialKind.class)),
                    arguments(named("credential statuses", "/workloads/0/credentials/0/status"),
                            names.apply(CredentialStatus.class)));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("enumerations")
        void the_shape_lists_every_constant_of_the_enumeration(String pointer, Set<String> constants) {
            assertThat(SHAPE.at(pointer).asText().split("\\|")).containsExactlyElementsOf(constants);
        }

        @Test
        void the_shape_lists_every_finding_code_once_on_a_workload_or_the_tenant() {
            List<String> codes = new ArrayList<>();
            codes.addAll(List.of(SHAPE.at("/workloads/0/findings/0/code").asText().split("\\|")));
            codes.addAll(List.of(SHAPE.at("/tenantFindings/0/code").asText().split("\\|")));

            assertThat(codes).containsExactlyInAnyOrderElementsOf(Stream.of(FindingCode.values()).map(Enum::name).toList());
        }

        @Test
        void the_summary_counts_every_verdict() {
            List<String> counted = new ArrayList<>();
            SHAPE.at("/summary/byVerdict").fieldNames().forEachRemaining(counted::add);

            assertThat(counted).containsExactlyElementsOf(Stream.of(Verdict.values()).map(Enum::name).toList());
        }
    }

    /** The README's shape as a check: what in a JSON value does not match it, each naming its JSON pointer. */
    private static final class ReportShape {

        private static final Set<String> TYPES = Set.of("string", "boolean", "integer", "uuid", "instant", "null");
        private static final Pattern CONSTANT = Pattern.compile("[A-Z][A-Z0-9]*(_[A-Z0-9]+)*");

        private ReportShape() {
        }

        /** @return one line per mismatch: {@code <JSON pointer>: <what is wrong>}; empty when the value has the shape */
        static List<String> mismatches(JsonNode shape, JsonNode value) {
            List<String> found = new ArrayList<>();
            check(shape, value, "", found);
            return found;
        }

        /** @return what makes the shape itself unusable: unknown type names, arrays without exactly one element */
        static List<String> malformed(JsonNode shape) {
            List<String> found = new ArrayList<>();
            walk(shape, "", found);
            return found;
        }

        private static void check(JsonNode shape, JsonNode value, String at, List<String> found) {
            if (shape.isObject()) {
                if (!value.isObject()) {
                    found.add(at + ": expected an object, found " + value);
                    return;
                }
                Set<String> expected = names(shape);
                Set<String> actual = names(value);
                for (String name : expected) {
                    if (actual.contains(name)) {
                        check(shape.get(name), value.get(name), at + "/" + name, found);
                    } else {
                        found.add(at + "/" + name + ": missing");
                    }
                }
                actual.stream().filter(name -> !expected.contains(name))
                        .forEach(name -> found.add(at + "/" + name + ": not in the documented shape"));
            } else if (shape.isArray()) {
                if (shape.size() != 1) {
                    throw new IllegalArgumentException(at + ": an array's shape has exactly one element");
                }
                if (!value.isArray()) {
                    found.add(at + ": expected an array, found " + value);
                    return;
                }
                for (int i = 0; i < value.size(); i++) {
                    check(shape.get(0), value.get(i), at + "/" + i, found);
                }
            } else if (Stream.of(shape.asText().split("\\|")).noneMatch(alternative -> matches(alternative, value))) {
                found.add(at + ": expected " + shape.asText() + ", found " + value);
            }
        }

        private static boolean matches(String alternative, JsonNode value) {
            return switch (alternative) {
                case "string" -> value.isTextual();
                case "boolean" -> value.isBoolean();
                case "integer" -> value.isIntegralNumber();
                case "null" -> value.isNull();
                case "uuid" -> value.isTextual() && uuid(value.asText());
                case "instant" -> value.isTextual() && instant(value.asText());
                default -> value.isTextual() && value.asText().equals(alternative);
            };
        }

        private static boolean uuid(String text) {
            try {
                return UUID.fromString(text).toString().equals(text);
            } catch (IllegalArgumentException e) {
                return false;
            }
        }

        private static boolean instant(String text) {
            try {
                Instant.parse(text);
                return true;
            } catch (DateTimeParseException e) {
                return false;
            }
        }

        private static void walk(JsonNode shape, String at, List<String> found) {
            if (shape.isObject()) {
                shape.fields().forEachRemaining(field -> walk(field.getValue(), at + "/" + field.getKey(), found));
            } else if (shape.isArray()) {
                if (shape.size() != 1) {
                    found.add(at + ": an array's shape has exactly one element, not " + shape.size());
                } else {
                    walk(shape.get(0), at + "/0", found);
                }
            } else if (!shape.isTextual()) {
                found.add(at + ": a leaf is a string of alternatives, not " + shape);
            } else {
                for (String alternative : shape.asText().split("\\|", -1)) {
                    if (!TYPES.contains(alternative) && !CONSTANT.matcher(alternative).matches()) {
                        found.add(at + ": \"" + alternative + "\" is neither a type name nor an UPPER_CASE constant");
                    }
                }
            }
        }

        private static Set<String> names(JsonNode object) {
            Set<String> names = new LinkedHashSet<>();
            object.fieldNames().forEachRemaining(names::add);
            return names;
        }
    }
}
