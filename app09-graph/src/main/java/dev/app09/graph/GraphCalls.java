package dev.app09.graph;

import com.microsoft.kiota.HttpMethod;
import com.microsoft.kiota.RequestAdapter;
import com.microsoft.kiota.RequestInformation;
import com.microsoft.kiota.ResponseHandler;
import com.microsoft.kiota.ResponseHandlerOption;
import com.microsoft.kiota.http.middleware.options.RetryHandlerOption;
import com.microsoft.kiota.serialization.Parsable;
import com.microsoft.kiota.serialization.ParsableFactory;
import dev.app09.graph.json.GraphJsonReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.jspecify.annotations.Nullable;

/**
 * Sends raw Graph requests through the SDK's request adapter (its auth and middleware) and reads
 * the body as a stream with {@link GraphJsonReader}. The adapter hands back the raw response, so
 * the status decides before any body is parsed: a throttled or unavailable answer with an HTML
 * body is still retried. Retries are ours, not Kiota's, so that their total wait is bounded and
 * each one reaches the listener. (OkHttp may still resend a request once, silently, when a pooled
 * connection turns out to be dead; that costs no wait.)
 */
final class GraphCalls {

    /** The statuses of an answer worth asking for again: throttled, unavailable, timed out at the gateway. */
    static final Set<Integer> RETRYABLE = Set.of(429, 503, 504);
    /** An error body is read for its message only; a proxy's page can be large. */
    private static final long ERROR_BODY_LIMIT = 64 * 1024;
    /** Kiota's own retry handler is switched off per request: one retry loop, with a budget. */
    private static final RetryHandlerOption NO_KIOTA_RETRY = new RetryHandlerOption(null, 0, 0);

