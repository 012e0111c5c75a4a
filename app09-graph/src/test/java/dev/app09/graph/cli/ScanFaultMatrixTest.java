package dev.app09.graph.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.app09.graph.cli.FaultMatrix.Injected;
import dev.app09.graph.cli.FaultMatrix.Request;
import dev.app09.testkit.junit.FakeGraphExtension;
import dev.app09.testkit.server.Endpoint;
import dev.app09.testkit.tenant.GeneratedTenant;
import dev.app09.testkit.tenant.SampleTenants;
import dev.app09.testkit.tenant.TenantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 8's fault matrix for {@code app09 scan --graph-url}: every request a clean scan sends
 * meets, in turn, each fault once. The scan must then end complete with the very report of the
 * clean scan, or incomplete (exit 3, {@code complete: false}) naming the cause: never a complete
 * report with objects missing. Faults a client is expected to ride out (throttling, a 503, a
 * dropped connection, an empty page) must end complete. The requests are taken from the clean
 * scan's journal, so a request added to the scan joins the matrix by itself.
 */
final class ScanFaultMatrixTest {

    @RegisterExtension
    static final FakeGraphExtension graph = FakeGraphExtension.create();

    /** A tenant to scan, and the options it is scanned with. */
    record Scanned(String name, TenantSource tenant, List<String> options) {
    }

    @TestFactory
    Stream<DynamicTest> each_request_of_a_scan_meets_each_fault_once() {
        return Stream.of(
                // Every endpoint a scan reads, sign-in evidence included, one page each.
                new Scanned("contoso with sign-in evidence", TenantSource.of(SampleTenants.contoso().tenant()),
                        List.of("--sign-in-evidence")),
                // Two pages of each collection: faults between pages, and on the last one.
                new Scanned("two pages of each collection", GeneratedTenant.of(1_200, 1_300, 8), List.of()))
                .flatMap(scanned -> {
                    Baseline clean = Baseline.of(scanned);
                    return clean.requests().stream().flatMap(request -> request.faults().map(injected ->
                            DynamicTest.dynamicTest(scanned.name() + " · " + request + " · " + injected.name(),
                                    () -> check(scanned, clean, request, injected))));
                });
    }

    /** The clean scan: its exit status, its report, and the requests it sent in the order first sent. */
    record Baseline(int status, JsonNode report, List<Request> requests) {
        static Baseline of(Scanned scanned) {
            serve(scanned.tenant());
            CommandRun run = scan(scanned);
            assertThat(run.json().path("complete").asBoolean()).as("the clean scan: %s", run).isTrue();
            List<Request> requests = Request.of(graph.server().journal().requests());
            assertThat(requests).as("the clean scan reads pages").anyMatch(request -> request.page() > 0);
            return new Baseline(run.status(), run.json(), requests);
        }
    }

    private static void check(Scanned scanned, Baseline clean, Request request, Injected injected) {
        serve(scanned.tenant());
        graph.server().inject(request.aim(injected.fault()));

        CommandRun run = scan(scanned);

        assertThat(graph.server().journal().requests()).as("the fault fired").anyMatch(r -> r.fault() != null);
        JsonNode report = run.json();
        if (run.status() == ExitCode.INCOMPLETE) {
            assertThat(injected.ridden()).as("%s should be ridden out: %s", injected.name(), run).isFalse();
            assertThat(report.path("complete").asBoolean(true)).as("%s", run).isFalse();
            assertThat(report.path("problems").findValuesAsText("source")).as("the cause is named: %s", run)
                    .contains(source(request.endpoint()));
            assertThat(run.err()).contains("incomplete");
        } else {
            assertThat(run.status()).as("%s", run).isEqualTo(clean.status());
            assertThat(report).as("a complete report after %s on %s is the clean one: %s", injected.name(), request, run)
                    .isEqualTo(clean.report());
        }
    }

    /** @return the source a report's problem names for a request to that endpoint */
    private static String source(Endpoint endpoint) {
        return switch (endpoint) {
            case APPLICATIONS -> "applications";
            case SERVICE_PRINCIPALS -> "servicePrincipals";
            case APP_MANAGEMENT_POLICY -> "defaultAppManagementPolicy";
            case SIGN_IN_ACTIVITIES -> "appCredentialSignInActivities";
            default -> throw new IllegalArgumentException("a scan does not read " + endpoint);
        };
    }

    private static void serve(TenantSource tenant) {
        graph.server().reset();
        graph.server().serve(tenant);
    }

    private static CommandRun scan(Scanned scanned) {
        List<String> args = new ArrayList<>(List.of("scan", "--graph-url", graph.baseUrl(), "--format", "json"));
        args.addAll(scanned.options());
        return CommandRun.retrying(FaultMatrix.QUICK, Map.of(), args);
    }
}
