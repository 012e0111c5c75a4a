package dev.app09.graph.hostile;

import static dev.app09.graph.hostile.CommandChecks.assertNoInternals;
import static dev.app09.graph.hostile.CommandChecks.assertRefusedNaming;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

import com.fasterxml.jackson.databind.JsonNode;
import dev.app09.graph.cli.CommandRun;
import dev.app09.graph.cli.SampleExports;
import dev.app09.testkit.tenant.SampleTenants;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile exceptions registers given to {@code app09 scan --exceptions FILE} over Contoso's export:
 * each is refused with exit status 2 naming the file, the line and column and what was expected,
 * or read and applied as APP09-RULES.md section 5 says; never an internal error. (An appId that
 * matches no workload is a warning, not a refusal: {@code ScanCommandTest} shows it.)
 */
final class HostileExceptionsRegistersTest {

    /** Contoso's Payroll Export: SECRETS_ONLY without an exception. */
    private static final String PAYROLL = "b645bb45-424a-371f-bca6-38156621dd66";
    /** Contoso's Mainframe Bridge: EXCEPTION with the sample's register. */
    private static final String MAINFRAME = "fbdc9200-ff7c-3b12-841b-bea72da67e85";
    private static final Duration HANG = Duration.ofSeconds(60);

    @TempDir
    Path temp;

    @ParameterizedTest(name = "{argumentSetName}")
    @MethodSource("refused")
    void a_register_that_is_not_one_is_refused_with_exit_2_naming_the_file_and_where(Supplier<byte[]> content, String at,
            String says) throws IOException {
        Path register = Files.write(temp.resolve("exceptions.json"), content.get());

        CommandRun run = scan(register);

        assertThat(assertRefusedNaming(run, register)).startsWith(at).contains(says);
        assertThat(run.err().lines()).as("%s", run).hasSize(1);
    }

    static Stream<Arguments> refused() {
        return Stream.of(
                entry("February 30", "expires", "\"2026-02-30\"", "found \"2026-02-30\""),
                entry("month 13", "expires", "\"2026-13-01\"", "found \"2026-13-01\""),
                entry("a year of five digits without its sign", "expires", "\"10000-01-01\"", "found \"10000-01-01\""),
                entry("a year past the calendar", "expires", "\"+1000000000-01-01\"", "found \"+1000000000-01-01\""),
                entry("a date with a zone", "expires", "\"2026-12-31Z\"", "found \"2026-12-31Z\""),
                entry("an empty date", "expires", "\"\"", "expected expires (a date such as 2026-12-31), found \"\""),
                entry("a date that is a number", "expires", "20261231",
                        "expected expires (a string), found the number 20261231"),
                entry("no expiry", "expires", null, "expected an exception with \"appId\""),
                entry("an appId that is a name", "appId", "\"payroll-export\"",
                        "expected appId (a GUID such as 00000000-0000-0000-0000-000000000000), found \"payroll-export\""),
                entry("an appId of 36 characters that are no GUID", "appId", "\"zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz\"",
                        "found \"zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz\""),
                entry("an appId that is a number", "appId", "42", "expected appId (a string), found the number 42"),
                entry("a reason that is an object", "reason", "{\"text\": \"legacy\"}",
                        "expected reason (a string), found an object"),
                entry("a reason of 2 million characters", "reason", "\"" + "r".repeat(2_000_000) + "\"",
                        "a string longer than 1,000,000 characters"),
                argumentSet("one workload twice, its appId in capitals the second time", (Supplier<byte[]>) () -> utf8("[\n"
                        + register(PAYROLL, "2026-12-31") + ",\n" + register(PAYROLL.toUpperCase(), "2027-12-31") + "\n]"),
                        ":3:", "a second exception for appId " + PAYROLL),
                argumentSet("nested a hundred thousand deep in a property app09 skips",
                        (Supplier<byte[]>) () -> utf8("[{\"notes\": " + "[".repeat(100_000)), ":1:",
                        "nested more than 64 levels deep"),
                argumentSet("an object, not an array", (Supplier<byte[]>) () -> utf8(register(PAYROLL, "2026-12-31")), ":1:1: ",
                        "expected a JSON array of exceptions"),
                argumentSet("an empty file", (Supplier<byte[]>) () -> new byte[0], ":1:1: ", "found the end of the input"),
                argumentSet("a byte that is not UTF-8", (Supplier<byte[]>) () -> new byte[] {'[', (byte) 0xFE, ']'}, ":1:2: ",
                        "not valid JSON"));
    }

