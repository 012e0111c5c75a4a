package dev.app09.testkit.server;

import static dev.app09.testkit.server.GraphHttp.assertGraphError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.app09.core.model.Application;
import dev.app09.core.model.TenantSnapshot;
import dev.app09.testkit.junit.FakeGraphExtension;
import dev.app09.testkit.tenant.FakeTenant;
import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

final class FaultTest {

    private static final TenantSnapshot TENANT = FakeTenant.create()
            .application("Payroll", app -> app.secret())
            .application("Billing", app -> app.certificate())
            .application("Deployer", app -> app.federated())
            .application("Portal", app -> app.secret().certificate())
            .application("Intranet")
            .build();

    private static final String FIRST_PAGE = "/v1.0/applications?$top=2";

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

    private static List<String> applicationIds(int from, int to) {
        return TENANT.applications().subList(from, to).stream().map(Application::id).map(Object::toString).toList();
    }

    @Test
    void a_throttled_second_page_answers_429_with_retry_after_and_the_same_link_then_succeeds() throws Exception {
        graph.inject(Fault.throttled(Duration.ofSeconds(2)).on(Endpoint.APPLICATIONS).onPage(2).times(1));

        GraphHttp.Reply first = http.get(FIRST_PAGE);
        GraphHttp.Reply throttled = http.get(first.nextLink());
        GraphHttp.Reply retried = http.get(first.nextLink());

        assertThat(first.ids()).containsExactlyElementsOf(applicationIds(0, 2));
        assertGraphError(throttled, 429, "TooManyRequests");
        assertThat(throttled.header("Retry-After")).hasValue("2");
        assertThat(retried.status()).isEqualTo(200);
        assertThat(retried.ids()).containsExactlyElementsOf(applicationIds(2, 4));
    }

    @Test
    void a_retry_after_under_a_second_is_rounded_up_never_to_zero() throws Exception {
        graph.inject(Fault.throttled(Duration.ofMillis(200)));

        assertThat(http.get(FIRST_PAGE).header("Retry-After")).hasValue("1");
    }

    @Test
    void throttled_until_states_an_http_date_counted_from_the_server_clock() throws Exception {
        graph.clock(Clock.fixed(Instant.parse("2026-06-01T00:00:00Z"), ZoneOffset.UTC));
        graph.inject(Fault.throttledUntil(Duration.ofSeconds(90)));

        GraphHttp.Reply reply = http.get(FIRST_PAGE);

        assertGraphError(reply, 429, "TooManyRequests");
        // IMF-fixdate (RFC 9110 5.6.7), the only form a sender may write: the day has two digits.
        assertThat(reply.header("Retry-After")).hasValue("Mon, 01 Jun 2026 00:01:30 GMT");
    }

    @Test
    void reset_gives_the_server_back_the_system_clock() throws Exception {
        graph.clock(Clock.fixed(Instant.parse("2001-01-01T00:00:00Z"), ZoneOffset.UTC));
        graph.reset();
        graph.inject(Fault.throttledUntil(Duration.ZERO));

        String retryAfter = http.get(FIRST_PAGE).header("Retry-After").orElseThrow();

        Instant date = ZonedDateTime.parse(retryAfter, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        assertThat(date).isCloseTo(Instant.now(), within(1, ChronoUnit.HOURS));
    }

    @Test
    void throttled_without_retry_after_answers_429_with_no_retry_after_header() throws Exception {
        graph.inject(Fault.throttledWithoutRetryAfter());

        GraphHttp.Reply reply = http.get(FIRST_PAGE);

        assertGraphError(reply, 429, "TooManyRequests");
        assertThat(reply.header("Retry-After")).isEmpty();
    }

    @Test
    void a_status_fault_answers_as_many_times_as_told_then_the_real_answer_comes_back() throws Exception {
        graph.inject(Fault.status(503).times(2));

        GraphHttp.Reply first = http.get(FIRST_PAGE);
        GraphHttp.Reply second = http.get(FIRST_PAGE);
        GraphHttp.Reply third = http.get(FIRST_PAGE);

        assertGraphError(first, 503, "serviceNotAvailable");
        assertGraphError(second, 503, "serviceNotAvailable");
        assertThat(first.header("Retry-After")).isEmpty();
        assertThat(third.status()).isEqualTo(200);
        assertThat(third.ids()).containsExactlyElementsOf(applicationIds(0, 2));
    }

    @Test
    void a_fault_on_one_endpoint_leaves_the_other_endpoints_alone() throws Exception {
        graph.inject(Fault.status(403).on(Endpoint.SIGN_IN_ACTIVITIES));

        GraphHttp.Reply signIns = http.get("/beta/reports/appCredentialSignInActivities");
        GraphHttp.Reply again = http.get("/beta/reports/appCredentialSignInActivities");

        assertGraphError(signIns, 403, "Authorization_RequestDenied");
        assertGraphError(again, 403, "Authorization_RequestDenied");
        for (String other : List.of("/v1.0/applications", "/v1.0/servicePrincipals",
                "/v1.0/applications/" + TENANT.applications().get(0).id(), "/v1.0/policies/defaultAppManagementPolicy",
                "/v1.0/organization")) {
            assertThat(http.get(other).status()).as(other).isEqualTo(200);
        }
    }

    @Test
    void malformed_json_is_a_200_whose_body_jackson_cannot_parse() throws Exception {
        graph.inject(Fault.malformedJson().on(Endpoint.APPLICATIONS));

        GraphHttp.Reply reply = http.get(FIRST_PAGE);

        assertThat(reply.status()).isEqualTo(200);
        assertThatThrownBy(() -> GraphHttp.JSON.readTree(reply.body())).isInstanceOf(JsonProcessingException.class);
    }

    @Test
    void truncated_json_is_a_200_with_a_prefix_of_the_real_body_that_jackson_cannot_parse() throws Exception {
        String real = http.get(FIRST_PAGE).body();
        graph.inject(Fault.truncatedJson().on(Endpoint.APPLICATIONS));

        GraphHttp.Reply reply = http.get(FIRST_PAGE);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).isNotEmpty().hasSizeLessThan(real.length());
        assertThat(real).startsWith(reply.body());
        assertThatThrownBy(() -> GraphHttp.JSON.readTree(reply.body())).isInstanceOf(JsonProcessingException.class);
    }

