package dev.app09.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.app09.certs.CertificateAndKey;
import dev.app09.certs.CertificateRequest;
import dev.app09.certs.SelfSignedCertificates;
import dev.app09.core.migration.Verification;
import dev.app09.testkit.TestClock;
import dev.app09.testkit.server.FakeGraphServer;
import dev.app09.testkit.server.FakeTokenEndpoint;
import dev.app09.testkit.server.TokenRequest;
import dev.app09.testkit.tenant.FakeTenant;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * CertificateVerifier runs azure-identity's real ClientCertificateCredential (MSAL underneath)
 * against the fake Entra token endpoint over TLS, which grants a token only to an assertion signed
 * by a certificate registered on the application.
 */
final class CertificateVerifierTest {

    private static final Clock CLOCK = Clock.fixed(TestClock.DEFAULT_INSTANT, ZoneOffset.UTC);
    private static final UUID TENANT = UUID.fromString("7e000000-0000-4000-8000-000000000001");
    private static final UUID APP_OBJECT = UUID.fromString("a0000000-0000-4000-8000-0000000000a1");
    private static final UUID APP_ID = UUID.fromString("a1100000-0000-4000-8000-000000000001");
    private static final CertificateAndKey CERTIFICATE =
            SelfSignedCertificates.create(CertificateRequest.of("CN=payroll-verify"), CLOCK);

    private static FakeGraphServer graph;
    private static FakeTokenEndpoint entra;

    @BeforeAll
    static void start() {
        graph = FakeGraphServer.start();
        entra = FakeTokenEndpoint.start(graph);
    }

    @AfterAll
    static void stop() {
        entra.close();
        graph.close();
    }

    @BeforeEach
    void secretOnly() {
        graph.reset();
        graph.clock(CLOCK).serve(FakeTenant.create().tenantId(TENANT)
                .application("Payroll", a -> a.id(APP_OBJECT).appId(APP_ID).secret()).build());
        entra.clear();
    }

    private static CertificateVerifier verifier() {
        return CertificateVerifier.create(CLOCK).withAuthorityHost(URI.create(entra.authorityHost()))
                .withHttpClient(TrustingHttpClient.of(entra));
    }

    @Test
    void a_registered_certificate_gets_a_token_and_the_verification_records_it() {
        WriteResult upload = GraphWriter.create(GraphConnection.local(URI.create(graph.baseUrl())), CLOCK)
                .uploadCertificate(APP_OBJECT, CERTIFICATE.keyCredentialPayload(), null);
        assertThat(upload.outcome()).isEqualTo(WriteResult.Outcome.DONE);

        Verification verification = verifier().verify(TENANT.toString(), APP_ID, CERTIFICATE);

        assertThat(verification).isEqualTo(new Verification(TENANT.toString(), APP_ID, CERTIFICATE.thumbprints().sha1Hex(),
                CLOCK.instant(), entra.authorityHost()));
        assertThat(entra.requests()).singleElement().satisfies(request -> {
            assertThat(request.granted()).isTrue();
            assertThat(request.clientId()).isEqualTo(APP_ID.toString());
            assertThat(request.keyId()).isEqualTo(upload.keyId());
        });
    }

    @Test
    void a_certificate_not_registered_on_the_application_gets_no_token_and_the_message_is_entras() {
        Throwable failure = catchThrowable(() -> verifier().verify(TENANT.toString(), APP_ID, CERTIFICATE));

        assertThat(failure).isInstanceOf(CertificateVerifier.VerificationFailed.class)
                .hasMessageContaining("AADSTS700027").hasMessageContaining(CERTIFICATE.thumbprints().sha1Hex());
        assertThat(entra.requests()).singleElement().extracting(TokenRequest::status).isEqualTo(401);
    }

    @Test
    void no_failure_message_or_cause_shows_key_material() throws Exception {
        Throwable failure = catchThrowable(() -> verifier().verify(TENANT.toString(), APP_ID, CERTIFICATE));
        StringWriter everything = new StringWriter();
        failure.printStackTrace(new PrintWriter(everything));
        java.io.ByteArrayOutputStream bundle = new java.io.ByteArrayOutputStream();
        CERTIFICATE.writePemBundle(bundle);
        String pem = bundle.toString(java.nio.charset.StandardCharsets.US_ASCII);
        String keyLine = pem.lines().dropWhile(l -> !l.contains("PRIVATE KEY")).skip(1).findFirst().orElseThrow();

        assertThat(everything.toString()).doesNotContain("PRIVATE KEY").doesNotContain(keyLine);
    }

    @Test
    void an_unknown_client_gets_no_token() {
        Throwable failure = catchThrowable(() -> verifier().verify(TENANT.toString(), UUID.randomUUID(), CERTIFICATE));

        assertThat(failure).isInstanceOf(CertificateVerifier.VerificationFailed.class).hasMessageContaining("AADSTS700016");
    }

    @Test
    void only_an_https_authority_is_taken() {
        assertThat(catchThrowable(() -> CertificateVerifier.create(CLOCK).withAuthorityHost(URI.create("http://127.0.0.1:1"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("https");
    }

    @Test
    void the_scope_follows_the_cloud_of_the_authority_and_can_be_set() {
        CertificateVerifier global = CertificateVerifier.create(CLOCK);
        CertificateVerifier us = global.withAuthorityHost(URI.create("https://login.microsoftonline.us"));
        CertificateVerifier china = global.withAuthorityHost(URI.create("https://login.chinacloudapi.cn/"));

        assertThat(global.scope()).isEqualTo("https://graph.microsoft.com/.default");
        assertThat(us.scope()).isEqualTo("https://graph.microsoft.us/.default");
        assertThat(china.scope()).isEqualTo("https://microsoftgraph.chinacloudapi.cn/.default");
        assertThat(us.withScope("https://dod-graph.microsoft.us/.default").scope()).isEqualTo("https://dod-graph.microsoft.us/.default");
        assertThat(global.withAuthorityHost(URI.create(entra.authorityHost())).scope()).isEqualTo(CertificateVerifier.GRAPH_SCOPE);
    }
}