    @Test
    void a_folder_given_as_the_register_is_refused_as_not_a_file() throws IOException {
        Path folder = Files.createDirectory(temp.resolve("exceptions"));

        assertThat(assertRefusedNaming(scan(folder), folder)).isEqualTo(": is not a regular file (--exceptions)");
    }

    @Test
    void a_named_pipe_given_as_the_register_is_refused_without_waiting_for_a_writer() throws Exception {
        Path pipe = NamedPipes.create(temp.resolve("exceptions.json"));

        assertThat(assertRefusedNaming(scan(pipe), pipe)).isEqualTo(": is not a regular file (--exceptions)");
    }

    @Test
    void a_gigabyte_register_is_refused_unread_naming_the_limit() throws IOException {
        Path register = temp.resolve("exceptions.json");
        try (RandomAccessFile out = new RandomAccessFile(register.toFile(), "rw")) {
            out.setLength(1L << 30);
        }

        assertThat(assertRefusedNaming(scan(register), register))
                .isEqualTo(": is 1,073,741,824 bytes; an exceptions register is read up to 16 MiB (--exceptions)");
    }

    @Test
    void an_exception_that_expired_in_year_minus_1_is_read_and_the_workload_keeps_its_failing_verdict() throws IOException {
        Path register = Files.writeString(temp.resolve("exceptions.json"), "[" + register(MAINFRAME, "-0001-12-31") + "]");

        JsonNode mainframe = workload(scan(register, "--format", "json"), MAINFRAME);

        assertThat(mainframe.get("verdict").asText()).isNotEqualTo("EXCEPTION");
        assertThat(mainframe.get("failing").asBoolean()).isTrue();
        assertThat(codes(mainframe)).contains("EXCEPTION_EXPIRED");
    }

    @Test
    void an_exception_until_the_last_day_of_the_calendar_is_read_and_applies() throws IOException {
        Path register = Files.writeString(temp.resolve("exceptions.json"), "[" + register(MAINFRAME, "+999999999-12-31") + "]");

        JsonNode mainframe = workload(scan(register, "--format", "json"), MAINFRAME);

        assertThat(mainframe.get("verdict").asText()).isEqualTo("EXCEPTION");
    }

    private static CommandRun scan(Path register, String... options) {
        List<String> args = new ArrayList<>(List.of("scan", "--export",
                SampleExports.checkedIn(SampleTenants.contoso()).toString(), "--exceptions", register.toString()));
        args.addAll(List.of(options));
        return assertTimeoutPreemptively(HANG, () -> CommandRun.of(args));
    }

    private static JsonNode workload(CommandRun run, String appId) {
        assertNoInternals(run);
        for (JsonNode workload : run.json().get("workloads")) {
            if (workload.get("appId").asText().equals(appId)) {
                return workload;
            }
        }
        throw new AssertionError("no workload " + appId + " in " + run);
    }

    private static List<String> codes(JsonNode workload) {
        List<String> codes = new ArrayList<>();
        workload.get("findings").forEach(finding -> codes.add(finding.get("code").asText()));
        return codes;
    }

    /** A register of Payroll Export's one entry, with one property's JSON value replaced, or left out when null. */
    private static Arguments entry(String name, String property, @Nullable String value, String says) {
        Map<String, String> entry = new LinkedHashMap<>();
        entry.put("appId", "\"" + PAYROLL + "\"");
        entry.put("reason", "\"legacy runtime\"");
        entry.put("approvedBy", "\"CISO\"");
        entry.put("expires", "\"2026-12-31\"");
        if (value == null) {
            entry.remove(property);
        } else {
            entry.put(property, value);
        }
        String json = entry.entrySet().stream().map(e -> "\"" + e.getKey() + "\": " + e.getValue())
                .collect(Collectors.joining(", ", "[\n  {", "}\n]"));
        return argumentSet(name, (Supplier<byte[]>) () -> utf8(json), ":2:", says);
    }

    private static String register(String appId, String expires) {
        return "{\"appId\": \"" + appId + "\", \"reason\": \"legacy runtime\", \"approvedBy\": \"CISO\", \"expires\": \"" + expires + "\"}";
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
