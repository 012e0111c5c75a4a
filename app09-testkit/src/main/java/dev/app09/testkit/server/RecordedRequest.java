package dev.app09.testkit.server;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A request the fake Graph received, as the journal keeps it.
 *
 * @param method the HTTP method
 * @param path the path, without the query
 * @param query the decoded query parameters ({@code $select}, {@code $top}, ...)
 * @param endpoint the endpoint it addressed
 * @param page for paged endpoints, which page (1 is the first request, without a skip token); 0
 *     otherwise
 * @param status the status answered (0 when the connection was dropped)
 * @param fault the fault injected into the answer, or null
 * @param authorized whether it carried an {@code Authorization} header (never its value)
 */
public record RecordedRequest(
        String method,
        String path,
        Map<String, String> query,
        Endpoint endpoint,
        int page,
        int status,
        @Nullable Fault fault,
        boolean authorized) {

    /** Validates and copies. */
    public RecordedRequest {
        requireNonNull(method, "method");
        requireNonNull(path, "path");
        query = Map.copyOf(query);
        requireNonNull(endpoint, "endpoint");
    }

    /**
     * @param name a query parameter, for example {@code $top}
     * @return its decoded value, or null when absent
     */
    public @Nullable String queryParameter(String name) {
        return query.get(name);
    }
}
