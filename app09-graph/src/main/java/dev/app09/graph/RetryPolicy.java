package dev.app09.graph;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * How hard a scan retries a request that Graph throttled (429) or could not serve (503, 504), or
 * whose connection broke. Graph's {@code Retry-After} is honoured; without one the wait doubles
 * from {@code firstBackoff}. The total wait of one request is bounded: when Graph asks for more
 * than is left, the scan stops retrying at once and the read fails loudly.
 *
 * @param maxRetries how many times one request is sent again, at most
 * @param maxTotalWait how long one request may wait in all, at most
 * @param firstBackoff the first wait when Graph names none
 */
public record RetryPolicy(int maxRetries, Duration maxTotalWait, Duration firstBackoff) {

    /** Validates. */
    public RetryPolicy {
        requireNonNull(maxTotalWait, "maxTotalWait");
        requireNonNull(firstBackoff, "firstBackoff");
        if (maxRetries < 0 || maxTotalWait.isNegative() || firstBackoff.isNegative()) {
            throw new IllegalArgumentException("retries and waits cannot be negative");
        }
    }

    /**
     * @return 6 retries, at most 5 minutes of waiting per request, 2 seconds first backoff (Graph's
     *     identity throttling windows are 10 seconds; its Retry-After rarely exceeds a minute)
     */
    public static RetryPolicy defaults() {
        return new RetryPolicy(6, Duration.ofMinutes(5), Duration.ofSeconds(2));
    }

    /** @return a policy that never retries */
    public static RetryPolicy none() {
        return new RetryPolicy(0, Duration.ZERO, Duration.ZERO);
    }

    /**
     * @param retry the retry's number, from 1
     * @return the wait before it when Graph names none: firstBackoff doubled per earlier retry
     */
    Duration backoff(int retry) {
        return firstBackoff.multipliedBy(1L << Math.min(retry - 1, 20));
    }
}
