package dev.app09.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.groups.Tuple.tuple;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

import dev.app09.core.model.AppManagementPolicy;
import dev.app09.core.model.AppManagementRestrictions;
import dev.app09.core.model.CredentialSignIn;
import dev.app09.core.model.PasswordCredentialRestriction;
import dev.app09.core.model.ScanProblem;
import dev.app09.core.model.SignInEvidence;
import dev.app09.core.model.TenantSnapshot;
import dev.app09.testkit.json.ExportFolder;
import dev.app09.testkit.tenant.FakeTenant;
import dev.app09.testkit.tenant.GeneratedTenant;
import dev.app09.testkit.tenant.SampleTenant;
import dev.app09.testkit.tenant.SampleTenants;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Export folders: what the testkit writes reads back as the same tenant, optional files turn
 * policy and evidence on, a file holding one page makes the snapshot incomplete, and a broken
 * folder is refused naming the file.
 */
final class ExportReaderTest {

    /** An application with a secret and its service principal: the smallest tenant worth exporting. */
    private static final TenantSnapshot PAYROLL = FakeTenant.create()
            .application("Payroll Export", app -> app.secret())
            .build();

    @Nested
    final class RoundTrip {

        @ParameterizedTest(name = "{argumentSetName}")
        @MethodSource("samples")
        void a_written_sample_reads_back_as_the_same_tenant(SampleTenant sample, @TempDir Path folder) {
            ExportFolder.write(sample.tenant(), folder);

            TenantSnapshot read = ExportReader.read(folder);

            assertSameTenant(read, sample.tenant());
        }

        @ParameterizedTest(name = "{argumentSetName}")
        @MethodSource("samples")
        void the_checked_in_sample_folder_reads_as_its_definition(SampleTenant sample, @TempDir Path folder)
                throws IOException {
            copyResourceFolder(sample.resourceFolder(), folder);

            TenantSnapshot read = ExportReader.read(folder);

            assertSameTenant(read, sample.tenant());
        }

        static Stream<Arguments> samples() {
            return SampleTenants.all().stream().map(sample -> argumentSet(sample.name(), sample));
        }

        @Test
        void a_generated_tenant_of_1500_applications_reads_back_as_the_same_tenant(@TempDir Path folder) {
            GeneratedTenant generated = GeneratedTenant.of(1_500, 1_200, 7);
            ExportFolder.write(generated, folder);

            TenantSnapshot read = ExportReader.read(folder);

            TenantSnapshot written = new TenantSnapshot(null, generated.applications().toList(),
                    generated.servicePrincipals().toList(), generated.appManagementPolicy(),
                    generated.signInEvidence(), List.of());
            assertThat(read.applications()).hasSize(1_500);
            assertThat(read.servicePrincipals()).hasSize(1_200);
            assertThat(read.applications()).anySatisfy(app ->
                    assertThat(app.federatedIdentityCredentials()).singleElement()
                            .satisfies(federated -> assertThat(federated.id()).isNotNull()));
            assertSameTenant(read, written);
        }

        @Test
        void the_tenant_id_is_not_part_of_an_export(@TempDir Path folder) {
            ExportFolder.write(PAYROLL.withTenantId(UUID.fromString("c6f1a8e2-3b4d-4f5a-9e7c-1d2b3a4c5e6f")), folder);

            assertThat(ExportReader.read(folder).tenantId()).isNull();
        }
    }

    @Nested
    final class OptionalFiles {

        @Test
        void without_a_sign_in_file_there_is_no_evidence(@TempDir Path folder) {
            ExportFolder.write(PAYROLL, folder);

            assertThat(folder.resolve(ExportReader.SIGN_INS)).doesNotExist();
            assertThat(ExportReader.read(folder).signInEvidence()).isNull();
        }

