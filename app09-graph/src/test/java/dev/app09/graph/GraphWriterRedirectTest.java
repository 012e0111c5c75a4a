package dev.app09.graph;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.app09.core.rules.CredentialLocation;
import dev.app09.graph.WriteResult.Outcome;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A write answered with a redirect, from a bare JDK HTTP server on loopback (the fake Graph never
 * redirects): following it would send the write again, to wherever the redirect points.
 */
final class GraphWriterRedirectTest {

    private static final UUID APP = UUID.fromString("a0000000-0000-4000-8000-0000000000d1");
    private static final UUID SECRET = UUID.fromString("50000000-0000-4000-8000-0000000000d1");

    /** Each request, as "METHOD path". */
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private HttpServer server;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::answer);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void a_redirected_write_is_neither_followed_nor_resent_and_never_reported_done() {
        WriteResult result = GraphWriter.create(GraphConnection.local(URI.create("http://127.0.0.1:"
                + server.getAddress().getPort())), Clock.fixed(Instant.parse("2026-06-01T00:00:00Z"), ZoneOffset.UTC))
                .withReadBack(1, Duration.ZERO).removePassword(CredentialLocation.APPLICATION, APP, SECRET);

        assertThat(requests).containsExactly("GET /v1.0/applications/" + APP, "POST /v1.0/applications/" + APP
                + "/removePassword", "GET /v1.0/applications/" + APP);
        // The SDK hands a 3xx back as an answer, not an error: the read-back, not the answer, decides.
        assertThat(result.outcome()).isEqualTo(Outcome.MISMATCH);
        assertThat(result.message()).contains("the read-back still shows the secret", "look at the object before trying again");
    }

    private void answer(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        requests.add(method + " " + exchange.getRequestURI().getPath());
        if (method.equals("POST")) {
            exchange.getResponseHeaders().add("Location", "http://127.0.0.1:" + server.getAddress().getPort()
                    + "/v1.0/elsewhere/removePassword");
            exchange.sendResponseHeaders(307, -1);
            exchange.close();
            return;
        }
        byte[] body = ("{\"id\": \"" + APP + "\", \"passwordCredentials\": [{\"keyId\": \"" + SECRET + "\"}]}")
                .getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
