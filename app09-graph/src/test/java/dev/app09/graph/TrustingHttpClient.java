package dev.app09.graph;

import com.azure.core.http.HttpClient;
import com.azure.core.http.netty.NettyAsyncHttpClientBuilder;
import dev.app09.testkit.server.FakeTokenEndpoint;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import javax.net.ssl.SSLException;

/**
 * azure-identity's own HTTP client (Netty), trusting the fake token endpoint's TLS certificate and
 * nothing else: what a test hands {@code CertificateVerifier.withHttpClient} so that the real
 * MSAL path runs over real TLS.
 */
public final class TrustingHttpClient {

    private TrustingHttpClient() {
    }

    /**
     * @param endpoint the fake token endpoint
     * @return a client that trusts only its certificate
     */
    public static HttpClient of(FakeTokenEndpoint endpoint) {
        SslContext trust;
        try {
            trust = SslContextBuilder.forClient().trustManager(endpoint.tlsCertificate()).build();
        } catch (SSLException e) {
            throw new IllegalStateException("the fake endpoint's certificate cannot be trusted", e);
        }
        return new NettyAsyncHttpClientBuilder(reactor.netty.http.client.HttpClient.create()
                .secure(spec -> spec.sslContext(trust))).build();
    }
}
