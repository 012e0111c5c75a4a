package dev.app09.testkit.server;

import static dev.app09.testkit.server.GraphHttp.assertGraphError;
import static dev.app09.testkit.server.NewObjects.newApplication;
import static dev.app09.testkit.server.NewObjects.renamed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import dev.app09.core.model.Application;
import dev.app09.core.model.ServicePrincipal;
import dev.app09.core.model.TenantSnapshot;
import dev.app09.testkit.TestClock;
import dev.app09.testkit.json.GraphJson;
import dev.app09.testkit.junit.FakeGraphExtension;
import dev.app09.testkit.tenant.FakeTenant;
import dev.app09.testkit.tenant.GeneratedTenant;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Delta queries on applications and service principals, over real HTTP: full rounds, delta links,
 * the changes they report, their tokens, and their refusals.
 */
final class DeltaQueryTest {

    private static final TenantSnapshot TENANT = tenantOf(10);
    private static final String APPLICATIONS_DELTA = "/v1.0/applications/delta";

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

    private static TenantSnapshot tenantOf(int size) {
        FakeTenant tenant = FakeTenant.named("delta-" + size, TestClock.DEFAULT_INSTANT);
        for (int i = 0; i < size; i++) {
            tenant.application("app-" + i, app -> app.secret().servicePrincipal(sp -> sp.secret()));
        }
        return tenant.build();
    }

    private static Application app(int index) {
        return TENANT.applications().get(index);
    }

    private static List<String> applicationIds(int... indices) {
        return IntStream.of(indices).mapToObj(i -> app(i).id().toString()).toList();
    }

