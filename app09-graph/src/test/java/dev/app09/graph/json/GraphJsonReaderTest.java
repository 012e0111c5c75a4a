package dev.app09.graph.json;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

import dev.app09.core.model.AppManagementPolicy;
import dev.app09.core.model.AppManagementRestrictions;
import dev.app09.core.model.Application;
import dev.app09.core.model.CredentialSignIn;
import dev.app09.core.model.FederatedIdentityCredential;
import dev.app09.core.model.KeyCredential;
import dev.app09.core.model.KeyIdentifier;
import dev.app09.core.model.PasswordCredential;
import dev.app09.core.model.PasswordCredentialRestriction;
import dev.app09.core.model.ServicePrincipal;
import dev.app09.graph.BadInputException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The one Graph JSON reader: Graph's pages, bare arrays and what Microsoft Graph PowerShell writes
 * all map to the same core records, and every refusal names the file, line and column and says what
 * was expected.
 */
final class GraphJsonReaderTest {

    private static final String SOURCE = "applications.json";

    private static final UUID PAYROLL_ID = UUID.fromString("42456e3b-99f5-3ecf-95e8-16e22674e7f9");
    private static final UUID PAYROLL_APP_ID = UUID.fromString("b645bb45-424a-371f-bca6-38156621dd66");
    private static final UUID PAYROLL_SECRET_ID = UUID.fromString("2fb09899-42aa-35b3-97c5-c1c1fc2910cf");
    private static final UUID BILLING_ID = UUID.fromString("510799ac-c64b-37b2-96d7-911d75e4ab01");
    private static final UUID BILLING_APP_ID = UUID.fromString("45e8fc40-419c-3689-b8d6-17d2d6073ac0");
    private static final UUID CERTIFICATE_ID = UUID.fromString("92409133-2029-3d3f-aaa9-5821e6617105");

    /** A SHA-1 thumbprint: 5EC80C33AF03E4770942B41FFA8C4D02A358C90E. */
    private static final KeyIdentifier THUMBPRINT = KeyIdentifier.ofBase64("XsgMM68D5HcJQrQf+oxNAqNYyQ4=");

    private static final String NEXT_LINK = "https://graph.microsoft.com/v1.0/applications"
            + "?$select=id,appId,displayName&$top=2&$skiptoken=RFNwdAIAAQAAACM6YXBwQGNvbnRvc28%3d";

    /** One application as GET /v1.0/applications returns it: a secret, no certificate. */
    private static final String PAYROLL_JSON = """
            {
              "id": "42456e3b-99f5-3ecf-95e8-16e22674e7f9",
              "appId": "b645bb45-424a-371f-bca6-38156621dd66",
              "displayName": "Payroll Export",
              "createdDateTime": "2025-06-01T00:00:00Z",
              "signInAudience": "AzureADMyOrg",
              "passwordCredentials": [
                {
                  "customKeyIdentifier": null,
                  "displayName": "payroll-2y",
                  "endDateTime": "2028-02-21T00:00:00Z",
                  "hint": "Q8~",
                  "keyId": "2fb09899-42aa-35b3-97c5-c1c1fc2910cf",
                  "secretText": null,
                  "startDateTime": "2026-02-21T00:00:00Z"
                }
              ],
              "keyCredentials": [],
              "federatedIdentityCredentials": []
            }""";

    /** Another, with a certificate and a federated credential ($expand=federatedIdentityCredentials). */
    private static final String BILLING_JSON = """
            {
              "id": "510799ac-c64b-37b2-96d7-911d75e4ab01",
              "appId": "45e8fc40-419c-3689-b8d6-17d2d6073ac0",
              "displayName": "Billing API",
              "createdDateTime": "2024-11-18T09:41:27.3345678Z",
              "signInAudience": "AzureADMultipleOrgs",
              "passwordCredentials": [],
              "keyCredentials": [
                {
                  "customKeyIdentifier": "XsgMM68D5HcJQrQf+oxNAqNYyQ4=",
                  "displayName": "CN=billing-api",
                  "endDateTime": "2027-05-01T10:00:00Z",
                  "key": null,
                  "keyId": "92409133-2029-3d3f-aaa9-5821e6617105",
                  "startDateTime": "2026-05-01T10:00:00Z",
                  "type": "AsymmetricX509Cert",
                  "usage": "Verify"
                }
              ],
              "federatedIdentityCredentials": [
                {
                  "id": "f1e2d3c4-b5a6-4978-8695-a4b3c2d1e0f9",
                  "name": "github-main",
                  "issuer": "https://token.actions.githubusercontent.com",
                  "subject": "repo:contoso/billing-api:ref:refs/heads/main",
                  "description": null,
                  "audiences": ["api://AzureADTokenExchange"]
                }
              ]
            }""";

    private static final Application PAYROLL = new Application(PAYROLL_ID, PAYROLL_APP_ID, "Payroll Export",
            Instant.parse("2025-06-01T00:00:00Z"), "AzureADMyOrg",
            List.of(new PasswordCredential(PAYROLL_SECRET_ID, "payroll-2y", "Q8~", null,
                    Instant.parse("2026-02-21T00:00:00Z"), Instant.parse("2028-02-21T00:00:00Z"))),
            List.of(), List.of());

    private static final Application BILLING = new Application(BILLING_ID, BILLING_APP_ID, "Billing API",
            Instant.parse("2024-11-18T09:41:27.3345678Z"), "AzureADMultipleOrgs", List.of(),
            List.of(new KeyCredential(CERTIFICATE_ID, "CN=billing-api", THUMBPRINT, "AsymmetricX509Cert", "Verify",
                    Instant.parse("2026-05-01T10:00:00Z"), Instant.parse("2027-05-01T10:00:00Z"))),
            List.of(new FederatedIdentityCredential("f1e2d3c4-b5a6-4978-8695-a4b3c2d1e0f9", "github-main",
                    "https://token.actions.githubusercontent.com", "repo:contoso/billing-api:ref:refs/heads/main",
                    List.of("api://AzureADTokenExchange"))));

    /**
     * {@code Get-MgApplication -All | ConvertTo-Json -Depth 10} in PowerShell 7: PascalCase, the
     * model's every property, AdditionalProperties everywhere, binaries as byte values, local dates
     * with their offset, and a display name outside ASCII.
     */
    private static final String POWERSHELL_APPLICATIONS = """
            [
              {
                "AddIns": [],
                "Api": {
                  "AcceptMappedClaims": null,
                  "KnownClientApplications": [],
                  "Oauth2PermissionScopes": [],
                  "PreAuthorizedApplications": [],
                  "RequestedAccessTokenVersion": 2,
                  "AdditionalProperties": {}
                },
                "AppId": "b645bb45-424a-371f-bca6-38156621dd66",
                "AppRoles": [],
                "ApplicationTemplateId": null,
                "CreatedDateTime": "2025-06-01T02:00:00+02:00",
                "DeletedDateTime": null,
                "Description": null,
                "DisplayName": "Lohnabrechnung Zürich",
                "FederatedIdentityCredentials": [
                  {
                    "Audiences": [
                      "api://AzureADTokenExchange"
                    ],
                    "Description": "Deploys from main",
                    "Id": "f1e2d3c4-b5a6-4978-8695-a4b3c2d1e0f9",
                    "Issuer": "https://token.actions.githubusercontent.com",
                    "Name": "github-main",
                    "Subject": "repo:contoso/payroll:ref:refs/heads/main",
                    "AdditionalProperties": {}
                  }
                ],
                "Id": "42456e3b-99f5-3ecf-95e8-16e22674e7f9",
                "IdentifierUris": [],
                "KeyCredentials": [
                  {
                    "CustomKeyIdentifier": [94, 200, 12, 51, 175, 3, 228, 119, 9, 66, 180, 31, 250, 140, 77, 2, 163, 88, 201, 14],
                    "DisplayName": "CN=payroll-export",
                    "EndDateTime": "2027-05-01T12:00:00+02:00",
                    "Key": null,
                    "KeyId": "92409133-2029-3d3f-aaa9-5821e6617105",
                    "StartDateTime": "2026-05-01T12:00:00+02:00",
                    "Type": "AsymmetricX509Cert",
                    "Usage": "Verify",
                    "AdditionalProperties": {}
                  }
                ],
                "PasswordCredentials": [
                  {
                    "CustomKeyIdentifier": null,
                    "DisplayName": "payroll-2y",
                    "EndDateTime": "2028-02-21T00:00:00+01:00",
                    "Hint": "Q8~",
                    "KeyId": "2fb09899-42aa-35b3-97c5-c1c1fc2910cf",
                    "SecretText": null,
                    "StartDateTime": "2026-02-21T00:00:00+01:00",
                    "AdditionalProperties": {}
                  }
                ],
                "PublisherDomain": "contoso.onmicrosoft.com",
                "SignInAudience": "AzureADMyOrg",
                "Tags": [],
                "Web": {
                  "HomePageUrl": null,
                  "ImplicitGrantSettings": {
                    "EnableAccessTokenIssuance": false,
                    "EnableIdTokenIssuance": false,
                    "AdditionalProperties": {}
                  },
                  "RedirectUris": [],
                  "AdditionalProperties": {}
                },
                "AdditionalProperties": {}
              }
            ]
            """;

    private static final Application POWERSHELL_APPLICATION = new Application(PAYROLL_ID, PAYROLL_APP_ID,
            "Lohnabrechnung Zürich", Instant.parse("2025-06-01T00:00:00Z"), "AzureADMyOrg",
            List.of(new PasswordCredential(PAYROLL_SECRET_ID, "payroll-2y", "Q8~", null,
                    Instant.parse("2026-02-20T23:00:00Z"), Instant.parse("2028-02-20T23:00:00Z"))),
            List.of(new KeyCredential(CERTIFICATE_ID, "CN=payroll-export", THUMBPRINT, "AsymmetricX509Cert", "Verify",
                    Instant.parse("2026-05-01T10:00:00Z"), Instant.parse("2027-05-01T10:00:00Z"))),
            List.of(new FederatedIdentityCredential("f1e2d3c4-b5a6-4978-8695-a4b3c2d1e0f9", "github-main",
                    "https://token.actions.githubusercontent.com", "repo:contoso/payroll:ref:refs/heads/main",
                    List.of("api://AzureADTokenExchange"))));

