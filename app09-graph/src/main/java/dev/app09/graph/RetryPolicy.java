package dev.app09.graph;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

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

    /**
     * @param retry the retry's number, from 1
     * @param asked the wait Graph asked for (Retry-After), if it named one
     * @return the wait before that retry: what Graph asked, clamped just past the budget (a
     *     Retry-After beyond it is as good as infinite, and the sums must not overflow), else the backoff
     */
    Duration wait(int retry, Optional<Duration> asked) {
        Duration ceiling = maxTotalWait.plusSeconds(1);
        return asked.map(wait -> wait.compareTo(ceiling) <= 0 ? wait : ceiling).orElseGet(() -> backoff(retry));
    }

    /**
     * @param retry the retry's number, from 1
     * @param waited how long the request has waited already
     * @param asked the wait Graph asked for, if it named one
     * @return why that retry is not sent (its number or its wait is beyond the budget), or null when it is
     */
    @Nullable String refusal(int retry, Duration waited, Optional<Duration> asked) {
        if (retry > maxRetries) {
            return "gave up after " + maxRetries + " retries";
        }
        if (waited.plus(wait(retry, asked)).compareTo(maxTotalWait) > 0) {
            return (asked.isPresent() ? "Graph asked to wait " : "the next backoff is ")
                    + GraphCalls.format(asked.orElse(wait(retry, asked))) + ", beyond the retry budget of "
                    + GraphCalls.format(maxTotalWait);
        }
        return null;
    }
}
