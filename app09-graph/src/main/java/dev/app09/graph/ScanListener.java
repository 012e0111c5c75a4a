package dev.app09.graph;

import dev.app09.core.model.ScanProblem;
import java.time.Duration;

/**
 * Hears how a scan goes: pages read, retries, problems. Collections are read concurrently, so
 * methods may be called from several threads at once; implementations must be thread-safe and
 * quick (a slow listener slows the scan). Every method does nothing by default.
 *
 * <pre>{@code
 * ScanListener progress = new ScanListener() {
 *     public void pageRead(String collection, int page, int objects, long total) {
 *         System.err.println(collection + ": " + total + " read");
 *     }
 * };
 * }</pre>
 */
public interface ScanListener {

    /** A listener that ignores everything. */
    ScanListener NONE = new ScanListener() { };

    /**
     * A page of a collection was read and mapped.
     *
     * @param collection e.g. {@code applications}
     * @param page the page's number, from 1
     * @param objects how many objects the page held
     * @param total how many objects of this collection have been read so far
     */
    default void pageRead(String collection, int page, int objects, long total) {
    }

    /**
     * A request failed in a way worth retrying (throttled, unavailable, connection lost); the
     * scan waits, then sends it again.
     *
     * @param request what was being read, e.g. {@code servicePrincipals page 3}
     * @param attempt the retry's number, from 1
     * @param wait how long the scan waits first (Graph's Retry-After when it sent one)
     * @param cause why, e.g. {@code HTTP 429}
     */
    default void retrying(String request, int attempt, Duration wait, String cause) {
    }

    /**
     * Something went wrong that the report will list.
     *
     * @param problem the problem
     */
    default void problem(ScanProblem problem) {
    }
}