    /**
     * {@code ConvertTo-Json -InputObject (Get-MgServicePrincipal -All) -Depth 10} in Windows
     * PowerShell 5.1: the {"value", "Count"} wrapper, its two-space layout, dates as
     * {@code "\/Date(ms)\/"}, and a SAML application's signing key, verify key and password sharing
     * one customKeyIdentifier.
     */
    private static final String WINDOWS_POWERSHELL_SERVICE_PRINCIPALS = """
            {
                "value":  [
                              {
                                  "AccountEnabled":  true,
                                  "AlternativeNames":  [

                                                       ],
                                  "AppDisplayName":  "Intranet SSO",
                                  "AppId":  "5b7c3e1a-8d2f-4e6b-9a1c-0f3e5d7b9a2c",
                                  "AppOwnerOrganizationId":  "c6f1a8e2-3b4d-4f5a-9e7c-1d2b3a4c5e6f",
                                  "AppRoleAssignmentRequired":  false,
                                  "DisplayName":  "Intranet SSO",
                                  "Id":  "7a3c1e52-0f4b-4d8e-b6a1-93c2d5e4f601",
                                  "KeyCredentials":  [
                                                         {
                                                             "CustomKeyIdentifier":  [94, 200, 12, 51, 175, 3, 228, 119, 9, 66, 180, 31, 250, 140, 77, 2, 163, 88, 201, 14],
                                                             "DisplayName":  "CN=Microsoft Azure Federated SSO Certificate",
                                                             "EndDateTime":  "\\/Date(1809165600000)\\/",
                                                             "Key":  null,
                                                             "KeyId":  "0d6f2f3e-6a1b-4c8d-9e2f-3a4b5c6d7e8f",
                                                             "StartDateTime":  "\\/Date(1714557600000)\\/",
                                                             "Type":  "AsymmetricX509Cert",
                                                             "Usage":  "Sign",
                                                             "AdditionalProperties":  {

                                                                                      }
                                                         },
                                                         {
                                                             "CustomKeyIdentifier":  [94, 200, 12, 51, 175, 3, 228, 119, 9, 66, 180, 31, 250, 140, 77, 2, 163, 88, 201, 14],
                                                             "DisplayName":  "CN=Microsoft Azure Federated SSO Certificate",
                                                             "EndDateTime":  "\\/Date(1809165600000)\\/",
                                                             "Key":  [48, 130, 3, 8, 48, 130, 1, 240],
                                                             "KeyId":  "1e7a3b4c-5d6e-4f80-91a2-b3c4d5e6f708",
                                                             "StartDateTime":  "\\/Date(1714557600000)\\/",
                                                             "Type":  "AsymmetricX509Cert",
                                                             "Usage":  "Verify",
                                                             "AdditionalProperties":  {

                                                                                      }
                                                         }
                                                     ],
                                  "PasswordCredentials":  [
                                                              {
                                                                  "CustomKeyIdentifier":  [94, 200, 12, 51, 175, 3, 228, 119, 9, 66, 180, 31, 250, 140, 77, 2, 163, 88, 201, 14],
                                                                  "DisplayName":  "CN=Microsoft Azure Federated SSO Certificate",
                                                                  "EndDateTime":  "\\/Date(1809165600000)\\/",
                                                                  "Hint":  null,
                                                                  "KeyId":  "0d6f2f3e-6a1b-4c8d-9e2f-3a4b5c6d7e8f",
                                                                  "SecretText":  null,
                                                                  "StartDateTime":  "\\/Date(1714557600000)\\/",
                                                                  "AdditionalProperties":  {

                                                                                           }
                                                              }
                                                          ],
                                  "PreferredSingleSignOnMode":  "saml",
                                  "PreferredTokenSigningKeyThumbprint":  "5EC80C33AF03E4770942B41FFA8C4D02A358C90E",
                                  "SamlSingleSignOnSettings":  {
                                                                   "RelayState":  null,
                                                                   "AdditionalProperties":  {

                                                                                            }
                                                               },
                                  "ServicePrincipalNames":  [
                                                                "5b7c3e1a-8d2f-4e6b-9a1c-0f3e5d7b9a2c",
                                                                "https://intranet.contoso.com/saml"
                                                            ],
                                  "ServicePrincipalType":  "Application",
                                  "SignInAudience":  "AzureADMyOrg",
                                  "Tags":  [
                                               "WindowsAzureActiveDirectoryIntegratedApp"
                                           ],
                                  "AdditionalProperties":  {
                                                               "@odata.context":  "https://graph.microsoft.com/v1.0/$metadata#servicePrincipals/$entity"
                                                           }
                              }
                          ],
                "Count":  1
            }
            """;

    private static final ServicePrincipal WINDOWS_POWERSHELL_SERVICE_PRINCIPAL;

    static {
        UUID signKeyId = UUID.fromString("0d6f2f3e-6a1b-4c8d-9e2f-3a4b5c6d7e8f");
        String certificateName = "CN=Microsoft Azure Federated SSO Certificate";
        Instant start = Instant.parse("2024-05-01T10:00:00Z");
        Instant end = Instant.parse("2027-05-01T10:00:00Z");
        WINDOWS_POWERSHELL_SERVICE_PRINCIPAL = new ServicePrincipal(
                UUID.fromString("7a3c1e52-0f4b-4d8e-b6a1-93c2d5e4f601"),
                UUID.fromString("5b7c3e1a-8d2f-4e6b-9a1c-0f3e5d7b9a2c"), "Intranet SSO", "Application",
                UUID.fromString("c6f1a8e2-3b4d-4f5a-9e7c-1d2b3a4c5e6f"), "saml",
                "5EC80C33AF03E4770942B41FFA8C4D02A358C90E",
                List.of(new PasswordCredential(signKeyId, certificateName, null, THUMBPRINT, start, end)),
                List.of(new KeyCredential(signKeyId, certificateName, THUMBPRINT, "AsymmetricX509Cert", "Sign", start, end),
                        new KeyCredential(UUID.fromString("1e7a3b4c-5d6e-4f80-91a2-b3c4d5e6f708"), certificateName,
                                THUMBPRINT, "AsymmetricX509Cert", "Verify", start, end)));
    }

    @Nested
    final class Shapes {

        private final String graphPage = """
                {
                  "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#applications(id,appId,displayName,createdDateTime,signInAudience,passwordCredentials,keyCredentials)",
                  "@odata.nextLink": "%s",
                  "value": [%s, %s]
                }
                """.formatted(NEXT_LINK, PAYROLL_JSON, BILLING_JSON);

        @Test
        void a_graph_page_maps_every_element_field_by_field() {
            List<Application> applications = read(GraphJsonReader.APPLICATIONS, graphPage);

            assertThat(applications).containsExactly(PAYROLL, BILLING);
        }

        @Test
        void a_graph_page_returns_its_next_link_verbatim() {
            String nextLink = GraphJsonReader.APPLICATIONS.read(stream(graphPage), SOURCE, app -> { });

            assertThat(nextLink).isEqualTo(NEXT_LINK);
        }

        @Test
        void a_next_link_written_after_value_is_returned_too() {
            String json = """
                    {
                      "value": [%s],
                      "@odata.nextLink": "%s"
                    }
                    """.formatted(PAYROLL_JSON, NEXT_LINK);
            List<Application> applications = new ArrayList<>();

            String nextLink = GraphJsonReader.APPLICATIONS.read(stream(json), SOURCE, applications::add);

            assertThat(applications).containsExactly(PAYROLL);
            assertThat(nextLink).isEqualTo(NEXT_LINK);
        }

        @ParameterizedTest(name = "{argumentSetName}")
        @MethodSource("lastPages")
        void the_last_page_returns_no_next_link(String json) {
            String nextLink = GraphJsonReader.APPLICATIONS.read(stream(json), SOURCE, app -> { });

            assertThat(nextLink).isNull();
        }

        static Stream<Arguments> lastPages() {
            return Stream.of(
                    argumentSet("no @odata.nextLink", """
                            {"@odata.context": "https://graph.microsoft.com/v1.0/$metadata#applications", "value": [%s]}
                            """.formatted(PAYROLL_JSON)),
                    argumentSet("a null @odata.nextLink", """
                            {"@odata.nextLink": null, "value": [%s]}
                            """.formatted(PAYROLL_JSON)),
                    argumentSet("a bare array", "[" + PAYROLL_JSON + "]"));
        }

        @Test
        void a_bare_array_reads_like_a_graph_page() {
            assertThat(read(GraphJsonReader.APPLICATIONS, "[" + PAYROLL_JSON + ", " + BILLING_JSON + "]"))
                    .containsExactly(PAYROLL, BILLING);
        }

        @Test
        void windows_powershell_value_and_count_wrapper_reads_like_a_graph_page() {
            String json = """
                    {
                        "value":  [%s, %s],
                        "Count":  2
                    }
                    """.formatted(PAYROLL_JSON, BILLING_JSON);

            assertThat(read(GraphJsonReader.APPLICATIONS, json)).containsExactly(PAYROLL, BILLING);
        }

        @ParameterizedTest(name = "{argumentSetName}")
        @MethodSource("emptyCollections")
        void an_empty_collection_reads_no_element(String json) {
            assertThat(read(GraphJsonReader.APPLICATIONS, json)).isEmpty();
        }

        static Stream<Arguments> emptyCollections() {
            return Stream.of(
                    argumentSet("an empty Graph page", """
                            {"@odata.context": "https://graph.microsoft.com/v1.0/$metadata#applications", "value": []}"""),
                    argumentSet("an empty bare array", "[]"),
                    argumentSet("PowerShell's empty wrapper", "{\"value\": [], \"Count\": 0}"));
        }