    @Test
    void an_empty_page_links_to_a_new_page_that_holds_what_was_asked_for() throws Exception {
        GraphHttp.Reply first = http.get(FIRST_PAGE);
        graph.inject(Fault.emptyPage().on(Endpoint.APPLICATIONS).onPage(2).times(1));

        GraphHttp.Reply empty = http.get(first.nextLink());
        GraphHttp.Reply real = http.get(empty.nextLink());
        GraphHttp.Reply last = http.get(real.nextLink());

        assertThat(empty.status()).isEqualTo(200);
        assertThat(empty.ids()).isEmpty();
        assertThat(empty.nextLink()).isNotEqualTo(first.nextLink());
        assertThat(real.ids()).containsExactlyElementsOf(applicationIds(2, 4));
        assertThat(last.ids()).containsExactlyElementsOf(applicationIds(4, 5));
        assertThat(last.body()).doesNotContain("@odata.nextLink");
        assertThat(graph.journal().requests(Endpoint.APPLICATIONS)).extracting(RecordedRequest::page)
                .containsExactly(1, 2, 3, 4);
    }

    @Test
    void a_repeated_next_link_is_the_link_that_led_to_the_page_and_page_one_links_back_to_page_one() throws Exception {
        GraphHttp.Reply first = http.get(FIRST_PAGE);
        graph.inject(Fault.repeatedNextLink().on(Endpoint.APPLICATIONS).times(2));

        GraphHttp.Reply second = http.get(first.nextLink());
        GraphHttp.Reply firstAgain = http.get(FIRST_PAGE);
        GraphHttp.Reply loop = http.get(firstAgain.nextLink());

        assertThat(second.ids()).containsExactlyElementsOf(applicationIds(2, 4));
        assertThat(second.nextLink()).isEqualTo(first.nextLink());
        assertThat(firstAgain.ids()).containsExactlyElementsOf(applicationIds(0, 2));
        assertThat(loop.ids()).containsExactlyElementsOf(applicationIds(0, 2));
    }

    @Test
    void page_shaping_faults_never_fire_on_a_single_object_or_a_delta_round() throws Exception {
        graph.inject(Fault.emptyPage()).inject(Fault.repeatedNextLink());

        GraphHttp.Reply policy = http.get("/v1.0/policies/defaultAppManagementPolicy");
        GraphHttp.Reply delta = http.get("/v1.0/applications/delta?$select=id,appId");

        assertThat(policy.status()).isEqualTo(200);
        assertThat(delta.ids()).isNotEmpty();
        assertThat(graph.journal().requests()).allSatisfy(request -> assertThat(request.fault()).isNull());
    }

    @Test
    void a_delayed_answer_times_out_a_client_that_waits_less() {
        graph.inject(Fault.delay(Duration.ofSeconds(3)).on(Endpoint.ORGANIZATION).times(1));

        assertThatThrownBy(() -> http.get("/v1.0/organization", Duration.ofMillis(300)))
                .isInstanceOf(HttpTimeoutException.class);
    }

    @Test
    void a_connection_reset_is_an_io_exception_and_no_answer() {
        graph.inject(Fault.connectionReset().on(Endpoint.ORGANIZATION));

        assertThatThrownBy(() -> http.get("/v1.0/organization"))
                .isInstanceOf(IOException.class)
                .isNotInstanceOf(HttpTimeoutException.class);
        assertThat(graph.journal().requests(Endpoint.ORGANIZATION)).isNotEmpty()
                .allSatisfy(r -> assertThat(r.status()).isZero());
    }

