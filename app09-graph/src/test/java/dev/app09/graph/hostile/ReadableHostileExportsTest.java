package dev.app09.graph.hostile;

import static dev.app09.graph.hostile.CommandChecks.assertNoInternals;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

import com.fasterxml.jackson.databind.JsonNode;
import dev.app09.graph.ExportReader;
import dev.app09.graph.cli.CommandRun;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Hostile exports that are still exports: values at the edges of what Graph's types hold, and
 * bulk in what app09 skips. Each is read, and judged as the rules say, in every report format.
 */
final class ReadableHostileExportsTest {

    private static final String APP_ID = "b645bb45-424a-371f-bca6-38156621dd66";
    private static final String IDS = "\"id\": \"42456e3b-99f5-3ecf-95e8-16e22674e7f9\", \"appId\": \"" + APP_ID + "\"";
    private static final String SECRET = "\"keyId\": \"2fb09899-42aa-35b3-97c5-c1c1fc2910cf\"";

    @TempDir
    Path temp;

    /**
     * @param application the one application's properties beside its ids
     * @param verdict the verdict its workload gets on 2026-06-01
     * @param findings finding codes it has, among others
     */
    record Readable(String application, String verdict, List<String> findings) {
    }

    @ParameterizedTest(name = "{argumentSetName}")
    @MethodSource("corpus")
    void it_is_read_and_judged_as_the_rules_say(Readable readable) throws IOException {
        Path export = export(readable);

        CommandRun run = CommandRun.of("scan", "--export", export.toString(), "--format", "json");

        assertNoInternals(run);
        JsonNode workload = run.json().get("workloads").get(0);
        assertThat(workload.get("appId").asText()).isEqualTo(APP_ID);
        assertThat(workload.get("verdict").asText()).as("%s", run).isEqualTo(readable.verdict());
        List<String> codes = new ArrayList<>();
        workload.get("findings").forEach(finding -> codes.add(finding.get("code").asText()));
        assertThat(codes).containsAll(readable.findings());
    }

    @ParameterizedTest(name = "as {0}")
    @ValueSource(strings = {"table", "csv", "markdown"})
    void every_format_writes_the_report_of_credentials_at_the_ends_of_time(String format) throws IOException {
        Path export = export(new Readable("\"passwordCredentials\": [{" + SECRET + ", \"startDateTime\": "
                + "\"-999999999-01-01T00:00:00Z\", \"endDateTime\": \"+999999999-12-31T23:59:59Z\"}]", "SECRETS_ONLY", List.of()));

        CommandRun run = CommandRun.of("scan", "--export", export.toString(), "--format", format);

        assertNoInternals(run);
        assertThat(run.status()).as("%s", run).isEqualTo(1);
        assertThat(run.out()).contains(APP_ID);
    }

    static Stream<Arguments> corpus() {
        return Stream.of(
                argumentSet("a secret valid from the first day of the calendar to its last",
                        new Readable("\"passwordCredentials\": [{" + SECRET + ", \"startDateTime\": \"-999999999-01-01T00:00:00Z\", "
                                + "\"endDateTime\": \"+999999999-12-31T23:59:59Z\"}]", "SECRETS_ONLY",
                                List.of("SECRET_LIFETIME_EXCEEDS_MAX"))),
                argumentSet("Windows PowerShell dates at the ends of a long",
                        new Readable("\"passwordCredentials\": [{" + SECRET + ", \"startDateTime\": \"/Date(-9223372036854775808)/\", "
                                + "\"endDateTime\": \"/Date(9223372036854775807)/\"}]", "SECRETS_ONLY",
                                List.of("SECRET_LIFETIME_EXCEEDS_MAX"))),
                argumentSet("a secret that ends before it starts, in the past",
                        new Readable("\"passwordCredentials\": [{" + SECRET + ", \"startDateTime\": \"2026-01-01T00:00:00Z\", "
                                + "\"endDateTime\": \"2025-01-01T00:00:00Z\"}]", "NO_CREDENTIALS",
                                List.of("EXPIRED_CREDENTIALS_PRESENT"))),
                argumentSet("a certificate valid for ever beside a secret that never ends",
                        new Readable("\"keyCredentials\": [{\"keyId\": \"3fb09899-42aa-35b3-97c5-c1c1fc2910cf\", "
                                + "\"type\": \"AsymmetricX509Cert\", \"usage\": \"Verify\", \"startDateTime\": \"-999999999-01-01T00:00:00Z\", "
                                + "\"endDateTime\": \"+999999999-12-31T23:59:59Z\"}], \"passwordCredentials\": [{" + SECRET + "}]",
                                "MIGRATION_OVERDUE", List.of("SECRET_LIFETIME_EXCEEDS_MAX"))),
                argumentSet("an application created in year -1",
                        new Readable("\"createdDateTime\": \"-0001-01-01T00:00:00Z\", \"passwordCredentials\": [{" + SECRET + "}]",
                                "SECRETS_ONLY", List.of())),
                argumentSet("30 million characters in a property app09 skips",
                        new Readable("\"notes\": \"" + "x".repeat(30_000_000) + "\", \"passwordCredentials\": [{" + SECRET + "}]",
                                "SECRETS_ONLY", List.of())),
                argumentSet("a million empty arrays in a property app09 skips",
                        new Readable("\"tags\": [" + "[],".repeat(1_000_000) + "[]], \"passwordCredentials\": [{" + SECRET + "}]",
                                "SECRETS_ONLY", List.of())));
    }

    /** An export of one application, as given, and its service principal. */
    private Path export(Readable readable) throws IOException {
        Path export = Files.createDirectories(temp.resolve("export"));
        Files.writeString(export.resolve(ExportReader.APPLICATIONS),
                "{\"value\": [{" + IDS + ", \"displayName\": \"Payroll\", " + readable.application() + "}]}", StandardCharsets.UTF_8);
        Files.writeString(export.resolve(ExportReader.SERVICE_PRINCIPALS),
                "[{\"id\": \"7a3c1e52-0f4b-4d8e-b6a1-93c2d5e4f601\", \"appId\": \"" + APP_ID + "\"}]", StandardCharsets.UTF_8);
        return export;
    }
}
