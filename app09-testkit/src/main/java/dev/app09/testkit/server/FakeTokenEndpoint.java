package dev.app09.testkit.server;

import static java.util.Objects.requireNonNull;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLContext;

/**
 * A fake Microsoft Entra token endpoint over HTTPS on a loopback port, for the client-credentials
 * grant with a certificate, as azure-identity's {@code ClientCertificateCredential} (MSAL4J) uses
 * it. Like Entra, it issues a token only for a client assertion signed by a certificate registered
 * on the application in the {@link FakeGraphServer}'s tenant, so a check that the application can
 * sign in with a certificate fails before the certificate is uploaded and passes after.
 *
 * <pre>{@code
 * try (FakeGraphServer graph = FakeGraphServer.start(tenant);
 *         FakeTokenEndpoint entra = FakeTokenEndpoint.start(graph)) {
 *     graph.certificate(keyId, certificate.getEncoded());
 *     TokenCredential credential = new ClientCertificateCredentialBuilder()
 *             .tenantId(tenantId).clientId(appId).pemCertificate(pem)
 *             .authorityHost(entra.authorityHost()).disableInstanceDiscovery()
 *             .build(); // with entra.trustStore() trusted by the JVM or the HTTP client
 *     assertThat(entra.requests()).singleElement().extracting(TokenRequest::keyId).isEqualTo(keyId);
 * }
 * }</pre>
 *
 * <p>{@code POST /{tenant}/oauth2/v2.0/token} takes a form with {@code grant_type=client_credentials},
 * {@code client_id}, {@code scope}, {@code client_assertion_type} ({@code
 * urn:ietf:params:oauth:client-assertion-type:jwt-bearer}) and {@code client_assertion}, and checks,
 * answering in Entra's error shape ({@code error}, {@code error_description} starting {@code
 * AADSTSnnnnn:}, {@code error_codes}, {@code timestamp}, {@code trace_id}, {@code correlation_id}):
 * <ul>
 *   <li>the form: a missing parameter is 400 {@code invalid_request} AADSTS900144, another grant
 *       type 400 {@code unsupported_grant_type} AADSTS70003, and a {@code client_secret} 401 {@code
 *       invalid_client} AADSTS7000215 (this fake takes certificates only);
 *   <li>the tenant: a GUID other than the served tenant's id (when it has one) is 400 AADSTS90002;
 *       any other segment ({@code organizations}, a domain) is accepted;
 *   <li>the application: {@code client_id} must be the appId of an application in the directory,
 *       else 400 {@code unauthorized_client} AADSTS700016;
 *   <li>the assertion: a JWT with {@code alg} RS256 (else 400 AADSTS50027), {@code iss} and {@code
 *       sub} equal to {@code client_id} (401 AADSTS700021), {@code aud} this token endpoint's URL
 *       ({@code https://127.0.0.1:PORT/{tenant}/oauth2/v2.0/token}, or with {@code localhost}; 401
 *       AADSTS700023), and {@code nbf}/{@code exp} that cover the <em>wall clock</em> ({@link
 *       java.time.Clock#systemUTC()}, as MSAL stamps them) with five minutes of skew (401
 *       AADSTS700024);
 *   <li>the signature: SHA256withRSA, verified with the application's key credentials of type
 *       {@code AsymmetricX509Cert} and usage {@code Verify} whose certificate the fake Graph holds
 *       ({@link FakeGraphServer#certificate}, or uploaded by PATCH or addKey) and whose dates cover
 *       the <em>fake Graph's clock</em> ({@link FakeGraphServer#clock}). When the header carries
 *       {@code x5t#S256} or {@code x5t} (base64 or base64url, padded or not), only the certificate of
 *       that SHA-256 or SHA-1 thumbprint is tried. No such certificate, an inactive one, or a
 *       signature that does not verify: 401 {@code invalid_client} AADSTS700027.
 * </ul>
 * A granted request gets {@code 200 {"token_type":"Bearer","expires_in":3599,"ext_expires_in":3599,
 * "access_token":"fake-entra-..."}} with a new random token each time, and the fake Graph records
 * the certificate's sign-in at its clock, as Entra's credential sign-in report would: {@code
 * /beta/reports/appCredentialSignInActivities} and {@link FakeGraphServer#snapshot()} show it
 * until the next {@link FakeGraphServer#serve} or {@link FakeGraphServer#reset()}. Any other path
 * or method is answered 404 with a JSON body naming what is served, so an unexpected request fails
 * loudly.
 *
 * <p>TLS: the server certificate is self-signed for {@code 127.0.0.1} and {@code localhost}, made
 * once per JVM with the JDK's keytool (about a second) and valid for three days. Clients trust it
 * through {@link #sslContext()} or {@link #trustStore()}. Thread-safe.
 */