        @Test
        void service_principals_read_from_a_graph_page() {
            String json = """
                    {
                      "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#servicePrincipals(id,appId,displayName,servicePrincipalType,appOwnerOrganizationId,preferredSingleSignOnMode,preferredTokenSigningKeyThumbprint,passwordCredentials,keyCredentials)",
                      "value": [
                        {
                          "id": "9c1e7b3a-2d4f-4a6b-8c0d-1e2f3a4b5c6d",
                          "appId": "45e8fc40-419c-3689-b8d6-17d2d6073ac0",
                          "displayName": "Billing API",
                          "servicePrincipalType": "Application",
                          "appOwnerOrganizationId": "c6f1a8e2-3b4d-4f5a-9e7c-1d2b3a4c5e6f",
                          "preferredSingleSignOnMode": null,
                          "preferredTokenSigningKeyThumbprint": null,
                          "passwordCredentials": [
                            {
                              "customKeyIdentifier": null,
                              "displayName": "added by script",
                              "endDateTime": "2026-12-01T00:00:00Z",
                              "hint": "aB1",
                              "keyId": "6d2c9e41-7a3b-4f58-8e1d-0c9b8a7f6e5d",
                              "secretText": null,
                              "startDateTime": "2026-06-01T00:00:00Z"
                            }
                          ],
                          "keyCredentials": []
                        }
                      ]
                    }
                    """;

            assertThat(read(GraphJsonReader.SERVICE_PRINCIPALS, json)).containsExactly(new ServicePrincipal(
                    UUID.fromString("9c1e7b3a-2d4f-4a6b-8c0d-1e2f3a4b5c6d"), BILLING_APP_ID, "Billing API",
                    "Application", UUID.fromString("c6f1a8e2-3b4d-4f5a-9e7c-1d2b3a4c5e6f"), null, null,
                    List.of(new PasswordCredential(UUID.fromString("6d2c9e41-7a3b-4f58-8e1d-0c9b8a7f6e5d"),
                            "added by script", "aB1", null, Instant.parse("2026-06-01T00:00:00Z"),
                            Instant.parse("2026-12-01T00:00:00Z"))),
                    List.of()));
        }

        @Test
        void federated_identity_credentials_of_one_application_read_from_a_graph_page() {
            String json = """
                    {
                      "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#applications('510799ac-c64b-37b2-96d7-911d75e4ab01')/federatedIdentityCredentials",
                      "value": [
                        {
                          "id": "f1e2d3c4-b5a6-4978-8695-a4b3c2d1e0f9",
                          "name": "github-main",
                          "issuer": "https://token.actions.githubusercontent.com",
                          "subject": "repo:contoso/billing-api:ref:refs/heads/main",
                          "description": null,
                          "audiences": ["api://AzureADTokenExchange"]
                        },
                        {
                          "name": "aks-workload",
                          "issuer": "https://westeurope.oic.prod-aks.azure.com/c6f1a8e2-3b4d-4f5a-9e7c-1d2b3a4c5e6f/1a2b3c4d/",
                          "subject": "system:serviceaccount:billing:api",
                          "audiences": null
                        }
                      ]
                    }
                    """;

            assertThat(read(GraphJsonReader.FEDERATED_IDENTITY_CREDENTIALS, json)).containsExactly(
                    BILLING.federatedIdentityCredentials().get(0),
                    new FederatedIdentityCredential(null, "aks-workload",
                            "https://westeurope.oic.prod-aks.azure.com/c6f1a8e2-3b4d-4f5a-9e7c-1d2b3a4c5e6f/1a2b3c4d/",
                            "system:serviceaccount:billing:api", List.of()));
        }

        @Test
        void object_ids_read_from_the_federated_credential_filter_answer() {
            String json = """
                    {
                      "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#applications(id)",
                      "@odata.count": 2,
                      "value": [
                        {"id": "510799ac-c64b-37b2-96d7-911d75e4ab01"},
                        {"id": "42456e3b-99f5-3ecf-95e8-16e22674e7f9", "displayName": "Payroll Export"}
                      ]
                    }
                    """;

            assertThat(read(GraphJsonReader.OBJECT_IDS, json)).containsExactly(BILLING_ID, PAYROLL_ID);
        }
    }

    @Nested
    final class PowerShell {

        @Test
        void get_mg_application_output_of_powershell_7_maps_field_by_field() {
            List<Application> applications = read(GraphJsonReader.APPLICATIONS, POWERSHELL_APPLICATIONS);

            assertThat(applications).hasSize(1);
            Application app = applications.get(0);
            assertThat(app.id()).isEqualTo(PAYROLL_ID);
            assertThat(app.appId()).isEqualTo(PAYROLL_APP_ID);
            assertThat(app.displayName()).isEqualTo("Lohnabrechnung Zürich");
            assertThat(app.createdDateTime()).isEqualTo(Instant.parse("2025-06-01T00:00:00Z"));
            assertThat(app.signInAudience()).isEqualTo("AzureADMyOrg");
            assertThat(app.passwordCredentials()).isEqualTo(POWERSHELL_APPLICATION.passwordCredentials());
            assertThat(app.passwordCredentials().get(0).hint()).isEqualTo("Q8~");
            assertThat(app.passwordCredentials().get(0).customKeyIdentifier()).isNull();
            assertThat(app.keyCredentials()).isEqualTo(POWERSHELL_APPLICATION.keyCredentials());
            assertThat(app.federatedIdentityCredentials()).isEqualTo(POWERSHELL_APPLICATION.federatedIdentityCredentials());
            assertThat(app).isEqualTo(POWERSHELL_APPLICATION);
        }

        @Test
        void get_mg_service_principal_output_of_windows_powershell_maps_field_by_field() {
            List<ServicePrincipal> servicePrincipals =
                    read(GraphJsonReader.SERVICE_PRINCIPALS, WINDOWS_POWERSHELL_SERVICE_PRINCIPALS);

            assertThat(servicePrincipals).hasSize(1);
            ServicePrincipal sp = servicePrincipals.get(0);
            ServicePrincipal expected = WINDOWS_POWERSHELL_SERVICE_PRINCIPAL;
            assertThat(sp.id()).isEqualTo(expected.id());
            assertThat(sp.appId()).isEqualTo(expected.appId());
            assertThat(sp.displayName()).isEqualTo("Intranet SSO");
            assertThat(sp.servicePrincipalType()).isEqualTo("Application");
            assertThat(sp.appOwnerOrganizationId()).isEqualTo(expected.appOwnerOrganizationId());
            assertThat(sp.preferredSingleSignOnMode()).isEqualTo("saml");
            assertThat(sp.preferredTokenSigningKeyThumbprint()).isEqualTo("5EC80C33AF03E4770942B41FFA8C4D02A358C90E");
            assertThat(sp.keyCredentials()).isEqualTo(expected.keyCredentials());
            assertThat(sp.passwordCredentials()).isEqualTo(expected.passwordCredentials());
            assertThat(sp).isEqualTo(expected);
        }

        @Test
        void a_property_found_only_in_additional_properties_is_read() {
            String json = """
                    [
                      {
                        "AppId": "b645bb45-424a-371f-bca6-38156621dd66",
                        "DisplayName": "Payroll Export",
                        "Id": "42456e3b-99f5-3ecf-95e8-16e22674e7f9",
                        "KeyCredentials": [],
                        "PasswordCredentials": [],
                        "AdditionalProperties": {
                          "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#applications/$entity",
                          "createdDateTime": "2025-06-01T00:00:00Z",
                          "signInAudience": "AzureADMyOrg",
                          "federatedIdentityCredentials@odata.context": "https://graph.microsoft.com/v1.0/$metadata#applications('42456e3b-99f5-3ecf-95e8-16e22674e7f9')/federatedIdentityCredentials",
                          "federatedIdentityCredentials": [
                            {
                              "name": "github-main",
                              "issuer": "https://token.actions.githubusercontent.com",
                              "subject": "repo:contoso/payroll:ref:refs/heads/main",
                              "audiences": ["api://AzureADTokenExchange"]
                            }
                          ]
                        }
                      }
                    ]
                    """;

            Application app = read(GraphJsonReader.APPLICATIONS, json).get(0);

            assertThat(app.createdDateTime()).isEqualTo(Instant.parse("2025-06-01T00:00:00Z"));
            assertThat(app.signInAudience()).isEqualTo("AzureADMyOrg");
            assertThat(app.federatedIdentityCredentials()).containsExactly(new FederatedIdentityCredential(null,
                    "github-main", "https://token.actions.githubusercontent.com",
                    "repo:contoso/payroll:ref:refs/heads/main", List.of("api://AzureADTokenExchange")));
        }

        @Test
        void a_null_additional_properties_is_ignored() {
            String json = """
                    [{"Id": "42456e3b-99f5-3ecf-95e8-16e22674e7f9", "AppId": "b645bb45-424a-371f-bca6-38156621dd66",
                      "DisplayName": "Payroll Export", "AdditionalProperties": null}]
                    """;

            assertThat(read(GraphJsonReader.APPLICATIONS, json)).containsExactly(new Application(PAYROLL_ID,
                    PAYROLL_APP_ID, "Payroll Export", null, null, List.of(), List.of(), List.of()));
        }

        @ParameterizedTest(name = "{argumentSetName}")
        @MethodSource("dates")
        void every_date_form_reads_as_the_same_instant(String jsonValue, Instant expected) {
            String json = """
                    [{"Id": "42456e3b-99f5-3ecf-95e8-16e22674e7f9", "AppId": "b645bb45-424a-371f-bca6-38156621dd66",
                      "CreatedDateTime": %s}]
                    """.formatted(jsonValue);

            assertThat(read(GraphJsonReader.APPLICATIONS, json).get(0).createdDateTime()).isEqualTo(expected);
        }

