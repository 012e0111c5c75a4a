package dev.app09.graph.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.app09.core.model.Application;
import dev.app09.core.model.PasswordCredential;
import dev.app09.testkit.server.Endpoint;
import dev.app09.testkit.server.FakeGraphServer;
import dev.app09.testkit.tenant.GeneratedTenant;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The scale targets, measured on the command users run: {@code java -Xmx... -jar target/app09.jar
 * scan --graph-url URL --format csv} in its own JVM, against a {@link GeneratedTenant} served by
 * the testkit's fake Graph in this one. Not a test. Build first ({@code mvn -B -q install
 * -DskipTests}), then:
 *
 * <pre>
 * mvn -B -Pbench -pl app09-graph test-compile exec:exec -Dbench.main=dev.app09.graph.bench.ScaleBenchmark -Dbench.args="memory 500000 500000 512m"
 * mvn -B -Pbench -pl app09-graph test-compile exec:exec -Dbench.main=dev.app09.graph.bench.ScaleBenchmark -Dbench.args="latency 100000 100000 50"
 * mvn -B -Pbench -pl app09-graph test-compile exec:exec -Dbench.main=dev.app09.graph.bench.ScaleBenchmark -Dbench.args="delta 100000 100000 10"
 * mvn -B -Pbench -pl app09-graph test-compile exec:exec -Dbench.main=dev.app09.graph.bench.ScaleBenchmark -Dbench.args="delta 100000 100000 10 50"
 * </pre>
 *
 * <p>memory: requests, wall time, and the scan JVM's heap from its GC log (the most used before a
 * collection, and the most still live after one). latency: every answer 50 ms late; the scan's
 * wall time (JVM start included) against a bare client that fetches every page of both
 * collections one after the other and only parses the JSON. delta: a full scan with
 * {@code --state}, then N applications changed, then a rescan: its requests, and whether its CSV
 * equals a full scan's (a fifth argument: milliseconds of latency per answer). Append
 * {@code -shuffled} to a mode to list the service principals in an order unrelated to their
 * applications', as Graph does.
 */
public final class ScaleBenchmark {

    private static final Pattern GC_LINE = Pattern.compile("(\\d+)M->(\\d+)M\\((\\d+)M\\)");

    private ScaleBenchmark() {
    }

