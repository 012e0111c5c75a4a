package dev.app09.graph.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Named.named;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.app09.certs.CertificateAndKey;
import dev.app09.certs.CertificateFiles;
import dev.app09.certs.CertificateRequest;
import dev.app09.certs.SelfSignedCertificates;
import dev.app09.core.rules.Verdict;
import dev.app09.testkit.json.ExportFolder;
import dev.app09.testkit.tenant.SampleTenant;
import dev.app09.testkit.tenant.SampleTenants;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad input and bad usage end with exit status 2 and a message that says what is wrong and
 * where, never a stack trace, and nothing on standard output.
 */
final class ScanCommandErrorsTest {

    private static final SampleTenant CONTOSO = SampleTenants.contoso();
    private static final String CLIENT_ID = "11111111-2222-3333-4444-555555555555";

    @TempDir
    Path temp;

    /** The refusal's common form; returns the first line of standard error, the message. */
    private static String assertRefused(CommandRun run) {
        assertThat(run.status()).as("%s", run).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.out()).as("%s", run).isEmpty();
        assertThat(run.err()).as("%s", run)
                .startsWith("app09: ")
                .doesNotContain("\tat ")
                .doesNotContain("Exception");
        return run.err().lines().findFirst().orElseThrow();
    }

    /** A file's refusal is one line: {@code app09: <file>[:line:column]: <problem>}. */
    private static String assertRefusedInOneLine(CommandRun run) {
        String message = assertRefused(run);
        assertThat(run.err().lines()).as("%s", run).hasSize(1);
        return message;
    }

    /** Contoso's export with {@code applications.json} replaced by {@code content}. */
    private Path contosoWithApplications(String content) throws IOException {
        Path export = temp.resolve("export");
        ExportFolder.write(CONTOSO.tenant(), export);
        Files.writeString(export.resolve(ExportFolder.APPLICATIONS), content);
        return export;
    }

    private static CommandRun scan(Path export, String... options) {
        return CommandRun.of(Stream.concat(Stream.of("scan", "--export", export.toString()), Stream.of(options)).toList());
    }

    @Nested
    class ExportFiles {

        static Stream<Arguments> badApplicationsFiles() {
            return Stream.of(
                    arguments(named("not JSON", "{\n  \"value\": [ nope ]\n}\n"), "2:14"),
                    arguments(named("truncated inside a string", "{\n  \"value\": [ { \"id\": \"510799ac"), "2:"),
                    arguments(named("truncated between values", "{\n  \"value\": [\n"), "3:1"),
                    arguments(named("an object without value", "{\n  \"items\": [ ]\n}\n"), "1:1"),
                    arguments(named("a bad date", "{ \"value\": [ {\n  \"appId\": \"45e8fc40-419c-3689-b8d6-17d2d6073ac0\",\n"
                            + "  \"createdDateTime\": \"yesterday\" } ] }\n"), "3:22"));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("badApplicationsFiles")
        void a_bad_applications_file_is_named_with_line_and_column(String content, String position) throws IOException {
            Path export = contosoWithApplications(content);

            String message = assertRefusedInOneLine(scan(export));

            assertThat(message).startsWith("app09: " + export.resolve(ExportFolder.APPLICATIONS) + ":" + position);
        }

        @Test
        void an_export_cut_short_is_named_with_the_line_where_it_ends() throws IOException {
            Path export = temp.resolve("export");
            ExportFolder.write(CONTOSO.tenant(), export);
            Path applications = export.resolve(ExportFolder.APPLICATIONS);
            String whole = Files.readString(applications);
            String half = whole.substring(0, whole.length() / 2);
            Files.writeString(applications, half);

            String message = assertRefusedInOneLine(scan(export));

            long endLine = half.chars().filter(c -> c == '\n').count() + 1;
            assertThat(message).startsWith("app09: " + applications + ":" + endLine + ":")
                    .contains("not valid JSON");
        }

        @Test
        void a_bad_date_says_what_was_expected_and_what_was_found() throws IOException {
            Path export = contosoWithApplications("{ \"value\": [ {\n  \"appId\": \"45e8fc40-419c-3689-b8d6-17d2d6073ac0\",\n"
                    + "  \"createdDateTime\": \"yesterday\" } ] }\n");

            assertThat(assertRefusedInOneLine(scan(export)))
                    .contains("expected createdDateTime (an ISO-8601 date-time").contains("found \"yesterday\"");
        }

        @Test
        void a_missing_service_principals_file_is_named() throws IOException {
            Path export = temp.resolve("export");
            ExportFolder.write(CONTOSO.tenant(), export);
            Files.delete(export.resolve(ExportFolder.SERVICE_PRINCIPALS));

            assertThat(assertRefusedInOneLine(scan(export)))
                    .startsWith("app09: " + export.resolve(ExportFolder.SERVICE_PRINCIPALS) + ": missing");
        }

        @Test
        void an_export_folder_that_does_not_exist_is_named() {
            Path missing = temp.resolve("no-such-export");

            assertThat(assertRefusedInOneLine(scan(missing))).startsWith("app09: " + missing + ": ")
                    .contains("not a readable folder");
        }

        @Test
        void an_exceptions_file_that_does_not_exist_is_named() {
            Path missing = temp.resolve("no-such-exceptions.json");

            String message = assertRefusedInOneLine(scan(SampleExports.checkedIn(CONTOSO), "--exceptions", missing.toString()));

            assertThat(message).startsWith("app09: " + missing + ": no such file (--exceptions)");
        }

        @Test
        void an_exceptions_file_with_a_bad_date_is_named_with_line_and_column() throws IOException {
            Path exceptions = temp.resolve("exceptions.json");
            Files.writeString(exceptions, "[\n  { \"appId\": \"fbdc9200-ff7c-3b12-841b-bea72da67e85\", \"reason\": \"r\",\n"
                    + "    \"approvedBy\": \"CISO\", \"expires\": \"next spring\" }\n]\n");

            String message = assertRefusedInOneLine(scan(SampleExports.checkedIn(CONTOSO), "--exceptions", exceptions.toString()));

            assertThat(message).startsWith("app09: " + exceptions + ":3:").contains("expires").contains("\"next spring\"");
        }
    }

    @Nested
    class Options {

        static Stream<Arguments> badOptions() {
            String contoso = SampleExports.checkedIn(CONTOSO).toString();
            return Stream.of(
                    arguments(named("--as-of garbage", List.of("--export", contoso, "--as-of", "garbage")), "--as-of garbage"),
                    arguments(named("--format xml", List.of("--export", contoso, "--format", "xml")), "--format xml"),
                    arguments(named("--industry unknown", List.of("--export", contoso, "--industry", "unknown")),
                            "--industry unknown"),
                    arguments(named("no source", List.of()), "give exactly one source"),
                    arguments(named("two sources", List.of("--export", contoso, "--graph-url", "http://127.0.0.1:9")),
                            "give exactly one source"),
                    arguments(named("--graph-url to a name that is not loopback",
                            List.of("--graph-url", "http://example.com")), "--graph-url must be a loopback address"),
                    arguments(named("--graph-url to an address that is not loopback",
                            List.of("--graph-url", "http://192.0.2.1")), "--graph-url must be a loopback address"),
                    arguments(named("--tenant-id without a credential",
                            List.of("--tenant-id", "contoso.onmicrosoft.com")), "--tenant-id needs either"),
                    arguments(named("--certificate without --client-id",
                            List.of("--tenant-id", "contoso.onmicrosoft.com", "--certificate", "app09.pem")),
                            "--certificate needs --client-id"),
                    arguments(named("--sign-in-evidence with an export that has no sign-in report",
                            List.of("--export", SampleExports.checkedIn(SampleTenants.forVerdict(Verdict.CERTIFICATE)).toString(),
                                    "--sign-in-evidence")), "--sign-in-evidence: the export has no appCredentialSignInActivities.json"),
                    arguments(named("--migration-window below 0", List.of("--export", contoso, "--migration-window", "-1")),
                            "--migration-window -1"),
                    arguments(named("--client-id without --tenant-id", List.of("--export", contoso, "--client-id", CLIENT_ID)),
                            "go with --tenant-id"));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("badOptions")
        void a_bad_option_is_refused_with_a_message_naming_it(List<String> options, String named) {
            CommandRun run = CommandRun.of(Stream.concat(Stream.of("scan"), options.stream()).toList());

            assertThat(assertRefused(run)).contains(named);
        }

        @Test
        void a_bad_option_points_to_the_help() {
            CommandRun run = CommandRun.of("scan", "--format", "xml", "--export", SampleExports.checkedIn(CONTOSO).toString());

            assertThat(run.err().lines()).last().isEqualTo("Try 'app09 scan --help'.");
        }

        @Test
        void a_pfx_certificate_needs_its_password_in_the_environment() throws IOException {
            Path pfx = Files.write(temp.resolve("app09.pfx"), new byte[] {0x30, 0x00});

            CommandRun run = CommandRun.withEnvironment(Map.of("OTHER", "x"), "scan", "--tenant-id",
                    "contoso.onmicrosoft.com", "--client-id", CLIENT_ID, "--certificate", pfx.toString());

            assertThat(assertRefused(run)).contains(pfx.toString()).contains("APP09_CERTIFICATE_PASSWORD");
        }

        @Test
        void a_pfx_its_password_does_not_open_is_refused_at_once_not_retried_as_a_network_failure() throws IOException {
            CertificateAndKey key = SelfSignedCertificates.create(CertificateRequest.of("CN=app09"), CommandRun.CLOCK);
            Path pfx = CertificateFiles.write(temp, "app09", key, "the right password".toCharArray(), false).pfx();

            CommandRun run = CommandRun.withEnvironment(Map.of("APP09_CERTIFICATE_PASSWORD", "a wrong password"), "scan",
                    "--tenant-id", "contoso.onmicrosoft.com", "--client-id", CLIENT_ID, "--certificate", pfx.toString());

            assertThat(assertRefused(run)).contains("--certificate " + pfx, "the password does not open")
                    .doesNotContain("a wrong password");
        }

        @Test
        void a_pem_certificate_without_a_private_key_block_is_refused() throws IOException {
            Path pem = Files.writeString(temp.resolve("app09.pem"),
                    "-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIUQ==\n-----END CERTIFICATE-----\n");

            CommandRun run = CommandRun.of("scan", "--tenant-id", "contoso.onmicrosoft.com", "--client-id", CLIENT_ID,
                    "--certificate", pem.toString());

            assertThat(assertRefused(run)).contains(pem.toString()).contains("PRIVATE KEY").contains("it has no private key");
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource({"ENCRYPTED PRIVATE KEY, encrypted", "RSA PRIVATE KEY, PKCS#1"})
        void a_pem_key_azure_identity_cannot_load_is_refused_with_the_conversion(String label, String named)
                throws IOException {
            Path pem = Files.writeString(temp.resolve("app09.pem"),
                    "-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIUQ==\n-----END CERTIFICATE-----\n"
                            + "-----BEGIN " + label + "-----\nAAAA\n-----END " + label + "-----\n");

            CommandRun run = CommandRun.of("scan", "--tenant-id", "contoso.onmicrosoft.com", "--client-id", CLIENT_ID,
                    "--certificate", pem.toString());

            assertThat(assertRefused(run)).contains("its key is " + named).contains("openssl pkcs8 -topk8 -nocrypt");
        }

        @Test
        void output_to_an_existing_file_is_refused_and_leaves_the_file_as_it_was() throws IOException {
            Path existing = Files.writeString(temp.resolve("report.json"), "last week's report\n");

            CommandRun run = scan(SampleExports.checkedIn(CONTOSO), "--output", existing.toString());

            assertThat(assertRefused(run)).contains(existing.toString()).contains("never overwrites");
            assertThat(existing).hasContent("last week's report");
        }
    }
}
