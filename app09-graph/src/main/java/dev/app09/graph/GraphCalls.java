package dev.app09.graph;

import com.microsoft.graph.models.odataerrors.ODataError;
import com.microsoft.kiota.ApiException;
import com.microsoft.kiota.RequestAdapter;
import com.microsoft.kiota.RequestInformation;
import com.microsoft.kiota.http.middleware.options.RetryHandlerOption;
import com.microsoft.kiota.serialization.Parsable;
import com.microsoft.kiota.serialization.ParsableFactory;
import dev.app09.graph.json.GraphJsonReader;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Sends raw Graph requests through the SDK's request adapter (its auth and middleware) and reads
 * the body as a stream with {@link GraphJsonReader}. Retries are ours, not Kiota's, so that their
 * total wait is bounded and each one reaches the listener. (OkHttp may still resend a request
 * once, silently, when a pooled connection turns out to be dead; that costs no wait.)
 */
final class GraphCalls {

    private static final Set<Integer> RETRYABLE = Set.of(429, 503, 504);
    /** Kiota's own retry handler is switched off per request: one retry loop, with a budget. */
    private static final RetryHandlerOption NO_KIOTA_RETRY = new RetryHandlerOption(null, 0, 0);

    private final RequestAdapter adapter;
    private final RetryPolicy retry;
    private final ScanListener listener;
    private final Clock clock;

    GraphCalls(RequestAdapter adapter, RetryPolicy retry, ScanListener listener, Clock clock) {
        this.adapter = adapter;
        this.retry = retry;
        this.listener = listener;
        this.clock = clock;
    }

    /**
     * Reads every page of a collection, following {@code @odata.nextLink} verbatim. A page is
     * handed on whole once it is mapped, so a retried page never hands on an object twice.
     *
     * @return how many objects were read
     * @throws GraphCallFailed when a page fails for good (the pages before it were handed on)
     */
    <T> long readAll(String collection, Supplier<RequestInformation> first, GraphJsonReader<T> reader,
            Consumer<List<T>> pages) {
        long total = 0;
        Set<String> followed = new HashSet<>();
        Supplier<RequestInformation> request = first;
        for (int page = 1; ; page++) {
            String what = collection + " page " + page;
            var answer = new Object() {
                List<T> objects = List.of();
                @Nullable String nextLink;
            };
            send(what, request, body -> {
                List<T> objects = new java.util.ArrayList<>();
                answer.nextLink = reader.read(body, what, objects::add);
                answer.objects = objects;
            });
            total += answer.objects.size();
            pages.accept(answer.objects);
            listener.pageRead(collection, page, answer.objects.size(), total);
            String next = answer.nextLink;
            if (next == null) {
                return total;
            }
            if (!followed.add(next)) {
                // Graph never repeats a link; following it again would read the same pages forever.
                throw new GraphCallFailed(200, what + ": Graph sent a next link it had sent before; "
                        + "the collection cannot be read whole", new IllegalStateException(next));
            }
            request = () -> nextPage(next);
        }
    }

