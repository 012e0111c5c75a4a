package dev.app09.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.junit.jupiter.api.Named.named;

import dev.app09.core.model.CredentialSignIn;
import dev.app09.core.model.ScanProblem;
import dev.app09.core.model.ScanProblem.Impact;
import dev.app09.core.model.SignInEvidence;
import dev.app09.core.model.TenantSnapshot;
import dev.app09.graph.RecordingListener.Retry;
import dev.app09.testkit.TestClock;
import dev.app09.testkit.junit.FakeGraphExtension;
import dev.app09.testkit.server.Endpoint;
import dev.app09.testkit.server.Fault;
import dev.app09.testkit.server.RecordedRequest;
import dev.app09.testkit.tenant.FakeTenant;
import dev.app09.testkit.tenant.GeneratedTenant;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What {@link GraphReader} makes of throttling, failures and bad answers: retried, warned about, or incomplete. */
final class GraphReaderFailuresTest {

    @RegisterExtension
    static final FakeGraphExtension graph = FakeGraphExtension.create();

    /** Fast retries: the waits Graph does not name are milliseconds, so no test sleeps for long. */
    private static final RetryPolicy QUICK = new RetryPolicy(3, Duration.ofSeconds(5), Duration.ofMillis(10));

    private final RecordingListener listener = new RecordingListener();
    private TenantSnapshot served;

    @BeforeEach
    void serve_a_small_tenant() {
        served = FakeTenant.create()
                .application("Payroll Export", app -> app.secret(s -> s.lastSignInDaysAgo(2)))
                .application("Deploy Pipeline", app -> app.federated())
                .application("Billing API", app -> app.certificate())
                .newSecretsBlocked(true)
                .build();
        graph.serve(served);
    }

    private GraphReader.Builder reader() {
        return GraphReader.builder().graphRoot(URI.create(graph.baseUrl())).listener(listener).retryPolicy(QUICK);
    }

    private static void inject(Fault fault) {
        graph.server().inject(fault);
    }

    private static int requests(Endpoint endpoint) {
        return graph.server().journal().count(endpoint);
    }

    @Nested
    final class Throttling {

        @Test
        void a_429_with_retry_after_of_one_second_is_sent_again_once_after_that_second() {
            inject(Fault.throttled(Duration.ofSeconds(1)).on(Endpoint.APPLICATIONS).times(1));

            TenantSnapshot read = reader().build().read();

            assertThat(read.complete()).isTrue();
            assertThat(read.applications()).containsExactlyElementsOf(served.applications());
            assertThat(requests(Endpoint.APPLICATIONS)).isEqualTo(2);
            assertThat(listener.retries()).singleElement().satisfies(retry -> {
                assertThat(retry.request()).isEqualTo("applications page 1");
                assertThat(retry.attempt()).isEqualTo(1);
                assertThat(retry.delay()).isEqualTo(Duration.ofSeconds(1));
                assertThat(retry.cause()).contains("HTTP 429");
            });
        }

        @Test
        void a_retry_after_http_date_is_counted_from_the_reader_clock() {
            // The fake dates its Retry-After one second after T; the reader's clock shows T + 900 ms.
            Instant t = TestClock.DEFAULT_INSTANT;
            graph.server().clock(Clock.fixed(t, ZoneOffset.UTC));
            inject(Fault.throttledUntil(Duration.ofSeconds(1)).on(Endpoint.APPLICATIONS).times(1));

            TenantSnapshot read = reader().clock(Clock.fixed(t.plusMillis(900), ZoneOffset.UTC)).build().read();

            assertThat(read.complete()).isTrue();
            assertThat(requests(Endpoint.APPLICATIONS)).isEqualTo(2);
            assertThat(listener.retries()).extracting(Retry::delay).containsExactly(Duration.ofMillis(100));
        }

        @Test
        void a_retry_after_http_date_in_the_past_is_retried_at_once() {
            Instant t = TestClock.DEFAULT_INSTANT;
            graph.server().clock(Clock.fixed(t, ZoneOffset.UTC));
            inject(Fault.throttledUntil(Duration.ofSeconds(1)).on(Endpoint.APPLICATIONS).times(1));

            TenantSnapshot read = reader().clock(Clock.fixed(t.plusSeconds(30), ZoneOffset.UTC)).build().read();

            assertThat(read.complete()).isTrue();
            assertThat(listener.retries()).extracting(Retry::delay).containsExactly(Duration.ZERO);
        }

