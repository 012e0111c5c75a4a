package dev.app09.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Named.named;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.app09.core.model.CredentialSignIn;
import dev.app09.core.model.SignInEvidence;
import dev.app09.core.model.TenantSnapshot;
import dev.app09.graph.RecordingListener.PageRead;
import dev.app09.testkit.junit.FakeGraphExtension;
import dev.app09.testkit.server.Endpoint;
import dev.app09.testkit.server.RecordedRequest;
import dev.app09.testkit.tenant.FakeTenant;
import dev.app09.testkit.tenant.GeneratedTenant;
import dev.app09.testkit.tenant.SampleTenants;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** How {@link GraphReader} pages through a healthy Graph: what it asks, how often, and what it keeps. */
final class GraphReaderPagingTest {

    /** The fake Graph speaks HTTP/1.1: the JDK client's h2c upgrade against it can fail. */
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @RegisterExtension
    static final FakeGraphExtension graph = FakeGraphExtension.create();

    private static final int PAGE = 999;

    private static GraphReader.Builder reader() {
        return GraphReader.builder().graphRoot(URI.create(graph.baseUrl()));
    }

    private static GeneratedTenant serveGenerated(int applications, int servicePrincipals) {
        GeneratedTenant tenant = GeneratedTenant.of(applications, servicePrincipals, 9);
        graph.server().serve(tenant);
        return tenant;
    }

    private static int pages(int objects) {
        return Math.max(1, (objects + PAGE - 1) / PAGE);
    }

    static Stream<Arguments> tenantSizes() {
        return Stream.of(
                Arguments.of(named("an empty tenant", 0)),
                Arguments.of(named("one object", 1)),
                Arguments.of(named("one page exactly full (999)", 999)),
                Arguments.of(named("one object past a full page (1000)", 1000)),
                Arguments.of(named("three pages (2500)", 2500)));
    }

    @Nested
    final class Paging {

