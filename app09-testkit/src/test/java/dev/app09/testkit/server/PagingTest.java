package dev.app09.testkit.server;

import static dev.app09.testkit.server.GraphHttp.assertGraphError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.app09.core.model.Application;
import dev.app09.core.model.ServicePrincipal;
import dev.app09.core.model.TenantSnapshot;
import dev.app09.testkit.TestClock;
import dev.app09.testkit.junit.FakeGraphExtension;
import dev.app09.testkit.tenant.FakeTenant;
import dev.app09.testkit.tenant.GeneratedTenant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

final class PagingTest {

    private static final Map<Integer, TenantSnapshot> TENANTS = new ConcurrentHashMap<>();

    @RegisterExtension
    static final FakeGraphExtension extension = FakeGraphExtension.create();

    private FakeGraphServer graph;
    private GraphHttp http;

    /** The extension has reset the server (faults, journal, writes, clock) before this runs. */
    @BeforeEach
    void serve() {
        graph = extension.server();
        http = GraphHttp.of(graph);
    }

    /** A tenant of {@code size} applications, each with its service principal; built once per size. */
    private static TenantSnapshot tenantOf(int size) {
        return TENANTS.computeIfAbsent(size, n -> {
            FakeTenant tenant = FakeTenant.named("paging-" + n, TestClock.DEFAULT_INSTANT);
            for (int i = 0; i < n; i++) {
                tenant.application("app-" + i);
            }
            return tenant.build();
        });
    }

    private static List<String> ids(TenantSnapshot tenant, Endpoint collection) {
        return (collection == Endpoint.APPLICATIONS
                ? tenant.applications().stream().map(Application::id)
                : tenant.servicePrincipals().stream().map(ServicePrincipal::id))
                .map(UUID::toString).toList();
    }

    private static String path(Endpoint collection) {
        return collection == Endpoint.APPLICATIONS ? "/v1.0/applications" : "/v1.0/servicePrincipals";
    }

    static Stream<Arguments> sizes() {
        return Stream.of(Endpoint.APPLICATIONS, Endpoint.SERVICE_PRINCIPALS)
                .flatMap(collection -> IntStream.of(0, 1, 999, 1000, 2500)
                        .mapToObj(size -> Arguments.of(collection, size)));
    }

    @ParameterizedTest(name = "{1} objects of {0}")
    @MethodSource("sizes")
    void every_object_comes_back_exactly_once_in_order(Endpoint collection, int size) throws Exception {
        TenantSnapshot tenant = tenantOf(size);
        graph.serve(tenant);

        List<String> served = http.readAll(path(collection) + "?$top=999");

        assertThat(served).containsExactlyElementsOf(ids(tenant, collection));
    }

    @ParameterizedTest(name = "{1} objects of {0}")
    @MethodSource("sizes")
    void a_collection_read_with_top_999_takes_one_request_per_999_objects(Endpoint collection, int size)
            throws Exception {
        graph.serve(tenantOf(size));

        http.readAll(path(collection) + "?$top=999");

        int expected = Math.max(1, (size + 998) / 999);
        assertThat(graph.journal().count(collection)).isEqualTo(expected);
        assertThat(graph.journal().requests(collection)).extracting(RecordedRequest::page)
                .containsExactlyElementsOf(IntStream.rangeClosed(1, expected).boxed().toList());
    }

    @Test
    void without_top_a_page_holds_one_hundred_objects() throws Exception {
        graph.serve(tenantOf(250));

        List<Integer> pageSizes = new ArrayList<>();
        for (String url = "/v1.0/applications"; url != null; ) {
            GraphHttp.Reply page = http.get(url);
            pageSizes.add(page.json().path("value").size());
            url = page.nextLink();
        }

        assertThat(pageSizes).containsExactly(100, 100, 50);
    }

    @ParameterizedTest(name = "$top={0}")
    @ValueSource(strings = {"1000", "0", "-1", "abc", ""})
    void a_page_size_outside_1_to_999_is_refused_with_graph_error(String top) throws Exception {
        graph.serve(tenantOf(1));

        GraphHttp.Reply reply = http.get("/v1.0/applications?$top=" + top);

        assertGraphError(reply, 400, "Request_BadRequest");
    }

    @Test
    void a_tampered_skip_token_is_refused() throws Exception {
        graph.serve(tenantOf(250));
        String next = http.get("/v1.0/applications?$top=10").nextLink();
        int at = next.indexOf("$skiptoken=") + "$skiptoken=".length();
        // The first characters hold the position of the next page: changing one moves it.
        char changed = next.charAt(at) == 'A' ? 'B' : 'A';
        String tampered = next.substring(0, at) + changed + next.substring(at + 1);

        GraphHttp.Reply reply = http.get(tampered);

        assertGraphError(reply, 400, "Request_BadRequest");
    }