public final class FakeTokenEndpoint implements AutoCloseable {

    private final WireMockServer wireMock;
    private final TlsKeyStore tls;
    private final List<TokenRequest> requests = new CopyOnWriteArrayList<>();

    private FakeTokenEndpoint(FakeGraphServer graph, TlsKeyStore tls) {
        this.tls = tls;
        this.wireMock = new WireMockServer(WireMockConfiguration.options()
                .bindAddress("127.0.0.1")
                .httpDisabled(true)
                .httpsPort(0)
                .keystorePath(tls.path().toString())
                .keystorePassword(TlsKeyStore.PASSWORD)
                .keyManagerPassword(TlsKeyStore.PASSWORD)
                .keystoreType("PKCS12")
                .disableRequestJournal()
                .extensions(new TokenTransformer(graph, this::port, requests::add)));
        wireMock.start();
        wireMock.stubFor(WireMock.any(WireMock.anyUrl()).willReturn(WireMock.aResponse()));
    }

    /**
     * Starts an endpoint that authenticates applications of the tenant the server serves, as it is
     * at each request (writes included).
     *
     * @param graph the fake Graph whose directory holds the applications and their certificates
     * @return a started endpoint
     * @throws IllegalStateException when the TLS key store cannot be made (no keytool in this JDK)
     */
    public static FakeTokenEndpoint start(FakeGraphServer graph) {
        return new FakeTokenEndpoint(requireNonNull(graph, "graph"), TlsKeyStore.get());
    }

    /**
     * @return {@code https://127.0.0.1:PORT}, for {@code ClientCertificateCredentialBuilder.authorityHost}
     *     (with instance discovery disabled)
     */
    public String authorityHost() {
        return "https://127.0.0.1:" + port();
    }

    /** @return the HTTPS port */
    public int port() {
        return wireMock.httpsPort();
    }

    /**
     * The PKCS#12 file that holds the server's key and certificate, usable as a trust store ({@code
     * -Djavax.net.ssl.trustStore=... -Djavax.net.ssl.trustStoreType=PKCS12}): the JDK trusts the
     * certificate of a key entry. Shared by every endpoint of this JVM and deleted when it exits.
     *
     * @return the file
     */
    public Path trustStore() {
        return tls.path();
    }

    /** @return the trust store's password, a fixed test value ({@code app09-testkit}), not a secret */
    public String trustStorePassword() {
        return TlsKeyStore.PASSWORD;
    }

    /** @return the server's self-signed certificate */
    public X509Certificate tlsCertificate() {
        return tls.certificate();
    }

    /** @return an SSL context that trusts the server's certificate and nothing else */
    public SSLContext sslContext() {
        return tls.sslContext();
    }

    /**
     * Requests to {@code /{tenant}/oauth2/v2.0/token}, in arrival order (requests to other paths are
     * answered 404 and not listed). No assertion and no token is kept.
     *
     * @return an unmodifiable copy
     */
    public List<TokenRequest> requests() {
        return List.copyOf(requests);
    }

    /** Forgets the requests received; sign-ins recorded in the fake Graph stay. */
    public void clear() {
        requests.clear();
    }

    /** Stops the endpoint; the fake Graph keeps running. */
    @Override
    public void close() {
        wireMock.stop();
    }
}