        @Test
        void a_429_without_retry_after_backs_off_doubling_from_the_first_backoff() {
            inject(Fault.throttledWithoutRetryAfter().on(Endpoint.SERVICE_PRINCIPALS).times(2));

            TenantSnapshot read = reader().build().read();

            assertThat(read.complete()).isTrue();
            assertThat(read.servicePrincipals()).containsExactlyElementsOf(served.servicePrincipals());
            assertThat(requests(Endpoint.SERVICE_PRINCIPALS)).isEqualTo(3);
            assertThat(listener.retries()).extracting(Retry::attempt, Retry::delay).containsExactly(
                    tuple(1, Duration.ofMillis(10)),
                    tuple(2, Duration.ofMillis(20)));
        }

        @Test
        void a_retry_after_beyond_the_budget_gives_up_at_once_and_names_the_cause() {
            inject(Fault.throttled(Duration.ofSeconds(600)).on(Endpoint.APPLICATIONS));

            TenantSnapshot read = reader().retryPolicy(new RetryPolicy(6, Duration.ofSeconds(5), Duration.ofMillis(10)))
                    .build().read();

            assertThat(read.complete()).isFalse();
            assertThat(read.problems()).singleElement().satisfies(problem -> {
                assertThat(problem.impact()).isEqualTo(Impact.INCOMPLETE);
                assertThat(problem.source()).isEqualTo("applications");
                assertThat(problem.message()).contains("HTTP 429", "Graph asked to wait 600 s", "budget of 5 s");
            });
            assertThat(requests(Endpoint.APPLICATIONS)).isEqualTo(1);
            assertThat(listener.retries()).isEmpty();
        }

        @Test
        void backing_off_beyond_the_budget_gives_up_naming_the_budget() {
            // Waits of 10 ms then 20 ms: the second would pass the 25 ms budget.
            inject(Fault.throttledWithoutRetryAfter().on(Endpoint.APPLICATIONS));

            TenantSnapshot read = reader().retryPolicy(new RetryPolicy(6, Duration.ofMillis(25), Duration.ofMillis(10)))
                    .build().read();

            assertThat(read.problems()).singleElement().satisfies(problem -> {
                assertThat(problem.impact()).isEqualTo(Impact.INCOMPLETE);
                assertThat(problem.message()).contains("HTTP 429", "20 ms", "25 ms").doesNotContain("Graph asked");
            });
            assertThat(listener.retries()).extracting(Retry::delay).containsExactly(Duration.ofMillis(10));
            assertThat(requests(Endpoint.APPLICATIONS)).isEqualTo(2);
        }

        @Test
        void throttling_that_outlasts_the_retries_ends_incomplete() {
            inject(Fault.throttledWithoutRetryAfter().on(Endpoint.APPLICATIONS));

            TenantSnapshot read = reader().build().read();

            assertThat(read.complete()).isFalse();
            assertThat(read.problems()).singleElement().satisfies(problem -> {
                assertThat(problem.source()).isEqualTo("applications");
                assertThat(problem.message()).contains("HTTP 429", "gave up after 3 retries");
            });
            assertThat(requests(Endpoint.APPLICATIONS)).isEqualTo(1 + QUICK.maxRetries());
        }
    }

    @Nested
    final class TransientFailures {

        static Stream<Arguments> unavailableOnce() {
            return Stream.of(
                    Arguments.of(named("503 once", Fault.status(503)), "HTTP 503"),
                    Arguments.of(named("504 once", Fault.status(504)), "HTTP 504"));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("unavailableOnce")
        void graph_unavailable_once_is_retried_the_listener_hears_it_and_the_scan_is_complete(Fault fault, String cause) {
            inject(fault.on(Endpoint.APPLICATIONS).times(1));

            TenantSnapshot read = reader().build().read();

            assertThat(read.complete()).isTrue();
            assertThat(read.problems()).isEmpty();
            assertThat(read.applications()).containsExactlyElementsOf(served.applications());
            assertThat(requests(Endpoint.APPLICATIONS)).isEqualTo(2);
            assertThat(listener.retries()).singleElement().satisfies(retry -> {
                assertThat(retry.request()).isEqualTo("applications page 1");
                assertThat(retry.cause()).contains(cause);
            });
        }

        @Test
        void nothing_listening_is_not_retried_the_scan_ends_incomplete_at_once() throws java.io.IOException {
            int closedPort;
            try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
                closedPort = socket.getLocalPort();
            }

            TenantSnapshot read = GraphReader.builder().graphRoot(URI.create("http://127.0.0.1:" + closedPort))
                    .listener(listener).retryPolicy(RetryPolicy.defaults()).build().read();

            assertThat(read.complete()).isFalse();
            assertThat(read.problems()).filteredOn(p -> p.impact() == ScanProblem.Impact.INCOMPLETE)
                    .extracting(ScanProblem::source).containsExactlyInAnyOrder("applications", "servicePrincipals",
                    "defaultAppManagementPolicy");
            assertThat(read.problems()).allSatisfy(p -> assertThat(p.message()).contains("cannot connect"));
            assertThat(listener.retries()).isEmpty();
        }

