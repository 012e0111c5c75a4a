package dev.app09.testkit.server;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * Something going wrong on the fake Graph, injected with {@link FakeGraphServer#inject(Fault)}.
 * A fault answers every request by default; narrow it with {@link #on(Endpoint)}, {@link
 * #onPage(int)} and {@link #times(int)}. Immutable: each narrowing returns a new fault.
 *
 * <pre>{@code
 * graph.inject(Fault.throttled(Duration.ofSeconds(1)).on(Endpoint.APPLICATIONS).onPage(2).times(1));
 * graph.inject(Fault.status(403).on(Endpoint.SIGN_IN_ACTIVITIES));
 * }</pre>
 */
public final class Fault {

    /** What the fault does to the answer. */
    public enum Kind {
        /** An error status with Graph's error body (and Retry-After for 429 when set). */
        STATUS,
        /** The real answer's status, with a body that is not JSON. */
        MALFORMED_JSON,
        /** The real answer's status, with its body cut in the middle. */
        TRUNCATED_JSON,
        /** The real answer, late. */
        DELAY,
        /** The connection is reset before any answer. */
        CONNECTION_RESET,
        /**
         * A page of a collection that holds nothing but a next link to the real page, as Graph
         * sends now and then: a client must follow it, not stop.
         */
        EMPTY_PAGE,
        /**
         * A page whose next link is the link that led to it (page 1: a link to page 1 again): a
         * client that follows it reads the same objects again, or forever.
         */
        REPEATED_NEXT_LINK;

        /** @return whether the fault reshapes a page of a collection, and so only fires on one */
        public boolean onPagesOnly() {
            return this == EMPTY_PAGE || this == REPEATED_NEXT_LINK;
        }
    }

    /** How a 429 states when to retry. */
    public enum RetryAfter {
        /** {@code Retry-After: <seconds>}. */
        SECONDS,
        /** {@code Retry-After: <HTTP date>}, counted from the server's clock. */
        HTTP_DATE,
        /** No Retry-After header: the client must back off on its own. */
        NONE
    }

    private final Kind kind;
    private final int status;
    private final Duration duration;
    private final RetryAfter retryAfter;
    private final @Nullable Endpoint endpoint;
    private final int page;
    private final int times;
    private final boolean afterApplying;
    private final int skipped;

    private Fault(Kind kind, int status, Duration duration, RetryAfter retryAfter, @Nullable Endpoint endpoint,
            int page, int times, boolean afterApplying) {
        this(kind, status, duration, retryAfter, endpoint, page, times, afterApplying, 0);
    }

    private Fault(Kind kind, int status, Duration duration, RetryAfter retryAfter, @Nullable Endpoint endpoint,
            int page, int times, boolean afterApplying, int skipped) {
        this.skipped = skipped;
        this.afterApplying = afterApplying;
        this.kind = kind;
        this.status = status;
        this.duration = duration;
        this.retryAfter = retryAfter;
        this.endpoint = endpoint;
        this.page = page;
        this.times = times;
    }

    /**
     * @param seconds the Retry-After the answer carries, rounded up to whole seconds (HTTP has no
     *     smaller unit)
     * @return a 429 {@code TooManyRequests} with {@code Retry-After: <seconds>}
     */
    public static Fault throttled(Duration seconds) {
        return new Fault(Kind.STATUS, 429, requireNonNull(seconds, "seconds"), RetryAfter.SECONDS, null, 0, -1, false);
    }

    /**
     * @param after how long after the server's clock the HTTP date lies
     * @return a 429 with {@code Retry-After: <HTTP date>}
     */
    public static Fault throttledUntil(Duration after) {
        return new Fault(Kind.STATUS, 429, requireNonNull(after, "after"), RetryAfter.HTTP_DATE, null, 0, -1, false);
    }

    /** @return a 429 without Retry-After */
    public static Fault throttledWithoutRetryAfter() {
        return new Fault(Kind.STATUS, 429, Duration.ZERO, RetryAfter.NONE, null, 0, -1, false);
    }

    /**
     * @param httpStatus an error status: 403, 404, 500, 503, 504, ...
     * @return that status with Graph's error body
     */
    public static Fault status(int httpStatus) {
        if (httpStatus < 400 || httpStatus > 599) {
            throw new IllegalArgumentException("a fault status is 4xx or 5xx, not " + httpStatus);
        }
        return new Fault(Kind.STATUS, httpStatus, Duration.ZERO, RetryAfter.NONE, null, 0, -1, false);
    }

    /** @return the real status (200 for a page) with a body that is not JSON */
    public static Fault malformedJson() {
        return new Fault(Kind.MALFORMED_JSON, 200, Duration.ZERO, RetryAfter.NONE, null, 0, -1, false);
    }

    /** @return the real status (200 for a page) with the real body cut in half */
    public static Fault truncatedJson() {
        return new Fault(Kind.TRUNCATED_JSON, 200, Duration.ZERO, RetryAfter.NONE, null, 0, -1, false);
    }

    /**
     * @param delay how late the real answer comes
     * @return the real answer, late
     */
    public static Fault delay(Duration delay) {
        return new Fault(Kind.DELAY, 200, requireNonNull(delay, "delay"), RetryAfter.NONE, null, 0, -1, false);
    }

    /**
     * Only fires on a page of a paged collection that is not a delta round (applications, service
     * principals, sign-in activities). Narrow it with {@link #times(int)}: left on every page, it
     * empties every page, and a listing never ends.
     *
     * @return an empty page whose next link leads to the page that was asked for (its objects,
     *     and every later page, come one page number later)
     */
    public static Fault emptyPage() {
        return new Fault(Kind.EMPTY_PAGE, 200, Duration.ZERO, RetryAfter.NONE, null, 0, -1, false);
    }

    /**
     * Only fires on a page of a paged collection that is not a delta round.
     *
     * @return the real page, with the link that led to it as its next link
     */
    public static Fault repeatedNextLink() {
        return new Fault(Kind.REPEATED_NEXT_LINK, 200, Duration.ZERO, RetryAfter.NONE, null, 0, -1, false);
    }

    /** @return a connection reset instead of an answer */
    public static Fault connectionReset() {
        return new Fault(Kind.CONNECTION_RESET, 0, Duration.ZERO, RetryAfter.NONE, null, 0, -1, false);
    }

    /**
     * @param target the only endpoint the fault answers
     * @return a narrowed copy
     */
    public Fault on(Endpoint target) {
        return new Fault(kind, status, duration, retryAfter, requireNonNull(target, "endpoint"), page, times,
                afterApplying, skipped);
    }

    /**
     * @param number the only page of a paged endpoint the fault answers, from 1 (the request
     *     without a skip token)
     * @return a narrowed copy
     */
    public Fault onPage(int number) {
        if (number < 1) {
            throw new IllegalArgumentException("pages are numbered from 1, not " + number);
        }
        return new Fault(kind, status, duration, retryAfter, endpoint, number, times, afterApplying, skipped);
    }

    /**
     * @param count how many answers the fault takes over before the real answers come back
     * @return a narrowed copy
     */
    public Fault times(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("a fault fires at least once, not " + count + " times");
        }
        return new Fault(kind, status, duration, retryAfter, endpoint, page, count, afterApplying, skipped);
    }

    /**
     * Lets the request take effect before the fault replaces its answer: a write that happened
     * although the client saw a 500 (or a dropped connection). Clients must read before they resend.
     *
     * @return a copy that applies the request first
     */
    public Fault afterApplying() {
        return new Fault(kind, status, duration, retryAfter, endpoint, page, times, true, skipped);
    }

    /**
     * Lets the first matching answers through untouched: {@code .on(Endpoint.APPLICATION).skip(1)}
     * takes over the second read of an application, not the first.
     *
     * @param count how many matching answers come as they are before the fault fires
     * @return a narrowed copy
     */
    public Fault skip(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("a fault skips no answer or more, not " + count);
        }
        return new Fault(kind, status, duration, retryAfter, endpoint, page, times, afterApplying, count);
    }

    /** @return how many matching answers come untouched before the fault fires */
    public int skipped() {
        return skipped;
    }

    /** @return what the fault does */
    public Kind kind() {
        return kind;
    }

    /** @return the status answered (0 for a connection reset) */
    public int status() {
        return status;
    }

    /** @return the Retry-After or delay duration (zero when it has none) */
    public Duration duration() {
        return duration;
    }

    /** @return how a 429 says when to retry */
    public RetryAfter retryAfter() {
        return retryAfter;
    }

    /** @return the endpoint answered, or null for every endpoint */
    public @Nullable Endpoint endpoint() {
        return endpoint;
    }

    /** @return the page answered, or 0 for every page */
    public int page() {
        return page;
    }

    /** @return whether the request takes effect before the fault answers */
    public boolean appliesFirst() {
        return afterApplying;
    }

    /** @return how many answers it takes over, or -1 for all */
    public int times() {
        return times;
    }

    boolean matches(Endpoint target, int pageNumber) {
        if (kind.onPagesOnly() && (pageNumber == 0 || target.delta())) {
            return false;
        }
        return (endpoint == null || endpoint == target) && (page == 0 || page == pageNumber);
    }

    @Override
    public String toString() {
        return "Fault[" + kind + (status > 0 ? " " + status : "") + (duration.isZero() ? "" : " " + duration)
                + (kind == Kind.STATUS && status == 429 ? " retry-after=" + retryAfter : "")
                + " on " + (endpoint == null ? "every endpoint" : endpoint)
                + (page > 0 ? " page " + page : "") + (times > 0 ? " x" + times : "")
                + (skipped > 0 ? " after " + skipped + " untouched" : "") + (afterApplying ? " after applying" : "") + "]";
    }
}
