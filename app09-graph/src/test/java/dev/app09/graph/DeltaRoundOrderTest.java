package dev.app09.graph;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.app09.graph.json.GraphJsonReader;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A delta page's entries reach the caller in the page's own order, removals and changes interleaved. */
class DeltaRoundOrderTest {

    private static final String ID = "11111111-1111-1111-1111-111111111111";
    private static final String PAGE = "{\"@odata.deltaLink\": \"ROOT/v1.0/applications/delta?$deltatoken=2\", \"value\": ["
            + "{\"id\": \"" + ID + "\", \"@removed\": {\"reason\": \"changed\"}},"
            + "{\"id\": \"" + ID + "\", \"appId\": \"22222222-2222-2222-2222-222222222222\", \"displayName\": \"Payroll\","
            + " \"createdDateTime\": null, \"signInAudience\": null, \"passwordCredentials\": [], \"keyCredentials\": []}]}";

    private HttpServer server;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = PAGE.replace("ROOT", root()).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private String root() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Test
    void removed_then_restored_on_one_page_come_in_that_order() {
        GraphReader reader = GraphReader.builder().graphRoot(URI.create(root())).build();
        List<String> entries = new ArrayList<>();

        String next = reader.calls.readDelta("applications", "applications delta",
                () -> GraphCalls.get(root() + "/v1.0/applications/delta?$deltatoken=1"), GraphJsonReader.APPLICATIONS,
                List.of(GraphReader.APPLICATION_SELECT), app -> entries.add("changed " + app.id()),
                id -> entries.add("removed " + id), id -> entries.add("partial " + id));

        assertThat(entries).containsExactly("removed " + ID, "changed " + ID);
        assertThat(next).endsWith("$deltatoken=2");
    }
}