        static Stream<Arguments> dates() {
            Instant tenAm = Instant.parse("2024-05-01T10:00:00Z");
            return Stream.of(
                    argumentSet("Graph, UTC", "\"2024-05-01T10:00:00Z\"", tenAm),
                    argumentSet("Graph, seven fraction digits", "\"2024-05-01T10:00:00.1234567Z\"",
                            Instant.parse("2024-05-01T10:00:00.1234567Z")),
                    argumentSet("PowerShell 7, positive offset", "\"2024-05-01T12:00:00+02:00\"", tenAm),
                    argumentSet("PowerShell 7, negative offset", "\"2024-05-01T02:00:00-08:00\"", tenAm),
                    argumentSet("Windows PowerShell", "\"/Date(1714557600000)/\"", tenAm),
                    argumentSet("Windows PowerShell, slashes escaped", "\"\\/Date(1714557600000)\\/\"", tenAm),
                    argumentSet("Windows PowerShell, with an offset", "\"/Date(1714557600000+0200)/\"", tenAm),
                    argumentSet("Windows PowerShell, before 1970", "\"/Date(-86400000)/\"",
                            Instant.parse("1969-12-31T00:00:00Z")),
                    argumentSet("null", "null", null));
        }

        @ParameterizedTest(name = "{argumentSetName}")
        @MethodSource("keyIdentifiers")
        void custom_key_identifier_reads_from_base64_and_from_byte_values_alike(String jsonValue,
                @Nullable KeyIdentifier expected) {
            String json = """
                    [{"id": "42456e3b-99f5-3ecf-95e8-16e22674e7f9", "appId": "b645bb45-424a-371f-bca6-38156621dd66",
                      "keyCredentials": [{"keyId": "92409133-2029-3d3f-aaa9-5821e6617105", "customKeyIdentifier": %s}]}]
                    """.formatted(jsonValue);

            KeyCredential key = read(GraphJsonReader.APPLICATIONS, json).get(0).keyCredentials().get(0);

            assertThat(key.customKeyIdentifier()).isEqualTo(expected);
        }

        static Stream<Arguments> keyIdentifiers() {
            return Stream.of(
                    argumentSet("Graph's Base64", "\"XsgMM68D5HcJQrQf+oxNAqNYyQ4=\"", THUMBPRINT),
                    argumentSet("PowerShell's byte values",
                            "[94, 200, 12, 51, 175, 3, 228, 119, 9, 66, 180, 31, 250, 140, 77, 2, 163, 88, 201, 14]",
                            THUMBPRINT),
                    argumentSet("no bytes in Base64", "\"\"", KeyIdentifier.of(new byte[0])),
                    argumentSet("no byte values", "[]", KeyIdentifier.of(new byte[0])),
                    argumentSet("null", "null", null));
        }

        @ParameterizedTest(name = "{argumentSetName}")
        @MethodSource("encodings")
        void a_file_in_any_unicode_encoding_reads_the_same(byte[] bom, Charset charset) {
            byte[] file = encode(POWERSHELL_APPLICATIONS, bom, charset);

            assertThat(read(GraphJsonReader.APPLICATIONS, file)).containsExactly(POWERSHELL_APPLICATION);
        }

        @ParameterizedTest(name = "{argumentSetName}")
        @MethodSource("encodings")
        void a_file_in_any_unicode_encoding_reads_the_same_service_principals(byte[] bom, Charset charset) {
            byte[] file = encode(WINDOWS_POWERSHELL_SERVICE_PRINCIPALS, bom, charset);

            assertThat(read(GraphJsonReader.SERVICE_PRINCIPALS, file))
                    .containsExactly(WINDOWS_POWERSHELL_SERVICE_PRINCIPAL);
        }

        static Stream<Arguments> encodings() {
            return Stream.of(
                    argumentSet("UTF-16LE with BOM (what Windows PowerShell's > writes)",
                            new byte[] {(byte) 0xFF, (byte) 0xFE}, StandardCharsets.UTF_16LE),
                    argumentSet("UTF-8 with BOM (Out-File -Encoding utf8 in Windows PowerShell)",
                            new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, UTF_8),
                    argumentSet("UTF-16BE with BOM (-Encoding BigEndianUnicode)",
                            new byte[] {(byte) 0xFE, (byte) 0xFF}, StandardCharsets.UTF_16BE),
                    argumentSet("UTF-8 without BOM (PowerShell 7)", new byte[0], UTF_8));
        }

        @Test
        void an_error_in_a_utf16_file_names_the_same_line_and_column_as_in_utf8() {
            String json = """
                    [
                      {
                        "Id": "42456e3b-99f5-3ecf-95e8-16e22674e7f9",
                        "AppId": "b645bb45-424a-371f-bca6-38156621dd66",
                        "CreatedDateTime": "yesterday"
                      }
                    ]
                    """;

            BadInputException utf8 = refusal(() -> read(GraphJsonReader.APPLICATIONS, json));
            BadInputException utf16 = refusal(() -> read(GraphJsonReader.APPLICATIONS,
                    encode(json, new byte[] {(byte) 0xFF, (byte) 0xFE}, StandardCharsets.UTF_16LE)));

            assertThat(utf16.getMessage()).isEqualTo(utf8.getMessage())
                    .startsWith(SOURCE + ":5:24: expected createdDateTime");
        }
    }

    @Nested
    final class SecretText {

        private static final String SECRET = "s3cr3t-value";

        /** A secret pasted from the addPassword answer, the only place Graph ever fills secretText. */
        private static final String WITH_SECRET_TEXT = """
                {
                  "value": [
                    {
                      "id": "42456e3b-99f5-3ecf-95e8-16e22674e7f9",
                      "appId": "b645bb45-424a-371f-bca6-38156621dd66",
                      "displayName": "Payroll Export",
                      "passwordCredentials": [
                        {
                          "customKeyIdentifier": null,
                          "displayName": "created by addPassword",
                          "endDateTime": "2026-12-01T00:00:00Z",
                          "hint": "s3c",
                          "keyId": "2fb09899-42aa-35b3-97c5-c1c1fc2910cf",
                          "secretText": "s3cr3t-value",
                          "startDateTime": "2026-06-01T00:00:00Z"
                        }
                      ],
                      "keyCredentials": []
                    }
                  ]
                }
                """;

        @Test
        void secret_text_is_skipped_and_the_credential_maps_without_it() {
            List<Application> applications = read(GraphJsonReader.APPLICATIONS, WITH_SECRET_TEXT);

            assertThat(applications).containsExactly(new Application(PAYROLL_ID, PAYROLL_APP_ID, "Payroll Export",
                    null, null,
                    List.of(new PasswordCredential(PAYROLL_SECRET_ID, "created by addPassword", "s3c", null,
                            Instant.parse("2026-06-01T00:00:00Z"), Instant.parse("2026-12-01T00:00:00Z"))),
                    List.of(), List.of()));
        }

        @Test
        void the_secret_appears_in_no_record() {
            List<Application> applications = read(GraphJsonReader.APPLICATIONS, WITH_SECRET_TEXT);

            Application app = applications.get(0);
            PasswordCredential password = app.passwordCredentials().get(0);
            assertThat(List.of(applications.toString(), app.toString(), password.toString(),
                    String.valueOf(password.hint()), String.valueOf(password.displayName())))
                    .noneMatch(text -> text.contains(SECRET) || text.contains("r3t-value"));
        }

        @Test
        void secret_text_of_any_shape_is_skipped() {
            String json = WITH_SECRET_TEXT.replace("\"s3cr3t-value\"", "{\"value\": [\"s3cr3t-value\", 42]}");

            assertThat(read(GraphJsonReader.APPLICATIONS, json).get(0).passwordCredentials())
                    .extracting(PasswordCredential::keyId).containsExactly(PAYROLL_SECRET_ID);
        }

        @ParameterizedTest(name = "{argumentSetName}")
        @MethodSource("spoiledCredentials")
        void a_refused_credential_that_holds_secret_text_is_never_quoted(String json) {
            BadInputException e = refusal(() -> read(GraphJsonReader.APPLICATIONS, json));

            assertThat(e.getMessage()).doesNotContain(SECRET).doesNotContain("r3t-value");
            assertThat(e.problem()).doesNotContain(SECRET);
            assertThat(e.getMessage()).as("no more than Graph's hint, three characters, is quoted").doesNotContain("s3cr");
        }

        @Test
        void a_secret_given_as_a_key_id_is_quoted_by_three_characters_as_graphs_hint() {
            String json = WITH_SECRET_TEXT.replace("\"keyId\": \"2fb09899-42aa-35b3-97c5-c1c1fc2910cf\"",
                    "\"keyId\": \"s3cr3t-value\"");

            assertThat(refusal(() -> read(GraphJsonReader.APPLICATIONS, json)).getMessage()).contains("\"s3c...\"");
        }

        static Stream<Arguments> spoiledCredentials() {
            return Stream.of(
                    argumentSet("a bad date after it", WITH_SECRET_TEXT.replace(
                            "\"startDateTime\": \"2026-06-01T00:00:00Z\"", "\"startDateTime\": \"soon\"")),
                    argumentSet("no keyId", WITH_SECRET_TEXT.replace(
                            "\"keyId\": \"2fb09899-42aa-35b3-97c5-c1c1fc2910cf\",", "")),
                    argumentSet("a bad keyId", WITH_SECRET_TEXT.replace(
                            "\"keyId\": \"2fb09899-42aa-35b3-97c5-c1c1fc2910cf\"", "\"keyId\": \"key-1\"")),
                    argumentSet("the input cut short inside it",
                            WITH_SECRET_TEXT.substring(0, WITH_SECRET_TEXT.indexOf("r3t-value"))),
                    argumentSet("the input cut short right after it",
                            WITH_SECRET_TEXT.substring(0, WITH_SECRET_TEXT.indexOf(SECRET) + SECRET.length() + 1)),
                    argumentSet("a control character inside it", WITH_SECRET_TEXT.replace(SECRET, "s3cr3t\u0001-value")),
                    argumentSet("the secret alone in place of the credential", """
                            [{"id": "42456e3b-99f5-3ecf-95e8-16e22674e7f9", "appId": "b645bb45-424a-371f-bca6-38156621dd66",
                              "passwordCredentials": ["s3cr3t-value"]}]
                            """),
                    argumentSet("the secret as the credential's keyId", WITH_SECRET_TEXT.replace(
                            "\"keyId\": \"2fb09899-42aa-35b3-97c5-c1c1fc2910cf\"", "\"keyId\": \"s3cr3t-value\"")),
                    argumentSet("PowerShell's SecretText beside a bad date", """
                            [{"Id": "42456e3b-99f5-3ecf-95e8-16e22674e7f9", "AppId": "b645bb45-424a-371f-bca6-38156621dd66",
                              "PasswordCredentials": [{"KeyId": "2fb09899-42aa-35b3-97c5-c1c1fc2910cf",
                                "SecretText": "s3cr3t-value", "EndDateTime": "\\/Date(never)\\/"}]}]
                            """));
        }
    }