    /**
     * Sends a request and hands the answer's body to {@code body}, retrying throttling,
     * unavailability and broken connections within the retry policy.
     *
     * @throws GraphCallFailed when the request fails for good, or the answer is not what Graph sends
     */
    void send(String what, Supplier<RequestInformation> request, Consumer<InputStream> body) {
        Duration waited = Duration.ZERO;
        for (int attempt = 0; ; attempt++) {
            int status;
            String cause;
            Optional<Duration> asked = Optional.empty();
            Exception failure;
            try {
                RequestInformation info = request.get();
                info.addRequestOptions(List.of(NO_KIOTA_RETRY));
                InputStream in = adapter.sendPrimitive(info, errorMappings(), InputStream.class);
                if (in == null) {
                    throw new GraphCallFailed(0, what + ": Graph answered with no body", new IOException("no body"));
                }
                try (in) {
                    body.accept(in);
                }
                return;
            } catch (BadInputException e) {
                throw new GraphCallFailed(200, what + ": Graph's answer is not what Graph sends: " + e.problem()
                        + " (line " + e.line() + ", column " + e.column() + ")", e);
            } catch (ApiException e) {
                status = e.getResponseStatusCode();
                cause = describe(e);
                asked = retryAfter(e);
                failure = e;
                if (!RETRYABLE.contains(status)) {
                    throw new GraphCallFailed(status, what + ": " + cause, e);
                }
            } catch (GraphCallFailed e) {
                throw e;
            } catch (RuntimeException | IOException e) {
                IOException io = ioCause(e);
                if (io == null) {
                    throw new GraphCallFailed(0, what + ": " + rootMessage(e), e);
                }
                if (io instanceof ConnectException || io instanceof UnknownHostException) {
                    // Nothing listens there, or the name is unknown: waiting will not change that.
                    throw new GraphCallFailed(0, what + ": cannot connect: " + rootMessage(io), e);
                }
                status = 0;
                cause = "connection failed: " + rootMessage(io);
                failure = e;
            }
            int retryNumber = attempt + 1;
            Duration wait = asked.orElseGet(() -> retry.backoff(retryNumber));
            if (attempt >= retry.maxRetries()) {
                throw new GraphCallFailed(status, what + ": " + cause + "; gave up after " + attempt + " retries", failure);
            }
            if (waited.plus(wait).compareTo(retry.maxTotalWait()) > 0) {
                throw new GraphCallFailed(status, what + ": " + cause + "; " + (asked.isPresent() ? "Graph asked to wait "
                        : "the next backoff is ") + format(wait) + ", beyond the retry budget of "
                        + format(retry.maxTotalWait()), failure);
            }
            listener.retrying(what, retryNumber, wait, cause);
            sleep(wait, what);
            waited = waited.plus(wait);
        }
    }

    private static RequestInformation nextPage(String nextLink) {
        RequestInformation info = new RequestInformation();
        info.httpMethod = com.microsoft.kiota.HttpMethod.GET;
        info.setUri(java.net.URI.create(nextLink));
        info.headers.add("Accept", "application/json");
        return info;
    }

    private static HashMap<String, ParsableFactory<? extends Parsable>> errorMappings() {
        HashMap<String, ParsableFactory<? extends Parsable>> mappings = new HashMap<>();
        mappings.put("XXX", ODataError::createFromDiscriminatorValue);
        return mappings;
    }

    /** Graph's error code and message, and the request id Microsoft support asks for. */
    private static String describe(ApiException e) {
        StringBuilder text = new StringBuilder("HTTP ").append(e.getResponseStatusCode());
        if (e instanceof ODataError odata && odata.getError() != null) {
            var error = odata.getError();
            if (error.getCode() != null) {
                text.append(' ').append(error.getCode());
            }
            if (error.getMessage() != null) {
                text.append(": ").append(error.getMessage());
            }
        }
        header(e, "request-id").ifPresent(id -> text.append(" (request-id ").append(id).append(')'));
        return text.toString();
    }

    /** Retry-After in seconds, or as an HTTP date. */
    private Optional<Duration> retryAfter(ApiException e) {
        return header(e, "Retry-After").flatMap(value -> {
            try {
                return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(value.trim()))));
            } catch (NumberFormatException notSeconds) {
                try {
                    ZonedDateTime at = ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME);
                    Duration wait = Duration.between(clock.instant(), at.toInstant());
                    return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
                } catch (DateTimeParseException notADate) {
                    return Optional.empty();
                }
            }
        });
    }

    private static Optional<String> header(ApiException e, String name) {
        var headers = e.getResponseHeaders();
        if (headers == null) {
            return Optional.empty();
        }
        return headers.keySet().stream()
                .filter(name::equalsIgnoreCase)
                .flatMap(key -> headers.get(key).stream())
                .findFirst();
    }

    /** Whole seconds as {@code 5 s}, finer waits in milliseconds, so that none reads as {@code 0 s}. */
    private static String format(Duration wait) {
        return wait.toMillis() % 1000 == 0 ? wait.toSeconds() + " s" : wait.toMillis() + " ms";
    }

    private static void sleep(Duration wait, String what) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GraphCallFailed(0, what + ": interrupted while waiting to retry", e);
        }
    }

    private static @Nullable IOException ioCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof IOException io) {
                return io;
            }
        }
        return null;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return message == null ? root.getClass().getSimpleName() : message;
    }
}
