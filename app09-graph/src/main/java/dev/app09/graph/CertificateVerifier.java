package dev.app09.graph;

import static java.util.Objects.requireNonNull;

import com.azure.core.credential.TokenRequestContext;
import com.azure.core.http.HttpClient;
import com.azure.identity.ClientCertificateCredentialBuilder;
import dev.app09.certs.CertificateAndKey;
import dev.app09.core.migration.Verification;
import dev.app09.core.report.PlainText;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.util.Arrays;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Proves that an application authenticates with a certificate, the guidance's "the application
 * authenticates successfully with the certificate": it acquires a token for Graph with
 * azure-identity's {@code ClientCertificateCredential} (the client-credentials grant with a
 * client assertion signed by the certificate's key), and records the success as a {@link
 * Verification}. The token itself is dropped at once: it is never kept, logged or returned.
 *
 * <pre>{@code
 * Verification done = CertificateVerifier.create(Clock.systemUTC())
 *         .verify("contoso.onmicrosoft.com", clientId, CertificateKeyFile.read(pfx, password));
 * }</pre>
 *
 * A success proves Entra accepts the certificate for this client now; it does not prove the
 * deployed workload uses it (sign-in evidence shows that).
 */
public final class CertificateVerifier {

    /** Entra's global authority host. */
    public static final URI GLOBAL_AUTHORITY = URI.create("https://login.microsoftonline.com");
    /** The scope asked for in the global cloud: Graph, whatever permissions the application holds (none are needed). */
    public static final String GRAPH_SCOPE = "https://graph.microsoft.com/.default";

    private final Clock clock;
    private final URI authorityHost;
    private final String scope;
    private final @Nullable HttpClient httpClient;

    private CertificateVerifier(Clock clock, URI authorityHost, String scope, @Nullable HttpClient httpClient) {
        this.clock = clock;
        this.authorityHost = authorityHost;
        this.scope = scope;
        this.httpClient = httpClient;
    }

    /**
     * @param clock the clock a verification is dated by
     * @return a verifier for Entra's global cloud and Graph's scope
     */
    public static CertificateVerifier create(Clock clock) {
        return new CertificateVerifier(requireNonNull(clock, "clock"), GLOBAL_AUTHORITY, GRAPH_SCOPE, null);
    }

    /**
     * @param host the authority host: a national cloud's ({@code https://login.microsoftonline.us},
     *     {@code https://login.chinacloudapi.cn}), or a local fake over https; instance discovery is
     *     off for any host but the global one. The scope follows the cloud: that cloud's Graph
     *     ({@code graph.microsoft.us} for US Government; DoD's {@code dod-graph.microsoft.us} needs
     *     {@link #withScope}), the global Graph for any other host
     * @return a copy that signs in there
     * @throws IllegalArgumentException when it is not an https URL
     */
    public CertificateVerifier withAuthorityHost(URI host) {
        requireNonNull(host, "host");
        if (!"https".equalsIgnoreCase(host.getScheme()) || host.getHost() == null) {
            throw new IllegalArgumentException("an authority host is an https URL, not " + host);
        }
        String graph = switch (host.getHost().toLowerCase(java.util.Locale.ROOT)) {
            case "login.microsoftonline.us" -> "https://graph.microsoft.us/.default";
            case "login.chinacloudapi.cn" -> "https://microsoftgraph.chinacloudapi.cn/.default";
            default -> GRAPH_SCOPE;
        };
        return new CertificateVerifier(clock, URI.create(host.toString().replaceAll("/+$", "")), graph, httpClient);
    }

    /**
     * @param value the scope to ask a token for, e.g. {@code https://dod-graph.microsoft.us/.default}
     * @return a copy that asks for it (set it after {@link #withAuthorityHost}, which sets the cloud's)
     */
    public CertificateVerifier withScope(String value) {
        return new CertificateVerifier(clock, authorityHost, requireNonNull(value, "scope"), httpClient);
    }

    /**
     * @param value the HTTP client azure-identity sends through (a proxy's, or one that trusts a test's TLS certificate)
     * @return a copy that uses it
     */
    public CertificateVerifier withHttpClient(HttpClient value) {
        return new CertificateVerifier(clock, authorityHost, scope, requireNonNull(value, "httpClient"));
    }

    /** @return the scope a token is asked for */
    String scope() {
        return scope;
    }

    /**
     * @param tenant the tenant id or domain
     * @param clientId the application (client) id
     * @param certificate the certificate and its private key
     * @return the verification, dated by the clock
     * @throws VerificationFailed when no token is issued (the message is Entra's, or the transport's)
     */
    public Verification verify(String tenant, UUID clientId, CertificateAndKey certificate) {
        requireNonNull(tenant, "tenant");
        requireNonNull(clientId, "clientId");
        requireNonNull(certificate, "certificate");
        WipeableBuffer bundle = new WipeableBuffer();
        byte[] pem = new byte[0];
        try {
            certificate.writePemBundle(bundle);
            pem = bundle.toByteArray();
            ClientCertificateCredentialBuilder builder = new ClientCertificateCredentialBuilder()
                    .tenantId(tenant)
                    .clientId(clientId.toString())
                    .pemCertificate(new ByteArrayInputStream(pem))
                    .authorityHost(authorityHost.toString());
            if (!authorityHost.equals(GLOBAL_AUTHORITY)) {
                builder.disableInstanceDiscovery();
            }
            if (httpClient != null) {
                builder.httpClient(httpClient);
            }
            if (builder.build().getTokenSync(new TokenRequestContext().addScopes(scope)) == null) {
                throw new VerificationFailed("no token was issued");
            }
            return new Verification(tenant, clientId, certificate.thumbprints().sha1Hex(), clock.instant(),
                    authorityHost.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("the certificate could not be encoded for azure-identity", e);
        } catch (VerificationFailed e) {
            throw e;
        } catch (RuntimeException e) {
            throw new VerificationFailed(tenant + " did not issue a token to client " + clientId + " for certificate "
                    + certificate.thumbprints().sha1Hex() + ": " + PlainText.clean(rootMessage(e)), e);
        } finally {
            Arrays.fill(pem, (byte) 0);
            bundle.wipe();
        }
    }

    private static String rootMessage(Throwable e) {
        String message = null;
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                message = t.getMessage(); // the innermost message names Entra's error (AADSTS...)
            }
        }
        return message == null ? e.getClass().getSimpleName() : message;
    }

    /** A buffer whose own copy of the unencrypted key can be overwritten. */
    private static final class WipeableBuffer extends ByteArrayOutputStream {
        synchronized void wipe() {
            Arrays.fill(buf, (byte) 0);
            reset();
        }
    }

    /** No token was issued for the certificate. */
    public static final class VerificationFailed extends RuntimeException {

        private static final long serialVersionUID = 1L;

        VerificationFailed(String message) {
            super(message);
        }

        VerificationFailed(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
