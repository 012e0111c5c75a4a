package dev.app09.graph.cli;

import dev.app09.graph.RetryPolicy;
import dev.app09.testkit.server.Endpoint;
import dev.app09.testkit.server.Fault;
import dev.app09.testkit.server.RecordedRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * What issue 8's fault matrices are made of: the faults, each aimed once at one request that a
 * clean run sent, and how quickly a run retries.
 */
final class FaultMatrix {

    /** The default policy's retries, with waits short enough for a build. */
    static final GraphPacing QUICK = new GraphPacing(new RetryPolicy(6, Duration.ofSeconds(30), Duration.ofMillis(10)),
            Duration.ofMillis(10));

    private FaultMatrix() {
    }

    /**
     * A fault, whether a client must ride it out (end as if it had not happened), and how long a
     * scan that retries it says it waits. A fault that is not ridden may still be, or the run must
     * stop saying why.
     *
     * @param announced the wait a scan's progress announces before the retry: Graph's Retry-After (0 s)
     *     when it names one, else the first backoff of {@link #QUICK} (10 ms); null when the scan
     *     may not announce one
     */
    record Injected(String name, Fault fault, boolean ridden, @Nullable String announced) {

        /** @return every fault of the matrix, on any answer */
        static List<Injected> all() {
            return List.of(
                    new Injected("429 with Retry-After", Fault.throttled(Duration.ZERO), true, "0 s"),
                    new Injected("429 without Retry-After", Fault.throttledWithoutRetryAfter(), true, "10 ms"),
                    new Injected("500", Fault.status(500), false, null),
                    new Injected("503", Fault.status(503), true, "10 ms"),
                    // OkHttp itself may resend a read whose pooled connection broke, before app09 sees it.
                    new Injected("dropped connection", Fault.connectionReset(), true, null),
                    new Injected("truncated body", Fault.truncatedJson(), false, null),
                    new Injected("malformed JSON", Fault.malformedJson(), false, null),
                    new Injected("next link repeated", Fault.repeatedNextLink(), false, null),
                    new Injected("empty page with a next link", Fault.emptyPage(), true, null));
        }

        /** @return the faults of a write that took effect before its answer failed */
        static List<Injected> afterApplying() {
            return List.of(
                    new Injected("500 after applying", Fault.status(500).afterApplying(), false, null),
                    new Injected("503 after applying", Fault.status(503).afterApplying(), false, null),
                    new Injected("dropped connection after applying", Fault.connectionReset().afterApplying(), false,
                            null));
        }

        /** @return whether the fault reshapes a page, and so only fires on a page of a collection */
        boolean pageShaped() {
            return fault.kind().onPagesOnly();
        }
    }

    /**
     * One request of a clean run: its endpoint, its page for a paged collection (0 otherwise), and
     * which of the requests to that endpoint and page it is (a read before a write and its read-back
     * are the 1st and 2nd read of one object).
     */
    record Request(Endpoint endpoint, int page, int occurrence) {

        /** @return the requests of a journal, in the order sent */
        static List<Request> of(List<RecordedRequest> journal) {
            Map<String, Integer> seen = new HashMap<>();
            List<Request> requests = new ArrayList<>();
            for (RecordedRequest recorded : journal) {
                int occurrence = seen.merge(recorded.endpoint() + "#" + recorded.page(), 1, Integer::sum);
                requests.add(new Request(recorded.endpoint(), recorded.page(), occurrence));
            }
            return requests;
        }

        /** @return the fault, aimed at this request only, once */
        Fault aim(Fault fault) {
            Fault aimed = fault.on(endpoint).skip(occurrence - 1).times(1);
            return page > 0 ? aimed.onPage(page) : aimed;
        }

        /** @return the faults that can fire on this request: page shapes on pages, after-applying on writes */
        Stream<Injected> faults() {
            Stream<Injected> any = Injected.all().stream().filter(injected -> paged() || !injected.pageShaped());
            return write() ? Stream.concat(any, Injected.afterApplying().stream()) : any;
        }

        boolean write() {
            return endpoint == Endpoint.UPDATE_APPLICATION || endpoint == Endpoint.ADD_KEY
                    || endpoint == Endpoint.REMOVE_PASSWORD;
        }

        private boolean paged() {
            return page > 0 && !endpoint.delta();
        }

        @Override
        public String toString() {
            return endpoint + (page > 0 ? " page " + page : "") + (occurrence > 1 ? " (request " + occurrence + ")" : "");
        }
    }
}
