package dev.app09.graph.hostile;

import static dev.app09.graph.hostile.CommandChecks.assertRefusedNaming;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

import dev.app09.graph.BadInputException;
import dev.app09.graph.ExportReader;
import dev.app09.graph.cli.CommandRun;
import dev.app09.testkit.json.ExportFolder;
import dev.app09.testkit.tenant.SampleTenants;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A corpus of hostile export files, each put in place of one file of Contoso's export and read the
 * way a user reads it ({@code app09 scan --export DIR}) and the way a program does
 * ({@link ExportReader#read}): each is refused with exit status 2 and one line naming the file,
 * the line and column, and what was expected; never an internal error or a stack trace.
 */
final class HostileExportsTest {

    private static final String APP_IDS = "\"id\": \"42456e3b-99f5-3ecf-95e8-16e22674e7f9\", "
            + "\"appId\": \"b645bb45-424a-371f-bca6-38156621dd66\"";

    @TempDir
    Path temp;

    /**
     * @param file the export file replaced
     * @param content what it holds instead, made when the case runs
     * @param at where the refusal points: {@code :line:column: } or {@code : } for the file as a whole
     * @param says words the refusal holds
     */
    record Hostile(String file, Supplier<byte[]> content, String at, String says) {
    }

    @ParameterizedTest(name = "{argumentSetName}")
    @MethodSource("corpus")
    void the_command_refuses_it_with_exit_2_naming_the_file_and_where(Hostile hostile) throws IOException {
        Path export = contosoWith(hostile);

        CommandRun run = CommandRun.of("scan", "--export", export.toString());

        assertThat(assertRefusedNaming(run, export.resolve(hostile.file()))).startsWith(hostile.at()).contains(hostile.says());
        assertThat(run.err().lines()).as("%s", run).hasSize(1);
    }

    @ParameterizedTest(name = "{argumentSetName}")
    @MethodSource("corpus")
    void the_reader_refuses_it_with_bad_input_naming_the_file_and_where(Hostile hostile) throws IOException {
        Path export = contosoWith(hostile);

        Throwable thrown = catchThrowable(() -> ExportReader.read(export));

        assertThat(thrown).isInstanceOf(BadInputException.class);
        BadInputException e = (BadInputException) thrown;
        assertThat(e.source()).isEqualTo(export.resolve(hostile.file()).toString());
        assertThat(e.getMessage()).startsWith(e.source() + hostile.at()).contains(hostile.says())
                .doesNotContain("\n", "Exception");
    }

    static Stream<Arguments> corpus() {
        return Stream.of(
                // Structure
                applications("a hundred thousand nested arrays in a property app09 skips",
                        () -> utf8("[{" + APP_IDS + ", \"tags\": " + "[".repeat(100_000)), ":1:", "nested more than 64 levels deep"),
                applications("a hundred thousand nested arrays instead of the collection",
                        () -> utf8("[".repeat(100_000)), ":1:2: ", "expected an application (a JSON object), found an array"),
                applications("a hundred thousand nested objects as AdditionalProperties",
                        () -> utf8("[{" + APP_IDS + ", " + "\"AdditionalProperties\": {".repeat(100_000)), ":1:",
                        // its properties count as the application's own: the second is a name twice
                        "\"AdditionalProperties\" appears twice in AdditionalProperties"),
                applications("a displayName of 30 million characters",
                        () -> utf8("[{" + APP_IDS + ", \"displayName\": \"" + "x".repeat(30_000_000) + "\"}]"), ":1:",
                        "a string longer than 1,000,000 characters"),
                applications("a number of 5,000 digits",
                        () -> utf8("[{" + APP_IDS + ", \"tags\": " + "9".repeat(5_000) + "}]"), ":1:",
                        "a number longer than 1,000 digits"),
                applications("a property name of 100,000 characters",
                        () -> utf8("[{\"" + "n".repeat(100_000) + "\": 1}]"), ":1:",
                        "a property name longer than 50,000 characters"),
                applications("an empty file", () -> new byte[0], ":1:1: ", "found the end of the input"),
                applications("a JSON number", () -> utf8("42"), ":1:1: ", "found the number 42"),
                applications("a JSON string", () -> utf8("\"applications\""), ":1:1: ", "found \"applications\""),
                applications("JSON null", () -> utf8("null"), ":1:1: ", "found null"),
                applications("JSON true", () -> utf8("true"), ":1:1: ", "found true"),
                applications("cut short inside an object", () -> utf8("{\"value\": [{" + APP_IDS + ", "), ":1:",
                        "not valid JSON: Unexpected end-of-input"),
                applications("garbage after the document", () -> utf8("{\"value\": []}\n<html>"), ":2:1: ",
                        "not valid JSON: Unexpected character ('<'"),
                applications("a second document after the first", () -> utf8("[]\n[]"), ":2:1: ",
                        "expected the end of the input after the document, found an array"),
                // Values of the wrong kind
                applications("an appId that is a number", () -> utf8("[{\"id\": \"42456e3b-99f5-3ecf-95e8-16e22674e7f9\", "
                        + "\"appId\": 123}]"), ":1:", "expected the application's appId (a string), found the number 123"),
                applications("a displayName that is a number", () -> utf8("[{" + APP_IDS + ", \"displayName\": 5}]"), ":1:",
                        "expected the application's displayName (a string), found the number 5"),
                applications("an id that is an object", () -> utf8("[{\"id\": {\"value\": 1}}]"), ":1:",
                        "expected the application's id (a string), found an object"),
                applications("passwordCredentials that is an object",
                        () -> utf8("[{" + APP_IDS + ", \"passwordCredentials\": {\"keyId\": \"2fb09899-42aa-35b3-97c5-c1c1fc2910cf\"}}]"),
                        ":1:", "expected passwordCredentials (a JSON array), found an object"),
                applications("value that is an object", () -> utf8("{\"value\": {\"id\": 1}}"), ":1:",
                        "expected \"value\" to be an array of applications, found an object"),
                applications("a key credential that is an array", () -> utf8("[{" + APP_IDS + ", \"keyCredentials\": [[]]}]"),
                        ":1:", "expected a key credential (a JSON object), found an array"),
                applications("a date that is a number",
                        () -> utf8("[{" + APP_IDS + ", \"createdDateTime\": 1748736000}]"), ":1:",
                        "expected createdDateTime (a string), found the number 1748736000"),
                // Bytes that are not UTF-8
                applications("a byte 0xFF", () -> bytes(utf8("[{\"displayName\": \""), new byte[] {(byte) 0xFF}, utf8("\"}]")),
                        ":1:", "not valid JSON: Invalid UTF-8 start byte 0xff"),
                applications("a lead byte without its continuation",
                        () -> bytes(utf8("[{\"displayName\": \""), new byte[] {(byte) 0xC3, 0x28}, utf8("\"}]")), ":1:",
                        "not valid JSON: Invalid UTF-8 middle byte"),
                applications("a surrogate encoded in UTF-8 (CESU-8)",
                        () -> bytes(utf8("[{\"displayName\": \""), new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, utf8("\"}]")),
                        ":1:", "not valid JSON: Invalid UTF-8: Illegal surrogate character"),
                applications("a character cut short by the end of the file",
                        () -> bytes(utf8("[{\"displayName\": \""), new byte[] {(byte) 0xE2, (byte) 0x82}), ":1:",
                        "not valid JSON"),
                applications("a NUL byte between tokens", () -> bytes(utf8("["), new byte[] {0}, utf8("]")), ":1:",
                        "not valid JSON"),
                applications("a NUL byte inside a string",
                        () -> bytes(utf8("[{" + APP_IDS + ", \"displayName\": \"Pay"), new byte[] {0}, utf8("roll\"}]")), ":1:",
                        "not valid JSON: Illegal unquoted character ((CTRL-CHAR, code 0))"),
                applications("UTF-16 with a byte order mark, cut in the middle of a character",
                        () -> bytes(new byte[] {(byte) 0xFF, (byte) 0xFE}, "[".getBytes(StandardCharsets.UTF_16LE), new byte[] {'x'}),
                        ":1:", "not valid JSON"),
                applications("UTF-32 holding a value beyond Unicode",
                        () -> new byte[] {0, 0, (byte) 0xFE, (byte) 0xFF, 0x7F, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF}, ":1:",
                        "not valid JSON: Invalid UTF-32 character"),
                // Dates out of range or of another form
                applications("a year of five digits without its sign", () -> created("10000-01-01T00:00:00Z"), ":1:",
                        "expected createdDateTime (an ISO-8601 date-time such as 2026-06-01T00:00:00Z), found \"10000-01-01T00:00:00Z\""),
                applications("a year past Instant.MAX", () -> created("+1000000001-01-01T00:00:00Z"), ":1:",
                        "found \"+1000000001-01-01T00:00:00Z\""),
                applications("month 13, day 45", () -> created("2026-13-45T00:00:00Z"), ":1:", "found \"2026-13-45T00:00:00Z\""),
                applications("February 30", () -> created("2026-02-30T00:00:00Z"), ":1:", "found \"2026-02-30T00:00:00Z\""),
                applications("hour 24", () -> created("2026-06-01T24:00:00Z"), ":1:", "found \"2026-06-01T24:00:00Z\""),
                applications("an offset beyond 18 hours", () -> created("2026-06-01T00:00:00+19:00"), ":1:",
                        "found \"2026-06-01T00:00:00+19:00\""),
                applications("a US date", () -> created("06/01/2026 10:00"), ":1:", "found \"06/01/2026 10:00\""),
                applications("an RFC 1123 date", () -> created("Mon, 01 Jun 2026 10:00:00 GMT"), ":1:",
                        "found \"Mon, 01 Jun 2026 10:00:00 GMT\""),
                applications("a date without a time", () -> created("2026-06-01"), ":1:", "found \"2026-06-01\""),
                applications("a Windows PowerShell date beyond a long", () -> created("/Date(99999999999999999999)/"), ":1:",
                        "found \"/Date(99999999999999999999)/\""),
                applications("a secret's end beyond the calendar", () -> utf8("[{" + APP_IDS + ", \"passwordCredentials\": [{"
                        + "\"keyId\": \"2fb09899-42aa-35b3-97c5-c1c1fc2910cf\", \"endDateTime\": \"+99999999999-01-01T00:00:00Z\"}]}]"),
                        ":1:", "expected endDateTime (an ISO-8601 date-time"),
                // Names twice: readers disagree on which counts
                applications("one property twice in an application", () -> utf8("[{" + APP_IDS
                        + ", \"passwordCredentials\": [], \"passwordCredentials\": []}]"), ":1:",
                        "\"passwordCredentials\" appears twice in an application"),
                applications("one property twice, in two cases", () -> utf8("[{" + APP_IDS
                        + ", \"keyCredentials\": [], \"KeyCredentials\": []}]"), ":1:",
                        "\"KeyCredentials\" appears twice in an application (names are compared without regard to case)"),
                applications("a property given again inside PowerShell's AdditionalProperties", () -> utf8("[{" + APP_IDS
                        + ", \"PasswordCredentials\": [{\"KeyId\": \"2fb09899-42aa-35b3-97c5-c1c1fc2910cf\"}], "
                        + "\"AdditionalProperties\": {\"passwordCredentials\": []}}]"), ":1:",
                        "\"passwordCredentials\" appears twice in AdditionalProperties"),
                applications("a key's type given again inside AdditionalProperties", () -> utf8("[{" + APP_IDS
                        + ", \"KeyCredentials\": [{\"KeyId\": \"2fb09899-42aa-35b3-97c5-c1c1fc2910cf\", \"Type\": \"Symmetric\", "
                        + "\"AdditionalProperties\": {\"type\": \"AsymmetricX509Cert\"}}]}]"), ":1:",
                        "\"type\" appears twice in AdditionalProperties"),
                applications("a keyId twice in one password credential", () -> utf8("[{" + APP_IDS + ", \"passwordCredentials\": [{"
                        + "\"keyId\": \"2fb09899-42aa-35b3-97c5-c1c1fc2910cf\", \"keyId\": \"3fb09899-42aa-35b3-97c5-c1c1fc2910cf\"}]}]"),
                        ":1:", "\"key...\" appears twice in a password credential"), // no more than a hint is quoted there
                // Objects twice
                applications("one application id twice", () -> utf8("[{" + APP_IDS + "}, {\"id\": \"42456e3b-99f5-3ecf-95e8-16e22674e7f9\", "
                        + "\"appId\": \"c645bb45-424a-371f-bca6-38156621dd66\"}]"), ": ",
                        "two applications have id 42456e3b-99f5-3ecf-95e8-16e22674e7f9 (the 1st and the 2nd in the file): an object id is "
                        + "unique in a tenant"),
                applications("one appId on two applications", () -> utf8("[{" + APP_IDS + "}, {\"id\": \"52456e3b-99f5-3ecf-95e8-16e22674e7f9\", "
                        + "\"appId\": \"b645bb45-424a-371f-bca6-38156621dd66\"}]"), ": ",
                        "two applications have appId b645bb45-424a-371f-bca6-38156621dd66 (the 1st and the 2nd in the file)"),
                argumentSet("one service principal id twice", new Hostile(ExportFolder.SERVICE_PRINCIPALS, () -> utf8("[{" + APP_IDS
                        + "}, {\"id\": \"42456e3b-99f5-3ecf-95e8-16e22674e7f9\", \"appId\": \"c645bb45-424a-371f-bca6-38156621dd66\"}]"),
                        ": ", "two service principals have id 42456e3b-99f5-3ecf-95e8-16e22674e7f9")),
                // The other files
                argumentSet("a service principals file that is a JSON string",
                        new Hostile(ExportFolder.SERVICE_PRINCIPALS, () -> utf8("\"servicePrincipals\""), ":1:1: ",
                                "expected a JSON array of service principals")),
                argumentSet("a policy nested a hundred thousand deep",
                        new Hostile(ExportFolder.POLICY, () -> utf8("{\"x\": " + "[".repeat(100_000)), ":1:",
                                "nested more than 64 levels deep")),
                argumentSet("a sign-in report with a row that is a number",
                        new Hostile(ExportFolder.SIGN_INS, () -> utf8("{\"value\": [7]}"), ":1:",
                                "expected a credential sign-in row (a JSON object), found the number 7")));
    }

    private static Arguments applications(String name, Supplier<byte[]> content, String at, String says) {
        return argumentSet(name, new Hostile(ExportFolder.APPLICATIONS, content, at, says));
    }

    /** An application whose createdDateTime is {@code value}. */
    private static byte[] created(String value) {
        return utf8("[{" + APP_IDS + ", \"createdDateTime\": \"" + value + "\"}]");
    }

    private Path contosoWith(Hostile hostile) throws IOException {
        Path export = temp.resolve("export");
        ExportFolder.write(SampleTenants.contoso().tenant(), export);
        Files.write(export.resolve(hostile.file()), hostile.content().get());
        return export;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] bytes(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