    @Nested
    final class Leniency {

        @Test
        void unknown_properties_at_every_level_are_skipped() {
            String json = """
                    {
                      "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#applications",
                      "@odata.count": 1,
                      "@microsoft.graph.tips": "Use $select to choose only the properties your app needs.",
                      "value": [
                        {
                          "@odata.id": "https://graph.microsoft.com/v2/c6f1a8e2/directoryObjects/42456e3b/Microsoft.DirectoryServices.Application",
                          "id": "42456e3b-99f5-3ecf-95e8-16e22674e7f9",
                          "deletedDateTime": null,
                          "appId": "b645bb45-424a-371f-bca6-38156621dd66",
                          "api": {"requestedAccessTokenVersion": 2, "oauth2PermissionScopes": [{"id": "x", "isEnabled": true}]},
                          "displayName": "Payroll Export",
                          "isFallbackPublicClient": false,
                          "tags": ["HideApp", 7, null, {"nested": [[[]]]}],
                          "createdDateTime": "2025-06-01T00:00:00Z",
                          "signInAudience": "AzureADMyOrg",
                          "requiredResourceAccess": [{"resourceAppId": "00000003-0000-0000-c000-000000000000", "resourceAccess": []}],
                          "passwordCredentials": [
                            {
                              "customKeyIdentifier": null,
                              "displayName": "payroll-2y",
                              "endDateTime": "2028-02-21T00:00:00Z",
                              "futureProperty": {"graph": ["adds", "properties"], "over": 3.5},
                              "hint": "Q8~",
                              "keyId": "2fb09899-42aa-35b3-97c5-c1c1fc2910cf",
                              "secretText": null,
                              "startDateTime": "2026-02-21T00:00:00Z"
                            }
                          ],
                          "keyCredentials": [],
                          "web": {"redirectUris": [], "implicitGrantSettings": {"enableIdTokenIssuance": false}}
                        }
                      ]
                    }
                    """;

            assertThat(read(GraphJsonReader.APPLICATIONS, json)).containsExactly(PAYROLL);
        }

        @Test
        void null_credential_lists_read_as_empty() {
            String json = """
                    [
                      {
                        "id": "42456e3b-99f5-3ecf-95e8-16e22674e7f9",
                        "appId": "b645bb45-424a-371f-bca6-38156621dd66",
                        "displayName": "Payroll Export",
                        "passwordCredentials": null,
                        "keyCredentials": null,
                        "federatedIdentityCredentials": null
                      }
                    ]
                    """;

            Application app = read(GraphJsonReader.APPLICATIONS, json).get(0);

            assertThat(app.passwordCredentials()).isEmpty();
            assertThat(app.keyCredentials()).isEmpty();
            assertThat(app.federatedIdentityCredentials()).isEmpty();
        }

        @Test
        void null_credential_lists_of_a_service_principal_read_as_empty() {
            String json = """
                    [{"id": "7a3c1e52-0f4b-4d8e-b6a1-93c2d5e4f601", "appId": "b645bb45-424a-371f-bca6-38156621dd66",
                      "displayName": "Payroll Export", "passwordCredentials": null, "keyCredentials": null}]
                    """;

            ServicePrincipal sp = read(GraphJsonReader.SERVICE_PRINCIPALS, json).get(0);

            assertThat(sp.passwordCredentials()).isEmpty();
            assertThat(sp.keyCredentials()).isEmpty();
        }

        @ParameterizedTest(name = "{argumentSetName}")
        @MethodSource("namelessApplications")
        void a_missing_display_name_falls_back_to_the_app_id(String json) {
            assertThat(read(GraphJsonReader.APPLICATIONS, json).get(0).displayName())
                    .isEqualTo("b645bb45-424a-371f-bca6-38156621dd66");
        }

        static Stream<Arguments> namelessApplications() {
            return Stream.of(
                    argumentSet("no displayName", """
                            [{"id": "42456e3b-99f5-3ecf-95e8-16e22674e7f9", "appId": "b645bb45-424a-371f-bca6-38156621dd66"}]"""),
                    argumentSet("a null displayName", """
                            [{"id": "42456e3b-99f5-3ecf-95e8-16e22674e7f9", "appId": "b645bb45-424a-371f-bca6-38156621dd66",
                              "displayName": null}]"""));
        }

        @Test
        void a_service_principal_without_display_name_falls_back_to_the_app_id() {
            String json = """
                    [{"id": "7a3c1e52-0f4b-4d8e-b6a1-93c2d5e4f601", "appId": "b645bb45-424a-371f-bca6-38156621dd66"}]
                    """;

            assertThat(read(GraphJsonReader.SERVICE_PRINCIPALS, json).get(0).displayName())
                    .isEqualTo("b645bb45-424a-371f-bca6-38156621dd66");
        }

        @Test
        void a_long_hint_is_cut_to_three_characters() {
            String json = PAYROLL_JSON.replace("\"hint\": \"Q8~\"", "\"hint\": \"Q8~wholeSecretValue\"");

            assertThat(read(GraphJsonReader.APPLICATIONS, "[" + json + "]").get(0).passwordCredentials().get(0).hint())
                    .isEqualTo("Q8~");
        }
    }

    @Nested
    final class Refusals {

        @ParameterizedTest(name = "{argumentSetName}")
        @MethodSource("badInputs")
        void a_refusal_names_the_source_line_and_column_and_says_what_was_expected(GraphJsonReader<?> reader,
                String json, int line, int column, String expected) {
            BadInputException e = refusal(() -> read(reader, json));

            assertThat(e.source()).isEqualTo(SOURCE);
            assertThat(List.of(e.line(), e.column())).as("line and column of " + e.getMessage())
                    .containsExactly(line, column);
            assertThat(e.getMessage()).startsWith(SOURCE + ":" + line + ":" + column + ": ");
            assertThat(e.problem()).contains(expected);
            assertNoStackTraceText(e);
        }

