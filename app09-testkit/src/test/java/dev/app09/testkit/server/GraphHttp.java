package dev.app09.testkit.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Plain HTTP against the fake Graph, the way a client that does not use the SDK talks to Graph:
 * GETs of paths or absolute links, and {@link #readAll(String)} that follows {@code
 * @odata.nextLink} verbatim.
 */
final class GraphHttp {

    static final ObjectMapper JSON = new ObjectMapper();

    /** One answer: status, headers and the raw body, parsed on demand (some faults send non-JSON). */
    record Reply(int status, HttpHeaders headers, String body) {

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON (" + status + "): " + body, e);
            }
        }

        Optional<String> header(String name) {
            return headers.firstValue(name);
        }

        /** @return the {@code id} of every object in {@code value} */
        List<String> ids() {
            List<String> ids = new ArrayList<>();
            json().path("value").forEach(item -> ids.add(item.path("id").asText()));
            return ids;
        }

        /** @return the next link, or null on the last page */
        String nextLink() {
            JsonNode link = json().get("@odata.nextLink");
            return link == null || link.isNull() ? null : link.asText();
        }
    }

    private static final int MAX_PAGES = 10_000;

    private final HttpClient client;
    private final String baseUrl;

    GraphHttp(String baseUrl) {
        this(baseUrl, HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build());
    }

    private GraphHttp(String baseUrl, HttpClient client) {
        this.baseUrl = baseUrl;
        this.client = client;
    }

    static GraphHttp of(FakeGraphServer graph) {
        return new GraphHttp(graph.baseUrl());
    }

    /**
     * @param pathOrUrl a path under the server root ({@code /v1.0/applications?$top=5}) or an
     *     absolute link as the server wrote it
     * @param headers name, value, name, value, ...
     */
    Reply get(String pathOrUrl, String... headers) throws IOException, InterruptedException {
        return send("GET", pathOrUrl, headers);
    }

    Reply send(String method, String pathOrUrl, String... headers) throws IOException, InterruptedException {
        return send(request(method, pathOrUrl, Duration.ofSeconds(10), headers));
    }

    /** A GET that gives up after {@code timeout}. */
    Reply get(String pathOrUrl, Duration timeout) throws IOException, InterruptedException {
        return send(request("GET", pathOrUrl, timeout));
    }

    private Reply send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        return new Reply(response.statusCode(), response.headers(), response.body());
    }

    private HttpRequest request(String method, String pathOrUrl, Duration timeout, String... headers) {
        String url = pathOrUrl.startsWith("http") ? pathOrUrl : baseUrl + pathOrUrl;
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
                .method(method, HttpRequest.BodyPublishers.noBody());
        for (int i = 0; i < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return builder.build();
    }

    /**
     * Reads a collection to its end, following each {@code @odata.nextLink} exactly as written.
     *
     * @return the ids of every object, in the order served
     */
    List<String> readAll(String firstUrl, String... headers) throws IOException, InterruptedException {
        List<String> ids = new ArrayList<>();
        Set<String> followed = new HashSet<>();
        String url = firstUrl;
        for (int pages = 0; url != null; pages++) {
            assertThat(pages).as("pages read from %s", firstUrl).isLessThan(MAX_PAGES);
            assertThat(followed.add(url)).as("next link served twice: %s", url).isTrue();
            Reply page = get(url, headers);
            assertThat(page.status()).as("status of %s: %s", url, page.body()).isEqualTo(200);
            ids.addAll(page.ids());
            url = page.nextLink();
        }
        return ids;
    }

    /**
     * Asserts Graph's error shape: {@code error.code}, a message, and the request id of the
     * response header repeated in {@code error.innerError}.
     */
    static void assertGraphError(Reply reply, int status, String code) {
        assertThat(reply.status()).as("status, body %s", reply.body()).isEqualTo(status);
        JsonNode error = reply.json().path("error");
        assertThat(error.path("code").asText()).isEqualTo(code);
        assertThat(error.path("message").asText()).isNotBlank();
        String requestId = error.path("innerError").path("request-id").asText();
        assertThat(requestId).isNotBlank().isEqualTo(reply.header("request-id").orElseThrow());
    }
}
