package dev.app09.testkit.server;

import static dev.app09.testkit.server.GraphHttp.assertGraphError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import dev.app09.core.model.Application;
import dev.app09.core.model.CredentialSignIn;
import dev.app09.core.model.FederatedIdentityCredential;
import dev.app09.core.model.KeyCredential;
import dev.app09.core.model.PasswordCredential;
import dev.app09.core.model.TenantSnapshot;
import dev.app09.testkit.junit.FakeGraphExtension;
import dev.app09.testkit.tenant.FakeTenant;
import dev.app09.testkit.tenant.SampleTenants;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

final class QueryTest {

    private static final String FEDERATED_FILTER = "$filter=federatedIdentityCredentials/$count%20ne%200";

    private static final TenantSnapshot TENANT = FakeTenant.create()
            .newSecretsBlocked(true)
            .application("Payroll", app -> app.secret().certificate().federated())
            .application("Billing", app -> app.secret(s -> s.hint("abc")))
            .application("Deployer", app -> app.federated()
                    .federated(f -> f.subject("repo:contoso/deployer:environment:prod")))
            .application("Portal", app -> app.certificate().certificate())
            .externalApp("Zoom", sp -> sp.secret())
            .build();

    @RegisterExtension
    static final FakeGraphExtension extension = FakeGraphExtension.create();

    private FakeGraphServer graph;
    private GraphHttp http;

    /** The extension has reset the server (faults, journal, writes, clock) before this runs. */
    @BeforeEach
    void serve() {
        graph = extension.serve(TENANT);
        http = GraphHttp.of(graph);
    }

    private static Application app(String displayName) {
        return TENANT.applications().stream().filter(a -> a.displayName().equals(displayName)).findFirst().orElseThrow();
    }

    private static JsonNode withId(JsonNode value, UUID id) {
        for (JsonNode object : value) {
            if (object.path("id").asText().equals(id.toString())) {
                return object;
            }
        }
        throw new AssertionError("no object with id " + id + " in " + value);
    }

    private static List<String> fieldNames(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    static Stream<Arguments> selections() {
        return Stream.of(
                Arguments.of("/v1.0/applications", "id"),
                Arguments.of("/v1.0/applications", "displayName,keyCredentials"),
                Arguments.of("/v1.0/applications", "keyCredentials,id,appId,passwordCredentials"),
                Arguments.of("/v1.0/servicePrincipals", "id,servicePrincipalType,preferredTokenSigningKeyThumbprint"),
                Arguments.of("/v1.0/servicePrincipals", "appOwnerOrganizationId"));
    }

    @ParameterizedTest(name = "{0}?$select={1}")
    @MethodSource("selections")
    void select_trims_each_object_to_exactly_the_selected_properties(String collection, String select)
            throws Exception {
        JsonNode value = http.get(collection + "?$select=" + select).json().path("value");

        assertThat(value).isNotEmpty().allSatisfy(object ->
                assertThat(fieldNames(object)).containsExactlyInAnyOrder(select.split(",")));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "/v1.0/applications?$select=id,secretText",
            "/v1.0/applications?$select=servicePrincipalType",
            "/v1.0/servicePrincipals?$select=signInAudience",
            "/v1.0/applications/{app}?$select=nothing"})
    void an_unknown_property_in_select_is_refused(String url) throws Exception {
        GraphHttp.Reply reply = http.get(url.replace("{app}", app("Payroll").id().toString()));

        assertGraphError(reply, 400, "Request_BadRequest");
    }

    @Test
    void expand_adds_the_federated_credentials_of_each_application() throws Exception {
        JsonNode value = http.get("/v1.0/applications?$select=id&$expand=federatedIdentityCredentials").json()
                .path("value");

        assertThat(value).hasSize(TENANT.applications().size());
        for (Application expected : TENANT.applications()) {
            assertThat(withId(value, expected.id()).path("federatedIdentityCredentials"))
                    .extracting(f -> f.path("subject").asText())
                    .containsExactlyElementsOf(expected.federatedIdentityCredentials().stream()
                            .map(FederatedIdentityCredential::subject).toList());
        }
        assertThat(value).filteredOn(app -> app.path("federatedIdentityCredentials").size() > 0).hasSize(2);
    }