        static Stream<Arguments> badInputs() {
            GraphJsonReader<Application> apps = GraphJsonReader.APPLICATIONS;
            return Stream.of(
                    argumentSet("not JSON at all: an HTML error page", apps, """
                            <!DOCTYPE html>
                            <html><body>Service Unavailable</body></html>
                            """, 1, 1, "not valid JSON: Unexpected character ('<'"),
                    argumentSet("not JSON at all: PowerShell's error text", apps, """
                            Get-MgApplication_List: Insufficient privileges to complete the operation.
                            """, 1, 1, "not valid JSON: Unrecognized token 'Get': was expecting (JSON String"),
                    argumentSet("cut short between two properties", apps, """
                            {
                              "value": [
                                {
                                  "id": "42456e3b-99f5-3ecf-95e8-16e22674e7f9",
                                  "appId": "b645bb45-424a-371f-bca6-38156621dd66",
                            """, 6, 1, "not valid JSON: Unexpected end-of-input"),
                    argumentSet("cut short after a value", apps, """
                            {
                              "value": [
                                {
                                  "id": "42456e3b-99f5-3ecf-95e8-16e22674e7f9\"""", 4, 51,
                            "not valid JSON: Unexpected end-of-input: expected close marker for Object"),
                    argumentSet("cut short inside a string", apps, """
                            {
                              "value": [
                                {
                                  "id": "42456e3b-99f5-3ecf-95e8-16e22674e7f9",
                                  "displayName": "Payroll Ex""", 5, 33, "not valid JSON: Unexpected end-of-input"),
                    argumentSet("a bad escape inside a string", apps, """
                            [
                              {"id": "42456e3b-99f5-3ecf-95e8-16e22674e7f9", "displayName": "C:\\Payroll"}
                            ]
                            """, 2, 69, "not valid JSON: Unrecognized character escape 'P'"),
                    argumentSet("a top-level string", apps, """
                            "applications"
                            """, 1, 1, "expected a JSON array of applications or a Graph collection "
                            + "{\"value\": [...]}, found \"applications\""),
                    argumentSet("a top-level number", apps, "42", 1, 1, "found the number 42"),
                    argumentSet("a single object (PowerShell without -AsArray)", apps, """
                            {
                              "AppId": "b645bb45-424a-371f-bca6-38156621dd66",
                              "DisplayName": "Payroll Export",
                              "Id": "42456e3b-99f5-3ecf-95e8-16e22674e7f9"
                            }
                            """, 1, 1, "this object has no \"value\" (a single object? PowerShell writes one object "
                            + "without brackets: use ConvertTo-Json -AsArray)"),
                    argumentSet("value that is not an array", apps, """
                            {
                              "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#applications",
                              "value": {"id": "42456e3b-99f5-3ecf-95e8-16e22674e7f9"}
                            }
                            """, 3, 12, "expected \"value\" to be an array of applications, found an object"),
                    argumentSet("an element that is a number", apps, """
                            {
                              "value": [
                                42
                              ]
                            }
                            """, 3, 5, "expected an application (a JSON object), found the number 42"),
                    argumentSet("a bad date", apps, """
                            [
                              {
                                "id": "42456e3b-99f5-3ecf-95e8-16e22674e7f9",
                                "appId": "b645bb45-424a-371f-bca6-38156621dd66",
                                "createdDateTime": "yesterday"
                              }
                            ]
                            """, 5, 24, "expected createdDateTime (an ISO-8601 date-time such as 2026-06-01T00:00:00Z), "
                            + "found \"yesterday\""),
                    argumentSet("a bad Windows PowerShell date", apps, """
                            [
                              {
                                "Id": "42456e3b-99f5-3ecf-95e8-16e22674e7f9",
                                "AppId": "b645bb45-424a-371f-bca6-38156621dd66",
                                "PasswordCredentials": [
                                  {"KeyId": "2fb09899-42aa-35b3-97c5-c1c1fc2910cf", "EndDateTime": "\\/Date(tomorrow)\\/"}
                                ]
                              }
                            ]
                            """, 6, 72, "expected endDateTime (an ISO-8601 date-time"),
                    argumentSet("a date without an offset", apps, """
                            [
                              {
                                "id": "42456e3b-99f5-3ecf-95e8-16e22674e7f9",
                                "appId": "b645bb45-424a-371f-bca6-38156621dd66",
                                "createdDateTime": "2025-06-01T00:00:00"
                              }
                            ]
                            """, 5, 24, "expected createdDateTime (an ISO-8601 date-time"),
                    argumentSet("a bad GUID", apps, """
                            [
                              {
                                "id": "42456e3b-99f5-3ecf-95e8-16e22674e7f9",
                                "appId": "payroll-export"
                              }
                            ]
                            """, 4, 14, "expected the application's appId (a GUID such as "
                            + "00000000-0000-0000-0000-000000000000), found \"payroll-export\""),
                    argumentSet("a GUID in braces", apps, """
                            [
                              {
                                "id": "{42456e3b-99f5-3ecf-95e8-16e22674e7f9}",
                                "appId": "b645bb45-424a-371f-bca6-38156621dd66"
                              }
                            ]
                            """, 3, 11, "expected the application's id (a GUID"),
                    argumentSet("a password credential without keyId", apps, """
                            [
                              {
                                "id": "42456e3b-99f5-3ecf-95e8-16e22674e7f9",
                                "appId": "b645bb45-424a-371f-bca6-38156621dd66",
                                "passwordCredentials": [
                                  {"displayName": "payroll-2y", "hint": "Q8~"}
                                ]
                              }
                            ]
                            """, 6, 7, "expected \"keyId\" on this password credential; it is missing or null"),
                    argumentSet("a key credential with a null keyId", apps, """
                            [
                              {
                                "id": "42456e3b-99f5-3ecf-95e8-16e22674e7f9",
                                "appId": "b645bb45-424a-371f-bca6-38156621dd66",
                                "keyCredentials": [
                                  {"keyId": null, "type": "AsymmetricX509Cert", "usage": "Verify"}
                                ]
                              }
                            ]
                            """, 6, 7, "expected \"keyId\" on this key credential; it is missing or null"),
                    argumentSet("an application without id", apps, """
                            {
                              "value": [
                                {
                                  "appId": "b645bb45-424a-371f-bca6-38156621dd66",
                                  "displayName": "Payroll Export"
                                }
                              ]
                            }
                            """, 3, 5, "expected \"id\" on this application; it is missing or null"),
                    argumentSet("an application without appId", apps, """
                            {
                              "value": [
                                {"id": "42456e3b-99f5-3ecf-95e8-16e22674e7f9", "displayName": "Payroll Export"}
                              ]
                            }
                            """, 3, 5, "expected \"appId\" on this application; it is missing or null"),
                    argumentSet("a service principal without appId", GraphJsonReader.SERVICE_PRINCIPALS, """
                            {
                              "value": [
                                {"id": "7a3c1e52-0f4b-4d8e-b6a1-93c2d5e4f601", "displayName": "Intranet SSO"}
                              ]
                            }
                            """, 3, 5, "expected \"appId\" on this service principal; it is missing or null"),
                    argumentSet("a customKeyIdentifier byte value of 300", apps, """
                            [
                              {
                                "Id": "42456e3b-99f5-3ecf-95e8-16e22674e7f9",
                                "AppId": "b645bb45-424a-371f-bca6-38156621dd66",
                                "KeyCredentials": [
                                  {
                                    "CustomKeyIdentifier": [94, 200, 300, 51],
                                    "KeyId": "92409133-2029-3d3f-aaa9-5821e6617105"
                                  }
                                ]
                              }
                            ]
                            """, 7, 42, "expected customKeyIdentifier (byte values from 0 to 255), found the number 300"),
                    argumentSet("a negative customKeyIdentifier byte value", apps, """
                            [
                              {
                                "Id": "42456e3b-99f5-3ecf-95e8-16e22674e7f9",
                                "AppId": "b645bb45-424a-371f-bca6-38156621dd66",
                                "KeyCredentials": [{"CustomKeyIdentifier": [-1], "KeyId": "92409133-2029-3d3f-aaa9-5821e6617105"}]
                              }
                            ]
                            """, 5, 49, "(byte values from 0 to 255), found the number -1"),
                    argumentSet("a customKeyIdentifier that is not Base64", apps, """
                            [
                              {
                                "id": "42456e3b-99f5-3ecf-95e8-16e22674e7f9",
                                "appId": "b645bb45-424a-371f-bca6-38156621dd66",
                                "keyCredentials": [{"customKeyIdentifier": "5E:C8:0C", "keyId": "92409133-2029-3d3f-aaa9-5821e6617105"}]
                              }
                            ]
                            """, 5, 48, "expected customKeyIdentifier (standard Base64), found \"5E:C8:0C\""),
                    argumentSet("trailing text after the document", apps, """
                            {"value": []}
                            Get-MgServicePrincipal: done
                            """, 2, 1, "not valid JSON: Unrecognized token 'Get'"),
                    argumentSet("a second document after the first", apps, """
                            {"value": []}
                            {"value": []}
                            """, 2, 1, "expected the end of the input after the document, found an object"),
                    argumentSet("a stray bracket after the document", apps, """
                            []
                            ]
                            """, 2, 1, "not valid JSON: Unexpected close marker ']'"),
                    argumentSet("passwordCredentials that is a string", apps, """
                            [
                              {
                                "id": "42456e3b-99f5-3ecf-95e8-16e22674e7f9",
                                "appId": "b645bb45-424a-371f-bca6-38156621dd66",
                                "passwordCredentials": "System.Object[]"
                              }
                            ]
                            """, 5, 28, "expected passwordCredentials (a JSON array), found \"System.Object[]\""),
                    argumentSet("a displayName that is a number", apps, """
                            [
                              {
                                "id": "42456e3b-99f5-3ecf-95e8-16e22674e7f9",
                                "appId": "b645bb45-424a-371f-bca6-38156621dd66",
                                "displayName": 42
                              }
                            ]
                            """, 5, 20, "expected the application's displayName (a string), found the number 42"),
                    argumentSet("a nextLink that is not a string", apps, """
                            {
                              "@odata.nextLink": 2,
                              "value": []
                            }
                            """, 2, 22, "expected @odata.nextLink (a string), found the number 2"),
                    argumentSet("a null audience", GraphJsonReader.FEDERATED_IDENTITY_CREDENTIALS, """
                            [
                              {
                                "name": "github-main",
                                "issuer": "https://token.actions.githubusercontent.com",
                                "subject": "repo:contoso/billing-api:ref:refs/heads/main",
                                "audiences": [null]
                              }
                            ]
                            """, 6, 19, "expected audiences element (a string), found null"),
                    argumentSet("a federated credential without issuer", GraphJsonReader.FEDERATED_IDENTITY_CREDENTIALS, """
                            [
                              {
                                "name": "github-main",
                                "subject": "repo:contoso/billing-api:ref:refs/heads/main"
                              }
                            ]
                            """, 2, 3, "expected \"issuer\" on this federated identity credential; it is missing or null"),
                    argumentSet("an object without id", GraphJsonReader.OBJECT_IDS, """
                            {"value": [{"displayName": "Payroll Export"}]}
                            """, 1, 12, "expected \"id\" on this object; it is missing or null"),
                    argumentSet("a sign-in row without keyId", GraphJsonReader.CREDENTIAL_SIGN_INS, """
                            {
                              "value": [
                                {"appId": "f4d9654f-0305-4072-878c-8bf266dfe146", "keyType": "clientSecret"}
                              ]
                            }
                            """, 3, 5, "expected \"keyId\" on this credential sign-in row; it is missing or null"));
        }

        @ParameterizedTest(name = "{argumentSetName}")
        @MethodSource("emptyInputs")
        void an_empty_input_is_refused_as_ending_before_any_value(String json) {
            BadInputException e = refusal(() -> read(GraphJsonReader.APPLICATIONS, json));

            assertThat(e.getMessage()).isEqualTo(SOURCE + ":1:1: expected a JSON array or a Graph collection "
                    + "({\"value\": [...]}), found the end of the input");
            assertThat(e.line()).isEqualTo(1);
        }

        static Stream<Arguments> emptyInputs() {
            return Stream.of(argumentSet("an empty file", ""), argumentSet("blanks only", "  \t "));
        }

        @Test
        void an_unquoted_value_is_quoted_back_by_three_characters_only() {
            String json = "[{\"id\": \"42456e3b-99f5-3ecf-95e8-16e22674e7f9\", \"secretText\": abcSECRETVALUE}]";

            BadInputException e = refusal(() -> read(GraphJsonReader.APPLICATIONS, json));

            assertThat(e.getMessage()).startsWith(SOURCE + ":1:").contains("Unrecognized token 'abc...'")
                    .doesNotContain("SECRETVALUE");
        }

        @Test
        void nesting_deeper_than_the_limit_is_refused_not_overflowed() {
            String deep = "[".repeat(200) + "]".repeat(200);
            String json = "[{\"id\": \"42456e3b-99f5-3ecf-95e8-16e22674e7f9\", \"unknown\": " + deep + "}]";

            BadInputException e = refusal(() -> read(GraphJsonReader.APPLICATIONS, json));

            assertThat(e.getMessage()).startsWith(SOURCE + ":1:").contains("nested more than 64 levels deep");
            assertThat(e.line()).isEqualTo(1);
            assertNoStackTraceText(e);
        }
    }

    @Nested
    final class SignIns {