        @Test
        void a_sign_in_file_turns_evidence_on_with_its_rows(@TempDir Path folder) {
            TenantSnapshot tenant = FakeTenant.create()
                    .application("Payroll Export", app -> app.secret(s -> s.lastSignInDaysAgo(2)))
                    .build();
            ExportFolder.write(tenant, folder);

            SignInEvidence evidence = ExportReader.read(folder).signInEvidence();

            assertThat(evidence).isNotNull().isEqualTo(tenant.signInEvidence());
            assertThat(evidence.signIns()).singleElement().extracting(CredentialSignIn::lastSignIn).isNotNull();
        }

        @Test
        void an_empty_sign_in_file_is_evidence_that_nothing_signed_in(@TempDir Path folder) throws IOException {
            ExportFolder.write(PAYROLL, folder);
            Files.writeString(folder.resolve(ExportReader.SIGN_INS), """
                    {"@odata.context": "https://graph.microsoft.com/beta/$metadata#reports/appCredentialSignInActivities", "value": []}
                    """);

            assertThat(ExportReader.read(folder).signInEvidence()).isEqualTo(SignInEvidence.of(List.of()));
        }

        @Test
        void without_a_policy_file_there_is_no_policy(@TempDir Path folder) {
            ExportFolder.write(PAYROLL, folder);

            assertThat(folder.resolve(ExportReader.POLICY)).doesNotExist();
            assertThat(ExportReader.read(folder).appManagementPolicy()).isNull();
        }

        @Test
        void a_policy_file_is_read(@TempDir Path folder) {
            ExportFolder.write(FakeTenant.create().newSecretsBlocked(true).application("Payroll Export").build(), folder);

            AppManagementRestrictions noNewPasswords = new AppManagementRestrictions(List.of(
                    new PasswordCredentialRestriction("passwordAddition", "enabled", null, null)));
            assertThat(ExportReader.read(folder).appManagementPolicy())
                    .isEqualTo(new AppManagementPolicy(true, noNewPasswords, noNewPasswords));
        }

        @Test
        void files_the_reader_does_not_know_are_left_alone(@TempDir Path folder) throws IOException {
            ExportFolder.write(PAYROLL, folder);
            Files.writeString(folder.resolve("exceptions.json"), "not even JSON");
            Files.writeString(folder.resolve("README.txt"), "exported with Get-MgApplication -All");

            assertSameTenant(ExportReader.read(folder), PAYROLL);
        }
    }

    @Nested
    final class PowerShellExports {

        @Test
        void an_export_written_by_windows_powershell_reads(@TempDir Path folder) throws IOException {
            Files.write(folder.resolve(ExportReader.APPLICATIONS), utf16LeWithBom("""
                    {
                        "value":  [
                                      {
                                          "AppId":  "b645bb45-424a-371f-bca6-38156621dd66",
                                          "CreatedDateTime":  "\\/Date(1748736000000)\\/",
                                          "DisplayName":  "Lohnabrechnung Zürich",
                                          "Id":  "42456e3b-99f5-3ecf-95e8-16e22674e7f9",
                                          "KeyCredentials":  [

                                                             ],
                                          "PasswordCredentials":  [
                                                                      {
                                                                          "CustomKeyIdentifier":  null,
                                                                          "DisplayName":  "payroll-2y",
                                                                          "EndDateTime":  "\\/Date(1834704000000)\\/",
                                                                          "Hint":  "Q8~",
                                                                          "KeyId":  "2fb09899-42aa-35b3-97c5-c1c1fc2910cf",
                                                                          "SecretText":  null,
                                                                          "StartDateTime":  "\\/Date(1771632000000)\\/"
                                                                      }
                                                                  ]
                                      }
                                  ],
                        "Count":  1
                    }
                    """));
            Files.write(folder.resolve(ExportReader.SERVICE_PRINCIPALS), utf16LeWithBom("""
                    [
                        {
                            "AppId":  "b645bb45-424a-371f-bca6-38156621dd66",
                            "DisplayName":  "Lohnabrechnung Zürich",
                            "Id":  "7a3c1e52-0f4b-4d8e-b6a1-93c2d5e4f601",
                            "ServicePrincipalType":  "Application"
                        }
                    ]
                    """));

            TenantSnapshot read = ExportReader.read(folder);

            assertThat(read.complete()).isTrue();
            assertThat(read.applications()).singleElement().satisfies(app -> {
                assertThat(app.displayName()).isEqualTo("Lohnabrechnung Zürich");
                assertThat(app.createdDateTime()).isEqualTo(Instant.parse("2025-06-01T00:00:00Z"));
                assertThat(app.passwordCredentials()).singleElement().satisfies(secret -> {
                    assertThat(secret.startDateTime()).isEqualTo(Instant.parse("2026-02-21T00:00:00Z"));
                    assertThat(secret.endDateTime()).isEqualTo(Instant.parse("2028-02-21T00:00:00Z"));
                });
            });
            assertThat(read.servicePrincipals()).singleElement()
                    .satisfies(sp -> assertThat(sp.appId()).isEqualTo(read.applications().get(0).appId()));
        }
    }

