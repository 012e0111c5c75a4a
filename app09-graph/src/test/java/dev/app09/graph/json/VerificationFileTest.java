package dev.app09.graph.json;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.app09.core.migration.Verification;
import dev.app09.graph.BadInputException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The verification file app09 migrate verify writes and retire-secret reads back, strictly. */
final class VerificationFileTest {

    private static final String SOURCE = "payroll.verification.json";
    private static final Verification PAYROLL = new Verification("contoso.onmicrosoft.com",
            UUID.fromString("cfa04a3b-ccae-3eff-9e4e-725ecf65868b"), "0123456789ABCDEF0123456789ABCDEF01234567",
            Instant.parse("2026-06-01T09:30:15Z"), "https://login.microsoftonline.com");

    @Nested
    final class Writing {

        @Test
        void a_written_verification_reads_back_equal() throws IOException {
            assertThat(VerificationFile.read(new ByteArrayInputStream(write(PAYROLL)), SOURCE)).isEqualTo(PAYROLL);
        }

        @Test
        void fractions_of_a_second_survive_the_round_trip() throws IOException {
            Verification precise = new Verification("72f988bf-86f1-41af-91ab-2d7cd011db47", PAYROLL.clientId(),
                    PAYROLL.thumbprint(), Instant.parse("2026-06-01T09:30:15.123456789Z"), "https://login.microsoftonline.us");

            assertThat(VerificationFile.read(new ByteArrayInputStream(write(precise)), SOURCE)).isEqualTo(precise);
        }

        @Test
        void the_json_has_kind_version_and_exactly_the_documented_properties() throws IOException {
            JsonNode json = new ObjectMapper().readTree(write(PAYROLL));

            assertThat(json.isObject()).isTrue();
            assertThat(json.properties()).extracting(Map.Entry::getKey).containsExactly("kind", "version", "tenant",
                    "clientId", "thumbprint", "verifiedAt", "authorityHost");
            assertThat(json.get("kind").isTextual()).isTrue();
            assertThat(json.get("kind").asText()).isEqualTo("app09.certificateVerification");
            assertThat(json.get("version").isIntegralNumber()).isTrue();
            assertThat(json.get("version").asInt()).isEqualTo(1);
            assertThat(json.get("tenant").asText()).isEqualTo("contoso.onmicrosoft.com");
            assertThat(json.get("clientId").asText()).isEqualTo("cfa04a3b-ccae-3eff-9e4e-725ecf65868b");
            assertThat(json.get("thumbprint").asText()).isEqualTo("0123456789ABCDEF0123456789ABCDEF01234567");
            assertThat(json.get("verifiedAt").asText()).isEqualTo("2026-06-01T09:30:15Z");
            assertThat(json.get("authorityHost").asText()).isEqualTo("https://login.microsoftonline.com");
        }

        @Test
        void nothing_in_it_looks_like_a_token_or_a_key() throws IOException {
            String text = new String(write(PAYROLL), UTF_8);

            assertThat(text.toLowerCase(Locale.ROOT))
                    .doesNotContain("token", "secret", "password", "assertion", "private", "bearer");
            assertThat(text).doesNotContain("eyJ"); // the start of every base64url JSON header: a JWT
            assertThat(text).doesNotContainPattern("[A-Za-z0-9_-]{60,}");
        }

        @Test
        void the_stream_is_left_open_and_the_file_ends_with_a_newline() throws IOException {
            var closed = new boolean[1];
            var out = new ByteArrayOutputStream() {
                @Override
                public void close() {
                    closed[0] = true;
                }
            };

            VerificationFile.write(PAYROLL, out);

            assertThat(closed[0]).isFalse();
            assertThat(out.toString(UTF_8)).startsWith("{").endsWith("}\n");
        }
    }

    @Nested
    final class Reading {

        @Test
        void unknown_properties_are_ignored_whatever_their_shape() {
            Verification read = read("""
                    {
                      "kind": "app09.certificateVerification",
                      "version": 1,
                      "note": "checked by the payroll team",
                      "tenant": "contoso.onmicrosoft.com",
                      "clientId": "cfa04a3b-ccae-3eff-9e4e-725ecf65868b",
                      "signIn": {"scopes": ["https://graph.microsoft.com/.default"], "attempts": 1},
                      "thumbprint": "0123456789ABCDEF0123456789ABCDEF01234567",
                      "verifiedAt": "2026-06-01T09:30:15Z",
                      "authorityHost": "https://login.microsoftonline.com",
                      "tags": [null, true, 2.5]
                    }
                    """);

            assertThat(read).isEqualTo(PAYROLL);
        }

        @Test
        void a_lower_case_thumbprint_reads_as_upper_case() {
            Verification read = read(file("\"0123456789abcdef0123456789abcdef01234567\"",
                    "\"cfa04a3b-ccae-3eff-9e4e-725ecf65868b\"", "\"2026-06-01T09:30:15Z\""));

            assertThat(read.thumbprint()).isEqualTo("0123456789ABCDEF0123456789ABCDEF01234567");
            assertThat(read).isEqualTo(PAYROLL);
        }
    }

    @Nested
    final class Refusals {

        @ParameterizedTest(name = "{argumentSetName}")
        @MethodSource("badFiles")
        void a_refusal_names_the_source_line_and_column_and_says_what_was_expected(String json, int line, int column,
                String expected) {
            JsonRefusals.assertRefused(catchThrowable(() -> read(json)), SOURCE, line, column, expected);
        }

        @Test
        void an_empty_file_is_refused_as_ending_before_the_object() {
            Throwable thrown = catchThrowable(() -> read(""));

            assertThat(thrown).isInstanceOf(BadInputException.class)
                    .hasMessage(SOURCE + ":1:1: expected a verification object, found the end of the input");
        }

