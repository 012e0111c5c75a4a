package dev.app09.testkit.server;

import static dev.app09.testkit.server.GraphHttp.assertGraphError;
import static dev.app09.testkit.server.NewObjects.newApplication;
import static dev.app09.testkit.server.NewObjects.renamed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.app09.core.model.Application;
import dev.app09.core.model.ServicePrincipal;
import dev.app09.core.model.TenantSnapshot;
import dev.app09.testkit.TestClock;
import dev.app09.testkit.junit.FakeGraphExtension;
import dev.app09.testkit.tenant.FakeTenant;
import dev.app09.testkit.tenant.GeneratedTenant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Changes a test makes to the served tenant by object id (change, delete, add), as the list, the
 * single object and {@link FakeGraphServer#snapshot()} show them.
 */
final class DirectoryChangesTest {

    private static final TenantSnapshot TENANT = tenantOf(10);

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
        FakeTenant tenant = FakeTenant.named("changes-" + size, TestClock.DEFAULT_INSTANT);
        for (int i = 0; i < size; i++) {
            tenant.application("app-" + i);
        }
        return tenant.build();
    }

    private static Application app(int index) {
        return TENANT.applications().get(index);
    }

    private static List<String> applicationIds(int... indices) {
        return IntStream.of(indices).mapToObj(i -> app(i).id().toString()).toList();
    }

    @Test
    void a_changed_application_shows_in_the_list_the_single_object_and_the_snapshot() throws Exception {
        graph.changeApplication(app(3).id(), a -> renamed(a, "Payroll v2"));

        GraphHttp.Reply list = http.get("/v1.0/applications?$select=id,displayName");
        GraphHttp.Reply single = http.get("/v1.0/applications/" + app(3).id() + "?$select=displayName");

        assertThat(list.json().path("value").get(3).path("displayName").asText()).isEqualTo("Payroll v2");
        assertThat(single.json().path("displayName").asText()).isEqualTo("Payroll v2");
        assertThat(graph.snapshot().applications().get(3)).isEqualTo(renamed(app(3), "Payroll v2"));
        assertThat(graph.snapshot().applications()).hasSize(10);
    }

    @Test
    void a_changed_service_principal_of_a_generated_tenant_shows_in_its_page_and_single_object() throws Exception {
        GeneratedTenant generated = GeneratedTenant.of(5_000, 5_000, 7);
        graph.serve(generated);
        ServicePrincipal sp = generated.servicePrincipal(4_321);
        graph.changeServicePrincipal(sp.id(), s -> new ServicePrincipal(s.id(), s.appId(), "renamed", s.servicePrincipalType(),
                s.appOwnerOrganizationId(), s.preferredSingleSignOnMode(), s.preferredTokenSigningKeyThumbprint(),
                List.of(), List.of()));

        GraphHttp.Reply single = http.get("/v1.0/servicePrincipals/" + sp.id());
        GraphHttp.Reply page = http.get(http.get(http.get(http.get(http.get(
                "/v1.0/servicePrincipals?$top=999&$select=id,displayName").nextLink()).nextLink()).nextLink()).nextLink());

        assertThat(single.json().path("displayName").asText()).isEqualTo("renamed");
        assertThat(single.json().path("passwordCredentials")).isEmpty();
        assertThat(page.json().path("value").get(4_321 - 4 * 999).path("displayName").asText()).isEqualTo("renamed");
        assertThat(page.json().path("value").get(4_320 - 4 * 999).path("displayName").asText())
                .isEqualTo(generated.servicePrincipal(4_320).displayName());
    }

    @Test
    void a_deleted_application_leaves_the_list_answers_404_and_leaves_the_snapshot() throws Exception {
        graph.deleteApplication(app(2).id());

        List<String> listed = http.readAll("/v1.0/applications");
        GraphHttp.Reply single = http.get("/v1.0/applications/" + app(2).id());

        assertThat(listed).containsExactlyElementsOf(applicationIds(0, 1, 3, 4, 5, 6, 7, 8, 9));
        assertGraphError(single, 404, "Request_ResourceNotFound");
        assertThat(graph.snapshot().applications()).extracting(Application::id).doesNotContain(app(2).id())
                .hasSize(9);
    }

    @Test
    void a_soft_deleted_service_principal_is_gone_as_a_deleted_one() throws Exception {
        ServicePrincipal sp = TENANT.servicePrincipals().get(5);
        graph.softDeleteServicePrincipal(sp.id());

        List<String> listed = http.readAll("/v1.0/servicePrincipals");

        assertThat(listed).hasSize(TENANT.servicePrincipals().size() - 1).doesNotContain(sp.id().toString());
        assertGraphError(http.get("/v1.0/servicePrincipals/" + sp.id()), 404, "Request_ResourceNotFound");
        assertThat(graph.snapshot().servicePrincipals()).extracting(ServicePrincipal::id).doesNotContain(sp.id());
    }

    @Test
    void list_pages_pass_over_deleted_objects_and_serve_every_other_once_in_order() throws Exception {
        graph.deleteApplication(app(1).id()).deleteApplication(app(4).id()).deleteApplication(app(9).id());

        List<String> pages = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        for (String url = "/v1.0/applications?$top=3&$select=id"; url != null; ) {
            GraphHttp.Reply page = http.get(url);
            pages.addAll(page.ids());
            sizes.add(page.ids().size());
            url = page.nextLink();
        }

        assertThat(pages).containsExactlyElementsOf(applicationIds(0, 2, 3, 5, 6, 7, 8));
        assertThat(sizes).as("pages fill up from the objects after a deleted one").containsExactly(3, 3, 1);
        assertThat(graph.journal().count(Endpoint.APPLICATIONS)).isEqualTo(3);
    }

    @Test
    void the_count_of_the_list_leaves_deleted_objects_out() throws Exception {
        graph.deleteApplication(app(0).id());

        GraphHttp.Reply reply = http.get("/v1.0/applications?$count=true", "ConsistencyLevel", "eventual");

        assertThat(reply.json().path("@odata.count").asInt()).isEqualTo(9);
    }

    @Test
    void a_write_to_a_deleted_application_answers_404() throws Exception {
        graph.deleteApplication(app(6).id());

        GraphHttp.Reply reply = http.send("POST", "/v1.0/applications/" + app(6).id() + "/removePassword");

        assertGraphError(reply, 404, "Request_ResourceNotFound");
    }

    @Test
    void an_added_application_is_listed_last_gettable_and_in_the_snapshot() throws Exception {
        Application added = newApplication("Newcomer");
        graph.addApplication(added);

        List<String> listed = http.readAll("/v1.0/applications?$top=4");
        GraphHttp.Reply single = http.get("/v1.0/applications/" + added.id());

        assertThat(listed).hasSize(11).endsWith(added.id().toString());
        assertThat(single.json().path("displayName").asText()).isEqualTo("Newcomer");
        assertThat(single.json().path("appId").asText()).isEqualTo(added.appId().toString());
        assertThat(graph.snapshot().applications()).last().isEqualTo(added);
    }

    @Test
    void an_added_service_principal_is_listed_last() throws Exception {
        ServicePrincipal added = new ServicePrincipal(UUID.randomUUID(), UUID.randomUUID(), "Zoom", "Application",
                FakeTenant.EXTERNAL_PUBLISHER_TENANT, null, null, List.of(), List.of());
        graph.addServicePrincipal(added);

        assertThat(http.readAll("/v1.0/servicePrincipals")).last().isEqualTo(added.id().toString());
        assertThat(http.get("/v1.0/servicePrincipals/" + added.id()).status()).isEqualTo(200);
    }

    @Test
    void an_application_with_an_app_id_already_used_is_refused() {
        Application sameAppId = new Application(UUID.randomUUID(), app(7).appId(), "Impostor", null, null, List.of(),
                List.of(), List.of());

        assertThatThrownBy(() -> graph.addApplication(sameAppId)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(app(7).appId().toString());
        assertThat(graph.snapshot().applications()).hasSize(10);
    }

    @Test
    void an_application_with_an_object_id_already_used_even_by_a_deleted_one_is_refused() {
        graph.deleteApplication(app(8).id());
        Application sameId = new Application(app(8).id(), UUID.randomUUID(), "Reborn", null, null, List.of(),
                List.of(), List.of());

        assertThatThrownBy(() -> graph.addApplication(sameId)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(app(8).id().toString());
    }

    @Test
    void a_change_that_touches_the_app_id_is_refused_and_changes_nothing() {
        Application before = app(5);

        assertThatThrownBy(() -> graph.changeApplication(before.id(), a -> new Application(a.id(), UUID.randomUUID(),
                a.displayName(), a.createdDateTime(), a.signInAudience(), a.passwordCredentials(), a.keyCredentials(),
                a.federatedIdentityCredentials()))).isInstanceOf(IllegalArgumentException.class);
        assertThat(graph.snapshot().applications().get(5)).isEqualTo(before);
    }

    @Test
    void changing_or_deleting_an_unknown_or_deleted_object_is_refused() {
        UUID unknown = UUID.randomUUID();
        graph.deleteApplication(app(0).id());

        assertThatThrownBy(() -> graph.changeApplication(unknown, a -> a)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(unknown.toString());
        assertThatThrownBy(() -> graph.deleteApplication(app(0).id())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> graph.changeServicePrincipal(app(1).id(), s -> s))
                .as("an application's id is no service principal's").isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void reset_forgets_the_changes() throws Exception {
        graph.deleteApplication(app(0).id()).addApplication(newApplication("Newcomer"));

        graph.reset();

        assertThat(http.readAll("/v1.0/applications")).containsExactlyElementsOf(
                TENANT.applications().stream().map(a -> a.id().toString()).toList());
    }
}