    @Nested
    final class PagedFiles {

        private static final String NEXT_LINK = "https://graph.microsoft.com/v1.0/applications?$skiptoken=RFNwdAIAAQAAAB";

        @Test
        void an_applications_file_holding_one_page_makes_the_snapshot_incomplete(@TempDir Path folder)
                throws IOException {
            ExportFolder.write(PAYROLL, folder);
            addNextLink(folder.resolve(ExportReader.APPLICATIONS));

            TenantSnapshot read = ExportReader.read(folder);

            assertThat(read.complete()).isFalse();
            assertThat(read.problems()).singleElement().satisfies(problem -> {
                assertThat(problem.impact()).isEqualTo(ScanProblem.Impact.INCOMPLETE);
                assertThat(problem.source()).isEqualTo(ExportReader.APPLICATIONS);
                assertThat(problem.message()).contains("@odata.nextLink").contains("Get-MgApplication -All");
            });
            assertThat(read.applications()).isEqualTo(PAYROLL.applications());
        }

        @Test
        void a_service_principals_file_holding_one_page_makes_the_snapshot_incomplete(@TempDir Path folder)
                throws IOException {
            ExportFolder.write(PAYROLL, folder);
            addNextLink(folder.resolve(ExportReader.SERVICE_PRINCIPALS));

            TenantSnapshot read = ExportReader.read(folder);

            assertThat(read.complete()).isFalse();
            assertThat(read.problems()).extracting(ScanProblem::impact, ScanProblem::source)
                    .containsExactly(tuple(ScanProblem.Impact.INCOMPLETE,
                            ExportReader.SERVICE_PRINCIPALS));
        }

        @Test
        void a_sign_in_file_holding_one_page_is_not_used_and_the_scan_is_incomplete(
                @TempDir Path folder) throws IOException {
            ExportFolder.write(FakeTenant.create().application("Payroll Export", app -> app.secret(s -> s.neverSignedIn()))
                    .build(), folder);
            addNextLink(folder.resolve(ExportReader.SIGN_INS));

            TenantSnapshot read = ExportReader.read(folder);

            assertThat(read.complete()).as("the report would lack the findings a whole file gives").isFalse();
            assertThat(read.signInEvidence()).as("one page would call secrets used on later pages unused").isNull();
            assertThat(read.problems()).extracting(ScanProblem::impact, ScanProblem::source)
                    .containsExactly(tuple(ScanProblem.Impact.INCOMPLETE,
                            ExportReader.SIGN_INS));
        }

        /** Turns a whole export file into Graph's first page: the link goes where Graph writes it. */
        private static void addNextLink(Path file) throws IOException {
            String json = Files.readString(file);
            String withLink = json.replaceFirst("\\{", "{\n  \"@odata.nextLink\": \"" + NEXT_LINK.replace("$", "\\$") + "\",");
            assertThat(withLink).as("a Graph collection in %s", file).contains("\"@odata.nextLink\"");
            Files.writeString(file, withLink);
        }
    }

    @Nested
    final class Refusals {

