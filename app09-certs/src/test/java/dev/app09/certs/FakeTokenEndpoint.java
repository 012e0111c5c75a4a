package dev.app09.certs;

import static java.util.Objects.requireNonNull;

import com.azure.core.http.HttpClient;
import com.azure.core.http.HttpHeader;
import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpHeaders;
import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.core.util.BinaryData;
import com.azure.core.util.Context;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The Entra token endpoint, faked as azure-core's {@link HttpClient}: azure-identity hands it to MSAL
 * (through its {@code HttpPipelineAdapter}), so every request MSAL makes lands here, is recorded, and
 * {@code POST https://login.microsoftonline.com/<tenant>/oauth2/v2.0/token} is answered with a bearer
 * token; anything else gets a 404, so an unexpected request fails loudly instead of reaching the network.
 */
final class FakeTokenEndpoint implements HttpClient {

    private static final Pattern TOKEN_PATH = Pattern.compile("/[^/]+/oauth2/v2\\.0/token");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One request as the fake received it. */
    record RecordedRequest(HttpMethod method, String url, Map<String, String> headers, String body) {

        /** @return the {@code application/x-www-form-urlencoded} body as a map */
        Map<String, String> form() {
            Map<String, String> form = new LinkedHashMap<>();
            for (String pair : body.split("&")) {
                int equals = pair.indexOf('=');
                String name = equals < 0 ? pair : pair.substring(0, equals);
                String value = equals < 0 ? "" : pair.substring(equals + 1);
                form.put(URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
            }
            return form;
        }
    }

    private final String accessToken;
    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();

    private FakeTokenEndpoint(String accessToken) {
        this.accessToken = accessToken;
    }

    /**
     * @param accessToken the access token every token request gets
     * @return a fake that has received nothing yet
     */
    static FakeTokenEndpoint create(String accessToken) {
        return new FakeTokenEndpoint(requireNonNull(accessToken, "accessToken"));
    }

    /** @return the requests received so far, in order */
    List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    @Override
    public Mono<HttpResponse> send(HttpRequest request) {
        return Mono.fromSupplier(() -> answer(request));
    }

    @Override
    public HttpResponse sendSync(HttpRequest request, Context context) {
        return answer(request);
    }

    private HttpResponse answer(HttpRequest request) {
        BinaryData body = request.getBodyAsBinaryData();
        Map<String, String> headers = new LinkedHashMap<>();
        for (HttpHeader header : request.getHeaders()) {
            headers.put(header.getName(), header.getValue());
        }
        requests.add(new RecordedRequest(request.getHttpMethod(), request.getUrl().toString(), Map.copyOf(headers),
                body == null ? "" : body.toString()));

        ObjectNode answer = JSON.createObjectNode();
        if (request.getHttpMethod() == HttpMethod.POST
                && "login.microsoftonline.com".equals(request.getUrl().getHost())
                && TOKEN_PATH.matcher(request.getUrl().getPath()).matches()) {
            answer.put("token_type", "Bearer").put("expires_in", 3600).put("access_token", accessToken);
            return new CannedResponse(request, 200, answer.toString());
        }
        answer.put("error", "not_found")
                .put("error_description", "the fake answers only POST https://login.microsoftonline.com/"
                        + "<tenant>/oauth2/v2.0/token, not " + request.getHttpMethod() + " " + request.getUrl());
        return new CannedResponse(request, 404, answer.toString());
    }

    /** A complete JSON response, held in memory. */
    private static final class CannedResponse extends HttpResponse {

        private final int status;
        private final byte[] body;
        private final HttpHeaders headers;

        CannedResponse(HttpRequest request, int status, String json) {
            super(request);
            this.status = status;
            this.body = json.getBytes(StandardCharsets.UTF_8);
            this.headers = new HttpHeaders()
                    .set(HttpHeaderName.CONTENT_TYPE, "application/json; charset=utf-8")
                    .set(HttpHeaderName.CONTENT_LENGTH, Integer.toString(body.length));
        }

        @Override
        public int getStatusCode() {
            return status;
        }

        @Override
        @Deprecated
        public String getHeaderValue(String name) {
            return headers.getValue(HttpHeaderName.fromString(name));
        }

        @Override
        public HttpHeaders getHeaders() {
            return headers;
        }

        @Override
        public Flux<ByteBuffer> getBody() {
            return Flux.just(ByteBuffer.wrap(body.clone()));
        }

        @Override
        public BinaryData getBodyAsBinaryData() {
            return BinaryData.fromBytes(body.clone());
        }

        @Override
        public Mono<byte[]> getBodyAsByteArray() {
            return Mono.just(body.clone());
        }

        @Override
        public Mono<String> getBodyAsString() {
            return getBodyAsString(StandardCharsets.UTF_8);
        }

        @Override
        public Mono<String> getBodyAsString(Charset charset) {
            return Mono.just(new String(body, charset));
        }
    }
}
