package dev.app09.testkit.server;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.app09.testkit.json.GraphJson;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The WireMock extension that is the fake Graph: every request goes through here, is routed,
 * checked against the injected faults, answered by the {@link GraphResponder} of the tenant
 * served now, and recorded in the journal.
 */
final class GraphTransformer implements ResponseDefinitionTransformerV2 {

    static final String NAME = "app09-fake-graph";
    private static final String JSON_TYPE =
            "application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8";

    /**
     * IMF-fixdate, the only HTTP-date form a sender may write (RFC 9110 5.6.7): unlike {@link
     * DateTimeFormatter#RFC_1123_DATE_TIME} it writes the day of month with two digits.
     */
    private static final DateTimeFormatter IMF_FIXDATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US);

    private final Supplier<GraphResponder> responder;
    private final ArmedFaults faults;
    private final RequestJournal journal;
    private final Supplier<Clock> clock;

    GraphTransformer(Supplier<GraphResponder> responder, ArmedFaults faults, RequestJournal journal,
            Supplier<Clock> clock) {
        this.responder = responder;
        this.faults = faults;
        this.journal = journal;
        this.clock = clock;
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public ResponseDefinition transform(ServeEvent event) {
        Request request = event.getRequest();
        String url = request.getUrl();
        int question = url.indexOf('?');
        String path = question < 0 ? url : url.substring(0, question);
        String method = request.getMethod().getName();
        String requestId = UUID.randomUUID().toString();
        String clientRequestId = request.containsHeader("client-request-id") ? request.getHeader("client-request-id")
                : requestId;
        Route route = Route.of(method, path);
        GraphResponder current = responder.get();
        Answer answer;
        int page = 0;
        Fault fault = null;
        try {
            GraphQuery query = GraphQuery.parse(question < 0 ? null : url.substring(question + 1));
            page = current.page(route, query);
            fault = faults.take(route.endpoint(), page);
            if (fault != null && !fault.appliesFirst() && fault.kind() == Fault.Kind.STATUS) {
                throw GraphError.forStatus(fault.status());
            }
            if (fault != null && !fault.appliesFirst() && fault.kind() == Fault.Kind.CONNECTION_RESET) {
                answer = null;
            } else {
                Fault.Kind pageFault = fault != null && fault.kind().onPagesOnly() ? fault.kind() : null;
                answer = current.answer(route, new GraphResponder.Call(method, path, query, request.getBody(),
                        request.getHeader("ConsistencyLevel"), pageFault));
                if (fault != null && fault.appliesFirst() && fault.kind() == Fault.Kind.STATUS) {
                    throw GraphError.forStatus(fault.status());
                }
            }
        } catch (GraphError error) {
            answer = new Answer(error.status, GraphResponder.render(out ->
                    GraphJson.error(out, error.code, error.getMessage(), requestId, clientRequestId, clock.get().instant())));
        }
        journal.record(new RecordedRequest(method, path, safeQuery(url, question), route.endpoint(), page,
                answer == null ? 0 : answer.status(), fault, request.containsHeader("Authorization")));
        return respond(answer, fault, requestId, clientRequestId);
    }

    private ResponseDefinition respond(@Nullable Answer answer, @Nullable Fault fault, String requestId,
            String clientRequestId) {
        ResponseDefinitionBuilder response = ResponseDefinitionBuilder.responseDefinition()
                .withHeader("request-id", requestId)
                .withHeader("client-request-id", clientRequestId);
        if (answer == null || (fault != null && fault.kind() == Fault.Kind.CONNECTION_RESET)) {
            return response.withFault(com.github.tomakehurst.wiremock.http.Fault.CONNECTION_RESET_BY_PEER).build();
        }
        response.withStatus(answer.status());
        if (answer.body().length > 0) {
            response.withHeader("Content-Type", JSON_TYPE);
        }
        byte[] body = answer.body();
        if (fault != null) {
            switch (fault.kind()) {
                case STATUS -> retryAfter(response, fault);
                case MALFORMED_JSON -> body = "{\"value\": [ {\"id\": <html>Service Unavailable</html> ".getBytes(StandardCharsets.UTF_8);
                case TRUNCATED_JSON -> body = Arrays.copyOf(body, body.length / 2);
                case DELAY -> response.withFixedDelay((int) fault.duration().toMillis());
                case CONNECTION_RESET -> throw new IllegalStateException("handled above");
                case EMPTY_PAGE, REPEATED_NEXT_LINK -> { } // the responder shaped the page
            }
        }
        return response.withBody(body).build();
    }

    private void retryAfter(ResponseDefinitionBuilder response, Fault fault) {
        if (fault.status() != 429) {
            return;
        }
        switch (fault.retryAfter()) {
            case SECONDS -> response.withHeader("Retry-After",
                    Long.toString(fault.duration().plusMillis(999).toSeconds()));
            case HTTP_DATE -> response.withHeader("Retry-After",
                    IMF_FIXDATE.format(clock.get().instant().plus(fault.duration()).atOffset(ZoneOffset.UTC)));
            case NONE -> { }
        }
    }

    /** The decoded query of a request, for the journal; an undecodable one is kept raw. */
    private static Map<String, String> safeQuery(String url, int question) {
        try {
            return GraphQuery.parse(question < 0 ? null : url.substring(question + 1)).parameters();
        } catch (GraphError e) {
            return Map.of("", url.substring(question + 1));
        }
    }
}
