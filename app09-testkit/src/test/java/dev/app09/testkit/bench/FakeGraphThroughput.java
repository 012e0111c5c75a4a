package dev.app09.testkit.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.app09.testkit.server.FakeGraphServer;
import dev.app09.testkit.tenant.GeneratedTenant;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * How fast the fake Graph serves a generated tenant, every page of {@code /v1.0/applications} at
 * {@code $top=999} with app09's {@code $select} and the federated expand, read by a plain HTTP
 * client in the same JVM, in a 512 MiB heap. Not a test: run it with {@code mvn -B -q install
 * -DskipTests} then {@code mvn -B -Pbench -pl app09-testkit test-compile exec:exec}.
 */
public final class FakeGraphThroughput {

    private FakeGraphThroughput() {
    }

    public static void main(String[] args) throws Exception {
        int applications = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        try (FakeGraphServer graph = FakeGraphServer.start(GeneratedTenant.of(applications, applications, 42))) {
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            ObjectMapper json = new ObjectMapper();
            for (int round = 1; round <= 3; round++) {
                long start = System.nanoTime();
                String url = graph.baseUrl() + "/v1.0/applications?$top=999&$select=id,appId,displayName,"
                        + "createdDateTime,signInAudience,passwordCredentials,keyCredentials"
                        + "&$expand=federatedIdentityCredentials";
                long objects = 0;
                long bytes = 0;
                int pages = 0;
                while (url != null) {
                    byte[] body = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
                            HttpResponse.BodyHandlers.ofByteArray()).body();
                    JsonNode page = json.readTree(body);
                    bytes += body.length;
                    pages++;
                    objects += page.path("value").size();
                    url = page.hasNonNull("@odata.nextLink") ? page.get("@odata.nextLink").asText() : null;
                }
                long millis = Math.max(1, (System.nanoTime() - start) / 1_000_000);
                System.out.printf("round %d: %,d applications in %,d pages (%.0f MB) in %,d ms: %,.0f objects/s%n",
                        round, objects, pages, bytes / 1e6, millis, objects * 1000.0 / millis);
            }
        }
    }
}
