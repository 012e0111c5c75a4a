package dev.app09.graph.cli;

import static java.util.Objects.requireNonNull;

import dev.app09.graph.RetryPolicy;
import java.time.Duration;

/**
 * How long a command waits on Graph: how its reads are retried, and how long it first waits before
 * reading a write back again. Injected like the clock: Graph's pacing for a person, short waits
 * for a test.
 *
 * @param retry how Graph reads are retried
 * @param readBack the first wait before a write that does not show yet is read back again
 */
record GraphPacing(RetryPolicy retry, Duration readBack) {

    /** Validates. */
    GraphPacing {
        requireNonNull(retry, "retry");
        requireNonNull(readBack, "readBack");
    }

    /** @return the default retries, and GraphWriter's default read-back wait */
    static GraphPacing defaults() {
        return new GraphPacing(RetryPolicy.defaults(), Duration.ofMillis(500));
    }
}
