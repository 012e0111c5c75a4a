package dev.app09.graph.secrets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A Graph that leaks: a proxy on loopback in front of the testkit's fake Graph that writes a
 * secret into every {@code passwordCredential} it answers with, both as {@code secretText} (which
 * real Graph fills only in addPassword's answer) and as the whole {@code hint} (which real Graph
 * cuts to three characters). Links in answers are rewritten to the proxy, so paging and delta
 * rounds come back through it; requests pass unchanged.
 */
final class LeakyGraph implements AutoCloseable {

    /** Headers the JDK client sets itself, and Accept-Encoding: the proxy rewrites plain bodies. */
    private static final Set<String> NOT_FORWARDED = Set.of("host", "connection", "content-length", "expect", "upgrade",
            "accept-encoding", "transfer-encoding", "keep-alive");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String behind;
    private final String secret;
    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "leaky-graph");
        thread.setDaemon(true);
        return thread;
    });
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private LeakyGraph(String behind, String secret) throws IOException {
        this.behind = behind;
        this.secret = secret;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::forward);
        server.setExecutor(threads); // Graph is read with several requests at once
        server.start();
    }

    /**
     * @param behind the fake Graph's root, e.g. {@code http://127.0.0.1:PORT}
     * @param secret what every password credential carries
     * @return a started proxy
     */
    static LeakyGraph start(String behind, String secret) {
        try {
            return new LeakyGraph(behind, secret);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return {@code http://127.0.0.1:PORT}, the root to give {@code --graph-url} */
    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void forward(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(behind + exchange.getRequestURI()))
                    .method(exchange.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(body));
            exchange.getRequestHeaders().forEach((name, values) -> {
                if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT))) {
                    values.forEach(value -> request.header(name, value));
                }
            });
            HttpResponse<byte[]> answer;
            try {
                answer = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
            String type = answer.headers().firstValue("Content-Type").orElse("");
            byte[] out = type.contains("json") && answer.body().length > 0 ? leak(answer.body()) : answer.body();
            answer.headers().map().forEach((name, values) -> {
                if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT)) && !name.equalsIgnoreCase("date")) {
                    exchange.getResponseHeaders().put(name, values);
                }
            });
            exchange.sendResponseHeaders(answer.statusCode(), out.length == 0 ? -1 : out.length);
            if (out.length > 0) {
                try (OutputStream response = exchange.getResponseBody()) {
                    response.write(out);
                }
            }
        }
    }

    private byte[] leak(byte[] body) throws IOException {
        JsonNode tree = JSON.readTree(body);
        return JSON.writeValueAsBytes(rewrite(tree));
    }

    private JsonNode rewrite(JsonNode node) {
        if (node instanceof ObjectNode object) {
            Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
            List<String> names = new ArrayList<>();
            fields.forEachRemaining(f -> names.add(f.getKey()));
            for (String name : names) {
                JsonNode value = object.get(name);
                if (name.equalsIgnoreCase("passwordCredentials") && value instanceof ArrayNode passwords) {
                    passwords.forEach(p -> {
                        if (p instanceof ObjectNode password) {
                            password.put("secretText", secret).put("hint", secret);
                        }
                    });
                }
                object.set(name, rewrite(value));
            }
            return object;
        }
        if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, rewrite(array.get(i)));
            }
            return array;
        }
        if (node.isTextual() && node.asText().startsWith(behind)) {
            return TextNode.valueOf(baseUrl() + node.asText().substring(behind.length()));
        }
        return node;
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
