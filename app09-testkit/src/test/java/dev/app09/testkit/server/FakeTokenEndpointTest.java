package dev.app09.testkit.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.app09.core.model.Application;
import dev.app09.core.model.TenantSnapshot;
import dev.app09.testkit.TestClock;
import dev.app09.testkit.tenant.FakeTenant;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.KeyStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The fake Entra token endpoint over real HTTPS: it grants a token only to a client assertion
 * signed by a certificate registered on the application in the fake Graph, refuses everything else
 * as Entra does, and records the certificate's sign-in in the fake Graph's report.
 */
final class FakeTokenEndpointTest {

    private static final Instant NOW = TestClock.DEFAULT_INSTANT;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SCOPE = "https://graph.microsoft.com/.default";
    private static final UUID PAYROLL_KEY = UUID.fromString("0e7a1c55-0000-4000-8000-00000000a001");
    private static final UUID ARCHIVE_KEY = UUID.fromString("0e7a1c55-0000-4000-8000-00000000a002");
    private static final UUID LEDGER_KEY = UUID.fromString("0e7a1c55-0000-4000-8000-00000000a003");

    private static final TenantSnapshot TENANT = FakeTenant.create()
            .application("Payroll", app -> app.certificate(c -> c.keyId(PAYROLL_KEY).lastSignInDaysAgo(30)))
            .application("Archive", app -> app.certificate(c -> c.keyId(ARCHIVE_KEY).expiredDaysAgo(1)))
            .application("Ledger", app -> app.certificate(c -> c.keyId(LEDGER_KEY)))
            .application("Billing", app -> app.secret(s -> s.lastSignInDaysAgo(2)))
            .build();
    private static final String TENANT_ID = String.valueOf(TENANT.tenantId());

    private static final TestCertificates.Issued PAYROLL = certificate("Payroll");
    private static final TestCertificates.Issued ARCHIVE = certificate("Archive");
    private static final TestCertificates.Issued STRANGER = certificate("Stranger");

    private static FakeGraphServer graph;
    private static FakeTokenEndpoint entra;
    private static HttpClient https;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start() {
        graph = FakeGraphServer.start(TENANT);
        entra = FakeTokenEndpoint.start(graph);
        https = HttpClient.newBuilder().sslContext(entra.sslContext()).connectTimeout(Duration.ofSeconds(5)).build();
    }

    @AfterAll
    static void stop() {
        entra.close();
        graph.close();
    }

    @BeforeEach
    void freshTenant() {
        graph.reset();
        graph.clock(Clock.fixed(NOW, ZoneOffset.UTC));
        graph.certificate(PAYROLL_KEY, PAYROLL.der());
        graph.certificate(ARCHIVE_KEY, ARCHIVE.der());
        entra.clear();
    }

    // Granted

