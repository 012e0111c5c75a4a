package dev.app09.graph;

import static java.util.Objects.requireNonNull;
import static org.assertj.core.api.Assertions.assertThat;

import dev.app09.core.model.CredentialSignIn;
import dev.app09.core.model.SignInEvidence;
import dev.app09.core.model.TenantSnapshot;
import dev.app09.core.rules.Workload;
import dev.app09.testkit.junit.FakeGraphExtension;
import dev.app09.testkit.server.Endpoint;
import dev.app09.testkit.server.Fault;
import dev.app09.testkit.tenant.GeneratedTenant;
import dev.app09.testkit.tenant.SampleTenants;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link GraphReader#stream}: the workloads of a held read, without holding the tenant. */
final class GraphReaderStreamTest {

    @RegisterExtension
    static final FakeGraphExtension graph = FakeGraphExtension.create();

    private static GraphReader.Builder reader() {
        return GraphReader.builder().graphRoot(URI.create(graph.baseUrl()));
    }

    @Test
    void streams_the_workloads_a_held_read_joins_at_the_same_request_cost() {
        graph.server().serve(GeneratedTenant.of(2_500, 3_100, 5));
        TenantSnapshot held = reader().build().read();
        int heldRequests = graph.server().journal().requests().size();
        graph.server().journal().clear();

        List<Workload> streamed = Collections.synchronizedList(new ArrayList<>());
        StreamedTenant read = reader().build().stream(evidence -> streamed::add);

        assertThat(read.complete()).isTrue();
        assertThat(read.problems()).isEmpty();
        assertThat(streamed).hasSize(3_100).containsExactlyInAnyOrderElementsOf(Workload.joinAll(held));
        assertThat(graph.server().journal().requests()).hasSize(heldRequests);
        assertThat(graph.server().journal().requests(Endpoint.APPLICATIONS)).hasSize(3);
        assertThat(graph.server().journal().requests(Endpoint.SERVICE_PRINCIPALS)).hasSize(4);
    }

    @Test
    void reads_the_sign_in_evidence_before_the_first_workload_is_judged() {
        graph.server().serve(SampleTenants.contoso().tenant());
        AtomicReference<@Nullable SignInEvidence> given = new AtomicReference<>();

        StreamedTenant read = reader().signInEvidence(true).build().stream(evidence -> {
            given.set(evidence);
            assertThat(graph.server().journal().requests(Endpoint.APPLICATIONS)).as("no page read yet").isEmpty();
            return workload -> { };
        });

        assertThat(given.get()).isNotNull().isEqualTo(read.signInEvidence());
        assertThat(requireNonNull(given.get()).signIns()).extracting(CredentialSignIn::keyId)
                .containsExactlyInAnyOrderElementsOf(graph.server().snapshot().signInEvidence().signIns().stream()
                        .map(CredentialSignIn::keyId).toList());
    }

    @Test
    void the_next_page_is_asked_for_before_the_current_one_is_handed_on() {
        graph.server().serve(GeneratedTenant.of(2_500, 0, 5));
        List<Integer> applicationRequestsSeenOnFirstWorkload = new ArrayList<>();

        StreamedTenant read = reader().build().stream(evidence -> workload -> {
            if (applicationRequestsSeenOnFirstWorkload.isEmpty()) {
                // Wait (at most 10 s) for the second page's request: it must be in flight by now.
                long deadline = System.nanoTime() + 10_000_000_000L;
                while (applications() < 2 && System.nanoTime() < deadline) {
                    Thread.onSpinWait();
                }
                applicationRequestsSeenOnFirstWorkload.add(applications());
            }
        });

        assertThat(read.complete()).isTrue();
        assertThat(applicationRequestsSeenOnFirstWorkload).containsExactly(2);
        assertThat(applications()).as("each page asked for once").isEqualTo(3);
    }

    @Test
    void a_next_page_asked_for_ahead_that_is_throttled_is_retried_in_turn() {
        graph.server().serve(GeneratedTenant.of(2_500, 2_500, 5));
        graph.server().inject(Fault.status(503).on(Endpoint.APPLICATIONS).onPage(2).times(1));
        List<Workload> streamed = Collections.synchronizedList(new ArrayList<>());

        StreamedTenant read = reader().retryPolicy(new RetryPolicy(2, java.time.Duration.ofSeconds(2),
                java.time.Duration.ofMillis(1))).build().stream(evidence -> streamed::add);

        assertThat(read.complete()).isTrue();
        assertThat(streamed).hasSize(2_500).allSatisfy(w -> assertThat(w.application()).isNotNull());
        assertThat(applications()).isEqualTo(4);
    }

    private static int applications() {
        return graph.server().journal().requests(Endpoint.APPLICATIONS).size();
    }

    @Test
    void a_failed_collection_still_hands_on_what_was_read_and_the_read_is_incomplete() {
        graph.server().serve(GeneratedTenant.of(1_500, 1_500, 5));
        graph.server().inject(Fault.status(403).on(Endpoint.SERVICE_PRINCIPALS));

        List<Workload> streamed = Collections.synchronizedList(new ArrayList<>());
        StreamedTenant read = reader().build().stream(evidence -> streamed::add);

        assertThat(read.complete()).isFalse();
        assertThat(read.problems()).anySatisfy(p -> assertThat(p.source()).isEqualTo("servicePrincipals"));
        assertThat(streamed).hasSize(1_500).allSatisfy(w -> assertThat(w.servicePrincipal()).isNull());
    }
}