        @Test
        void a_folder_without_applications_json_is_refused_naming_the_file(@TempDir Path folder) throws IOException {
            ExportFolder.write(PAYROLL, folder);
            Files.delete(folder.resolve(ExportReader.APPLICATIONS));

            BadInputException e = refusal(folder);

            assertThat(e.source()).isEqualTo(folder.resolve(ExportReader.APPLICATIONS).toString());
            assertThat(e.getMessage()).startsWith(folder.resolve(ExportReader.APPLICATIONS) + ": missing")
                    .contains(ExportReader.APPLICATIONS, ExportReader.SERVICE_PRINCIPALS);
        }

        @Test
        void a_folder_without_service_principals_json_is_refused_naming_the_file(@TempDir Path folder)
                throws IOException {
            ExportFolder.write(PAYROLL, folder);
            Files.delete(folder.resolve(ExportReader.SERVICE_PRINCIPALS));

            BadInputException e = refusal(folder);

            assertThat(e.source()).isEqualTo(folder.resolve(ExportReader.SERVICE_PRINCIPALS).toString());
            assertThat(e.problem()).startsWith("missing");
        }

        @Test
        void a_folder_that_does_not_exist_is_refused(@TempDir Path parent) {
            Path missing = parent.resolve("export-2026-06-01");

            BadInputException e = refusal(missing);

            assertThat(e.source()).isEqualTo(missing.toString());
            assertThat(e.getMessage()).isEqualTo(missing + ": expected an export folder holding applications.json "
                    + "and servicePrincipals.json; it is not a readable folder");
        }

        @Test
        void a_file_given_as_the_folder_is_refused(@TempDir Path parent) throws IOException {
            Path file = Files.writeString(parent.resolve(ExportReader.APPLICATIONS), "[]");

            assertThat(refusal(file).problem()).contains("not a readable folder");
        }

        @Test
        void two_applications_with_one_app_id_are_refused(@TempDir Path folder) throws IOException {
            Files.writeString(folder.resolve(ExportReader.APPLICATIONS), """
                    {
                      "value": [
                        {"id": "42456e3b-99f5-3ecf-95e8-16e22674e7f9", "appId": "b645bb45-424a-371f-bca6-38156621dd66", "displayName": "Payroll Export"},
                        {"id": "510799ac-c64b-37b2-96d7-911d75e4ab01", "appId": "b645bb45-424a-371f-bca6-38156621dd66", "displayName": "Payroll Export (copy)"}
                      ]
                    }
                    """);
            Files.writeString(folder.resolve(ExportReader.SERVICE_PRINCIPALS), "{\"value\": []}");

            BadInputException e = refusal(folder);

            assertThat(e.source()).isEqualTo(folder.resolve(ExportReader.APPLICATIONS).toString());
            assertThat(e.problem()).isEqualTo("two applications have appId b645bb45-424a-371f-bca6-38156621dd66 (the 1st "
                    + "and the 2nd in the file): a tenant holds at most one of each per appId");
        }

        @Test
        void two_service_principals_with_one_app_id_are_refused(@TempDir Path folder) throws IOException {
            Files.writeString(folder.resolve(ExportReader.APPLICATIONS), "[]");
            Files.writeString(folder.resolve(ExportReader.SERVICE_PRINCIPALS), """
                    [
                      {"id": "7a3c1e52-0f4b-4d8e-b6a1-93c2d5e4f601", "appId": "b645bb45-424a-371f-bca6-38156621dd66"},
                      {"id": "9c1e7b3a-2d4f-4a6b-8c0d-1e2f3a4b5c6d", "appId": "b645bb45-424a-371f-bca6-38156621dd66"}
                    ]
                    """);

            BadInputException e = refusal(folder);

            assertThat(e.source()).isEqualTo(folder.resolve(ExportReader.SERVICE_PRINCIPALS).toString());
            assertThat(e.problem()).startsWith("two service principals have appId");
        }