        @ParameterizedTest(name = "{0}")
        @MethodSource("dev.app09.graph.GraphReaderPagingTest#tenantSizes")
        void snapshot_holds_exactly_the_served_applications(int objects) {
            GeneratedTenant served = serveGenerated(objects, objects);

            TenantSnapshot read = reader().build().read();

            assertThat(read.complete()).isTrue();
            assertThat(read.applications()).containsExactlyElementsOf(served.applications().toList());
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("dev.app09.graph.GraphReaderPagingTest#tenantSizes")
        void snapshot_holds_exactly_the_served_service_principals(int objects) {
            GeneratedTenant served = serveGenerated(objects, objects);

            TenantSnapshot read = reader().build().read();

            assertThat(read.complete()).isTrue();
            assertThat(read.servicePrincipals()).containsExactlyElementsOf(served.servicePrincipals().toList());
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("dev.app09.graph.GraphReaderPagingTest#tenantSizes")
        void each_collection_costs_one_request_per_999_objects_the_policy_one_and_sign_ins_none(int objects) {
            serveGenerated(objects, objects);

            reader().build().read();

            var journal = graph.server().journal();
            assertThat(journal.count(Endpoint.APPLICATIONS)).as("applications").isEqualTo(pages(objects));
            assertThat(journal.count(Endpoint.SERVICE_PRINCIPALS)).as("service principals").isEqualTo(pages(objects));
            assertThat(journal.count(Endpoint.APP_MANAGEMENT_POLICY)).as("policy").isEqualTo(1);
            assertThat(journal.count(Endpoint.SIGN_IN_ACTIVITIES)).as("sign-in report").isZero();
            assertThat(journal.count()).isEqualTo(2 * pages(objects) + 1);
        }

        @Test
        void the_contoso_sample_with_every_credential_shape_reads_back_as_served() {
            TenantSnapshot served = SampleTenants.contoso().tenant();
            graph.serve(served);

            TenantSnapshot read = reader().signInEvidence(true).build().read();

            assertThat(read.problems()).isEmpty();
            assertThat(read.applications()).containsExactlyElementsOf(served.applications());
            assertThat(read.servicePrincipals()).containsExactlyElementsOf(served.servicePrincipals());
            assertThat(read.appManagementPolicy()).isNotNull().isEqualTo(served.appManagementPolicy());
            assertThat(read.signInEvidence()).isNotNull().isEqualTo(served.signInEvidence());
        }

        @Test
        void a_tenant_of_2500_applications_is_read_with_the_fewest_requests_graph_allows() {
            serveGenerated(2500, 2600);

            TenantSnapshot read = reader().build().read();

            assertThat(read.complete()).isTrue();
            assertThat(read.applications()).hasSize(2500);
            assertThat(read.servicePrincipals()).hasSize(2600);
            // ceil(2500/999) + ceil(2600/999) + the policy
            assertThat(graph.server().journal().count()).isEqualTo(3 + 3 + 1);
        }

        @Test
        void every_applications_page_asks_999_with_the_minimal_select_and_federated_credentials_expanded() {
            serveGenerated(2500, 1);

            reader().build().read();

            assertThat(graph.server().journal().requests(Endpoint.APPLICATIONS)).hasSize(3).allSatisfy(request -> {
                assertThat(request.queryParameter("$top")).isEqualTo("999");
                assertThat(request.queryParameter("$select")).isEqualTo(String.join(",", GraphReader.APPLICATION_SELECT));
                assertThat(request.queryParameter("$expand")).isEqualTo("federatedIdentityCredentials");
                assertThat(request.queryParameter("$filter")).isNull();
            });
        }

        @Test
        void every_service_principals_page_asks_999_with_the_minimal_select_and_no_expand() {
            serveGenerated(1, 2500);

            reader().build().read();

            assertThat(graph.server().journal().requests(Endpoint.SERVICE_PRINCIPALS)).hasSize(3).allSatisfy(request -> {
                assertThat(request.queryParameter("$top")).isEqualTo("999");
                assertThat(request.queryParameter("$select"))
                        .isEqualTo(String.join(",", GraphReader.SERVICE_PRINCIPAL_SELECT));
                assertThat(request.queryParameter("$expand")).isNull();
            });
        }

        @Test
        void the_minimal_selects_are_the_properties_graph_facts_names() {
            assertThat(GraphReader.APPLICATION_SELECT).containsExactly("id", "appId", "displayName",
                    "createdDateTime", "signInAudience", "passwordCredentials", "keyCredentials");
            assertThat(GraphReader.SERVICE_PRINCIPAL_SELECT).containsExactly("id", "appId", "displayName",
                    "servicePrincipalType", "appOwnerOrganizationId", "preferredSingleSignOnMode",
                    "preferredTokenSigningKeyThumbprint", "passwordCredentials", "keyCredentials");
        }

        @Test
        void later_pages_carry_the_skip_token_the_previous_page_gave() throws Exception {
            serveGenerated(2500, 2500);

            reader().build().read();

            for (Endpoint endpoint : List.of(Endpoint.APPLICATIONS, Endpoint.SERVICE_PRINCIPALS)) {
                List<RecordedRequest> requests = graph.server().journal().requests(endpoint);
                assertThat(requests).extracting(RecordedRequest::page).as("%s pages", endpoint).containsExactly(1, 2, 3);
                assertThat(requests).extracting(RecordedRequest::status).containsOnly(200);
                assertThat(requests.get(0).queryParameter("$skiptoken")).isNull();
                for (int i = 1; i < requests.size(); i++) {
                    // Skip tokens are sealed to the position and query, so asking the previous page
                    // again yields the very link the reader was given.
                    assertThat(requests.get(i).queryParameter("$skiptoken")).as("%s page %d", endpoint, i + 1)
                            .isNotBlank()
                            .isEqualTo(skipTokenOfNextLink(requests.get(i - 1)));
                }
            }
        }

        @Test
        void listener_hears_every_page_and_the_pages_add_up_to_the_totals() {
            serveGenerated(2500, 1200);
            RecordingListener listener = new RecordingListener();

            reader().listener(listener).build().read();

            assertThat(listener.pages("applications")).containsExactly(
                    new PageRead("applications", 1, 999, 999),
                    new PageRead("applications", 2, 999, 1998),
                    new PageRead("applications", 3, 502, 2500));
            assertThat(listener.pages("servicePrincipals")).containsExactly(
                    new PageRead("servicePrincipals", 1, 999, 999),
                    new PageRead("servicePrincipals", 2, 201, 1200));
            assertThat(listener.retries()).isEmpty();
            assertThat(listener.problems()).isEmpty();
        }

        @Test
        void listener_hears_one_empty_page_of_an_empty_collection() {
            serveGenerated(0, 0);
            RecordingListener listener = new RecordingListener();

            reader().listener(listener).build().read();

            assertThat(listener.pages("applications")).containsExactly(new PageRead("applications", 1, 0, 0));
            assertThat(listener.pages("servicePrincipals")).containsExactly(new PageRead("servicePrincipals", 1, 0, 0));
        }
    }

    @Nested
    final class FederatedCredentials {

        private TenantSnapshot serveFederatedTenant() {
            TenantSnapshot tenant = FakeTenant.create()
                    .application("Deploy Pipeline", app -> app.federated())
                    .application("Cluster Workload", app -> app
                            .federated(f -> f.name("aks").issuer("https://oidc.prod-aks.azure.com/tenant/")
                                    .subject("system:serviceaccount:payments:api"))
                            .federated(f -> f.name("github-release").subject("repo:contoso/payments:environment:prod")
                                    .audiences("api://AzureADTokenExchange", "api://payments")))
                    .application("Payroll Export", app -> app.secret())
                    .application("Billing API", app -> app.certificate())
                    .build();
            graph.serve(tenant);
            return tenant;
        }

        @Test
        void federated_credentials_arrive_expanded_equal_to_the_served_ones() {
            TenantSnapshot served = serveFederatedTenant();

            TenantSnapshot read = reader().build().read();

            assertThat(read.applications()).containsExactlyElementsOf(served.applications());
            assertThat(read.applications()).filteredOn(app -> !app.federatedIdentityCredentials().isEmpty())
                    .hasSize(2);
        }

        @Test
        void expanded_federated_credentials_cost_no_request_of_their_own() {
            serveFederatedTenant();

            reader().build().read();

            assertThat(graph.server().journal().count(Endpoint.APPLICATIONS)).isEqualTo(1);
            assertThat(graph.server().journal().count(Endpoint.FEDERATED_IDENTITY_CREDENTIALS)).isZero();
        }

        @Nested
        final class WhenGraphRefusesTheExpand {

            @Test
            void snapshot_equals_the_served_tenant() {
                TenantSnapshot served = serveFederatedTenant();
                graph.server().federatedExpandSupported(false);

                TenantSnapshot read = reader().build().read();

                assertThat(read.problems()).isEmpty();
                assertThat(read.applications()).containsExactlyElementsOf(served.applications());
                assertThat(read.servicePrincipals()).containsExactlyElementsOf(served.servicePrincipals());
            }

            @Test
            void a_second_page_of_the_federated_filter_carries_consistency_level_too() {
                // 1,000 federated applications: the filter query answers in two pages, and the
                // fake refuses the second without ConsistencyLevel: eventual, as Graph does.
                FakeTenant tenant = FakeTenant.create();
                IntStream.range(0, 1000).forEach(i -> tenant.application("Deployer " + i, app -> app.federated()));
                graph.serve(tenant.build());
                graph.server().federatedExpandSupported(false);

                TenantSnapshot read = reader().build().read();

                assertThat(read.problems()).isEmpty();
                assertThat(read.applications()).hasSize(1000)
                        .allSatisfy(app -> assertThat(app.federatedIdentityCredentials()).hasSize(1));
                assertThat(graph.server().journal().requests(Endpoint.APPLICATIONS))
                        .filteredOn(r -> r.queryParameter("$filter") != null)
                        .extracting(RecordedRequest::status).containsExactly(200, 200);
            }

            @Test
            void asks_which_applications_have_federated_credentials_then_lists_again_without_the_expand() {
                serveFederatedTenant();
                graph.server().federatedExpandSupported(false);

                reader().build().read();

                List<RecordedRequest> requests = graph.server().journal().requests(Endpoint.APPLICATIONS);
                assertThat(requests).hasSize(3);
                assertThat(requests.get(0)).satisfies(refused -> {
                    assertThat(refused.queryParameter("$expand")).isEqualTo("federatedIdentityCredentials");
                    assertThat(refused.status()).isEqualTo(400);
                });
                // The fake answers this advanced query only with ConsistencyLevel: eventual and $count=true.
                // It comes first, so that each listed application is handed on whole.
                assertThat(requests.get(1)).satisfies(filter -> {
                    assertThat(filter.queryParameter("$filter")).isEqualTo("federatedIdentityCredentials/$count ne 0");
                    assertThat(filter.queryParameter("$count")).isEqualTo("true");
                    assertThat(filter.status()).isEqualTo(200);
                });
                assertThat(requests.get(2)).satisfies(list -> {
                    assertThat(list.queryParameter("$expand")).isNull();
                    assertThat(list.queryParameter("$top")).isEqualTo("999");
                    assertThat(list.queryParameter("$select")).isEqualTo(String.join(",", GraphReader.APPLICATION_SELECT));
                    assertThat(list.status()).isEqualTo(200);
                });
            }

            @Test
            void reads_the_federated_credentials_of_only_the_applications_that_have_them() {
                TenantSnapshot served = serveFederatedTenant();
                graph.server().federatedExpandSupported(false);

                reader().build().read();

                List<String> federatedPaths = served.applications().stream()
                        .filter(app -> !app.federatedIdentityCredentials().isEmpty())
                        .map(app -> "/v1.0/applications/" + app.id() + "/federatedIdentityCredentials")
                        .toList();
                assertThat(graph.server().journal().requests(Endpoint.FEDERATED_IDENTITY_CREDENTIALS))
                        .extracting(RecordedRequest::path)
                        .containsExactlyInAnyOrderElementsOf(federatedPaths);
            }

            @Test
            void costs_the_refused_request_the_listing_pages_the_filter_page_and_one_request_per_federated_application() {
                // 1000 applications: two listing pages; three of them federated.
                FakeTenant tenant = FakeTenant.create();
                for (int i = 0; i < 1000; i++) {
                    tenant.application("app-" + i, i % 400 == 7 ? app -> app.federated() : app -> app.secret());
                }
                TenantSnapshot served = tenant.build();
                graph.serve(served);
                graph.server().federatedExpandSupported(false);

                TenantSnapshot read = reader().build().read();

                assertThat(read.complete()).isTrue();
                assertThat(read.applications()).containsExactlyElementsOf(served.applications());
                var journal = graph.server().journal();
                assertThat(journal.count(Endpoint.APPLICATIONS)).isEqualTo(1 + 2 + 1);
                assertThat(journal.count(Endpoint.FEDERATED_IDENTITY_CREDENTIALS)).isEqualTo(3);
                assertThat(journal.count(Endpoint.SERVICE_PRINCIPALS)).isEqualTo(2);
                assertThat(journal.count(Endpoint.APP_MANAGEMENT_POLICY)).isEqualTo(1);
            }
        }
    }

    @Nested
    final class SignIns {

        private SignInEvidence serveSignIns(int rows) {
            List<CredentialSignIn> signIns = IntStream.range(0, rows)
                    .mapToObj(i -> new CredentialSignIn(new UUID(0x5160L, i), new UUID(0xA99L, i),
                            i % 2 == 0 ? "clientSecret" : "certificate", "application",
                            i % 3 == 0 ? null : Instant.parse("2026-05-01T10:15:30Z").plusSeconds(i)))
                    .toList();
            SignInEvidence evidence = SignInEvidence.of(signIns);
            graph.serve(TenantSnapshot.of(List.of(), List.of()).withSignInEvidence(evidence));
            return evidence;
        }

        @Test
        void sign_in_evidence_is_read_only_when_asked_for() {
            serveSignIns(3);

            TenantSnapshot read = reader().build().read();

            assertThat(read.signInEvidence()).isNull();
            assertThat(graph.server().journal().count(Endpoint.SIGN_IN_ACTIVITIES)).isZero();
        }

        @Test
        void sign_in_evidence_asked_for_is_read_whole_across_pages() {
            // The report is read without $top: Graph's default page of 100 rows.
            SignInEvidence served = serveSignIns(150);

            TenantSnapshot read = reader().signInEvidence(true).build().read();

            assertThat(read.problems()).isEmpty();
            assertThat(read.signInEvidence()).isEqualTo(served);
            assertThat(graph.server().journal().requests(Endpoint.SIGN_IN_ACTIVITIES))
                    .extracting(RecordedRequest::page).containsExactly(1, 2);
        }

        @Test
        void an_empty_report_is_evidence_that_nothing_signed_in() {
            serveSignIns(0);

            TenantSnapshot read = reader().signInEvidence(true).build().read();

            assertThat(read.signInEvidence()).isEqualTo(SignInEvidence.of(List.of()));
        }
    }

    /** Asks the fake for the page {@code request} got, and returns the skip token of its next link. */
    private static String skipTokenOfNextLink(RecordedRequest request) throws IOException, InterruptedException {
        String query = request.query().entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(URI.create(graph.baseUrl() + request.path() + "?" + query)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        String nextLink = new ObjectMapper().readTree(response.body()).path("@odata.nextLink").asText(null);
        assertThat(nextLink).isNotNull();
        List<String> tokens = new ArrayList<>();
        for (String parameter : URI.create(nextLink).getRawQuery().split("&")) {
            if (parameter.startsWith("$skiptoken=")) {
                tokens.add(parameter.substring("$skiptoken=".length()));
            }
        }
        assertThat(tokens).hasSize(1);
        return tokens.get(0);
    }
}
