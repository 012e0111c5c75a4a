package dev.app09.graph;

import static java.util.Objects.requireNonNull;

import com.azure.core.credential.TokenCredential;
import com.microsoft.graph.core.authentication.AzureIdentityAuthenticationProvider;
import com.microsoft.graph.core.requests.BaseGraphRequestAdapter;
import com.microsoft.graph.core.requests.GraphClientFactory;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.kiota.authentication.AnonymousAuthenticationProvider;
import com.microsoft.kiota.authentication.AuthenticationProvider;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Where Microsoft Graph is and how app09 signs in to it: Graph's global endpoint or a national
 * cloud's over https with an azure-identity credential, or a loopback address (a local fake),
 * anonymously or not. A real tenant is never reached anonymously, and tokens go to the Graph host
 * alone, whatever a next link says.
 *
 * <pre>{@code
 * GraphConnection graph = GraphConnection.global(new DefaultAzureCredentialBuilder().build());
 * GraphConnection fake = GraphConnection.local(URI.create("http://127.0.0.1:8080"));
 * }</pre>
 */
public final class GraphConnection {

    /** Graph's global endpoint. */
    public static final URI GLOBAL_GRAPH = URI.create("https://graph.microsoft.com");

    private static final Set<String> NATIONAL_GRAPH_HOSTS = Set.of("graph.microsoft.com", "graph.microsoft.us",
            "dod-graph.microsoft.us", "microsoftgraph.chinacloudapi.cn");

    private final URI root;
    private final @Nullable TokenCredential credential;

    private GraphConnection(URI root, @Nullable TokenCredential credential) {
        this.root = root;
        this.credential = credential;
    }

    /**
     * @param credential any azure-identity credential
     * @return global Graph, signed in with it
     */
    public static GraphConnection global(TokenCredential credential) {
        return to(GLOBAL_GRAPH, credential);
    }

    /**
     * @param root a national cloud's Graph over https, or a loopback address (a real Graph token
     *     then goes to that local port: use it only with a fake your own test started)
     * @param credential any azure-identity credential
     * @return that Graph, signed in with it
     * @throws IllegalArgumentException for any other address
     */
    public static GraphConnection to(URI root, TokenCredential credential) {
        return new GraphConnection(root(root), requireNonNull(credential, "credential"));
    }

    /**
     * @param root a loopback address ({@code localhost}, {@code 127.0.0.1}, {@code [::1]}) over http or https
     * @return that local endpoint, reached anonymously
     * @throws IllegalArgumentException for any other address: a real tenant is never reached anonymously
     */
    public static GraphConnection local(URI root) {
        URI valid = root(root);
        if (!isLoopback(valid)) {
            throw new IllegalArgumentException(root + " needs a credential; only a loopback address is reached anonymously");
        }
        return new GraphConnection(valid, null);
    }

    /** @return the root under which {@code /v1.0} and {@code /beta} live, without a trailing slash */
    public URI root() {
        return root;
    }

    @Nullable TokenCredential credential() {
        return credential;
    }

    /**
     * The identity endpoint of this Graph's cloud, where its tenants' applications sign in: a
     * verification made elsewhere proves nothing about this tenant.
     *
     * @return e.g. {@code https://login.microsoftonline.com}; empty for a loopback address (a local
     *     fake, whose token endpoint is wherever its test started it)
     */
    public java.util.Optional<String> identityAuthority() {
        return java.util.Optional.ofNullable(switch (root.getHost().toLowerCase(Locale.ROOT)) {
            case "graph.microsoft.com" -> "https://login.microsoftonline.com";
            case "graph.microsoft.us", "dod-graph.microsoft.us" -> "https://login.microsoftonline.us";
            case "microsoftgraph.chinacloudapi.cn" -> "https://login.chinacloudapi.cn";
            default -> null;
        });
    }

    /** @return whether requests go without a token (a local fake) */
    public boolean anonymous() {
        return credential == null;
    }

    /**
     * A Graph client for this connection.
     *
     * @param forWrites true to keep OkHttp from silently resending a request whose connection
     *     broke: a write that may have been applied is read back, never resent
     */
    GraphServiceClient client(boolean forWrites) {
        AuthenticationProvider auth = credential == null
                ? new AnonymousAuthenticationProvider()
                // Tokens go to this one host only, for Graph's scope, whatever a next link says.
                : new AzureIdentityAuthenticationProvider(credential, new String[] {root.getHost()},
                        "https://" + (isLoopback(root) ? GLOBAL_GRAPH.getHost() : root.getHost()) + "/.default");
        return new GraphServiceClient(new BaseGraphRequestAdapter(auth, root + "/v1.0",
                GraphClientFactory.create().retryOnConnectionFailure(!forWrites).build()));
    }

    /** Checks a Graph root: a national cloud's Graph over https, or a loopback address over http or https. */
    static URI root(URI value) {
        requireNonNull(value, "graphRoot");
        URI root = URI.create(value.toString().replaceAll("/+$", ""));
        boolean graph = "https".equalsIgnoreCase(root.getScheme()) && root.getHost() != null
                && NATIONAL_GRAPH_HOSTS.contains(root.getHost().toLowerCase(Locale.ROOT));
        boolean local = ("http".equalsIgnoreCase(root.getScheme()) || "https".equalsIgnoreCase(root.getScheme()))
                && isLoopback(root);
        if (!graph && !local) {
            throw new IllegalArgumentException("a Graph root must be Microsoft Graph over https ("
                    + String.join(", ", NATIONAL_GRAPH_HOSTS) + ") or a loopback address, not " + value);
        }
        return root;
    }

    /**
     * Whether an address is on this machine: {@code localhost} or a loopback address literal
     * ({@code 127.0.0.1}, {@code [::1]}). Other names are not looked up: DNS may answer anything.
     *
     * @param uri an address
     * @return whether it is a loopback address
     */
    public static boolean isLoopback(URI uri) {
        String host = uri.getHost();
        if (host == null) {
            return false;
        }
        if (host.equalsIgnoreCase("localhost")) {
            return true;
        }
        boolean literal = host.startsWith("[") || host.matches("\\d{1,3}(\\.\\d{1,3}){3}");
        try {
            return literal && InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        return "GraphConnection[" + root + (credential == null ? ", anonymous" : "") + "]";
    }
}