        @ParameterizedTest(name = "{argumentSetName}")
        @MethodSource("brokenFiles")
        void a_broken_file_is_refused_naming_the_file_line_and_column(String file, String json, int line, int column,
                String expected, @TempDir Path folder) throws IOException {
            ExportFolder.write(FakeTenant.create().newSecretsBlocked(false)
                    .application("Payroll Export", app -> app.secret(s -> s.lastSignInDaysAgo(2))).build(), folder);
            Files.writeString(folder.resolve(file), json);

            BadInputException e = refusal(folder);

            assertThat(e.source()).isEqualTo(folder.resolve(file).toString());
            assertThat(e.getMessage()).startsWith(folder.resolve(file) + ":" + line + ":" + column + ": ");
            assertThat(e.problem()).contains(expected);
        }

        static Stream<Arguments> brokenFiles() {
            return Stream.of(
                    argumentSet("applications cut short", ExportReader.APPLICATIONS, """
                            {
                              "value": [
                                {"id": "42456e3b-99f5-3ecf-95e8-16e22674e7f9",
                            """, 4, 1, "not valid JSON: Unexpected end-of-input"),
                    argumentSet("a service principal with a bad GUID", ExportReader.SERVICE_PRINCIPALS, """
                            {
                              "value": [
                                {"id": "7a3c1e52", "appId": "b645bb45-424a-371f-bca6-38156621dd66"}
                              ]
                            }
                            """, 3, 12, "expected the service principal's id (a GUID"),
                    argumentSet("a policy that is an array", ExportReader.POLICY, "[]", 1, 1,
                            "expected the default app management policy (a JSON object), found an array"),
                    argumentSet("a sign-in row with a bad date", ExportReader.SIGN_INS, """
                            {
                              "value": [
                                {"keyId": "2fb09899-42aa-35b3-97c5-c1c1fc2910cf", "lastSignInDateTime": "yesterday"}
                              ]
                            }
                            """, 3, 77, "expected lastSignInDateTime (an ISO-8601 date-time"));
        }
    }

    /** Every part of the tenant an export holds; the tenant id is not one of them. */
    private static void assertSameTenant(TenantSnapshot read, TenantSnapshot written) {
        assertThat(read.applications()).isEqualTo(written.applications());
        assertThat(read.servicePrincipals()).isEqualTo(written.servicePrincipals());
        assertThat(read.appManagementPolicy()).isEqualTo(written.appManagementPolicy());
        assertThat(read.signInEvidence()).isEqualTo(written.signInEvidence());
        if (written.signInEvidence() != null) {
            assertThat(read.signInEvidence().signIns()).isEqualTo(written.signInEvidence().signIns());
        }
        assertThat(read.problems()).isEmpty();
        assertThat(read.complete()).isTrue();
        assertThat(read).isEqualTo(written.withTenantId(null));
    }

    private static BadInputException refusal(Path folder) {
        Throwable thrown = catchThrowable(() -> ExportReader.read(folder));
        assertThat(thrown).isInstanceOf(BadInputException.class);
        BadInputException e = (BadInputException) thrown;
        assertThat(e.getMessage()).doesNotContain("\n", "\tat ", "Exception");
        return e;
    }

    private static void copyResourceFolder(String resourceFolder, Path folder) throws IOException {
        int copied = 0;
        for (String name : List.of(ExportReader.APPLICATIONS, ExportReader.SERVICE_PRINCIPALS, ExportReader.POLICY,
                ExportReader.SIGN_INS, ExportFolder.EXCEPTIONS)) {
            try (InputStream in = ExportReaderTest.class.getClassLoader()
                    .getResourceAsStream(resourceFolder + "/" + name)) {
                if (in != null) {
                    Files.copy(in, folder.resolve(name));
                    copied++;
                }
            }
        }
        assertThat(copied).as("files of %s on the class path", resourceFolder).isGreaterThanOrEqualTo(2);
    }

    private static byte[] utf16LeWithBom(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xFE});
        out.writeBytes(text.getBytes(StandardCharsets.UTF_16LE));
        return out.toByteArray();
    }
}
