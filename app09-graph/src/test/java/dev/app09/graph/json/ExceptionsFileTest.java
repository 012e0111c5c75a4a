package dev.app09.graph.json;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

import dev.app09.core.rules.ExceptionEntry;
import dev.app09.core.rules.ExceptionRegister;
import dev.app09.graph.BadInputException;
import dev.app09.testkit.json.ExportFolder;
import dev.app09.testkit.tenant.SampleTenant;
import dev.app09.testkit.tenant.SampleTenants;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The exceptions register file: a JSON array of {appId, reason, approvedBy, expires}, strictly read. */
final class ExceptionsFileTest {

    private static final String SOURCE = "exceptions.json";
    private static final UUID MAINFRAME = UUID.fromString("fbdc9200-ff7c-3b12-841b-bea72da67e85");
    private static final UUID KIOSK = UUID.fromString("cfa04a3b-ccae-3eff-9e4e-725ecf65868b");

    @Nested
    final class Reading {

        @Test
        void the_contoso_sample_file_reads_equal_to_the_samples_register() throws IOException {
            SampleTenant contoso = SampleTenants.contoso();

            ExceptionRegister register;
            try (InputStream in = resource(contoso.resourceFolder() + "/" + ExportFolder.EXCEPTIONS)) {
                register = ExceptionsFile.read(in, SOURCE);
            }

            assertThat(register).isEqualTo(contoso.exceptions());
            assertThat(register.entries()).hasSize(3);
            assertThat(register.find(MAINFRAME)).contains(new ExceptionEntry(MAINFRAME,
                    "The mainframe's TLS client supports neither certificates nor federation", "CISO",
                    LocalDate.parse("2026-09-30")));
        }

        @ParameterizedTest(name = "{argumentSetName}")
        @MethodSource("samplesWithExceptions")
        void a_written_register_reads_back_equal(SampleTenant sample, @TempDir Path folder) throws IOException {
            Path file = folder.resolve(ExportFolder.EXCEPTIONS);
            ExportFolder.writeExceptions(sample.exceptions(), file);

            try (InputStream in = Files.newInputStream(file)) {
                assertThat(ExceptionsFile.read(in, file.toString())).isEqualTo(sample.exceptions());
            }
        }

        static Stream<Arguments> samplesWithExceptions() {
            return SampleTenants.all().stream()
                    .filter(sample -> !sample.exceptions().entries().isEmpty())
                    .map(sample -> argumentSet(sample.name(), sample));
        }

        @Test
        void an_empty_array_is_an_empty_register() {
            assertThat(read("[ ]")).isEqualTo(ExceptionRegister.empty());
        }

        @Test
        void unknown_properties_are_skipped() {
            ExceptionRegister register = read("""
                    [
                      {
                        "appId": "cfa04a3b-ccae-3eff-9e4e-725ecf65868b",
                        "workload": "Kiosk Updater",
                        "reason": "Kiosk OS cannot store certificates",
                        "approvedBy": "IT risk board",
                        "ticket": {"system": "ServiceNow", "number": "CHG0031337", "links": []},
                        "expires": "2026-12-31"
                      }
                    ]
                    """);

            assertThat(register.entries()).containsExactly(new ExceptionEntry(KIOSK,
                    "Kiosk OS cannot store certificates", "IT risk board", LocalDate.parse("2026-12-31")));
        }

        @Test
        void pascal_case_names_from_powershell_read_alike() {
            byte[] utf16 = utf16LeWithBom("""
                    [
                        {
                            "AppId":  "cfa04a3b-ccae-3eff-9e4e-725ecf65868b",
                            "Reason":  "Kiosk OS cannot store certificates",
                            "ApprovedBy":  "IT risk board",
                            "Expires":  "2026-12-31"
                        }
                    ]
                    """);

            ExceptionRegister register = ExceptionsFile.read(new ByteArrayInputStream(utf16), SOURCE);

            assertThat(register.find(KIOSK)).map(ExceptionEntry::expires).contains(LocalDate.parse("2026-12-31"));
        }
    }

    @Nested
    final class Refusals {

        @ParameterizedTest(name = "{argumentSetName}")
        @MethodSource("badRegisters")
        void a_refusal_names_the_source_line_and_column_and_says_what_was_expected(String json, int line, int column,
                String expected) {
            JsonRefusals.assertRefused(catchThrowable(() -> read(json)), SOURCE, line, column, expected);
        }

        @Test
        void an_empty_file_is_refused_as_ending_before_the_array() {
            Throwable thrown = catchThrowable(() -> read(""));

            assertThat(thrown).isInstanceOf(BadInputException.class)
                    .hasMessage(SOURCE + ":1:1: expected a JSON array of exceptions, found the end of the input");
        }