    private static List<String> fieldNames(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** A delta round read to its end: its pages, in order, and the delta link of the last. */
    private record Round(List<GraphHttp.Reply> pages, String deltaLink) {

        List<JsonNode> objects() {
            List<JsonNode> objects = new ArrayList<>();
            pages.forEach(page -> page.json().path("value").forEach(objects::add));
            return objects;
        }

        List<String> ids() {
            return objects().stream().map(o -> o.path("id").asText()).toList();
        }

        JsonNode object(UUID id) {
            return objects().stream().filter(o -> o.path("id").asText().equals(id.toString())).findFirst()
                    .orElseThrow(() -> new AssertionError("no object " + id + " in the round"));
        }

        List<Integer> pageSizes() {
            return pages.stream().map(page -> page.json().path("value").size()).toList();
        }
    }

    /** Follows next links to the delta link, checking that each page carries exactly one of them. */
    private Round round(String firstUrl) throws Exception {
        List<GraphHttp.Reply> pages = new ArrayList<>();
        String url = firstUrl;
        while (true) {
            assertThat(pages).as("pages of the round from %s", firstUrl).hasSizeLessThan(1_000);
            GraphHttp.Reply page = http.get(url);
            assertThat(page.status()).as("status of %s: %s", url, page.body()).isEqualTo(200);
            JsonNode body = page.json();
            assertThat(body.has("@odata.nextLink") ^ body.has("@odata.deltaLink"))
                    .as("exactly one of nextLink and deltaLink: %s", page.body()).isTrue();
            pages.add(page);
            if (body.has("@odata.deltaLink")) {
                return new Round(pages, body.get("@odata.deltaLink").asText());
            }
            url = body.get("@odata.nextLink").asText();
        }
    }

    private String deltaLinkFromNow(String collection) throws Exception {
        GraphHttp.Reply latest = http.get(collection + "?$deltatoken=latest");
        assertThat(latest.status()).as(latest.body()).isEqualTo(200);
        return latest.json().get("@odata.deltaLink").asText();
    }

    // The full round

    static Stream<Arguments> functionNames() {
        return Stream.of(
                Arguments.of("/v1.0/applications/delta", "/v1.0/applications/delta?"),
                Arguments.of("/v1.0/applications/delta()", "/v1.0/applications/microsoft.graph.delta()?"),
                Arguments.of("/v1.0/applications/delta%28%29", "/v1.0/applications/microsoft.graph.delta()?"),
                Arguments.of("/v1.0/applications/microsoft.graph.delta()", "/v1.0/applications/microsoft.graph.delta()?"),
                Arguments.of("/v1.0/applications/microsoft.graph.delta", "/v1.0/applications/microsoft.graph.delta?"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("functionNames")
    void a_full_round_returns_every_application_in_pages_then_a_delta_link(String path, String linkPath)
            throws Exception {
        Round round = round(path + "?$top=4");

        assertThat(round.ids()).containsExactlyElementsOf(
                TENANT.applications().stream().map(a -> a.id().toString()).toList());
        assertThat(round.pageSizes()).containsExactly(4, 4, 2);
        assertThat(round.pages().subList(0, 2)).allSatisfy(page ->
                assertThat(page.nextLink()).startsWith(graph.baseUrl() + linkPath + "$skiptoken="));
        assertThat(round.deltaLink()).startsWith(graph.baseUrl() + linkPath + "$deltatoken=");
        assertThat(graph.journal().requests(Endpoint.APPLICATIONS_DELTA)).extracting(RecordedRequest::page)
                .containsExactly(1, 2, 3);
        assertThat(graph.journal().count(Endpoint.APPLICATION)).as("delta is no application id").isZero();
    }

    @Test
    void a_full_round_of_service_principals_returns_every_one() throws Exception {
        Round round = round("/v1.0/servicePrincipals/delta()");

        assertThat(round.ids()).containsExactlyElementsOf(
                TENANT.servicePrincipals().stream().map(sp -> sp.id().toString()).toList());
        assertThat(round.objects()).allSatisfy(sp -> assertThat(fieldNames(sp))
                .containsExactlyInAnyOrderElementsOf(GraphJson.SERVICE_PRINCIPAL_PROPERTIES));
        assertThat(graph.journal().count(Endpoint.SERVICE_PRINCIPALS_DELTA)).isEqualTo(1);
    }

    @Test
    void a_full_round_returns_the_current_objects_only_changed_ones_in_their_latest_state() throws Exception {
        Application added = newApplication("Newcomer");
        graph.deleteApplication(app(1).id()).softDeleteApplication(app(6).id())
                .changeApplication(app(3).id(), a -> renamed(a, "Renamed")).addApplication(added);

        Round round = round(APPLICATIONS_DELTA + "?$top=3");

        assertThat(round.ids()).containsExactlyElementsOf(Stream.concat(applicationIds(0, 2, 3, 4, 5, 7, 8, 9).stream(),
                Stream.of(added.id().toString())).toList());
        assertThat(round.objects()).noneSatisfy(o -> assertThat(o.has("@removed")).isTrue());
        assertThat(round.object(app(3).id()).path("displayName").asText()).isEqualTo("Renamed");
    }

    @Test
    void without_top_a_page_holds_one_hundred_objects_as_in_the_list() throws Exception {
        graph.serve(tenantOf(250));

        Round round = round(APPLICATIONS_DELTA);

        assertThat(round.pageSizes()).containsExactly(100, 100, 50);
    }

    @ParameterizedTest(name = "$top={0}")
    @ValueSource(strings = {"1000", "0", "abc"})
    void a_page_size_outside_1_to_999_is_refused(String top) throws Exception {
        assertGraphError(http.get(APPLICATIONS_DELTA + "?$top=" + top), 400, "Request_BadRequest");
    }

    @Test
    void select_is_honoured_on_every_page_with_the_id_and_travels_in_the_links() throws Exception {
        Round round = round(APPLICATIONS_DELTA + "?$select=displayName,passwordCredentials&$top=3");
        graph.changeApplication(app(4).id(), a -> renamed(a, "changed"));
        Round changes = round(round.deltaLink());

        assertThat(round.objects()).hasSize(10).allSatisfy(app ->
                assertThat(fieldNames(app)).containsExactly("id", "displayName", "passwordCredentials"));
        assertThat(changes.objects()).singleElement().satisfies(app ->
                assertThat(fieldNames(app)).containsExactly("id", "displayName", "passwordCredentials"));
        List<RecordedRequest> requests = graph.journal().requests(Endpoint.APPLICATIONS_DELTA);
        assertThat(requests.get(0).query()).containsKeys("$select", "$top");
        assertThat(requests.subList(1, requests.size())).allSatisfy(request ->
                assertThat(request.query().keySet()).hasSize(1).containsAnyOf("$skiptoken", "$deltatoken"));
    }

    @Test
    void the_links_carry_nothing_but_their_token() throws Exception {
        GraphHttp.Reply first = http.get(APPLICATIONS_DELTA + "?$select=id&$top=9");
        Round rest = round(first.nextLink());

        assertThat(URI.create(first.nextLink()).getRawQuery()).matches("\\$skiptoken=[A-Za-z0-9_-]+");
        assertThat(URI.create(rest.deltaLink()).getRawQuery()).matches("\\$deltatoken=[A-Za-z0-9_-]+");
    }

    @Test
    void the_delta_link_comes_before_value_as_the_next_link_does() throws Exception {
        String body = http.get(APPLICATIONS_DELTA).body();

        assertThat(body.indexOf("\"@odata.deltaLink\"")).isNotNegative().isLessThan(body.indexOf("\"value\""));
    }

    // Sync from now

    @Test
    void latest_answers_no_object_and_a_delta_link_that_reports_later_changes_only() throws Exception {
        GraphHttp.Reply latest = http.get(APPLICATIONS_DELTA + "?$deltatoken=latest&$select=displayName");
        graph.changeApplication(app(7).id(), a -> renamed(a, "after latest"));

        Round changes = round(latest.json().get("@odata.deltaLink").asText());

        assertThat(latest.json().path("value")).isEmpty();
        assertThat(latest.json().has("@odata.nextLink")).isFalse();
        assertThat(changes.objects()).singleElement().satisfies(app -> {
            assertThat(app.path("id").asText()).isEqualTo(app(7).id().toString());
            assertThat(app.path("displayName").asText()).isEqualTo("after latest");
            assertThat(fieldNames(app)).containsExactly("id", "displayName");
        });
    }

    // Change rounds

    @Test
    void a_change_round_reports_changed_added_and_removed_objects_only() throws Exception {
        String link = round(APPLICATIONS_DELTA + "?$select=id,displayName,passwordCredentials").deltaLink();
        Application added = newApplication("Newcomer");
        graph.changeApplication(app(2).id(), a -> renamed(a, "Renamed"))
                .deleteApplication(app(5).id())
                .softDeleteApplication(app(8).id())
                .addApplication(added);

        Round changes = round(link);

        assertThat(changes.ids()).containsExactlyElementsOf(List.of(app(2).id().toString(), app(5).id().toString(),
                app(8).id().toString(), added.id().toString()));
        JsonNode listed = http.get("/v1.0/applications/" + app(2).id() + "?$select=id,displayName,passwordCredentials")
                .json();
        assertThat(changes.object(app(2).id())).as("whole, as it is now").isEqualTo(listed);
        assertThat(changes.object(app(2).id()).path("passwordCredentials")).hasSize(1);
        assertThat(changes.object(app(5).id())).isEqualTo(GraphHttp.JSON.readTree(
                "{\"id\": \"" + app(5).id() + "\", \"@removed\": {\"reason\": \"deleted\"}}"));
        assertThat(changes.object(app(8).id()).path("@removed").path("reason").asText()).isEqualTo("changed");
        assertThat(changes.object(added.id()).path("displayName").asText()).isEqualTo("Newcomer");
    }

    @Test
    void an_object_changed_several_times_appears_once_in_its_latest_state() throws Exception {
        String link = deltaLinkFromNow(APPLICATIONS_DELTA);
        graph.changeApplication(app(3).id(), a -> renamed(a, "first"))
                .changeApplication(app(3).id(), a -> renamed(a, "second"))
                .changeApplication(app(3).id(), a -> renamed(a, "third"));

        Round changes = round(link);

        assertThat(changes.ids()).containsExactly(app(3).id().toString());
        assertThat(changes.object(app(3).id()).path("displayName").asText()).isEqualTo("third");
    }

    @Test
    void an_object_changed_then_deleted_is_reported_removed() throws Exception {
        String link = deltaLinkFromNow(APPLICATIONS_DELTA);
        graph.changeApplication(app(3).id(), a -> renamed(a, "first")).deleteApplication(app(3).id());

        Round changes = round(link);

        assertThat(changes.objects()).singleElement().satisfies(app ->
                assertThat(app.path("@removed").path("reason").asText()).isEqualTo("deleted"));
    }

    @Test
    void with_nothing_changed_a_round_is_empty_and_gives_a_new_delta_link_that_still_works() throws Exception {
        String link = deltaLinkFromNow(APPLICATIONS_DELTA);

        Round nothing = round(link);
        graph.deleteServicePrincipal(TENANT.servicePrincipals().get(0).id());
        graph.changeApplication(app(9).id(), a -> renamed(a, "later"));
        Round later = round(nothing.deltaLink());

        assertThat(nothing.pages()).singleElement().satisfies(page -> assertThat(page.json().path("value")).isEmpty());
        assertThat(nothing.deltaLink()).isNotEqualTo(link);
        assertThat(later.ids()).as("only applications, only the change").containsExactlyElementsOf(applicationIds(9));
    }

    @Test
    void each_round_reports_only_what_changed_after_its_link() throws Exception {
        String first = deltaLinkFromNow(APPLICATIONS_DELTA);
        graph.changeApplication(app(1).id(), a -> renamed(a, "one"));
        Round firstRound = round(first);
        graph.changeApplication(app(6).id(), a -> renamed(a, "six"));

        Round secondRound = round(firstRound.deltaLink());
        Round replayed = round(first);

        assertThat(firstRound.ids()).containsExactlyElementsOf(applicationIds(1));
        assertThat(secondRound.ids()).containsExactlyElementsOf(applicationIds(6));
        assertThat(replayed.ids()).as("a delta link can be followed again").containsExactlyElementsOf(applicationIds(1, 6));
    }

    @Test
    void many_changes_are_paged_with_next_links_then_a_delta_link() throws Exception {
        String link = round(APPLICATIONS_DELTA + "?$top=3").deltaLink();
        for (int i : new int[] {0, 2, 3, 5, 7, 8, 9}) {
            graph.changeApplication(app(i).id(), a -> renamed(a, "changed " + a.displayName()));
        }
        graph.journal().clear();

        Round changes = round(link);

        assertThat(changes.pageSizes()).containsExactly(3, 3, 1);
        assertThat(changes.ids()).containsExactlyElementsOf(applicationIds(0, 2, 3, 5, 7, 8, 9));
        assertThat(changes.objects()).allSatisfy(app -> assertThat(app.path("displayName").asText()).startsWith("changed"));
        assertThat(graph.journal().requests(Endpoint.APPLICATIONS_DELTA)).extracting(RecordedRequest::page)
                .containsExactly(1, 2, 3);
    }

    @Test
    void a_change_made_while_a_round_is_read_waits_for_the_next_round_and_none_is_lost() throws Exception {
        GraphHttp.Reply latest = http.get(APPLICATIONS_DELTA + "?$deltatoken=latest&$top=1");
        graph.changeApplication(app(1).id(), a -> renamed(a, "before"))
                .changeApplication(app(2).id(), a -> renamed(a, "before"));
        GraphHttp.Reply first = http.get(latest.json().get("@odata.deltaLink").asText());
        graph.changeApplication(app(0).id(), a -> renamed(a, "during"))
                .changeApplication(app(2).id(), a -> renamed(a, "again"));

        Round rest = round(first.nextLink());
        Round next = round(rest.deltaLink());

        assertThat(first.ids()).containsExactlyElementsOf(applicationIds(1));
        assertThat(rest.ids()).as("changed again after the round began").isEmpty();
        assertThat(next.ids()).containsExactlyElementsOf(applicationIds(0, 2));
        assertThat(next.object(app(2).id()).path("displayName").asText()).isEqualTo("again");
    }

    @Test
    void writes_over_http_are_reported_as_changes() throws Exception {
        String applications = deltaLinkFromNow(APPLICATIONS_DELTA);
        String servicePrincipals = deltaLinkFromNow("/v1.0/servicePrincipals/delta");
        ServicePrincipal sp = TENANT.servicePrincipals().get(4);

        HttpResponse<String> patched = send("PATCH", "/v1.0/applications/" + app(3).id(),
                "{\"displayName\": \"Patched\"}");
        HttpResponse<String> removed = send("POST", "/v1.0/servicePrincipals/" + sp.id() + "/removePassword",
                "{\"keyId\": \"" + sp.passwordCredentials().get(0).keyId() + "\"}");

        assertThat(patched.statusCode()).as(patched.body()).isEqualTo(204);
        assertThat(removed.statusCode()).as(removed.body()).isEqualTo(204);
        assertThat(round(applications).objects()).singleElement().satisfies(app ->
                assertThat(app.path("displayName").asText()).isEqualTo("Patched"));
        assertThat(round(servicePrincipals).objects()).singleElement().satisfies(changed -> {
            assertThat(changed.path("id").asText()).isEqualTo(sp.id().toString());
            assertThat(changed.path("passwordCredentials")).isEmpty();
        });
    }

    private HttpResponse<String> send(String method, String path, String json) throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        return client.send(HttpRequest.newBuilder(URI.create(graph.baseUrl() + path)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void ten_changes_in_a_generated_tenant_of_200000_come_back_alone_in_one_page_without_building_the_tenant()
            throws Exception {
        GeneratedTenant generated = GeneratedTenant.of(200_000, 200_000, 11);
        CountingSource counted = new CountingSource(generated);
        graph.serve(counted);
        String link = deltaLinkFromNow(APPLICATIONS_DELTA);
        Application added = newApplication("Newcomer");
        List<UUID> expected = new ArrayList<>();
        for (int index : new int[] {3, 17_000, 42_424, 99_999, 150_001, 199_998}) {
            UUID id = generated.application(index).id();
            graph.changeApplication(id, a -> renamed(a, "changed"));
            expected.add(id);
        }
        for (int index : new int[] {100_000, 180_000, 199_999}) {
            UUID id = generated.application(index).id();
            graph.deleteApplication(id);
            expected.add(id);
        }
        graph.addApplication(added);
        expected.add(added.id());
        counted.clear();

        Round changes = round(link);

        assertThat(changes.pages()).hasSize(1);
        assertThat(changes.ids()).containsExactlyInAnyOrderElementsOf(expected.stream().map(UUID::toString).toList());
        assertThat(changes.objects()).filteredOn(o -> o.has("@removed")).hasSize(3);
        assertThat(counted.applicationsRead()).as("source applications built by the round").isLessThanOrEqualTo(10);
    }

    // Changed properties only

    private static Application withoutPasswords(Application a) {
        return new Application(a.id(), a.appId(), a.displayName(), a.createdDateTime(), a.signInAudience(), List.of(),
                a.keyCredentials(), a.federatedIdentityCredentials());
    }

    @Test
    void with_changed_properties_only_a_credential_change_comes_as_the_id_and_the_credentials() throws Exception {
        graph.deltaSendsChangedPropertiesOnly(true);
        String link = deltaLinkFromNow(APPLICATIONS_DELTA);
        graph.changeApplication(app(2).id(), DeltaQueryTest::withoutPasswords);

        Round changes = round(link);

        assertThat(changes.objects()).singleElement().satisfies(app -> {
            assertThat(fieldNames(app)).containsExactly("id", "passwordCredentials");
            assertThat(app.path("id").asText()).isEqualTo(app(2).id().toString());
            assertThat(app.path("passwordCredentials").isArray()).isTrue();
            assertThat(app.path("passwordCredentials")).isEmpty();
        });
    }

    @Test
    void with_changed_properties_only_a_rename_comes_as_the_id_and_the_display_name() throws Exception {
        graph.deltaSendsChangedPropertiesOnly(true);
        String link = deltaLinkFromNow(APPLICATIONS_DELTA);
        graph.changeApplication(app(4).id(), a -> renamed(a, "Renamed"));

        Round changes = round(link);

        assertThat(changes.objects()).singleElement().satisfies(app -> {
            assertThat(fieldNames(app)).containsExactly("id", "displayName");
            assertThat(app.path("displayName").asText()).isEqualTo("Renamed");
        });
    }

    @Test
    void with_changed_properties_only_added_objects_come_whole_and_removed_ones_as_before() throws Exception {
        graph.deltaSendsChangedPropertiesOnly(true);
        String link = round(APPLICATIONS_DELTA).deltaLink();
        Application added = newApplication("Newcomer");
        graph.addApplication(added).changeApplication(app(1).id(), a -> renamed(a, "Renamed"))
                .deleteApplication(app(5).id());

        Round changes = round(link);

        assertThat(changes.ids()).containsExactly(app(1).id().toString(), app(5).id().toString(),
                added.id().toString());
        assertThat(fieldNames(changes.object(added.id())))
                .containsExactlyInAnyOrderElementsOf(GraphJson.APPLICATION_PROPERTIES);
        assertThat(fieldNames(changes.object(app(1).id()))).containsExactly("id", "displayName");
        assertThat(changes.object(app(5).id())).isEqualTo(GraphHttp.JSON.readTree(
                "{\"id\": \"" + app(5).id() + "\", \"@removed\": {\"reason\": \"deleted\"}}"));
    }

    @Test
    void with_changed_properties_only_an_added_object_changed_later_still_comes_whole() throws Exception {
        graph.deltaSendsChangedPropertiesOnly(true);
        Application added = newApplication("Newcomer");
        graph.addApplication(added);
        String link = deltaLinkFromNow(APPLICATIONS_DELTA);
        graph.changeApplication(added.id(), a -> renamed(a, "Renamed newcomer"));

        Round changes = round(link);

        assertThat(changes.objects()).singleElement().satisfies(app ->
                assertThat(fieldNames(app)).containsExactlyInAnyOrderElementsOf(GraphJson.APPLICATION_PROPERTIES));
    }

    @Test
    void with_changed_properties_only_the_selection_still_bounds_what_is_sent() throws Exception {
        graph.deltaSendsChangedPropertiesOnly(true);
        String link = round(APPLICATIONS_DELTA + "?$select=appId,displayName").deltaLink();
        graph.changeApplication(app(3).id(), a -> renamed(withoutPasswords(a), "Renamed"))
                .changeApplication(app(6).id(), DeltaQueryTest::withoutPasswords);

        Round changes = round(link);

        assertThat(changes.ids()).containsExactlyElementsOf(applicationIds(3, 6));
        assertThat(fieldNames(changes.object(app(3).id()))).containsExactly("id", "displayName");
        assertThat(fieldNames(changes.object(app(6).id()))).as("nothing selected changed").containsExactly("id");
    }

    @Test
    void with_changed_properties_only_a_property_changed_back_is_sent_again() throws Exception {
        graph.deltaSendsChangedPropertiesOnly(true);
        String first = deltaLinkFromNow(APPLICATIONS_DELTA);
        graph.changeApplication(app(7).id(), a -> renamed(a, "Temporary"));
        Round firstRound = round(first);
        graph.changeApplication(app(7).id(), a -> renamed(a, app(7).displayName()));

        Round secondRound = round(firstRound.deltaLink());

        assertThat(fieldNames(firstRound.object(app(7).id()))).containsExactly("id", "displayName");
        assertThat(secondRound.objects()).singleElement().satisfies(app -> {
            assertThat(fieldNames(app)).as("the built value again, but changed since the link")
                    .containsExactly("id", "displayName");
            assertThat(app.path("displayName").asText()).isEqualTo(app(7).displayName());
        });
    }

    @Test
    void with_changed_properties_only_what_differs_from_the_built_tenant_is_sent_even_if_changed_earlier()
            throws Exception {
        graph.deltaSendsChangedPropertiesOnly(true);
        graph.changeApplication(app(8).id(), a -> renamed(a, "Renamed before the link"));
        String link = deltaLinkFromNow(APPLICATIONS_DELTA);
        graph.changeApplication(app(8).id(), DeltaQueryTest::withoutPasswords);

        Round changes = round(link);

        assertThat(changes.objects()).singleElement().satisfies(app ->
                assertThat(fieldNames(app)).containsExactly("id", "displayName", "passwordCredentials"));
    }

    @Test
    void with_changed_properties_only_service_principals_written_over_http_come_as_the_id_and_the_change()
            throws Exception {
        graph.deltaSendsChangedPropertiesOnly(true);
        String link = deltaLinkFromNow("/v1.0/servicePrincipals/delta");
        ServicePrincipal sp = TENANT.servicePrincipals().get(4);

        HttpResponse<String> removed = send("POST", "/v1.0/servicePrincipals/" + sp.id() + "/removePassword",
                "{\"keyId\": \"" + sp.passwordCredentials().get(0).keyId() + "\"}");

        assertThat(removed.statusCode()).as(removed.body()).isEqualTo(204);
        assertThat(round(link).objects()).singleElement().satisfies(changed -> {
            assertThat(fieldNames(changed)).containsExactly("id", "passwordCredentials");
            assertThat(changed.path("passwordCredentials")).isEmpty();
        });
    }

    @Test
    void with_changed_properties_only_a_full_round_still_returns_whole_objects() throws Exception {
        graph.deltaSendsChangedPropertiesOnly(true).changeApplication(app(2).id(), a -> renamed(a, "Renamed"));

        Round round = round(APPLICATIONS_DELTA);

        assertThat(round.objects()).hasSize(10).allSatisfy(app ->
                assertThat(fieldNames(app)).containsExactlyInAnyOrderElementsOf(GraphJson.APPLICATION_PROPERTIES));
    }

    @Test
    void by_default_and_after_a_reset_a_change_round_returns_whole_objects() throws Exception {
        String link = deltaLinkFromNow(APPLICATIONS_DELTA);
        graph.changeApplication(app(2).id(), DeltaQueryTest::withoutPasswords);
        Round byDefault = round(link);
        graph.deltaSendsChangedPropertiesOnly(true).reset();
        String afterReset = deltaLinkFromNow(APPLICATIONS_DELTA);
        graph.changeApplication(app(2).id(), DeltaQueryTest::withoutPasswords);

        Round changes = round(afterReset);

        for (Round round : List.of(byDefault, changes)) {
            assertThat(round.objects()).singleElement().satisfies(app ->
                    assertThat(fieldNames(app)).containsExactlyInAnyOrderElementsOf(GraphJson.APPLICATION_PROPERTIES));
        }
    }

    // Refusals

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "$expand=federatedIdentityCredentials",
            "$select=id&$expand=federatedIdentityCredentials",
            "$filter=id%20eq%20'x'",
            "$count=true",
            "$orderby=displayName",
            "$select=id,secretText"})
    void query_options_and_properties_delta_does_not_take_are_refused(String query) throws Exception {
        assertGraphError(http.get(APPLICATIONS_DELTA + "?" + query), 400, "Request_BadRequest");
        assertGraphError(http.get("/v1.0/servicePrincipals/delta()?" + query), 400, "Request_BadRequest");
    }

    @Test
    void select_or_top_beside_a_token_is_refused() throws Exception {
        String link = deltaLinkFromNow(APPLICATIONS_DELTA);

        assertGraphError(http.get(link + "&$select=id"), 400, "Request_BadRequest");
        assertGraphError(http.get(link + "&$top=5"), 400, "Request_BadRequest");
        assertThat(http.get(link).status()).as("the link as written").isEqualTo(200);
    }

    @Test
    void a_method_other_than_get_answers_405() throws Exception {
        assertGraphError(http.send("POST", APPLICATIONS_DELTA), 405, "Request_BadRequest");
    }

    @Test
    void expired_tokens_answer_410_sync_state_not_found_and_a_new_full_round_works() throws Exception {
        String deltaLink = round(APPLICATIONS_DELTA).deltaLink();
        String nextLink = http.get(APPLICATIONS_DELTA + "?$top=2").nextLink();

        graph.expireDeltaTokens();

        assertGraphError(http.get(deltaLink), 410, "syncStateNotFound");
        assertGraphError(http.get(nextLink), 410, "syncStateNotFound");
        Round again = round(APPLICATIONS_DELTA);
        assertThat(again.ids()).hasSize(10);
        assertThat(http.get(again.deltaLink()).status()).as("a token issued after the expiry").isEqualTo(200);
    }

    static Stream<Arguments> forgedTokens() {
        return Stream.of(
                Arguments.of("garbage", (TokenForger) (link, skip, other) -> APPLICATIONS_DELTA + "?$deltatoken=garbage"),
                Arguments.of("not Base64", (TokenForger) (link, skip, other) -> APPLICATIONS_DELTA + "?$deltatoken=%25%25"),
                Arguments.of("tampered with", (TokenForger) (link, skip, other) -> tampered(link)),
                Arguments.of("a skip token as delta token", (TokenForger) (link, skip, other) ->
                        APPLICATIONS_DELTA + "?$deltatoken=" + token(skip)),
                Arguments.of("a delta token as skip token", (TokenForger) (link, skip, other) ->
                        APPLICATIONS_DELTA + "?$skiptoken=" + token(link)),
                Arguments.of("a service principal token", (TokenForger) (link, skip, other) ->
                        APPLICATIONS_DELTA + "?$deltatoken=" + token(other)),
                Arguments.of("an empty token", (TokenForger) (link, skip, other) -> APPLICATIONS_DELTA + "?$deltatoken="));
    }

    /** Makes a forged link out of genuine ones. */
    @FunctionalInterface
    interface TokenForger {
        String forge(String deltaLink, String nextLink, String servicePrincipalDeltaLink);
    }

    private static String token(String link) {
        return link.substring(link.indexOf('=') + 1);
    }

    private static String tampered(String link) {
        int at = link.indexOf('=') + 1 + 10;
        return link.substring(0, at) + (link.charAt(at) == 'A' ? 'B' : 'A') + link.substring(at + 1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("forgedTokens")
    void forged_tokens_are_refused_with_400(String name, TokenForger forger) throws Exception {
        String link = deltaLinkFromNow(APPLICATIONS_DELTA);
        String skip = http.get(APPLICATIONS_DELTA + "?$top=2").nextLink();
        String other = deltaLinkFromNow("/v1.0/servicePrincipals/delta");

        assertGraphError(http.get(forger.forge(link, skip, other)), 400, "Request_BadRequest");
    }

    @Test
    void a_link_into_the_tenant_served_before_is_refused() throws Exception {
        String link = deltaLinkFromNow(APPLICATIONS_DELTA);
        graph.serve(TENANT);

        assertGraphError(http.get(link), 400, "Request_BadRequest");
    }

    // Faults and the journal

    @Test
    void faults_aimed_at_delta_strike_its_pages_and_the_same_link_then_succeeds() throws Exception {
        graph.inject(Fault.throttled(Duration.ofSeconds(1)).on(Endpoint.APPLICATIONS_DELTA).onPage(2).times(1))
                .inject(Fault.status(503).on(Endpoint.APPLICATIONS));

        GraphHttp.Reply first = http.get(APPLICATIONS_DELTA + "?$top=4");
        GraphHttp.Reply throttled = http.get(first.nextLink());
        Round rest = round(first.nextLink());

        assertGraphError(throttled, 429, "TooManyRequests");
        assertThat(throttled.header("Retry-After")).hasValue("1");
        assertThat(rest.ids()).containsExactlyElementsOf(applicationIds(4, 5, 6, 7, 8, 9));
        assertThat(graph.journal().requests(Endpoint.APPLICATIONS_DELTA)).extracting(RecordedRequest::page,
                RecordedRequest::status).containsExactly(tuple(1, 200), tuple(2, 429), tuple(2, 200), tuple(3, 200));
        assertThat(graph.journal().count(Endpoint.APPLICATIONS)).isZero();
    }
}
