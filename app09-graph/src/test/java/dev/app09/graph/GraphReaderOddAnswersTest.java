package dev.app09.graph;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.app09.core.model.ScanProblem.Impact;
import dev.app09.core.model.ScanProblem;
import dev.app09.core.model.TenantSnapshot;
import dev.app09.core.rules.Workload;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/**
 * Answers the testkit's fake Graph never gives, from a bare JDK HTTP server on loopback: a
 * gateway's HTML error page, an absurd Retry-After, an object listed twice, a paged expansion.
 */
final class GraphReaderOddAnswersTest {

    private static final String PAYROLL = """
            {"id": "42456e3b-99f5-3ecf-95e8-16e22674e7f9", "appId": "b645bb45-424a-371f-bca6-38156621dd66",
             "displayName": "Payroll Export", "passwordCredentials": [], "keyCredentials": [],
             "federatedIdentityCredentials": []}""";

    private final Map<String, Deque<Answer>> answers = new ConcurrentHashMap<>();
    /** The Authorization header of each request by path ("" when there was none). */
    private final Map<String, List<String>> authorizations = new ConcurrentHashMap<>();
    private final RecordingListener listener = new RecordingListener();
    private HttpServer server;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::answer);
        server.start();
        answer("/v1.0/servicePrincipals", new Answer(200, "application/json", "{\"value\": []}", null));
        answer("/v1.0/policies/defaultAppManagementPolicy", new Answer(200, "application/json",
                "{\"isEnabled\": false}", null));
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void a_gateway_503_with_an_html_page_is_retried_like_any_503() {
        answer("/v1.0/applications", new Answer(503, "text/html", "<html><body>Service Unavailable</body></html>", null));
        answer("/v1.0/applications", new Answer(200, "application/json", "{\"value\": [" + PAYROLL + "]}", null));

        TenantSnapshot read = read();

        assertThat(read.complete()).isTrue();
        assertThat(read.applications()).extracting(a -> a.displayName()).containsExactly("Payroll Export");
        assertThat(listener.retries()).singleElement().satisfies(retry -> assertThat(retry.cause()).isEqualTo("HTTP 503"));
    }

    @Test
    void a_retry_after_of_the_largest_number_ends_the_read_cleanly_beyond_the_budget() {
        answer("/v1.0/applications", new Answer(429, "application/json",
                "{\"error\": {\"code\": \"TooManyRequests\", \"message\": \"Slow down\"}}", String.valueOf(Long.MAX_VALUE)));

        TenantSnapshot read = read();

        assertThat(read.complete()).isFalse();
        assertThat(read.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.source()).isEqualTo("applications");
            assertThat(problem.message()).contains("HTTP 429 TooManyRequests: Slow down", "beyond the retry budget");
        });
        assertThat(listener.retries()).isEmpty();
    }

    @Test
    void an_application_listed_twice_is_kept_once_and_the_read_is_not_complete() {
        answer("/v1.0/applications", new Answer(200, "application/json",
                "{\"value\": [" + PAYROLL + ", " + PAYROLL + "]}", null));

        TenantSnapshot read = read();

        assertThat(read.applications()).hasSize(1);
        assertThat(read.complete()).isFalse();
        assertThat(read.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.impact()).isEqualTo(Impact.INCOMPLETE);
            assertThat(problem.message()).contains("b645bb45-424a-371f-bca6-38156621dd66", "listed twice");
        });
    }

    @Test
    void an_application_listed_twice_in_a_streamed_read_is_handed_on_once_and_the_read_is_not_complete() {
        answer("/v1.0/applications", new Answer(200, "application/json",
                "{\"value\": [" + PAYROLL + ", " + PAYROLL + "]}", null));
        List<Workload> streamed = new ArrayList<>();

        StreamedTenant read = reader().stream(evidence -> streamed::add);

        assertThat(streamed).hasSize(1);
        assertThat(read.complete()).isFalse();
        assertThat(read.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.impact()).isEqualTo(Impact.INCOMPLETE);
            assertThat(problem.message()).contains("b645bb45-424a-371f-bca6-38156621dd66", "listed twice");
        });
    }

    @Test
    void federated_credentials_paged_inside_an_application_make_the_read_incomplete() {
        String paged = PAYROLL.replace("\"federatedIdentityCredentials\": []",
                "\"federatedIdentityCredentials\": [], \"federatedIdentityCredentials@odata.nextLink\": \"https://graph.microsoft.com/next\"");
        answer("/v1.0/applications", new Answer(200, "application/json", "{\"value\": [" + paged + "]}", null));

        TenantSnapshot read = read();

        assertThat(read.complete()).isFalse();
        assertThat(read.problems()).extracting(ScanProblem::message).singleElement().asString()
                .contains("federatedIdentityCredentials are paged");
    }

    @Test
    void a_next_link_to_the_same_host_gets_the_token_and_one_to_another_host_is_sent_none() {
        int port = server.getAddress().getPort();
        answer("/v1.0/applications", new Answer(200, "application/json", "{\"@odata.nextLink\": \"http://127.0.0.1:" + port
                + "/v1.0/second\", \"value\": [" + PAYROLL + "]}", null));
        answer("/v1.0/second", new Answer(200, "application/json", "{\"@odata.nextLink\": \"http://localhost:" + port
                + "/v1.0/elsewhere\", \"value\": []}", null));
        answer("/v1.0/elsewhere", new Answer(200, "application/json", "{\"value\": []}", null));
        TokenCredential credential = request -> Mono.just(new AccessToken("canary-token", OffsetDateTime.now().plusHours(1)));

        GraphReader.builder().graphRoot(URI.create("http://127.0.0.1:" + port)).credential(credential)
                .retryPolicy(new RetryPolicy(3, Duration.ofSeconds(5), Duration.ofMillis(10))).build().read();

        assertThat(authorizations).as("requests to 127.0.0.1 carry the token").containsKey("/v1.0/applications");
        assertThat(authorizations.get("/v1.0/applications")).allMatch(header -> header.equals("Bearer canary-token"));
        assertThat(authorizations.get("/v1.0/second")).as("a next page on Graph's host").containsOnly("Bearer canary-token");
        assertThat(authorizations).as("the link to localhost was followed").containsKey("/v1.0/elsewhere");
        assertThat(authorizations.get("/v1.0/elsewhere")).as("and sent no token").containsOnly("");
    }

    private TenantSnapshot read() {
        return reader().read();
    }

    private GraphReader reader() {
        return GraphReader.builder().graphRoot(URI.create("http://127.0.0.1:" + server.getAddress().getPort()))
                .listener(listener).retryPolicy(new RetryPolicy(3, Duration.ofSeconds(5), Duration.ofMillis(10)))
                .build();
    }

    private void answer(String path, Answer answer) {
        answers.computeIfAbsent(path, p -> new ArrayDeque<>()).add(answer);
    }

    /** Answers each path's queue in order; the last answer repeats. */
    private void answer(HttpExchange exchange) throws IOException {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        authorizations.computeIfAbsent(exchange.getRequestURI().getPath(), p -> new CopyOnWriteArrayList<>())
                .add(authorization == null ? "" : authorization);
        Deque<Answer> queue = answers.get(exchange.getRequestURI().getPath());
        Answer answer = queue == null ? new Answer(404, "application/json", "{\"error\": {\"code\": \"NotFound\"}}", null)
                : queue.size() > 1 ? queue.poll() : queue.peek();
        byte[] body = answer.body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", answer.contentType);
        if (answer.retryAfter != null) {
            exchange.getResponseHeaders().add("Retry-After", answer.retryAfter);
        }
        exchange.sendResponseHeaders(answer.status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private record Answer(int status, String contentType, String body, String retryAfter) {
    }
}