    static Stream<Arguments> handMadeTokens() {
        byte[] position = {0, 0, 0, 10, 0, 0, 0, 2};
        return Stream.of(
                Arguments.of("a page number", "2"),
                Arguments.of("an offset", "10"),
                Arguments.of("an unsealed position", Base64.getUrlEncoder().withoutPadding().encodeToString(position)),
                Arguments.of("a position with a zero seal",
                        Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(position, 20))),
                Arguments.of("not Base64", "%25%25%25"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("handMadeTokens")
    void a_hand_made_skip_token_is_refused(String name, String token) throws Exception {
        graph.serve(tenantOf(250));

        GraphHttp.Reply reply = http.get("/v1.0/applications?$top=10&$skiptoken=" + token);

        assertGraphError(reply, 400, "Request_BadRequest");
    }

    @Test
    void a_skip_token_of_another_collection_is_refused() throws Exception {
        graph.serve(tenantOf(250));
        String servicePrincipalsNext = http.get("/v1.0/servicePrincipals?$top=10").nextLink();
        String token = servicePrincipalsNext.substring(servicePrincipalsNext.indexOf("$skiptoken="));

        GraphHttp.Reply reply = http.get("/v1.0/applications?$top=10&" + token);

        assertGraphError(reply, 400, "Request_BadRequest");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"$top=10", "$top=10&$select=id", "$top=11&$select=id,appId&$expand=federatedIdentityCredentials"})
    void a_skip_token_moved_into_a_rebuilt_link_is_refused(String rebuiltQuery) throws Exception {
        graph.serve(tenantOf(250));
        String next = http.get("/v1.0/applications?$top=10&$select=id,appId&$expand=federatedIdentityCredentials")
                .nextLink();
        String token = next.substring(next.indexOf("$skiptoken="));

        GraphHttp.Reply reply = http.get("/v1.0/applications?" + rebuiltQuery + "&" + token);

        assertGraphError(reply, 400, "Request_BadRequest");
        assertThat(http.get(next).status()).as("the link as written").isEqualTo(200);
    }

    @Test
    void a_link_into_the_tenant_served_before_is_refused() throws Exception {
        graph.serve(tenantOf(250));
        String next = http.get("/v1.0/applications?$top=10").nextLink();
        graph.serve(tenantOf(250));

        assertGraphError(http.get(next), 400, "Request_BadRequest");
    }

    @Test
    void the_next_link_comes_before_value_in_the_raw_body() throws Exception {
        graph.serve(tenantOf(250));

        String body = http.get("/v1.0/applications?$top=10").body();

        int nextLink = body.indexOf("\"@odata.nextLink\"");
        assertThat(nextLink).isNotNegative();
        assertThat(nextLink).isLessThan(body.indexOf("\"value\""));
    }

    @Test
    void the_last_page_has_no_next_link() throws Exception {
        graph.serve(tenantOf(250));

        JsonNode last = http.get(http.get("/v1.0/applications?$top=200").nextLink()).json();

        assertThat(last.path("value").size()).isEqualTo(50);
        assertThat(last.has("@odata.nextLink")).isFalse();
    }

    @Test
    void the_next_link_keeps_select_and_top() throws Exception {
        TenantSnapshot tenant = tenantOf(250);
        graph.serve(tenant);

        GraphHttp.Reply second = http.get(http.get("/v1.0/applications?$top=7&$select=id,displayName").nextLink());

        assertThat(second.json().path("value")).hasSize(7).allSatisfy(app ->
                assertThat(app.fieldNames()).toIterable().containsExactly("id", "displayName"));
        assertThat(second.ids()).containsExactlyElementsOf(ids(tenant, Endpoint.APPLICATIONS).subList(7, 14));
        assertThat(graph.journal().requests(Endpoint.APPLICATIONS).get(1).query())
                .containsEntry("$select", "id,displayName").containsEntry("$top", "7");
    }

    @Test
    void a_million_generated_applications_are_served_page_by_page_without_building_the_tenant() throws Exception {
        GeneratedTenant generated = GeneratedTenant.of(1_000_000, 1_000_000, 42);
        CountingSource counted = new CountingSource(generated);
        graph.serve(counted);

        GraphHttp.Reply first = http.get("/v1.0/applications?$top=999");
        GraphHttp.Reply page = first;
        for (int followed = 0; followed < 4; followed++) {
            page = http.get(page.nextLink());
        }

        assertThat(first.ids()).containsExactlyElementsOf(generatedIds(generated, 0, 999));
        assertThat(page.ids()).containsExactlyElementsOf(generatedIds(generated, 4 * 999, 5 * 999));
        assertThat(page.nextLink()).isNotNull();
        assertThat(graph.journal().requests(Endpoint.APPLICATIONS)).extracting(RecordedRequest::page)
                .containsExactly(1, 2, 3, 4, 5);
        assertThat(counted.applicationsRead()).as("applications rendered for five pages").isEqualTo(5 * 999);
    }

    private static List<String> generatedIds(GeneratedTenant tenant, int from, int to) {
        return IntStream.range(from, to).mapToObj(i -> tenant.application(i).id().toString()).toList();
    }
}
