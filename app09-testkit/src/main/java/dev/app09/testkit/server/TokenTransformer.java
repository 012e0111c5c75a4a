package dev.app09.testkit.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.app09.core.model.CredentialSignIn;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.IntSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The WireMock extension that is the fake Entra token endpoint: routes every request, answers the
 * token path through {@link CertificateGrant}, records certificate sign-ins in the fake Graph's
 * directory, and reports each token request (without assertion or token) to the endpoint.
 */
final class TokenTransformer implements ResponseDefinitionTransformerV2 {

    static final String NAME = "app09-fake-entra";
    static final Pattern TOKEN_PATH = Pattern.compile("/([^/]+)/oauth2/v2\\.0/token");
    private static final String JSON_TYPE = "application/json; charset=utf-8";
    private static final int EXPIRES_IN = 3599;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final FakeGraphServer graph;
    private final IntSupplier port;
    private final Consumer<TokenRequest> requests;
    private final Clock wallClock = Clock.systemUTC();
    private final ObjectMapper json = new ObjectMapper();

    TokenTransformer(FakeGraphServer graph, IntSupplier port, Consumer<TokenRequest> requests) {
        this.graph = graph;
        this.port = port;
        this.requests = requests;
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
        String traceId = UUID.randomUUID().toString();
        String correlationId = correlationId(request);
        Matcher token = TOKEN_PATH.matcher(path);
        if (!token.matches() || !method.equals("POST")) {
            if (token.matches()) {
                requests.accept(new TokenRequest(token.group(1), null, 404, "not_found", null, null));
            }
            return notServed(method, path, traceId, correlationId);
        }
        String tenant = token.group(1);
        String clientId = null;
        // Read once: serve() and reset() replace the directory, and the sign-in goes where the check looked.
        FakeDirectory directory = graph.directory();
        Instant graphNow = graph.clock().instant();
        try {
            TokenForm form = TokenForm.parse(request.getBody());
            clientId = form.get("client_id");
            CertificateGrant.Granted granted = CertificateGrant.check(tenant, form, audiences(tenant), directory,
                    graphNow, wallClock.instant(), json);
            directory.recordSignIn(new CredentialSignIn(granted.keyId(), granted.appId(), "certificate", "application",
                    graphNow));
            requests.accept(new TokenRequest(tenant, clientId, 200, null, null, granted.keyId()));
            return answer(200, issued(), traceId, correlationId);
        } catch (EntraError error) {
            requests.accept(new TokenRequest(tenant, clientId, error.status, error.error, error.errorCode(), null));
            return answer(error.status, GraphResponder.render(out -> error.write(out, traceId, correlationId,
                    wallClock.instant())), traceId, correlationId);
        }
    }

    /** The token endpoint's URLs: MSAL addresses the assertion to the one it was given. */
    private Set<String> audiences(String tenant) {
        String rest = ":" + port.getAsInt() + "/" + tenant + "/oauth2/v2.0/token";
        return Set.of("https://127.0.0.1" + rest, "https://localhost" + rest);
    }

    private static byte[] issued() {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String accessToken = "fake-entra-" + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        return GraphResponder.render(out -> {
            out.writeStartObject();
            out.writeStringField("token_type", "Bearer");
            out.writeNumberField("expires_in", EXPIRES_IN);
            out.writeNumberField("ext_expires_in", EXPIRES_IN);
            out.writeStringField("access_token", accessToken);
            out.writeEndObject();
        });
    }

    private ResponseDefinition notServed(String method, String path, String traceId, String correlationId) {
        return answer(404, GraphResponder.render(out -> {
            out.writeStartObject();
            out.writeStringField("error", "not_found");
            out.writeStringField("error_description", "The fake Entra token endpoint of app09-testkit serves only"
                    + " POST /{tenant}/oauth2/v2.0/token (client credentials with a certificate); " + method + " "
                    + path + " is not served.");
            out.writeStringField("trace_id", traceId);
            out.writeStringField("correlation_id", correlationId);
            out.writeEndObject();
        }), traceId, correlationId);
    }

    private static ResponseDefinition answer(int status, byte[] body, String traceId, String correlationId) {
        return ResponseDefinitionBuilder.responseDefinition()
                .withStatus(status)
                .withHeader("Content-Type", JSON_TYPE)
                .withHeader("Cache-Control", "no-store, no-cache")
                .withHeader("Pragma", "no-cache")
                .withHeader("x-ms-request-id", traceId)
                .withHeader("client-request-id", correlationId)
                .withBody(body)
                .build();
    }

    /** Entra answers with the client's request id as correlation id (MSAL sends one); else a new one. */
    private static String correlationId(Request request) {
        String sent = request.containsHeader("client-request-id") ? request.getHeader("client-request-id") : null;
        return isGuid(sent) ? sent : UUID.randomUUID().toString();
    }

    private static boolean isGuid(@Nullable String text) {
        try {
            return text != null && UUID.fromString(text).toString().equalsIgnoreCase(text);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