    /** Sends next pages ahead of their turn; daemon threads, so an abandoned read never holds the JVM. */
    private static final ExecutorService PREFETCHER = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "app09-graph-prefetch");
        thread.setDaemon(true);
        return thread;
    });

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
     * Reads every page of a collection, following {@code @odata.nextLink} verbatim with the first
     * request's headers (an advanced query needs its {@code ConsistencyLevel} on every page). A
     * page is handed on whole once it is mapped, so a retried page never hands on an object twice.
     *
     * @param collection the collection's name, for the listener
     * @param what the collection as error messages name it
     * @return how many objects were read
     * @throws GraphCallFailed when a page fails for good (the pages before it were handed on)
     */
    <T> long readAll(String collection, String what, Supplier<RequestInformation> first, GraphJsonReader<T> reader,
            Consumer<List<T>> pages) {
        var total = new Object() {
            long objects;
        };
        this.<T>follow(collection, what, first, (body, source, objects, early) -> reader.read(body, source, objects::add, early),
                objects -> {
            total.objects += objects.size();
            pages.accept(objects);
            return total.objects;
        });
        return total.objects;
    }

    /**
     * Reads one delta round: every page from {@code first} (a delta request or a delta link) to
     * the page that carries the next round's {@code @odata.deltaLink}.
     *
     * @param required the properties a changed object must carry to be taken whole
     * @param changed receives each changed or new object that came whole
     * @param removed receives the object id of each removed one
     * @param partial receives the object id of each changed one that came without a required property
     * @return the delta link where the next round starts
     * @throws GraphCallFailed when a page fails for good, or the round ends without a delta link
     */
    <T> String readDelta(String collection, String what, Supplier<RequestInformation> first, GraphJsonReader<T> reader,
            Collection<String> required, Consumer<T> changed, Consumer<UUID> removed, Consumer<UUID> partial) {
        var round = new Object() {
            long entries;
            @Nullable String deltaLink;
        };
        // Each page's entries are handed on in the page's own order: an object removed and then
        // restored in one round must end up present, and the reverse absent.
        this.<Runnable>follow(collection, what, first, (body, source, entries, early) -> {
            GraphJsonReader.Links links = reader.readDelta(body, source, required,
                    object -> entries.add(() -> changed.accept(object)), id -> entries.add(() -> removed.accept(id)),
                    id -> entries.add(() -> partial.accept(id)));
            round.deltaLink = links.deltaLink();
            return links.nextLink();
        }, entries -> {
            entries.forEach(Runnable::run);
            round.entries += entries.size();
            return round.entries;
        });
        if (round.deltaLink == null) {
            throw new GraphCallFailed(200, what + ": the delta round ended without a delta link",
                    new IllegalStateException(what));
        }
        return round.deltaLink;
    }

    /** Reads a page's body into objects and returns its next link, telling {@code early} of it as soon as it is read. */
    private interface PageReader<T> {
        @Nullable String read(InputStream body, String source, List<T> objects, Consumer<String> early);
    }

    /**
     * Follows {@code @odata.nextLink} verbatim from {@code first}, with the first request's
     * headers; each page is handed on once mapped, and returns the running total for the listener.
     */
    private <T> void follow(String collection, String what, Supplier<RequestInformation> first, PageReader<T> reader,
            Function<List<T>, Long> pages) {
        RequestInformation firstRequest = first.get();
        Map<String, Set<String>> headers = ownHeaders(firstRequest);
        Set<String> followed = new HashSet<>();
        Supplier<RequestInformation> request = () -> firstRequest;
        Prefetch prefetch = null;
        try {
            for (int page = 1; ; page++) {
                String source = what + " page " + page;
                List<T> objects = new ArrayList<>();
                var answer = new Object() {
                    @Nullable String nextLink;
                    @Nullable Prefetch next;
                };
                try {
                    send(source, request, prefetch, body -> {
                        objects.clear(); // a retried page starts afresh
                        answer.nextLink = reader.read(body, source, objects, link -> {
                            // Ask for the next page now, while this one is mapped (once, even if this page is retried).
                            if (answer.next == null && !followed.contains(link)) {
                                answer.next = Prefetch.start(link, () -> call(nextPage(link, headers)));
                            }
                        });
                    });
                } catch (RuntimeException e) {
                    if (answer.next != null) {
                        answer.next.close();
                    }
                    throw e;
                }
                if (prefetch != null) {
                    prefetch.close(); // read and closed by now; a no-op unless this page was retried afresh
                }
                prefetch = answer.next;
                long total = pages.apply(objects);
                listener.pageRead(collection, page, objects.size(), total);
                String next = answer.nextLink;
                if (next == null) {
                    return;
                }
                if (!followed.add(next)) {
                    // Graph never repeats a link; following it again would read the same pages forever.
                    throw new GraphCallFailed(200, source + ": Graph sent a next link it had sent before; "
                            + "the collection cannot be read whole", new IllegalStateException(next));
                }
                if (prefetch != null && !prefetch.link().equals(next)) {
                    prefetch.close();
                    prefetch = null;
                }
                request = () -> nextPage(next, headers);
            }
        } finally {
            if (prefetch != null) {
                prefetch.close();
            }
        }
    }

    /**
     * A next page asked for ahead of its turn. Whoever comes last closes its answer: the reader
     * once it has read it, or {@link #close()} when it is abandoned (even while still in flight).
     */
    private static final class Prefetch {
        private final String link;
        private final CompletableFuture<@Nullable Response> response;
        private final AtomicBoolean abandoned = new AtomicBoolean();

        private Prefetch(String link, CompletableFuture<@Nullable Response> response) {
            this.link = link;
            this.response = response;
            response.whenComplete((answer, failure) -> {
                if (answer != null && abandoned.get()) {
                    answer.close();
                }
            });
        }

        static Prefetch start(String link, Supplier<@Nullable Response> call) {
            return new Prefetch(link, CompletableFuture.supplyAsync(call, PREFETCHER));
        }

        String link() {
            return link;
        }

        /** Waits for the answer; its failure is rethrown as the request's own would be. */
        @Nullable Response answer() {
            try {
                return response.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                close();
                throw new IllegalStateException(new InterruptedIOException("interrupted"));
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException runtime) {
                    throw runtime;
                }
                throw new IllegalStateException(e.getCause());
            }
        }

        /** Drops the answer, now or when it comes (closing a response twice is harmless). */
        void close() {
            abandoned.set(true);
            if (response.isDone() && !response.isCompletedExceptionally()) {
                Response answer = response.join();
                if (answer != null) {
                    answer.close();
                }
            }
        }
    }

    /**
     * The headers a request was built with, copied before it is sent: the credential adds its token
     * to the request itself, and a next link must get one only where the credential sends it (never
     * by copy, to whatever host the link names).
     */
    private static Map<String, Set<String>> ownHeaders(RequestInformation request) {
        Map<String, Set<String>> headers = new HashMap<>();
        request.headers.forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Authorization")) {
                headers.put(name, Set.copyOf(values));
            }
        });
        return headers;
    }

    /**
     * @param link a link Graph sent (a next or delta link)
     * @return a GET of it, verbatim
     */
    static RequestInformation get(String link) {
        return nextPage(link, Map.of());
    }

    /**
     * Sends a request and hands the answer's body to {@code body}, retrying throttling,
     * unavailability and broken connections within the retry policy.
     *
     * @throws GraphCallFailed when the request fails for good, or the answer is not what Graph sends
     */
    void send(String what, Supplier<RequestInformation> request, Consumer<InputStream> body) {
        send(what, request, null, body);
    }

    /** As {@link #send(String, Supplier, Consumer)}; the first attempt reads {@code prefetched} when there is one. */
    private void send(String what, Supplier<RequestInformation> request, @Nullable Prefetch prefetched,
            Consumer<InputStream> body) {
        Duration waited = Duration.ZERO;
        for (int attempt = 0; ; attempt++) {
            if (Thread.currentThread().isInterrupted()) {
                throw new GraphCallFailed(0, what + ": interrupted", new InterruptedException());
            }
            Failure failure = attempt(what, attempt == 0 && prefetched != null ? prefetched::answer
                    : () -> call(request.get()), body);
            if (failure == null) {
                return;
            }
            int retryNumber = attempt + 1;
            String refusal = retry.refusal(retryNumber, waited, failure.asked);
            if (refusal != null) {
                throw failure.fail(what, refusal);
            }
            Duration wait = retry.wait(retryNumber, failure.asked);
            listener.retrying(what, retryNumber, wait, failure.cause);
            sleep(wait, what);
            waited = waited.plus(wait);
        }
    }

    /** One attempt: null when the body was read, else what went wrong and whether it may be retried. */
    private @Nullable Failure attempt(String what, Supplier<@Nullable Response> call, Consumer<InputStream> body) {
        try (Response response = call.get()) {
            if (response == null) {
                throw new GraphCallFailed(0, what + ": Graph answered with nothing", new IOException("no response"));
            }
            ResponseBody content = response.body();
            if (response.isSuccessful() && content != null) {
                body.accept(content.byteStream());
                return null;
            }
            int status = response.code();
            String cause = describe(response);
            if (!RETRYABLE.contains(status)) {
                throw new GraphCallFailed(status, what + ": " + cause, new IOException(cause));
            }
            return new Failure(status, cause, retryAfter(response.header("Retry-After"), clock), new IOException(cause));
        } catch (BadInputException e) {
            throw new GraphCallFailed(200, what + ": Graph's answer is not what Graph sends: " + e.problem()
                    + " (line " + e.line() + ", column " + e.column() + ")", e);
        } catch (GraphCallFailed e) {
            throw e;
        } catch (RuntimeException e) {
            IOException io = ioCause(e);
            if (io == null) {
                throw new GraphCallFailed(0, what + ": " + rootMessage(e), e);
            }
            if (!worthResending(io)) {
                throw new GraphCallFailed(0, what + (io instanceof InterruptedIOException ? ": interrupted"
                        : ": cannot connect: " + rootMessage(io)), e);
            }
            return new Failure(0, "connection failed: " + rootMessage(io), Optional.empty(), e);
        }
    }

    /** Sends a request once, without Kiota's retries, and hands back OkHttp's response untouched. */
    private @Nullable Response call(RequestInformation info) {
        info.addRequestOptions(List.of(NO_KIOTA_RETRY, rawResponse()));
        return adapter.sendPrimitive(info, null, Response.class);
    }

    /** Makes the adapter hand back OkHttp's response untouched: the status is judged before any parsing. */
    private static ResponseHandlerOption rawResponse() {
        ResponseHandlerOption option = new ResponseHandlerOption();
        option.setResponseHandler(new ResponseHandler() {
            @Override
            @SuppressWarnings("unchecked")
            public <N, M> M handleResponse(N response,
                    @Nullable HashMap<String, ParsableFactory<? extends Parsable>> errors) {
                return (M) response;
            }
        });
        return option;
    }

    private static RequestInformation nextPage(String nextLink, Map<String, Set<String>> headers) {
        RequestInformation info = new RequestInformation();
        info.httpMethod = HttpMethod.GET;
        info.setUri(URI.create(nextLink));
        headers.forEach((name, values) -> values.forEach(value -> info.headers.add(name, value)));
        return info;
    }

    /** The status, Graph's error code and message when the body is Graph's, and the request id support asks for. */
    private static String describe(Response response) {
        StringBuilder text = new StringBuilder("HTTP ").append(response.code());
        try (ResponseBody peeked = response.peekBody(ERROR_BODY_LIMIT)) {
            GraphJsonReader.readError(peeked.byteStream()).ifPresent(error -> text.append(' ').append(error));
        } catch (IOException | RuntimeException e) {
            // not Graph's error body (a proxy's page, say): the status says enough
        }
        String requestId = response.header("request-id");
        if (requestId != null) {
            text.append(" (request-id ").append(requestId).append(')');
        }
        return text.toString();
    }

    /** Retry-After in seconds, or as an HTTP date. */
    static Optional<Duration> retryAfter(@Nullable String value, Clock clock) {
        if (value == null) {
            return Optional.empty();
        }
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
    }

    /** Whole seconds as {@code 5 s}, finer waits in milliseconds, so that none reads as {@code 0 s}. */
    static String format(Duration wait) {
        return wait.getNano() == 0 ? wait.getSeconds() + " s" : wait.toMillis() + " ms";
    }

    private static void sleep(Duration wait, String what) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GraphCallFailed(0, what + ": interrupted while waiting to retry", e);
        }
    }

    /**
     * Whether a read that failed so is worth sending again: a connection that broke or an answer
     * cut short, yes; nothing listening or an unknown name (waiting will not change that) or an
     * interrupt, no.
     */
    static boolean worthResending(IOException io) {
        return !(io instanceof ConnectException || io instanceof UnknownHostException
                || io instanceof InterruptedIOException && Thread.currentThread().isInterrupted());
    }

    static @Nullable IOException ioCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof IOException io) {
                return io;
            }
        }
        return null;
    }

    /** The innermost cause's message (or its class name): what a person can act on. */
    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return message == null ? root.getClass().getSimpleName() : message;
    }

    /** A failed attempt that may be retried. */
    private record Failure(int status, String cause, Optional<Duration> asked, Exception exception) {
        GraphCallFailed fail(String what, String why) {
            return new GraphCallFailed(status, what + ": " + cause + "; " + why, exception);
        }
    }
}