        static Stream<Arguments> badFiles() {
            String kindAndVersion = "expected \"kind\": \"app09.certificateVerification\" and \"version\": 1";
            String everyProperty = "expected \"tenant\", \"clientId\", \"thumbprint\", \"verifiedAt\" and \"authorityHost\"";
            String thumbprint = "\"0123456789ABCDEF0123456789ABCDEF01234567\"";
            String clientId = "\"cfa04a3b-ccae-3eff-9e4e-725ecf65868b\"";
            String verifiedAt = "\"2026-06-01T09:30:15Z\"";
            return Stream.of(
                    argumentSet("another kind", file(thumbprint, clientId, verifiedAt)
                            .replace("app09.certificateVerification", "app09.exceptions"), 1, 1, kindAndVersion),
                    argumentSet("no kind", file(thumbprint, clientId, verifiedAt)
                            .replace("  \"kind\": \"app09.certificateVerification\",\n", ""), 1, 1, kindAndVersion),
                    argumentSet("version 2", file(thumbprint, clientId, verifiedAt)
                            .replace("\"version\": 1", "\"version\": 2"), 1, 1, kindAndVersion),
                    argumentSet("version as a string", file(thumbprint, clientId, verifiedAt)
                            .replace("\"version\": 1", "\"version\": \"1\""), 3, 14,
                            "expected version (a whole number), found \"1\""),
                    argumentSet("no tenant", file(thumbprint, clientId, verifiedAt)
                            .replace("  \"tenant\": \"contoso.onmicrosoft.com\",\n", ""), 1, 1, everyProperty),
                    argumentSet("no authorityHost", file(thumbprint, clientId, verifiedAt)
                            .replace(",\n  \"authorityHost\": \"https://login.microsoftonline.com\"", ""), 1, 1,
                            everyProperty),
                    argumentSet("a null thumbprint", file("null", clientId, verifiedAt), 1, 1, everyProperty),
                    argumentSet("a blank tenant", file(thumbprint, clientId, verifiedAt)
                            .replace("contoso.onmicrosoft.com", " "), 1, 1, "a verification names its tenant"),
                    argumentSet("a thumbprint of 39 hex digits", file("\"0123456789ABCDEF0123456789ABCDEF0123456\"",
                            clientId, verifiedAt), 1, 1, "a thumbprint is 40 hex digits (SHA-1)"),
                    argumentSet("a SHA-256 thumbprint", file("\"" + "AB".repeat(32) + "\"", clientId, verifiedAt), 1, 1,
                            "a thumbprint is 40 hex digits (SHA-1)"),
                    argumentSet("a thumbprint with colons", file("\"01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67\"",
                            clientId, verifiedAt), 1, 1, "a thumbprint is 40 hex digits (SHA-1)"),
                    argumentSet("a thumbprint of 40 letters that are not hex", file("\"" + "G".repeat(40) + "\"",
                            clientId, verifiedAt), 1, 1, "a thumbprint is 40 hex digits (SHA-1)"),
                    argumentSet("a clientId that is a name", file(thumbprint, "\"Payroll Export\"", verifiedAt), 5, 15,
                            "expected clientId (a GUID such as 00000000-0000-0000-0000-000000000000), found \"Payroll Export\""),
                    argumentSet("a clientId without dashes", file(thumbprint, "\"cfa04a3bccae3eff9e4e725ecf65868b\"",
                            verifiedAt), 5, 15, "expected clientId (a GUID"),
                    argumentSet("a verifiedAt that is a day-first date", file(thumbprint, clientId, "\"01/06/2026 09:30\""),
                            7, 17, "expected verifiedAt (an ISO-8601 date-time such as 2026-06-01T00:00:00Z), "
                            + "found \"01/06/2026 09:30\""),
                    argumentSet("a verifiedAt that is a number", file(thumbprint, clientId, "1780306215"), 7, 17,
                            "expected verifiedAt (a string), found the number 1780306215"),
                    argumentSet("an array, not an object", "[\n" + file(thumbprint, clientId, verifiedAt) + "]\n", 1, 1,
                            "expected a verification written by app09 migrate verify (a JSON object), found an array"),
                    argumentSet("a string, not an object", "\"app09.certificateVerification\"\n", 1, 1,
                            "(a JSON object), found \"app09.certificateVerification\""),
                    argumentSet("trailing junk after the object", file(thumbprint, clientId, verifiedAt) + "{}\n", 10, 1,
                            "expected the end of the input after the document, found an object"),
                    argumentSet("an unquoted word after the object", file(thumbprint, clientId, verifiedAt) + "done\n", 10, 1,
                            "not valid JSON: Unrecognized token 'don...'"),
                    argumentSet("cut short", file(thumbprint, clientId, verifiedAt).substring(0, 120), 5, 21,
                            "not valid JSON: Unexpected end-of-input"));
        }
    }

    /** A valid file, but for the three raw JSON values given. */
    private static String file(String thumbprint, String clientId, String verifiedAt) {
        return """
                {
                  "kind": "app09.certificateVerification",
                  "version": 1,
                  "tenant": "contoso.onmicrosoft.com",
                  "clientId": %s,
                  "thumbprint": %s,
                  "verifiedAt": %s,
                  "authorityHost": "https://login.microsoftonline.com"
                }
                """.formatted(clientId, thumbprint, verifiedAt);
    }

    private static Verification read(String json) {
        return VerificationFile.read(new ByteArrayInputStream(json.getBytes(UTF_8)), SOURCE);
    }

    private static byte[] write(Verification verification) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        VerificationFile.write(verification, out);
        return out.toByteArray();
    }
}