    @Test
    void the_journal_records_endpoint_decoded_query_page_and_status_of_each_request() throws Exception {
        http.readAll("/v1.0/applications?$top=2&$select=id%2CdisplayName");
        http.get("/v1.0/organization");

        assertThat(graph.journal().requests()).extracting(RecordedRequest::method, RecordedRequest::path,
                        RecordedRequest::endpoint, RecordedRequest::page, RecordedRequest::status)
                .containsExactly(
                        tuple("GET", "/v1.0/applications", Endpoint.APPLICATIONS, 1, 200),
                        tuple("GET", "/v1.0/applications", Endpoint.APPLICATIONS, 2, 200),
                        tuple("GET", "/v1.0/applications", Endpoint.APPLICATIONS, 3, 200),
                        tuple("GET", "/v1.0/organization", Endpoint.ORGANIZATION, 0, 200));
        assertThat(graph.journal().requests(Endpoint.APPLICATIONS)).allSatisfy(r -> {
            assertThat(r.queryParameter("$top")).isEqualTo("2");
            assertThat(r.queryParameter("$select")).isEqualTo("id,displayName");
            assertThat(r.fault()).isNull();
        });
    }

    @Test
    void the_journal_records_the_fault_that_fired_and_the_status_it_answered() throws Exception {
        Fault unavailable = Fault.status(503).on(Endpoint.SERVICE_PRINCIPALS).times(1);
        graph.inject(unavailable);

        http.get("/v1.0/servicePrincipals");
        http.get("/v1.0/servicePrincipals");

        assertThat(graph.journal().requests(Endpoint.SERVICE_PRINCIPALS))
                .extracting(RecordedRequest::fault, RecordedRequest::status)
                .containsExactly(tuple(unavailable, 503),
                        tuple(null, 200));
    }

    @Test
    void the_journal_records_whether_an_authorization_header_was_sent_but_never_its_value() throws Exception {
        String token = "eyJ0eXAiOiJKV1QiLCJhbGciOiJub25lIn0.secret-token-value";

        http.get("/v1.0/organization", "Authorization", "Bearer " + token);
        http.get("/v1.0/organization");

        List<RecordedRequest> requests = graph.journal().requests(Endpoint.ORGANIZATION);
        assertThat(requests).extracting(RecordedRequest::authorized).containsExactly(true, false);
        assertThat(requests.get(0).toString()).doesNotContain(token);
        assertThat(requests.get(0).query().values()).noneMatch(v -> v.contains(token));
    }

    @Test
    void faults_fire_in_the_order_added_each_counting_down_its_times() throws Exception {
        graph.inject(Fault.status(503).on(Endpoint.APPLICATIONS).times(1));
        graph.inject(Fault.status(500).on(Endpoint.APPLICATIONS).times(2));
        graph.inject(Fault.throttled(Duration.ofSeconds(1)).on(Endpoint.APPLICATIONS).times(1));

        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            statuses.add(http.get(FIRST_PAGE).status());
        }

        assertThat(statuses).containsExactly(503, 500, 500, 429, 200, 200);
    }

    @Test
    void a_fault_for_a_later_page_does_not_count_down_on_earlier_pages() throws Exception {
        graph.inject(Fault.status(500).on(Endpoint.APPLICATIONS).onPage(3).times(1));

        GraphHttp.Reply first = http.get(FIRST_PAGE);
        GraphHttp.Reply firstAgain = http.get(FIRST_PAGE);
        GraphHttp.Reply second = http.get(first.nextLink());
        GraphHttp.Reply third = http.get(second.nextLink());

        assertThat(List.of(first.status(), firstAgain.status(), second.status(), third.status()))
                .containsExactly(200, 200, 200, 500);
    }

    static Stream<Arguments> invalidArguments() {
        return Stream.of(
                Arguments.of(Named.<ThrowingCallable>of("status(200)", () -> Fault.status(200))),
                Arguments.of(Named.<ThrowingCallable>of("status(399)", () -> Fault.status(399))),
                Arguments.of(Named.<ThrowingCallable>of("status(600)", () -> Fault.status(600))),
                Arguments.of(Named.<ThrowingCallable>of("onPage(0)", () -> Fault.status(500).onPage(0))),
                Arguments.of(Named.<ThrowingCallable>of("onPage(-1)", () -> Fault.malformedJson().onPage(-1))),
                Arguments.of(Named.<ThrowingCallable>of("times(0)", () -> Fault.status(500).times(0))),
                Arguments.of(Named.<ThrowingCallable>of("times(-1)", () -> Fault.connectionReset().times(-1))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidArguments")
    void an_invalid_fault_argument_is_refused(ThrowingCallable build) {
        assertThatThrownBy(build).isInstanceOf(IllegalArgumentException.class);
    }
}
