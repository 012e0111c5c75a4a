package dev.app09.testkit.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.app09.core.model.TenantSnapshot;
import dev.app09.testkit.junit.FakeGraphExtension;
import dev.app09.testkit.tenant.FakeTenant;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The latency option: every answer of the fake Graph comes late by the same amount. */
final class LatencyTest {

    private static final TenantSnapshot TENANT = FakeTenant.create().application("Payroll", app -> app.secret()).build();
    private static final Duration LATENCY = Duration.ofMillis(250);

    @RegisterExtension
    static final FakeGraphExtension extension = FakeGraphExtension.create();

    private FakeGraphServer graph;
    private GraphHttp http;

    /** The extension has reset the server (faults, journal, writes, clock, latency) before this runs. */
    @BeforeEach
    void serve() {
        graph = extension.serve(TENANT);
        http = GraphHttp.of(graph);
    }

    private Duration timed(String path) throws Exception {
        long start = System.nanoTime();
        GraphHttp.Reply reply = http.get(path);
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        assertThat(reply.status()).isPositive();
        return elapsed;
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/v1.0/applications", "/v1.0/applications/delta()", "/v1.0/applications/{unknown}"})
    void every_answer_comes_late_by_the_latency_errors_included(String path) throws Exception {
        graph.latency(LATENCY);

        Duration elapsed = timed(path.replace("{unknown}", UUID.randomUUID().toString()));

        assertThat(elapsed).isGreaterThanOrEqualTo(LATENCY);
    }

    @Test
    void an_injected_fault_comes_late_too() throws Exception {
        graph.latency(LATENCY).inject(Fault.throttled(Duration.ofSeconds(1)));

        Duration elapsed = timed("/v1.0/servicePrincipals");

        assertThat(elapsed).isGreaterThanOrEqualTo(LATENCY);
        assertThat(graph.journal().requests()).extracting(RecordedRequest::status).containsExactly(429);
    }

    @Test
    void reset_and_zero_take_the_latency_away() throws Exception {
        graph.latency(LATENCY);
        graph.reset();
        Duration afterReset = timed("/v1.0/applications");
        graph.latency(LATENCY).latency(Duration.ZERO);
        Duration afterZero = timed("/v1.0/applications");

        assertThat(afterReset).isLessThan(LATENCY);
        assertThat(afterZero).isLessThan(LATENCY);
    }

    @Test
    void a_negative_latency_is_refused() {
        assertThatThrownBy(() -> graph.latency(Duration.ofMillis(-1))).isInstanceOf(IllegalArgumentException.class);
    }
}