        @Test
        void a_connection_reset_once_is_sent_again_and_the_scan_is_complete() {
            inject(Fault.connectionReset().on(Endpoint.APPLICATIONS).times(1));

            TenantSnapshot read = reader().build().read();

            assertThat(read.complete()).isTrue();
            assertThat(read.applications()).containsExactlyElementsOf(served.applications());
            // Not asserted: that the listener heard it. On a pooled connection OkHttp re-sends the
            // request itself, before the reader's own retry loop sees the failure.
            assertThat(requests(Endpoint.APPLICATIONS)).isEqualTo(2);
        }

        @Test
        void a_later_page_sent_again_hands_on_its_objects_once() {
            GeneratedTenant tenant = GeneratedTenant.of(2500, 1, 3);
            graph.server().serve(tenant);
            inject(Fault.status(503).on(Endpoint.APPLICATIONS).onPage(2).times(1));

            TenantSnapshot read = reader().build().read();

            assertThat(read.complete()).isTrue();
            assertThat(read.applications()).containsExactlyElementsOf(tenant.applications().toList());
            assertThat(graph.server().journal().requests(Endpoint.APPLICATIONS)).extracting(RecordedRequest::page)
                    .containsExactly(1, 2, 2, 3);
        }
    }

    @Nested
    final class RequiredCollections {

        @Test
        void a_persistent_500_on_applications_leaves_the_snapshot_incomplete_naming_http_500() {
            inject(Fault.status(500).on(Endpoint.APPLICATIONS));

            TenantSnapshot read = reader().build().read();

            assertThat(read.complete()).isFalse();
            assertThat(read.applications()).isEmpty();
            assertThat(read.problems()).singleElement().satisfies(problem -> {
                assertThat(problem.impact()).isEqualTo(Impact.INCOMPLETE);
                assertThat(problem.source()).isEqualTo("applications");
                assertThat(problem.message()).contains("HTTP 500");
            });
        }

        @Test
        void a_500_is_not_retried() {
            inject(Fault.status(500).on(Endpoint.APPLICATIONS));

            reader().build().read();

            assertThat(requests(Endpoint.APPLICATIONS)).isEqualTo(1);
            assertThat(listener.retries()).isEmpty();
        }

        @Test
        void a_failed_collection_does_not_stop_the_others() {
            inject(Fault.status(500).on(Endpoint.APPLICATIONS));

            TenantSnapshot read = reader().build().read();

            assertThat(read.servicePrincipals()).containsExactlyElementsOf(served.servicePrincipals());
            assertThat(read.appManagementPolicy()).isEqualTo(served.appManagementPolicy());
        }

        @Test
        void listener_hears_each_problem_the_snapshot_lists() {
            inject(Fault.status(500).on(Endpoint.APPLICATIONS));
            inject(Fault.status(403).on(Endpoint.APP_MANAGEMENT_POLICY));

            TenantSnapshot read = reader().build().read();

            assertThat(read.problems()).hasSize(2);
            assertThat(listener.problems()).containsExactlyInAnyOrderElementsOf(read.problems());
        }

        @Nested
        final class PersistentUnavailabilityOnTheSecondPage {

            private GeneratedTenant tenant;
            private TenantSnapshot read;

            @BeforeEach
            void read_with_a_503_on_service_principals_page_2() {
                tenant = GeneratedTenant.of(2, 1000, 5);
                graph.server().serve(tenant);
                inject(Fault.status(503).on(Endpoint.SERVICE_PRINCIPALS).onPage(2));

                read = reader().retryPolicy(new RetryPolicy(2, Duration.ofSeconds(1), Duration.ofMillis(5))).build().read();
            }