    @Test
    void assertion_signed_by_a_registered_active_certificate_gets_a_bearer_token() throws Exception {
        GraphHttp.Reply reply = post(TENANT_ID, form(app("Payroll"), assertion(app("Payroll"), PAYROLL)));

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.header("Content-Type")).hasValue("application/json; charset=utf-8");
        JsonNode token = reply.json();
        assertThat(token.path("token_type").asText()).isEqualTo("Bearer");
        assertThat(token.path("expires_in").asInt()).isEqualTo(3599);
        assertThat(token.path("ext_expires_in").asInt()).isEqualTo(3599);
        assertThat(token.path("access_token").asText()).startsWith("fake-entra-").hasSizeGreaterThan(40);
        assertThat(entra.requests()).containsExactly(
                new TokenRequest(TENANT_ID, app("Payroll").appId().toString(), 200, null, null, PAYROLL_KEY));
    }

    @Test
    void granted_request_shows_in_the_sign_in_report_at_the_graph_clock_replacing_the_row_the_tenant_had()
            throws Exception {
        assertThat(signInReport()).containsEntry(PAYROLL_KEY.toString(), NOW.minus(Duration.ofDays(30)).toString());

        assertThat(post(TENANT_ID, form(app("Payroll"), assertion(app("Payroll"), PAYROLL))).status()).isEqualTo(200);

        Map<String, String> report = signInReport();
        assertThat(report).hasSize(2)
                .containsEntry(PAYROLL_KEY.toString(), NOW.toString())
                .containsEntry(app("Billing").passwordCredentials().get(0).keyId().toString(),
                        NOW.minus(Duration.ofDays(2)).toString());
        JsonNode row = signInRows().stream().filter(r -> r.path("keyId").asText().equals(PAYROLL_KEY.toString()))
                .findFirst().orElseThrow();
        assertThat(row.path("keyType").asText()).isEqualTo("certificate");
        assertThat(row.path("credentialOrigin").asText()).isEqualTo("application");
        assertThat(row.path("appId").asText()).isEqualTo(app("Payroll").appId().toString());
        assertThat(graph.snapshot().signInEvidence().lastSignIn(PAYROLL_KEY)).hasValue(NOW);
    }

    @Test
    void certificate_fails_before_it_is_uploaded_and_signs_in_after_a_careful_patch() throws Exception {
        Application ledger = app("Ledger");
        TestCertificates.Issued next = certificate("Ledger next");
        UUID nextKey = UUID.randomUUID();

        GraphHttp.Reply before = post(TENANT_ID, form(ledger, assertion(ledger, next)));
        assertEntraError(before, 401, "invalid_client", 700027);

        uploadCarefully(ledger, next, nextKey);
        GraphHttp.Reply after = post(TENANT_ID, form(ledger, assertion(ledger, next)));

        assertThat(after.status()).as(after.body()).isEqualTo(200);
        assertThat(entra.requests()).extracting(TokenRequest::keyId).containsExactly(null, nextKey);
        assertThat(signInReport()).containsEntry(nextKey.toString(), NOW.toString()).hasSize(3);
    }

    @Test
    void x5t_s256_written_as_msal4j_does_in_padded_standard_base64_is_accepted() throws Exception {
        // A certificate whose thumbprint has '+' or '/' in standard base64: where the two alphabets differ.
        TestCertificates.Issued ledger = certificate("Ledger");
        for (int tries = 0; !Base64.getEncoder().encodeToString(ClientAssertionJwt.sha256(ledger.der()))
                .matches(".*[+/].*"); tries++) {
            assertThat(tries).isLessThan(50);
            ledger = certificate("Ledger");
        }
        graph.certificate(LEDGER_KEY, ledger.der());
        String assertion = ClientAssertionJwt.of(app("Ledger").appId().toString(), tokenUrl(TENANT_ID), ledger.der())
                .x5tS256AsMsal4j(ledger.der()).signedWith(ledger.privateKey());

        GraphHttp.Reply reply = post(TENANT_ID, form(app("Ledger"), assertion));

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(entra.requests()).extracting(TokenRequest::keyId).containsExactly(LEDGER_KEY);
    }

    @Test
    void assertion_without_a_thumbprint_is_tried_with_every_certificate_of_the_application() throws Exception {
        String assertion = ClientAssertionJwt.of(app("Payroll").appId().toString(), tokenUrl(TENANT_ID), PAYROLL.der())
                .x5tS256(null).signedWith(PAYROLL.privateKey());

        assertThat(post(TENANT_ID, form(app("Payroll"), assertion)).status()).isEqualTo(200);
    }

    @Test
    void assertion_addressed_to_the_endpoint_as_localhost_is_accepted() throws Exception {
        String assertion = assertion(app("Payroll"), PAYROLL,
                "https://localhost:" + entra.port() + "/" + TENANT_ID + "/oauth2/v2.0/token");

        assertThat(post(TENANT_ID, form(app("Payroll"), assertion)).status()).isEqualTo(200);
    }

    @Test
    void tenant_segment_that_is_not_a_guid_is_accepted() throws Exception {
        String assertion = assertion(app("Payroll"), PAYROLL, tokenUrl("organizations"));

        GraphHttp.Reply reply = post("organizations", form(app("Payroll"), assertion));

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(entra.requests()).extracting(TokenRequest::tenant).containsExactly("organizations");
    }

    @Test
    void each_token_is_new_and_neither_token_nor_assertion_is_kept() throws Exception {
        String first = assertion(app("Payroll"), PAYROLL);
        String second = assertion(app("Payroll"), PAYROLL);

        String firstToken = post(TENANT_ID, form(app("Payroll"), first)).json().path("access_token").asText();
        String secondToken = post(TENANT_ID, form(app("Payroll"), second)).json().path("access_token").asText();

        assertThat(firstToken).isNotEqualTo(secondToken);
        String kept = entra.requests().toString() + entra.requests().stream().map(TokenRequest::toString)
                .collect(Collectors.joining());
        for (String secret : List.of(first, second, firstToken, secondToken, first.substring(first.lastIndexOf('.') + 1))) {
            assertThat(kept).doesNotContain(secret);
        }
    }

    // Refused: the certificate

    @Test
    void assertion_signed_by_a_certificate_not_registered_on_the_application_is_refused() throws Exception {
        GraphHttp.Reply reply = post(TENANT_ID, form(app("Payroll"), assertion(app("Payroll"), STRANGER)));

        assertEntraError(reply, 401, "invalid_client", 700027);
        assertThat(description(reply)).contains("not registered");
        assertThat(signInReport()).containsEntry(PAYROLL_KEY.toString(), NOW.minus(Duration.ofDays(30)).toString());
    }

    @Test
    void assertion_naming_another_certificate_is_refused_even_when_a_registered_key_signed_it() throws Exception {
        String assertion = ClientAssertionJwt.of(app("Payroll").appId().toString(), tokenUrl(TENANT_ID),
                STRANGER.der()).signedWith(PAYROLL.privateKey());

        assertEntraError(post(TENANT_ID, form(app("Payroll"), assertion)), 401, "invalid_client", 700027);
    }

    @Test
    void assertion_naming_the_registered_certificate_but_signed_by_another_key_fails_signature_validation()
            throws Exception {
        String assertion = ClientAssertionJwt.of(app("Payroll").appId().toString(), tokenUrl(TENANT_ID),
                PAYROLL.der()).signedWith(STRANGER.privateKey());

        GraphHttp.Reply reply = post(TENANT_ID, form(app("Payroll"), assertion));

        assertEntraError(reply, 401, "invalid_client", 700027);
        assertThat(description(reply)).contains("signature validation");
    }

    @Test
    void registered_certificate_whose_key_credential_expired_at_the_graph_clock_is_refused() throws Exception {
        GraphHttp.Reply reply = post(TENANT_ID, form(app("Archive"), assertion(app("Archive"), ARCHIVE)));

        assertEntraError(reply, 401, "invalid_client", 700027);
        assertThat(description(reply)).contains("expired");
    }

    @Test
    void the_graph_clock_not_the_wall_clock_decides_whether_the_key_credential_is_active() throws Exception {
        assertThat(post(TENANT_ID, form(app("Payroll"), assertion(app("Payroll"), PAYROLL))).status()).isEqualTo(200);

        graph.clock(Clock.fixed(NOW.plus(Duration.ofDays(366)), ZoneOffset.UTC));

        assertEntraError(post(TENANT_ID, form(app("Payroll"), assertion(app("Payroll"), PAYROLL))), 401,
                "invalid_client", 700027);
    }

    @Test
    void key_credential_without_real_certificate_bytes_verifies_nothing() throws Exception {
        graph.reset(); // forgets the certificate bytes the test setup stored
        graph.clock(Clock.fixed(NOW, ZoneOffset.UTC));

        assertEntraError(post(TENANT_ID, form(app("Payroll"), assertion(app("Payroll"), PAYROLL))), 401,
                "invalid_client", 700027);
    }

    // Refused: the claims

    @Test
    void assertion_for_another_audience_is_refused() throws Exception {
        String assertion = assertion(app("Payroll"), PAYROLL, "https://login.microsoftonline.com/" + TENANT_ID
                + "/oauth2/v2.0/token");

        assertEntraError(post(TENANT_ID, form(app("Payroll"), assertion)), 401, "invalid_client", 700023);
    }

    @Test
    void assertion_issued_by_someone_other_than_the_client_is_refused() throws Exception {
        String assertion = ClientAssertionJwt.of(app("Payroll").appId().toString(), tokenUrl(TENANT_ID), PAYROLL.der())
                .issuer(app("Ledger").appId().toString()).signedWith(PAYROLL.privateKey());

        assertEntraError(post(TENANT_ID, form(app("Payroll"), assertion)), 401, "invalid_client", 700021);
    }

    @Test
    void expired_assertion_is_refused() throws Exception {
        String assertion = ClientAssertionJwt.of(app("Payroll").appId().toString(), tokenUrl(TENANT_ID), PAYROLL.der())
                .validFrom(Instant.now().minus(Duration.ofMinutes(20))).signedWith(PAYROLL.privateKey());

        assertEntraError(post(TENANT_ID, form(app("Payroll"), assertion)), 401, "invalid_client", 700024);
    }

    @Test
    void assertion_expired_less_than_the_five_minutes_of_skew_ago_is_accepted() throws Exception {
        String assertion = ClientAssertionJwt.of(app("Payroll").appId().toString(), tokenUrl(TENANT_ID), PAYROLL.der())
                .validFrom(Instant.now().minus(Duration.ofMinutes(13))).signedWith(PAYROLL.privateKey());

        assertThat(post(TENANT_ID, form(app("Payroll"), assertion)).status()).isEqualTo(200);
    }

    @Test
    void assertion_signed_with_another_algorithm_is_refused_as_malformed() throws Exception {
        String assertion = ClientAssertionJwt.of(app("Payroll").appId().toString(), tokenUrl(TENANT_ID), PAYROLL.der())
                .alg("HS256").signedWith(PAYROLL.privateKey());

        assertEntraError(post(TENANT_ID, form(app("Payroll"), assertion)), 400, "invalid_request", 50027);
    }

    @Test
    void assertion_that_is_not_a_jwt_is_refused_as_malformed() throws Exception {
        assertEntraError(post(TENANT_ID, form(app("Payroll"), "not-a-jwt")), 400, "invalid_request", 50027);
    }

    // Refused: the request

    @Test
    void unknown_client_id_is_refused_as_an_application_not_in_the_directory() throws Exception {
        Map<String, String> form = form(app("Payroll"), assertion(app("Payroll"), PAYROLL));
        String unknown = UUID.randomUUID().toString();
        form.put("client_id", unknown);

        GraphHttp.Reply reply = post(TENANT_ID, form);

        assertEntraError(reply, 400, "unauthorized_client", 700016);
        assertThat(description(reply)).contains(unknown);
        assertThat(entra.requests()).singleElement().extracting(TokenRequest::clientId).isEqualTo(unknown);
    }

    @Test
    void client_secret_is_refused_since_the_fake_takes_certificates_only() throws Exception {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "client_credentials");
        form.put("client_id", app("Billing").appId().toString());
        form.put("client_secret", "a-secret-value");
        form.put("scope", SCOPE);

        GraphHttp.Reply reply = post(TENANT_ID, form);

        assertEntraError(reply, 401, "invalid_client", 7000215);
        assertThat(description(reply)).contains("certificates only").doesNotContain("a-secret-value");
    }

    @Test
    void tenant_id_other_than_the_served_tenant_is_not_found() throws Exception {
        String other = UUID.randomUUID().toString();
        String assertion = assertion(app("Payroll"), PAYROLL, tokenUrl(other));

        assertEntraError(post(other, form(app("Payroll"), assertion)), 400, "invalid_request", 90002);
    }

    @ParameterizedTest(name = "without {0}")
    @ValueSource(strings = {"grant_type", "client_id", "scope", "client_assertion_type", "client_assertion"})
    void request_without_a_required_parameter_is_refused_naming_it(String parameter) throws Exception {
        Map<String, String> form = form(app("Payroll"), assertion(app("Payroll"), PAYROLL));
        form.remove(parameter);

        GraphHttp.Reply reply = post(TENANT_ID, form);

        assertEntraError(reply, 400, "invalid_request", 900144);
        assertThat(description(reply)).contains("'" + parameter + "'");
    }

    @Test
    void another_grant_type_is_refused() throws Exception {
        Map<String, String> form = form(app("Payroll"), assertion(app("Payroll"), PAYROLL));
        form.put("grant_type", "password");

        assertEntraError(post(TENANT_ID, form), 400, "unsupported_grant_type", 70003);
    }

    @Test
    void another_client_assertion_type_is_refused() throws Exception {
        Map<String, String> form = form(app("Payroll"), assertion(app("Payroll"), PAYROLL));
        form.put("client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:saml2-bearer");

        assertEntraError(post(TENANT_ID, form), 400, "invalid_request", 900144);
    }

    @Test
    void get_on_the_token_path_is_not_served() throws Exception {
        GraphHttp.Reply reply = send(HttpRequest.newBuilder(URI.create(tokenUrl(TENANT_ID))).GET());

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.json().path("error").asText()).isEqualTo("not_found");
        assertThat(reply.json().path("error_description").asText()).contains("POST /{tenant}/oauth2/v2.0/token");
        assertThat(entra.requests()).singleElement().extracting(TokenRequest::status).isEqualTo(404);
    }

    @Test
    void another_path_msal_might_ask_for_is_not_served_loudly() throws Exception {
        GraphHttp.Reply reply = send(HttpRequest.newBuilder(URI.create(entra.authorityHost() + "/" + TENANT_ID
                + "/v2.0/.well-known/openid-configuration")).GET());

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.json().path("error_description").asText()).contains("openid-configuration");
        assertThat(entra.requests()).isEmpty();
    }

    // Lifecycle

    @Test
    void graph_reset_forgets_recorded_sign_ins_and_clear_forgets_requests() throws Exception {
        assertThat(post(TENANT_ID, form(app("Payroll"), assertion(app("Payroll"), PAYROLL))).status()).isEqualTo(200);

        graph.reset();
        entra.clear();

        assertThat(signInReport()).containsEntry(PAYROLL_KEY.toString(), NOW.minus(Duration.ofDays(30)).toString());
        assertThat(graph.snapshot().signInEvidence()).isEqualTo(TENANT.signInEvidence());
        assertThat(entra.requests()).isEmpty();
    }

    // TLS

    @Test
    void jdk_trusts_the_trust_store_file_as_a_pkcs12_trust_store() throws Exception {
        KeyStore trustStore = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(entra.trustStore())) {
            trustStore.load(in, entra.trustStorePassword().toCharArray());
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trustStore);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        HttpClient client = HttpClient.newBuilder().sslContext(context).connectTimeout(Duration.ofSeconds(5)).build();

        HttpResponse<String> response = client.send(formRequest(TENANT_ID,
                form(app("Payroll"), assertion(app("Payroll"), PAYROLL))), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(entra.authorityHost()).isEqualTo("https://127.0.0.1:" + entra.port());
        assertThat(entra.tlsCertificate().getSubjectX500Principal().getName()).isEqualTo("CN=127.0.0.1");
    }

    @Test
    void client_that_trusts_only_the_public_certificate_authorities_cannot_connect() {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

        Throwable failure = catchThrowable(() -> client.send(HttpRequest.newBuilder(URI.create(tokenUrl(TENANT_ID)))
                .GET().build(), HttpResponse.BodyHandlers.ofString()));

        assertThat(failure).isInstanceOf(SSLHandshakeException.class);
    }

    // The tenant and its certificates

    private static TestCertificates.Issued certificate(String name) {
        return TestCertificates.selfSigned(name, NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(365)));
    }

    private static Application app(String name) {
        return TENANT.applications().stream().filter(a -> a.displayName().equals(name)).findFirst().orElseThrow();
    }

    private static String tokenUrl(String tenant) {
        return entra.authorityHost() + "/" + tenant + "/oauth2/v2.0/token";
    }

    private static String assertion(Application app, TestCertificates.Issued signer) {
        return assertion(app, signer, tokenUrl(TENANT_ID));
    }

    private static String assertion(Application app, TestCertificates.Issued signer, String audience) {
        return ClientAssertionJwt.of(app.appId().toString(), audience, signer.der()).signedWith(signer.privateKey());
    }

    // Requests

    private static Map<String, String> form(Application app, String assertion) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("client_id", app.appId().toString());
        form.put("client_assertion", assertion);
        form.put("client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer");
        form.put("grant_type", "client_credentials");
        form.put("scope", SCOPE);
        return form;
    }

    private static HttpRequest formRequest(String tenant, Map<String, String> form) {
        String body = form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return HttpRequest.newBuilder(URI.create(tokenUrl(tenant))).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static GraphHttp.Reply post(String tenant, Map<String, String> form) throws IOException, InterruptedException {
        HttpResponse<String> response = https.send(formRequest(tenant, form), HttpResponse.BodyHandlers.ofString());
        return new GraphHttp.Reply(response.statusCode(), response.headers(), response.body());
    }

    private static GraphHttp.Reply send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> response = https.send(request.timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        return new GraphHttp.Reply(response.statusCode(), response.headers(), response.body());
    }

    /** Entra's error shape, for the reason the test is about, and the same in {@link FakeTokenEndpoint#requests()}. */
    private static void assertEntraError(GraphHttp.Reply reply, int status, String error, int code) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        JsonNode body = reply.json();
        assertThat(body.path("error").asText()).as(reply.body()).isEqualTo(error);
        assertThat(body.path("error_description").asText()).as(reply.body()).startsWith("AADSTS" + code + ": ")
                .contains("Trace ID: " + body.path("trace_id").asText());
        assertThat(body.path("error_codes")).as(reply.body()).containsExactly(JSON.getNodeFactory().numberNode(code));
        assertThat(body.path("timestamp").asText()).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}Z");
        assertThat(body.path("trace_id").asText()).isNotBlank();
        assertThat(body.path("correlation_id").asText()).isNotBlank();
        assertThat(entra.requests()).last().satisfies(r -> {
            assertThat(r.status()).isEqualTo(status);
            assertThat(r.error()).isEqualTo(error);
            assertThat(r.errorCode()).isEqualTo("AADSTS" + code);
            assertThat(r.keyId()).isNull();
        });
    }

    private static String description(GraphHttp.Reply reply) {
        return reply.json().path("error_description").asText();
    }

    // The fake Graph, over plain HTTP

    private static List<JsonNode> signInRows() throws IOException, InterruptedException {
        GraphHttp.Reply page = GraphHttp.of(graph).get("/beta/reports/appCredentialSignInActivities");
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        assertThat(page.nextLink()).isNull();
        List<JsonNode> rows = new java.util.ArrayList<>();
        page.json().path("value").forEach(rows::add);
        return rows;
    }

    /** @return keyId to lastSignInDateTime, as the report lists them */
    private static Map<String, String> signInReport() throws IOException, InterruptedException {
        Map<String, String> report = new LinkedHashMap<>();
        for (JsonNode row : signInRows()) {
            assertThat(report.put(row.path("keyId").asText(), row.path("signInActivity").path("lastSignInDateTime")
                    .asText())).as("one row per keyId").isNull();
        }
        return report;
    }

    /** Uploads a certificate as a careful client does: reads every held key with its bytes and sends all back. */
    private static void uploadCarefully(Application app, TestCertificates.Issued certificate, UUID keyId)
            throws IOException, InterruptedException {
        String url = graph.baseUrl() + "/v1.0/applications/" + app.id();
        HttpResponse<String> read = HTTP.send(HttpRequest.newBuilder(URI.create(url + "?$select=keyCredentials"))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
        ArrayNode keys = (ArrayNode) JSON.readTree(read.body()).get("keyCredentials");
        keys.addObject().put("keyId", keyId.toString()).put("type", "AsymmetricX509Cert").put("usage", "Verify")
                .put("key", certificate.base64());
        ObjectNode body = JSON.createObjectNode();
        body.set("keyCredentials", keys);
        HttpResponse<String> patched = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(patched.statusCode()).as(patched.body()).isEqualTo(204);
    }
}