        /**
         * The list example of GET /beta/reports/appCredentialSignInActivities, as documented: keyType
         * "secret", "expirationDate" (with an offset no parser accepts), the last sign-in inside
         * signInActivity, and the documented one-digit-hour offsets ("-8:00").
         */
        private static final String DOCUMENTED = """
                {
                  "@odata.context": "https://graph.microsoft.com/beta/$metadata#reports/appCredentialSignInActivities",
                  "value": [
                    {
                      "appId": "f4d9654f-0305-4072-878c-8bf266dfe146",
                      "appObjectId": "6920caa5-1cae-4bc8-bf59-9c0b8495d240",
                      "credentialOrigin": "application",
                      "expirationDate": "2021-04-01T21:36:48-8:00",
                      "id": "ODNmNDUyOTYtZmI4Zi00YWFhLWEzOTktYWM1MTA4NGUwMmI3fGFwcGxpY2F0aW9u",
                      "keyId": "83f45296-fb8f-4aaa-a399-ac51084e02b7",
                      "keyType": "secret",
                      "keyUsage": "sign",
                      "resourceId": "a89dc091-a671-4da4-9fcf-3ef06bdf3ac3",
                      "servicePrincipalObjectId": "cf533854-9fb7-4c01-9c0e-f68922ada8b6",
                      "signInActivity": {
                        "lastSignInDateTime": "2021-04-01T00:00:00-8:00",
                        "lastSignInRequestId": "b0a282a3-68ec-4ec8-aef0-290ed4350271"
                      }
                    },
                    {
                      "appId": "09e9da93-c1e8-4000-8b96-1ea6a12acf72",
                      "appObjectId": "2e9276ec-7895-41f0-b63c-4d1d94552362",
                      "credentialOrigin": "servicePrincipal",
                      "expirationDateTime": "2021-05-11T16:36:48Z",
                      "id": "OGEzN2NmZWMtYjBhMS00Y2IxLWFjMDgtYzUyYjAzODM0ZjRhfHNlcnZpY2VQcmluY2lwYWw=",
                      "keyId": "8a37cfec-b0a1-4cb1-ac08-c52b03834f4a",
                      "keyType": "certificate",
                      "keyUsage": "verify",
                      "servicePrincipalObjectId": "afb9dcdc-34ef-4d8e-91b5-4f094758100c",
                      "lastSignInDateTime": "2021-02-01T09:23:46Z"
                    },
                    {
                      "keyId": "2fb09899-42aa-35b3-97c5-c1c1fc2910cf",
                      "keyType": "clientSecret",
                      "credentialOrigin": "application",
                      "appId": "b645bb45-424a-371f-bca6-38156621dd66",
                      "signInActivity": null
                    }
                  ]
                }
                """;

        @Test
        void the_documented_rows_read_leniently() {
            assertThat(read(GraphJsonReader.CREDENTIAL_SIGN_INS, DOCUMENTED)).containsExactly(
                    new CredentialSignIn(UUID.fromString("83f45296-fb8f-4aaa-a399-ac51084e02b7"),
                            UUID.fromString("f4d9654f-0305-4072-878c-8bf266dfe146"), "clientSecret", "application",
                            Instant.parse("2021-04-01T08:00:00Z")),
                    new CredentialSignIn(UUID.fromString("8a37cfec-b0a1-4cb1-ac08-c52b03834f4a"),
                            UUID.fromString("09e9da93-c1e8-4000-8b96-1ea6a12acf72"), "certificate", "servicePrincipal",
                            Instant.parse("2021-02-01T09:23:46Z")),
                    new CredentialSignIn(PAYROLL_SECRET_ID, PAYROLL_APP_ID, "clientSecret", "application", null));
        }

        @ParameterizedTest(name = "{argumentSetName}")
        @MethodSource("keyTypes")
        void the_key_type_secret_is_normalised_to_client_secret(String jsonValue, @Nullable String expected) {
            assertThat(row("\"keyType\": " + jsonValue).keyType()).isEqualTo(expected);
        }

        static Stream<Arguments> keyTypes() {
            return Stream.of(
                    argumentSet("the documented example's secret", "\"secret\"", "clientSecret"),
                    argumentSet("Secret in another case", "\"Secret\"", "clientSecret"),
                    argumentSet("the schema's clientSecret", "\"clientSecret\"", "clientSecret"),
                    argumentSet("certificate", "\"certificate\"", "certificate"),
                    argumentSet("a value Graph may add", "\"unknownFutureValue\"", "unknownFutureValue"),
                    argumentSet("null", "null", null));
        }

        @ParameterizedTest(name = "{argumentSetName}")
        @MethodSource("lastSignIns")
        void the_last_sign_in_is_read_where_it_stands(String properties, @Nullable Instant expected) {
            assertThat(row(properties).lastSignIn()).isEqualTo(expected);
        }

        static Stream<Arguments> lastSignIns() {
            return Stream.of(
                    argumentSet("inside signInActivity",
                            "\"signInActivity\": {\"lastSignInDateTime\": \"2026-05-30T00:00:00Z\"}",
                            Instant.parse("2026-05-30T00:00:00Z")),
                    argumentSet("at the top level", "\"lastSignInDateTime\": \"2026-05-30T00:00:00Z\"",
                            Instant.parse("2026-05-30T00:00:00Z")),
                    argumentSet("in both places: the later one", "\"lastSignInDateTime\": \"2026-05-30T00:00:00Z\", "
                            + "\"signInActivity\": {\"lastSignInDateTime\": \"2026-04-01T00:00:00Z\"}",
                            Instant.parse("2026-05-30T00:00:00Z")),
                    argumentSet("in both places, the later inside", "\"lastSignInDateTime\": \"2026-04-01T00:00:00Z\", "
                            + "\"signInActivity\": {\"lastSignInDateTime\": \"2026-05-30T00:00:00Z\"}",
                            Instant.parse("2026-05-30T00:00:00Z")),
                    argumentSet("a null signInActivity", "\"signInActivity\": null", null),
                    argumentSet("a null lastSignInDateTime", "\"signInActivity\": {\"lastSignInDateTime\": null}", null),
                    argumentSet("none at all", "\"keyUsage\": \"verify\"", null));
        }

        @ParameterizedTest(name = "{argumentSetName}")
        @MethodSource("expirations")
        void the_expiration_is_ignored_whatever_its_name_and_form(String properties) {
            assertThat(row(properties)).isEqualTo(row("\"keyUsage\": \"verify\""));
        }

        static Stream<Arguments> expirations() {
            return Stream.of(
                    argumentSet("the documented expirationDate", "\"expirationDate\": \"2021-04-01T21:36:48-8:00\""),
                    argumentSet("the schema's expirationDateTime", "\"expirationDateTime\": \"2021-04-01T21:36:48Z\""),
                    argumentSet("a date alone", "\"expirationDate\": \"2021-04-01\""),
                    argumentSet("nonsense", "\"expirationDateTime\": {\"when\": [\"later\"]}"));
        }

        @Test
        void unknown_fields_of_a_row_are_skipped() {
            CredentialSignIn row = row("""
                    "@odata.type": "#microsoft.graph.appCredentialSignInActivity",
                    "id": "MmZiMDk4OTktNDJhYS0zNWIzLTk3YzUtYzFjMWZjMjkxMGNmfGFwcGxpY2F0aW9u",
                    "createdDateTime": "2026-02-21T00:00:00Z",
                    "resourceId": "00000003-0000-0000-c000-000000000000",
                    "tenantId": null,
                    "signInActivity": {"lastSignInRequestId": "guid1", "lastSignInDateTime": "2026-05-30T00:00:00Z",
                                       "anotherOne": [1, 2, 3]}""");

            assertThat(row).isEqualTo(new CredentialSignIn(PAYROLL_SECRET_ID, PAYROLL_APP_ID, "clientSecret",
                    "application", Instant.parse("2026-05-30T00:00:00Z")));
        }

        @Test
        void powershell_rows_read_in_pascal_case() {
            String json = """
                    [
                      {
                        "AppId": "b645bb45-424a-371f-bca6-38156621dd66",
                        "AppObjectId": "42456e3b-99f5-3ecf-95e8-16e22674e7f9",
                        "CredentialOrigin": "application",
                        "ExpirationDateTime": "2028-02-21T00:00:00+01:00",
                        "Id": "MmZiMDk4OTktNDJhYS0zNWIzLTk3YzUtYzFjMWZjMjkxMGNmfGFwcGxpY2F0aW9u",
                        "KeyId": "2fb09899-42aa-35b3-97c5-c1c1fc2910cf",
                        "KeyType": "clientSecret",
                        "KeyUsage": "verify",
                        "SignInActivity": {
                          "LastSignInDateTime": "2026-05-30T02:00:00+02:00",
                          "LastSignInRequestId": "b0a282a3-68ec-4ec8-aef0-290ed4350271",
                          "AdditionalProperties": {}
                        },
                        "AdditionalProperties": {}
                      }
                    ]
                    """;

            assertThat(read(GraphJsonReader.CREDENTIAL_SIGN_INS, json)).containsExactly(new CredentialSignIn(
                    PAYROLL_SECRET_ID, PAYROLL_APP_ID, "clientSecret", "application",
                    Instant.parse("2026-05-30T00:00:00Z")));
        }

        /** A row with {@code properties}, and a clientSecret keyType unless they give one. */
        private CredentialSignIn row(String properties) {
            String json = """
                    {"value": [{
                      "keyId": "2fb09899-42aa-35b3-97c5-c1c1fc2910cf",
                      "appId": "b645bb45-424a-371f-bca6-38156621dd66",
                      %s
                      "credentialOrigin": "application",
                      %s
                    }]}
                    """.formatted(properties.contains("\"keyType\"") ? "" : "\"keyType\": \"clientSecret\",", properties);
            List<CredentialSignIn> rows = read(GraphJsonReader.CREDENTIAL_SIGN_INS, json);
            assertThat(rows).hasSize(1);
            return rows.get(0);
        }
    }

    @Nested
    final class Policy {

        private static final String POLICY_SOURCE = "defaultAppManagementPolicy.json";