        static Stream<Arguments> badRegisters() {
            String everyProperty = "expected an exception with \"appId\", a non-blank \"reason\" and \"approvedBy\", "
                    + "and \"expires\" (a date such as 2026-12-31)";
            return Stream.of(
                    argumentSet("an object, not an array", """
                            {
                              "exceptions": []
                            }
                            """, 1, 1, "expected a JSON array of exceptions [{\"appId\", \"reason\", \"approvedBy\", "
                            + "\"expires\"}], found an object"),
                    argumentSet("a Graph-style collection", """
                            {"value": [{"appId": "cfa04a3b-ccae-3eff-9e4e-725ecf65868b"}]}
                            """, 1, 1, "expected a JSON array of exceptions"),
                    argumentSet("an element that is a string", """
                            [
                              "cfa04a3b-ccae-3eff-9e4e-725ecf65868b"
                            ]
                            """, 2, 3, "expected an exception (a JSON object), found \"cfa04a3b-ccae-3eff-9e4e-725ecf65868b\""),
                    argumentSet("a missing reason", """
                            [
                              {
                                "appId": "cfa04a3b-ccae-3eff-9e4e-725ecf65868b",
                                "approvedBy": "IT risk board",
                                "expires": "2026-12-31"
                              }
                            ]
                            """, 2, 3, everyProperty),
                    argumentSet("a blank approvedBy", """
                            [
                              {
                                "appId": "cfa04a3b-ccae-3eff-9e4e-725ecf65868b",
                                "reason": "Kiosk OS cannot store certificates",
                                "approvedBy": "   ",
                                "expires": "2026-12-31"
                              }
                            ]
                            """, 2, 3, everyProperty),
                    argumentSet("a missing appId", """
                            [
                              {"reason": "Kiosk OS cannot store certificates", "approvedBy": "IT risk board", "expires": "2026-12-31"}
                            ]
                            """, 2, 3, everyProperty),
                    argumentSet("a day-first date", """
                            [
                              {
                                "appId": "cfa04a3b-ccae-3eff-9e4e-725ecf65868b",
                                "reason": "Kiosk OS cannot store certificates",
                                "approvedBy": "IT risk board",
                                "expires": "31/12/2026"
                              }
                            ]
                            """, 6, 16, "expected expires (a date such as 2026-12-31), found \"31/12/2026\""),
                    argumentSet("a date-time instead of a date", """
                            [
                              {
                                "appId": "cfa04a3b-ccae-3eff-9e4e-725ecf65868b",
                                "reason": "Kiosk OS cannot store certificates",
                                "approvedBy": "IT risk board",
                                "expires": "2026-12-31T00:00:00Z"
                              }
                            ]
                            """, 6, 16, "expected expires (a date such as 2026-12-31), found \"2026-12-31T00:00:00Z\""),
                    argumentSet("a null date", """
                            [
                              {
                                "appId": "cfa04a3b-ccae-3eff-9e4e-725ecf65868b",
                                "reason": "Kiosk OS cannot store certificates",
                                "approvedBy": "IT risk board",
                                "expires": null
                              }
                            ]
                            """, 6, 16, "expected expires (a date such as 2026-12-31), found null"),
                    argumentSet("a bad appId", """
                            [
                              {
                                "appId": "Kiosk Updater",
                                "reason": "Kiosk OS cannot store certificates",
                                "approvedBy": "IT risk board",
                                "expires": "2026-12-31"
                              }
                            ]
                            """, 3, 14, "expected appId (a GUID such as 00000000-0000-0000-0000-000000000000), "
                            + "found \"Kiosk Updater\""),
                    argumentSet("a second entry for one appId", """
                            [
                              {
                                "appId": "cfa04a3b-ccae-3eff-9e4e-725ecf65868b",
                                "reason": "Kiosk OS cannot store certificates",
                                "approvedBy": "IT risk board",
                                "expires": "2026-12-31"
                              },
                              {
                                "appId": "cfa04a3b-ccae-3eff-9e4e-725ecf65868b",
                                "reason": "Extended for the spring rollout",
                                "approvedBy": "CISO",
                                "expires": "2027-03-31"
                              }
                            ]
                            """, 8, 3, "a second exception for appId cfa04a3b-ccae-3eff-9e4e-725ecf65868b: "
                            + "keep one entry per workload"),
                    argumentSet("a second document", """
                            []
                            []
                            """, 2, 1, "expected the end of the input after the document, found an array"),
                    argumentSet("cut short", """
                            [
                              {
                                "appId": "cfa04a3b-ccae-3eff-9e4e-725ecf65868b",
                                "reason": "Kiosk OS cannot""", 4, 31, "not valid JSON: Unexpected end-of-input"));
        }
    }

    private static ExceptionRegister read(String json) {
        return ExceptionsFile.read(new ByteArrayInputStream(json.getBytes(UTF_8)), SOURCE);
    }

    private static byte[] utf16LeWithBom(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xFE});
        out.writeBytes(text.getBytes(StandardCharsets.UTF_16LE));
        return out.toByteArray();
    }

    private static InputStream resource(String name) {
        InputStream in = ExceptionsFileTest.class.getClassLoader().getResourceAsStream(name);
        assertThat(in).as("class path resource %s", name).isNotNull();
        return in;
    }
}