            @Test
            void the_snapshot_is_incomplete_after_the_retries() {
                assertThat(read.complete()).isFalse();
                assertThat(read.problems()).singleElement().satisfies(problem -> {
                    assertThat(problem.impact()).isEqualTo(Impact.INCOMPLETE);
                    assertThat(problem.source()).isEqualTo("servicePrincipals");
                    assertThat(problem.message()).contains("page 2", "HTTP 503", "gave up after 2 retries");
                });
                assertThat(listener.retries()).extracting(Retry::request)
                        .containsExactly("servicePrincipals page 2", "servicePrincipals page 2");
                assertThat(requests(Endpoint.SERVICE_PRINCIPALS)).isEqualTo(1 + 1 + 2);
            }

            @Test
            void the_service_principals_of_page_1_are_kept() {
                assertThat(read.servicePrincipals()).containsExactlyElementsOf(tenant.servicePrincipals().limit(999).toList());
            }

            @Test
            void the_applications_are_read_whole() {
                assertThat(read.applications()).containsExactlyElementsOf(tenant.applications().toList());
            }
        }
    }

    @Nested
    final class OptionalReads {

        @Test
        void a_403_on_the_policy_is_a_warning_that_names_policy_read_all() {
            inject(Fault.status(403).on(Endpoint.APP_MANAGEMENT_POLICY));

            TenantSnapshot read = reader().build().read();

            assertThat(read.complete()).isTrue();
            assertThat(read.appManagementPolicy()).isNull();
            assertThat(read.applications()).containsExactlyElementsOf(served.applications());
            assertThat(read.problems()).singleElement().satisfies(problem -> {
                assertThat(problem.impact()).isEqualTo(Impact.WARNING);
                assertThat(problem.source()).isEqualTo("defaultAppManagementPolicy");
                assertThat(problem.message()).contains("Policy.Read.All", "HTTP 403");
            });
        }

        @Test
        void a_403_on_sign_in_evidence_is_a_warning_that_names_audit_log_read_all() {
            inject(Fault.status(403).on(Endpoint.SIGN_IN_ACTIVITIES));

            TenantSnapshot read = reader().signInEvidence(true).build().read();

            assertThat(read.complete()).isTrue();
            assertThat(read.signInEvidence()).isNull();
            assertThat(read.appManagementPolicy()).isEqualTo(served.appManagementPolicy());
            assertThat(read.problems()).singleElement().satisfies(problem -> {
                assertThat(problem.impact()).isEqualTo(Impact.WARNING);
                assertThat(problem.source()).isEqualTo("appCredentialSignInActivities");
                assertThat(problem.message()).contains("AuditLog.Read.All", "HTTP 403");
            });
        }

        @Test
        void sign_in_evidence_failing_on_its_second_page_is_dropped_whole_and_the_scan_is_incomplete() {
            // 150 rows: the report comes in Graph's default pages of 100.
            List<CredentialSignIn> rows = IntStream.range(0, 150)
                    .mapToObj(i -> new CredentialSignIn(new UUID(0x5160L, i), null, "clientSecret", "application",
                            Instant.parse("2026-05-01T00:00:00Z")))
                    .toList();
            graph.serve(TenantSnapshot.of(List.of(), List.of()).withSignInEvidence(SignInEvidence.of(rows)));
            inject(Fault.status(500).on(Endpoint.SIGN_IN_ACTIVITIES).onPage(2));

            TenantSnapshot read = reader().signInEvidence(true).build().read();

            assertThat(graph.server().journal().requests(Endpoint.SIGN_IN_ACTIVITIES))
                    .extracting(RecordedRequest::page).containsExactly(1, 2);
            assertThat(read.complete()).isFalse();
            assertThat(read.signInEvidence()).isNull();
            assertThat(read.problems()).extracting(ScanProblem::impact, ScanProblem::source)
                    .containsExactly(tuple(Impact.INCOMPLETE, "appCredentialSignInActivities"));
        }
    }

    @Nested
    final class BadAnswers {

        static Stream<Arguments> badPages() {
            return Stream.of(
                    Arguments.of(named("malformed JSON", Fault.malformedJson())),
                    Arguments.of(named("truncated JSON", Fault.truncatedJson())));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("badPages")
        void a_bad_applications_page_leaves_the_snapshot_incomplete_naming_the_position(Fault fault) {
            inject(fault.on(Endpoint.APPLICATIONS));

            TenantSnapshot read = reader().build().read();

            assertThat(read.complete()).isFalse();
            assertThat(read.applications()).isEmpty();
            assertThat(read.problems()).singleElement().satisfies(problem -> {
                assertThat(problem.impact()).isEqualTo(Impact.INCOMPLETE);
                assertThat(problem.source()).isEqualTo("applications");
                assertThat(problem.message()).containsPattern("line \\d+, column \\d+");
            });
        }
    }
}