    @Test
    void a_plain_list_of_ids_expands_the_federated_credentials_on_pages_of_999() throws Exception {
        GraphHttp.Reply reply = http.get("/v1.0/applications?$select=id&$expand=federatedIdentityCredentials&$top=999");

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.nextLink()).isNull();
        JsonNode value = reply.json().path("value");
        assertThat(value).hasSize(TENANT.applications().size()).allSatisfy(app ->
                assertThat(fieldNames(app)).containsExactly("id", "federatedIdentityCredentials"));
        for (Application expected : TENANT.applications()) {
            assertThat(withId(value, expected.id()).path("federatedIdentityCredentials"))
                    .extracting(f -> f.path("subject").asText())
                    .containsExactlyElementsOf(expected.federatedIdentityCredentials().stream()
                            .map(FederatedIdentityCredential::subject).toList());
        }
    }

    static Stream<Arguments> advancedQueriesWithExpand() {
        String expand = "&$expand=federatedIdentityCredentials";
        return Stream.of(
                Arguments.of("/v1.0/applications?" + FEDERATED_FILTER + "&$count=true&$select=id&$top=999" + expand),
                Arguments.of("/v1.0/applications?" + FEDERATED_FILTER + "&$count=false" + expand),
                Arguments.of("/v1.0/applications?$filter=federatedIdentityCredentials/$count%20%20ne%200&$count=true"
                        + expand),
                Arguments.of("/v1.0/applications?$count=true&$select=id" + expand),
                Arguments.of("/v1.0/applications?$search=%22displayName:Pay%22" + expand),
                Arguments.of("/v1.0/servicePrincipals?$count=true&$expand=owners"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("advancedQueriesWithExpand")
    void expand_on_an_advanced_query_is_refused(String url) throws Exception {
        GraphHttp.Reply reply = http.get(url, "ConsistencyLevel", "eventual");

        assertGraphError(reply, 400, "Request_UnsupportedQuery");
        assertThat(reply.json().path("error").path("message").asText())
                .isEqualTo("$expand is not supported with advanced queries.");
    }

    @Test
    void the_eventual_consistency_header_alone_makes_no_advanced_query_and_expand_works() throws Exception {
        GraphHttp.Reply reply = http.get("/v1.0/applications?$select=id&$expand=federatedIdentityCredentials",
                "ConsistencyLevel", "eventual");

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.json().path("value")).filteredOn(app -> app.path("federatedIdentityCredentials").size() > 0)
                .hasSize(2);
    }

    @Test
    void without_expand_the_list_carries_no_federated_credentials() throws Exception {
        JsonNode value = http.get("/v1.0/applications").json().path("value");

        assertThat(value).isNotEmpty().noneSatisfy(app ->
                assertThat(app.has("federatedIdentityCredentials")).isTrue());
    }

    @Test
    void expand_on_the_list_is_refused_when_the_fake_says_it_is_unsupported() throws Exception {
        graph.federatedExpandSupported(false);

        GraphHttp.Reply reply = http.get("/v1.0/applications?$expand=federatedIdentityCredentials");

        assertGraphError(reply, 400, "Request_BadRequest");
    }

    @Test
    void the_federated_count_filter_returns_only_applications_with_federated_credentials() throws Exception {
        GraphHttp.Reply reply = http.get("/v1.0/applications?" + FEDERATED_FILTER + "&$count=true&$select=id",
                "ConsistencyLevel", "eventual");

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.ids()).containsExactly(app("Payroll").id().toString(), app("Deployer").id().toString());
        assertThat(reply.json().path("@odata.count").asInt()).isEqualTo(2);
    }

    @Test
    void each_page_of_the_federated_count_filter_needs_the_eventual_consistency_header_again() throws Exception {
        String next = http.get("/v1.0/applications?" + FEDERATED_FILTER + "&$count=true&$top=1",
                "ConsistencyLevel", "eventual").nextLink();

        GraphHttp.Reply withoutHeader = http.get(next);
        GraphHttp.Reply withHeader = http.get(next, "ConsistencyLevel", "eventual");

        assertGraphError(withoutHeader, 400, "Request_UnsupportedQuery");
        assertThat(withHeader.ids()).containsExactly(app("Deployer").id().toString());
    }

    @Test
    void query_option_names_encoded_as_the_sdk_encodes_them_are_honoured() throws Exception {
        // Kiota's URI templates write %24top and %24select, not $top and $select.
        GraphHttp.Reply reply = http.get("/v1.0/applications?%24top=2&%24select=id%2CdisplayName");

        assertThat(reply.json().path("value")).hasSize(2).allSatisfy(app ->
                assertThat(fieldNames(app)).containsExactly("id", "displayName"));
        assertThat(reply.nextLink()).isNotNull();
    }

    static Stream<Arguments> incompleteAdvancedQueries() {
        return Stream.of(
                Arguments.of("without the header", "&$count=true", new String[0]),
                Arguments.of("without $count", "", new String[] {"ConsistencyLevel", "eventual"}),
                Arguments.of("with $count=false", "&$count=false", new String[] {"ConsistencyLevel", "eventual"}),
                Arguments.of("with another consistency level", "&$count=true", new String[] {"ConsistencyLevel", "session"}),
                Arguments.of("with neither", "", new String[0]));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("incompleteAdvancedQueries")
    void the_federated_count_filter_needs_eventual_consistency_and_count(String name, String count, String[] headers)
            throws Exception {
        GraphHttp.Reply reply = http.get("/v1.0/applications?" + FEDERATED_FILTER + count, headers);

        assertGraphError(reply, 400, "Request_UnsupportedQuery");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/v1.0/applications?$count=true", "/v1.0/servicePrincipals?$count=true"})
    void count_on_a_plain_list_is_an_advanced_query_too(String url) throws Exception {
        assertGraphError(http.get(url), 400, "Request_UnsupportedQuery");
        assertThat(http.get(url, "ConsistencyLevel", "eventual").json().path("@odata.count").asInt()).isPositive();
    }

    @Test
    void the_server_names_its_own_request_id_and_echoes_the_client_one() throws Exception {
        GraphHttp.Reply reply = http.get("/v1.0/applications/not-a-guid", "client-request-id", "my-correlation-id");

        assertThat(reply.headers().firstValue("client-request-id")).hasValue("my-correlation-id");
        assertThat(reply.headers().firstValue("request-id")).isPresent().get().isNotEqualTo("my-correlation-id");
        assertThat(reply.json().path("error").path("innerError").path("client-request-id").asText())
                .isEqualTo("my-correlation-id");
    }

    @Test
    void a_single_application_selected_with_key_credentials_carries_key_values() throws Exception {
        Application portal = app("Portal");
        UUID stored = portal.keyCredentials().get(0).keyId();
        byte[] certificate = "not really DER, but the bytes Graph keeps".getBytes(StandardCharsets.US_ASCII);
        graph.certificate(stored, certificate);

        JsonNode keys = http.get("/v1.0/applications/" + portal.id() + "?$select=keyCredentials").json()
                .path("keyCredentials");

        assertThat(keys).extracting(k -> k.path("keyId").asText())
                .containsExactlyElementsOf(portal.keyCredentials().stream().map(k -> k.keyId().toString()).toList());
        assertThat(keys).allSatisfy(k -> assertThat(k.path("key").isTextual()).isTrue());
        assertThat(Base64.getDecoder().decode(keys.get(0).path("key").asText())).isEqualTo(certificate);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "/v1.0/applications?$select=id,keyCredentials",
            "/v1.0/applications",
            "/v1.0/applications/{portal}"})
    void key_values_are_null_unless_a_single_application_is_selected_with_them(String url) throws Exception {
        Application portal = app("Portal");
        graph.certificate(portal.keyCredentials().get(0).keyId(), new byte[] {1, 2, 3});

        JsonNode body = http.get(url.replace("{portal}", portal.id().toString())).json();

        List<JsonNode> keys = new ArrayList<>();
        (body.has("value") ? body.path("value") : List.of(body)).forEach(app -> app.path("keyCredentials").forEach(keys::add));
        assertThat(keys).hasSizeGreaterThanOrEqualTo(2).allSatisfy(k -> {
            assertThat(k.has("key")).isTrue();
            assertThat(k.get("key").isNull()).isTrue();
        });
    }

    @Test
    void unreadable_key_values_are_null_even_on_a_single_selected_application() throws Exception {
        graph.keyValuesReadable(false);

        JsonNode keys = http.get("/v1.0/applications/" + app("Portal").id() + "?$select=keyCredentials").json()
                .path("keyCredentials");

        assertThat(keys).hasSize(2).allSatisfy(k -> assertThat(k.get("key").isNull()).isTrue());
    }

    @Test
    void the_federated_credentials_of_one_application_are_listed() throws Exception {
        Application deployer = app("Deployer");

        JsonNode value = http.get("/v1.0/applications/" + deployer.id() + "/federatedIdentityCredentials").json()
                .path("value");

        assertThat(value).extracting(f -> f.path("name").asText(), f -> f.path("issuer").asText(),
                f -> f.path("subject").asText(), f -> f.path("audiences").get(0).asText())
                .containsExactlyElementsOf(deployer.federatedIdentityCredentials().stream()
                        .map(f -> tuple(f.name(), f.issuer(), f.subject(), f.audiences().get(0))).toList());
    }

    @Test
    void an_application_without_federated_credentials_lists_none() throws Exception {
        GraphHttp.Reply reply = http.get("/v1.0/applications/" + app("Billing").id() + "/federatedIdentityCredentials");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().path("value").isArray()).isTrue();
        assertThat(reply.json().path("value")).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "/v1.0/applications/{unknown}",
            "/v1.0/applications/{unknown}/federatedIdentityCredentials",
            "/v1.0/servicePrincipals/{unknown}",
            "/v1.0/applications/{servicePrincipal}"})
    void an_unknown_object_id_answers_404_with_graph_error(String url) throws Exception {
        GraphHttp.Reply reply = http.get(url.replace("{unknown}", UUID.randomUUID().toString())
                .replace("{servicePrincipal}", TENANT.servicePrincipals().get(0).id().toString()));

        assertGraphError(reply, 404, "Request_ResourceNotFound");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "/v1.0/applications/not-a-guid",
            "/v1.0/applications/Payroll/federatedIdentityCredentials",
            "/v1.0/servicePrincipals/12345"})
    void a_non_guid_object_id_answers_400_with_graph_error(String url) throws Exception {
        assertGraphError(http.get(url), 400, "Request_BadRequest");
    }

    @Test
    void a_single_object_is_the_same_object_as_in_the_list() throws Exception {
        JsonNode inList = http.get("/v1.0/servicePrincipals").json().path("value").get(0);

        JsonNode single = http.get("/v1.0/servicePrincipals/" + inList.path("id").asText()).json();

        assertThat(single).isEqualTo(inList);
    }

    @Test
    void the_default_app_management_policy_is_the_tenant_policy() throws Exception {
        JsonNode policy = http.get("/v1.0/policies/defaultAppManagementPolicy").json();

        assertThat(policy.path("isEnabled").asBoolean()).isTrue();
        for (String restrictions : List.of("applicationRestrictions", "servicePrincipalRestrictions")) {
            assertThat(policy.path(restrictions).path("passwordCredentials"))
                    .extracting(r -> r.path("restrictionType").asText(), r -> r.path("state").asText())
                    .containsExactly(tuple("passwordAddition", "enabled"));
        }
    }

    @Test
    void a_tenant_without_a_policy_shows_a_disabled_default_policy() throws Exception {
        graph.serve(FakeTenant.create().application("Payroll").build());

        GraphHttp.Reply reply = http.get("/v1.0/policies/defaultAppManagementPolicy");

        assertThat(reply.status()).isEqualTo(200);
        JsonNode policy = reply.json();
        assertThat(policy.path("id").asText()).isEqualTo("00000000-0000-0000-0000-000000000000");
        assertThat(policy.path("isEnabled").isBoolean()).isTrue();
        assertThat(policy.path("isEnabled").asBoolean()).isFalse();
        assertThat(policy.path("applicationRestrictions").path("passwordCredentials")).isEmpty();
        assertThat(policy.path("servicePrincipalRestrictions").path("passwordCredentials")).isEmpty();
    }

    @Test
    void the_sign_in_activity_report_serves_the_evidence_rows() throws Exception {
        TenantSnapshot contoso = SampleTenants.contoso().tenant();
        graph.serve(contoso);
        List<CredentialSignIn> rows = contoso.signInEvidence().signIns();

        JsonNode value = http.get("/beta/reports/appCredentialSignInActivities").json().path("value");

        assertThat(rows).isNotEmpty();
        assertThat(value).extracting(r -> r.path("keyId").asText(), r -> r.path("appId").asText(),
                        r -> r.path("keyType").asText(), r -> r.path("credentialOrigin").asText(),
                        r -> r.path("signInActivity").path("lastSignInDateTime").isNull()
                                ? null : r.path("signInActivity").path("lastSignInDateTime").asText())
                .containsExactlyElementsOf(rows.stream().map(r -> tuple(r.keyId().toString(), r.appId().toString(),
                        r.keyType(), r.credentialOrigin(), r.lastSignIn() == null ? null : r.lastSignIn().toString()))
                        .toList());
    }

    @Test
    void a_tenant_without_evidence_serves_an_empty_sign_in_activity_report() throws Exception {
        GraphHttp.Reply reply = http.get("/beta/reports/appCredentialSignInActivities");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().path("value").isArray()).isTrue();
        assertThat(reply.json().path("value")).isEmpty();
    }

    @Test
    void the_organization_is_the_tenant() throws Exception {
        graph.organizationName("Contoso Ltd");

        JsonNode value = http.get("/v1.0/organization").json().path("value");

        assertThat(value).hasSize(1);
        assertThat(value.get(0).path("id").asText()).isEqualTo(TENANT.tenantId().toString());
        assertThat(value.get(0).path("displayName").asText()).isEqualTo("Contoso Ltd");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "/v1.0/applicationz",
            "/v1.0/policies/someOtherPolicy",
            "/beta/reports/nothingHere",
            "/v1.0/applications/{app}/nothingHere",
            "/v2.0/applications",
            "/"})
    void an_unknown_path_answers_400_with_graph_error(String path) throws Exception {
        GraphHttp.Reply reply = http.get(path.replace("{app}", app("Payroll").id().toString()));

        assertGraphError(reply, 400, "Request_BadRequest");
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("wrongMethods")
    void a_method_the_endpoint_does_not_take_answers_405(String method, String path) throws Exception {
        GraphHttp.Reply reply = http.send(method, path.replace("{app}", app("Payroll").id().toString()));

        assertGraphError(reply, 405, "Request_BadRequest");
    }

    static Stream<Arguments> wrongMethods() {
        return Stream.of(
                Arguments.of("DELETE", "/v1.0/applications"),
                Arguments.of("POST", "/v1.0/servicePrincipals"),
                Arguments.of("PUT", "/v1.0/organization"),
                Arguments.of("DELETE", "/v1.0/policies/defaultAppManagementPolicy"),
                Arguments.of("POST", "/beta/reports/appCredentialSignInActivities"),
                Arguments.of("POST", "/v1.0/applications/{app}/federatedIdentityCredentials"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "/v1.0/applications",
            "/v1.0/applications?$select=passwordCredentials",
            "/v1.0/applications/{app}",
            "/v1.0/servicePrincipals"})
    void password_credentials_never_carry_a_secret_text(String url) throws Exception {
        JsonNode body = http.get(url.replace("{app}", app("Payroll").id().toString())).json();

        List<JsonNode> passwords = new ArrayList<>();
        (body.has("value") ? body.path("value") : List.of(body))
                .forEach(object -> object.path("passwordCredentials").forEach(passwords::add));
        assertThat(passwords).isNotEmpty().allSatisfy(p -> {
            assertThat(p.path("keyId").asText()).isNotBlank();
            assertThat(p.has("secretText")).isTrue();
            assertThat(p.get("secretText").isNull()).isTrue();
        });
    }

    @Test
    void password_credentials_show_the_hint_and_dates_graph_keeps() throws Exception {
        JsonNode password = http.get("/v1.0/applications/" + app("Billing").id() + "?$select=passwordCredentials")
                .json().path("passwordCredentials").get(0);

        PasswordCredential expected = app("Billing").passwordCredentials().get(0);
        assertThat(password.path("hint").asText()).isEqualTo("abc");
        assertThat(password.path("keyId").asText()).isEqualTo(expected.keyId().toString());
        assertThat(password.path("endDateTime").asText()).isEqualTo(expected.endDateTime().toString());
    }

    @Test
    void key_credentials_on_the_list_carry_type_usage_and_custom_key_identifier() throws Exception {
        Application portal = app("Portal");
        KeyCredential expected = portal.keyCredentials().get(0);

        JsonNode value = http.get("/v1.0/applications?$select=id,keyCredentials").json().path("value");

        JsonNode key = withId(value, portal.id()).path("keyCredentials").get(0);

        assertThat(key.path("keyId").asText()).isEqualTo(expected.keyId().toString());
        assertThat(key.path("type").asText()).isEqualTo("AsymmetricX509Cert");
        assertThat(key.path("usage").asText()).isEqualTo("Verify");
        assertThat(key.path("customKeyIdentifier").asText()).isEqualTo(expected.customKeyIdentifier().toBase64());
    }

    @Test
    void the_application_list_carries_the_properties_app09_selects_when_nothing_is_selected() throws Exception {
        JsonNode first = http.get("/v1.0/applications").json().path("value").get(0);

        assertThat(fieldNames(first)).containsExactlyInAnyOrderElementsOf(Set.of("id", "appId", "displayName",
                "createdDateTime", "signInAudience", "passwordCredentials", "keyCredentials"));
    }
}