    public static void main(String[] given) throws Exception {
        // exec:exec passes -Dbench.args as one argument
        String[] args = given.length == 1 ? given[0].trim().split("\\s+") : given;
        String mode = args.length > 0 ? args[0] : "memory";
        int applications = args.length > 1 ? Integer.parseInt(args[1]) : 500_000;
        int servicePrincipals = args.length > 2 ? Integer.parseInt(args[2]) : 500_000;
        String extra = args.length > 3 ? args[3] : "";
        System.out.printf("%s: %,d applications + %,d service principals; %d cores; %s%n", mode, applications,
                servicePrincipals, Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.version"));
        GeneratedTenant aligned = GeneratedTenant.of(applications, servicePrincipals, 42);
        // "-shuffled": service principals in an order unrelated to their applications', as Graph lists them
        boolean shuffled = mode.endsWith("-shuffled");
        GeneratedTenant tenant = shuffled ? aligned.shuffledServicePrincipals() : aligned;
        try (FakeGraphServer graph = FakeGraphServer.start(tenant)) {
            switch (mode.replace("-shuffled", "")) {
                case "memory" -> memory(graph, extra.isEmpty() ? "512m" : extra);
                case "latency" -> latency(graph, extra.isEmpty() ? 50 : Integer.parseInt(extra));
                case "delta" -> {
                    if (args.length > 4) {
                        graph.latency(Duration.ofMillis(Integer.parseInt(args[4])));
                    }
                    delta(graph, tenant, extra.isEmpty() ? 10 : Integer.parseInt(extra));
                }
                default -> throw new IllegalArgumentException("mode: memory, latency or delta");
            }
        }
    }

    private static void memory(FakeGraphServer graph, String heap) throws Exception {
        Path csv = Files.createTempDirectory("app09-bench").resolve("report.csv");
        Path gcLog = csv.resolveSibling("gc.log");
        Run run = scan(graph, heap, gcLog, "--format", "csv", "--output", csv.toString());
        long peakBefore = 0;
        long peakAfter = 0;
        for (String line : Files.readAllLines(gcLog)) {
            Matcher m = GC_LINE.matcher(line);
            if (m.find()) {
                peakBefore = Math.max(peakBefore, Long.parseLong(m.group(1)));
                peakAfter = Math.max(peakAfter, Long.parseLong(m.group(2)));
            }
        }
        System.out.printf("scan -Xmx%s: exit %d in %,d ms; %,d requests (%d applications, %d service principals); "
                        + "CSV %,d rows; heap used at most %,d MiB before a GC, %,d MiB live after one%n",
                heap, run.exit, run.millis, graph.journal().requests().size(),
                graph.journal().requests(Endpoint.APPLICATIONS).size(),
                graph.journal().requests(Endpoint.SERVICE_PRINCIPALS).size(),
                Files.lines(csv).count() - 1, peakBefore, peakAfter);
        System.out.println(run.err.lines().filter(l -> l.contains("OutOfMemory") || l.startsWith("app09:"))
                .reduce("", (a, b) -> a + b + "\n"));
    }

    private static void latency(FakeGraphServer graph, int millis) throws Exception {
        graph.latency(Duration.ofMillis(millis));
        Path csv = Files.createTempDirectory("app09-bench").resolve("report.csv");
        Run run = scan(graph, "1g", null, "--format", "csv", "--output", csv.toString());
        int requests = graph.journal().requests().size();
        graph.journal().clear();
        long start = System.nanoTime();
        long tokens = bare(graph, "applications", "id,appId,displayName,createdDateTime,signInAudience,"
                + "passwordCredentials,keyCredentials", "&$expand=federatedIdentityCredentials")
                + bare(graph, "servicePrincipals", "id,appId,displayName,servicePrincipalType,appOwnerOrganizationId,"
                + "preferredSingleSignOnMode,preferredTokenSigningKeyThumbprint,passwordCredentials,keyCredentials", "");
        long bareMillis = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("%d ms per answer: app09 scan (its JVM's start included) exit %d in %,d ms, %,d requests; "
                        + "bare sequential client %,d ms, %,d requests, %,d JSON tokens; ratio bare/app09 %.2f%n",
                millis, run.exit, run.millis, requests, bareMillis, graph.journal().requests().size(), tokens,
                (double) bareMillis / run.millis);
    }

    private static void delta(FakeGraphServer graph, GeneratedTenant tenant, int changes) throws Exception {
        Path dir = Files.createTempDirectory("app09-bench");
        Path state = dir.resolve("state");
        Run first = scan(graph, "1g", null, "--format", "csv", "--output", dir.resolve("first.csv").toString(),
                "--state", state.toString());
        int firstRequests = graph.journal().requests().size();
        long stateBytes = Files.size(state.resolve("app09-scan-state.json.gz"));
        for (int i = 0; i < changes; i++) {
            Application app = tenant.application(i * (tenant.applicationCount() / changes));
            graph.changeApplication(app.id(), a -> new Application(a.id(), a.appId(), a.displayName(),
                    a.createdDateTime(), a.signInAudience(), withSecret(a.passwordCredentials()), a.keyCredentials(),
                    a.federatedIdentityCredentials()));
        }
        graph.journal().clear();
        Run rescan = scan(graph, "1g", null, "--format", "csv", "--output", dir.resolve("rescan.csv").toString(),
                "--state", state.toString());
        List<String> asked = graph.journal().requests().stream().map(r -> r.endpoint().name()).toList();
        graph.journal().clear();
        Run full = scan(graph, "1g", null, "--format", "csv", "--output", dir.resolve("full.csv").toString());
        boolean same = Files.mismatch(dir.resolve("rescan.csv"), dir.resolve("full.csv")) == -1;
        System.out.printf("full scan with --state: exit %d, %,d ms, %,d requests, state %,d bytes%n", first.exit,
                first.millis, firstRequests, stateBytes);
        System.out.printf("after %d changed applications: rescan exit %d, %,d ms, %d requests %s%n", changes,
                rescan.exit, rescan.millis, asked.size(), asked);
        System.out.printf("full scan without state: exit %d, %,d ms, %,d requests; rescan CSV equals full CSV: %s%n",
                full.exit, full.millis, graph.journal().requests().size(), same);
    }

    private static List<PasswordCredential> withSecret(List<PasswordCredential> passwords) {
        List<PasswordCredential> more = new ArrayList<>(passwords);
        Instant start = Instant.parse("2026-06-01T00:00:00Z");
        more.add(new PasswordCredential(UUID.randomUUID(), "added", "ab1", null, start, start.plus(Duration.ofDays(90))));
        return more;
    }

    /** Every page of one collection, one after the other, each body parsed token by token and dropped. */
    private static long bare(FakeGraphServer graph, String collection, String select, String expand) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        JsonFactory json = new JsonFactory();
        String next = graph.baseUrl() + "/v1.0/" + collection + "?$top=999&$select="
                + URLEncoder.encode(select, StandardCharsets.UTF_8) + expand;
        long tokens = 0;
        while (next != null) {
            HttpResponse<InputStream> page = http.send(HttpRequest.newBuilder(URI.create(next)).build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            next = null;
            try (InputStream body = page.body(); JsonParser parser = json.createParser(body)) {
                JsonToken token;
                while ((token = parser.nextToken()) != null) {
                    tokens++;
                    if (token == JsonToken.FIELD_NAME && parser.getParsingContext().getParent().inRoot()
                            && "@odata.nextLink".equals(parser.currentName())) {
                        parser.nextToken();
                        next = parser.getText();
                    }
                }
            }
        }
        return tokens;
    }

    private record Run(int exit, long millis, String err) {
    }

    private static Run scan(FakeGraphServer graph, String heap, Path gcLog, String... options)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heap));
        if (gcLog != null) {
            command.add("-Xlog:gc:file=" + gcLog);
        }
        command.addAll(List.of("-jar", "target/app09.jar", "scan", "--graph-url", graph.baseUrl()));
        command.addAll(List.of(options));
        Path err = Files.createTempFile("app09-bench", ".err");
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(err.toFile()).start();
        int exit = process.waitFor();
        long millis = (System.nanoTime() - start) / 1_000_000;
        return new Run(exit, millis, Files.readString(err));
    }
}