        /** GET /v1.0/policies/defaultAppManagementPolicy with restrictions on both kinds of object. */
        private static final String GRAPH_POLICY = """
                {
                  "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#policies/defaultAppManagementPolicy/$entity",
                  "id": "00000000-0000-0000-0000-000000000000",
                  "displayName": "Default app management tenant policy",
                  "description": "Default tenant policy that enforces app management restrictions on applications and service principals.",
                  "isEnabled": true,
                  "applicationRestrictions": {
                    "passwordCredentials": [
                      {
                        "restrictionType": "passwordAddition",
                        "state": "enabled",
                        "maxLifetime": null,
                        "restrictForAppsCreatedAfterDateTime": "2021-01-01T10:37:00Z"
                      },
                      {
                        "restrictionType": "passwordLifetime",
                        "state": "enabled",
                        "maxLifetime": "P90D",
                        "restrictForAppsCreatedAfterDateTime": "2017-01-01T10:37:00Z"
                      }
                    ],
                    "keyCredentials": [
                      {
                        "restrictionType": "asymmetricKeyLifetime",
                        "state": "enabled",
                        "maxLifetime": "P30D",
                        "restrictForAppsCreatedAfterDateTime": "2015-01-01T10:37:00Z",
                        "certificateBasedApplicationConfigurationIds": []
                      }
                    ],
                    "identifierUris": {"nonDefaultUriAddition": null}
                  },
                  "servicePrincipalRestrictions": {
                    "passwordCredentials": [
                      {
                        "restrictionType": "customPasswordAddition",
                        "state": "disabled",
                        "maxLifetime": null,
                        "restrictForAppsCreatedAfterDateTime": null
                      }
                    ],
                    "keyCredentials": []
                  }
                }
                """;

        private static final AppManagementPolicy EXPECTED = new AppManagementPolicy(true,
                new AppManagementRestrictions(List.of(
                        new PasswordCredentialRestriction("passwordAddition", "enabled", null,
                                Instant.parse("2021-01-01T10:37:00Z")),
                        new PasswordCredentialRestriction("passwordLifetime", "enabled", "P90D",
                                Instant.parse("2017-01-01T10:37:00Z")))),
                new AppManagementRestrictions(List.of(
                        new PasswordCredentialRestriction("customPasswordAddition", "disabled", null, null))));

        @Test
        void the_graph_policy_maps_field_by_field() {
            AppManagementPolicy policy = readPolicy(GRAPH_POLICY);

            assertThat(policy.isEnabled()).isTrue();
            assertThat(policy.applicationRestrictions()).isEqualTo(EXPECTED.applicationRestrictions());
            assertThat(policy.servicePrincipalRestrictions()).isEqualTo(EXPECTED.servicePrincipalRestrictions());
            assertThat(policy.applicationRestrictions().passwordCredentials().get(0).isEnabledPasswordAddition())
                    .isTrue();
        }

        @Test
        void key_credential_restrictions_are_skipped_unread() {
            String json = """
                    {
                      "isEnabled": true,
                      "applicationRestrictions": {
                        "keyCredentials": [
                          {"maxLifetime": {"not": "a duration"}, "state": 7},
                          "not even an object"
                        ]
                      }
                    }
                    """;

            assertThat(readPolicy(json)).isEqualTo(new AppManagementPolicy(true, AppManagementRestrictions.NONE,
                    AppManagementRestrictions.NONE));
        }

        @Test
        void the_powershell_policy_reads_in_pascal_case() {
            String json = """
                    {
                      "ApplicationRestrictions": {
                        "KeyCredentials": [],
                        "PasswordCredentials": [
                          {
                            "MaxLifetime": null,
                            "RestrictForAppsCreatedAfterDateTime": "2021-01-01T11:37:00+01:00",
                            "RestrictionType": "passwordAddition",
                            "State": "enabled",
                            "AdditionalProperties": {}
                          }
                        ],
                        "AdditionalProperties": {}
                      },
                      "DeletedDateTime": null,
                      "Description": "Default tenant policy that enforces app management restrictions on applications and service principals.",
                      "DisplayName": "Default app management tenant policy",
                      "Id": "00000000-0000-0000-0000-000000000000",
                      "IsEnabled": true,
                      "ServicePrincipalRestrictions": {
                        "KeyCredentials": [],
                        "PasswordCredentials": [
                          {
                            "MaxLifetime": null,
                            "RestrictForAppsCreatedAfterDateTime": "\\/Date(1609497420000)\\/",
                            "RestrictionType": "passwordAddition",
                            "State": "enabled",
                            "AdditionalProperties": {}
                          }
                        ],
                        "AdditionalProperties": {}
                      },
                      "AdditionalProperties": {
                        "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#policies/defaultAppManagementPolicy/$entity"
                      }
                    }
                    """;
            AppManagementRestrictions noNewPasswords = new AppManagementRestrictions(List.of(
                    new PasswordCredentialRestriction("passwordAddition", "enabled", null,
                            Instant.parse("2021-01-01T10:37:00Z"))));

            assertThat(readPolicy(json)).isEqualTo(new AppManagementPolicy(true, noNewPasswords, noNewPasswords));
        }

        @Test
        void a_powershell_timespan_lifetime_reads_as_an_iso_duration() {
            String json = """
                    {
                      "IsEnabled": true,
                      "ApplicationRestrictions": {
                        "PasswordCredentials": [
                          {
                            "RestrictionType": "passwordLifetime",
                            "State": "enabled",
                            "MaxLifetime": {"Ticks": 77760000000000, "Days": 90, "Hours": 0, "TotalDays": 90.0}
                          }
                        ]
                      }
                    }
                    """;

            assertThat(readPolicy(json).applicationRestrictions().passwordCredentials())
                    .singleElement()
                    .satisfies(r -> assertThat(r.maxLifetime()).isEqualTo("PT2160H"));
        }

        @ParameterizedTest(name = "{argumentSetName}")
        @MethodSource("policiesWithoutRestrictions")
        void missing_or_null_restrictions_read_as_none(String json, boolean enabled) {
            assertThat(readPolicy(json)).isEqualTo(new AppManagementPolicy(enabled, AppManagementRestrictions.NONE,
                    AppManagementRestrictions.NONE));
        }

        static Stream<Arguments> policiesWithoutRestrictions() {
            return Stream.of(
                    argumentSet("an empty object", "{}", false),
                    argumentSet("null restrictions", """
                            {"isEnabled": false, "applicationRestrictions": null, "servicePrincipalRestrictions": null}""",
                            false),
                    argumentSet("null password restrictions", """
                            {"isEnabled": true, "applicationRestrictions": {"passwordCredentials": null},
                             "servicePrincipalRestrictions": {"passwordCredentials": []}}""", true));
        }

        @ParameterizedTest(name = "{argumentSetName}")
        @MethodSource("badPolicies")
        void a_refused_policy_names_the_source_line_and_column(String json, int line, int column, String expected) {
            BadInputException e = refusal(() -> readPolicy(json));

            assertThat(e.getMessage()).startsWith(POLICY_SOURCE + ":" + line + ":" + column + ": ");
            assertThat(e.problem()).contains(expected);
            assertNoStackTraceText(e);
        }

        static Stream<Arguments> badPolicies() {
            return Stream.of(
                    argumentSet("empty", "", 1, 1,
                            "expected the default app management policy (a JSON object), found the end of the input"),
                    argumentSet("an array", """
                            [
                              {"isEnabled": true}
                            ]
                            """, 1, 1, "expected the default app management policy (a JSON object), found an array"),
                    argumentSet("isEnabled as text", """
                            {
                              "isEnabled": "true"
                            }
                            """, 2, 16, "expected isEnabled (true or false), found \"true\""),
                    argumentSet("a restriction without restrictionType", """
                            {
                              "isEnabled": true,
                              "applicationRestrictions": {
                                "passwordCredentials": [
                                  {"state": "enabled"}
                                ]
                              }
                            }
                            """, 5, 7, "expected \"restrictionType\" on this restriction; it is missing or null"),
                    argumentSet("passwordCredentials that is an object", """
                            {
                              "servicePrincipalRestrictions": {
                                "passwordCredentials": {"restrictionType": "passwordAddition"}
                              }
                            }
                            """, 3, 28, "expected servicePrincipalRestrictions.passwordCredentials (a JSON array), "
                            + "found an object"),
                    argumentSet("a bad date", """
                            {
                              "applicationRestrictions": {
                                "passwordCredentials": [
                                  {"restrictionType": "passwordAddition", "restrictForAppsCreatedAfterDateTime": "2021"}
                                ]
                              }
                            }
                            """, 4, 86, "expected restrictForAppsCreatedAfterDateTime (an ISO-8601 date-time"),
                    argumentSet("a second document", """
                            {"isEnabled": false}
                            {"isEnabled": true}
                            """, 2, 1, "expected the end of the input after the document, found an object"));
        }

        private static AppManagementPolicy readPolicy(String json) {
            return GraphJsonReader.readPolicy(stream(json), POLICY_SOURCE);
        }
    }

    @Test
    void readers_name_what_they_read() {
        assertThat(GraphJsonReader.APPLICATIONS).hasToString("GraphJsonReader[applications]");
        assertThat(GraphJsonReader.CREDENTIAL_SIGN_INS).hasToString("GraphJsonReader[credential sign-in rows]");
    }

    private static <T> List<T> read(GraphJsonReader<T> reader, String json) {
        return read(reader, json.getBytes(UTF_8));
    }

    private static <T> List<T> read(GraphJsonReader<T> reader, byte[] bytes) {
        List<T> items = new ArrayList<>();
        reader.read(new ByteArrayInputStream(bytes), SOURCE, items::add);
        return items;
    }

    private static ByteArrayInputStream stream(String json) {
        return new ByteArrayInputStream(json.getBytes(UTF_8));
    }

    private static byte[] encode(String text, byte[] bom, Charset charset) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(bom);
        out.writeBytes(text.getBytes(charset));
        return out.toByteArray();
    }

    private static BadInputException refusal(ThrowingCallable read) {
        Throwable thrown = catchThrowable(read);
        assertThat(thrown).isInstanceOf(BadInputException.class);
        return (BadInputException) thrown;
    }

    private static void assertNoStackTraceText(BadInputException e) {
        assertThat(e.getMessage()).doesNotContain("\n", "\r", "\tat ", "Exception", "com.fasterxml", "dev.app09");
    }
}
