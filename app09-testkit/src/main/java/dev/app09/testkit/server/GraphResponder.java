package dev.app09.testkit.server;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.app09.core.model.AppManagementPolicy;
import dev.app09.core.model.AppManagementRestrictions;
import dev.app09.core.model.Application;
import dev.app09.core.model.CredentialSignIn;
import dev.app09.core.model.FederatedIdentityCredential;
import dev.app09.core.model.KeyCredential;
import dev.app09.core.model.SignInEvidence;
import dev.app09.testkit.json.GraphJson;
import dev.app09.testkit.tenant.TenantSource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.IntPredicate;
import org.jspecify.annotations.Nullable;

/**
 * Answers the requests of one served tenant as Graph would, rendering each page when it is asked
 * for. Errors are thrown as {@link GraphError}s.
 */
final class GraphResponder {

    /**
     * One request, as the responder needs it.
     *
     * @param pageFault a fault that reshapes the page asked for ({@link Fault.Kind#onPagesOnly()}), or null
     */
    record Call(String method, String path, GraphQuery query, byte[] body, @Nullable String consistencyLevel,
            Fault.@Nullable Kind pageFault) {
    }

    private static final JsonFactory JSON = new JsonFactory();
    private static final String FEDERATED_COUNT_FILTER = "federatedIdentityCredentials/$count ne 0";
    /** The filter on a relationship's count that only advanced queries serve. */
    private static final String COUNT_FILTER = "/$count ne 0";
    /** Graph actions the fake knows of and does not serve: saying so beats "not found". */
    private static final Set<String> UNSERVED_ACTIONS = Set.of("addPassword", "removeKey", "addTokenSigningCertificate");

    private final FakeDirectory directory;
    private final CredentialWrites writes;
    private final SkipTokens tokens;
    private final DeltaResponder delta;
    private final String baseUrl;
    private final ServerOptions options;

    GraphResponder(FakeDirectory directory, SkipTokens tokens, DeltaTokens deltaTokens, String baseUrl,
            ServerOptions options, Clock clock, ObjectMapper json) {
        this.directory = directory;
        this.writes = new CredentialWrites(directory, clock, json);
        this.tokens = tokens;
        this.delta = new DeltaResponder(directory, deltaTokens, baseUrl, options);
        this.baseUrl = baseUrl;
        this.options = options;
    }

    /** @return the page number a paged request asks for (1 without a skip token), 0 when unknown */
    int page(Route route, GraphQuery query) {
        String token = query.get("$skiptoken");
        if (!route.endpoint().paged()) {
            return 0;
        }
        if (route.endpoint().delta()) {
            return delta.page(route.endpoint(), query);
        }
        if (token == null) {
            return 1;
        }
        try {
            return tokens.decode(route.endpoint(), query.withoutSkipToken(), token).page();
        } catch (GraphError e) {
            return 0;
        }
    }

    Answer answer(Route route, Call call) {
        if (!route.allowed()) {
            throw new GraphError(405, "Request_BadRequest", "Method " + call.method() + " is not allowed on " + call.path() + ".");
        }
        TenantSource source = directory.source();
        return switch (route.endpoint()) {
            case APPLICATIONS -> applications(call);
            case APPLICATIONS_DELTA, SERVICE_PRINCIPALS_DELTA -> delta.answer(route.endpoint(), call);
            case SERVICE_PRINCIPALS -> {
                refuseExpandOnAdvancedQuery(call);
                yield page(call, Endpoint.SERVICE_PRINCIPALS, "servicePrincipals",
                        directory.servicePrincipals().size(), directory.servicePrincipals()::present,
                        (out, i, select) -> GraphJson.servicePrincipal(out, directory.servicePrincipal(i), select),
                        call.query().select(GraphJson.SERVICE_PRINCIPAL_PROPERTIES, "servicePrincipal"));
            }
            case APPLICATION -> {
                int index = applicationIndex(route);
                Set<String> select = call.query().select(GraphJson.APPLICATION_PROPERTIES, "application");
                boolean withKeys = call.query().get("$select") != null && select.contains("keyCredentials")
                        && options.keyValuesReadable();
                yield json(out -> GraphJson.application(out, directory.application(index), select,
                        call.query().expands(GraphJson.FEDERATED_IDENTITY_CREDENTIALS),
                        withKeys ? directory::keyValue : null));
            }
            case SERVICE_PRINCIPAL -> {
                int index = servicePrincipalIndex(route);
                yield json(out -> GraphJson.servicePrincipal(out, directory.servicePrincipal(index),
                        call.query().select(GraphJson.SERVICE_PRINCIPAL_PROPERTIES, "servicePrincipal")));
            }
            case FEDERATED_IDENTITY_CREDENTIALS -> {
                List<FederatedIdentityCredential> credentials =
                        directory.application(applicationIndex(route)).federatedIdentityCredentials();
                yield json(out -> {
                    startCollection(out, "v1.0", "applications('" + route.id() + "')/federatedIdentityCredentials", null,
                            null);
                    for (FederatedIdentityCredential credential : credentials) {
                        GraphJson.federated(out, credential);
                    }
                    endCollection(out);
                });
            }
            case APP_MANAGEMENT_POLICY -> {
                AppManagementPolicy policy = source.appManagementPolicy();
                // Every tenant has a default policy: one that was never set is disabled and empty.
                AppManagementPolicy shown = policy != null ? policy
                        : new AppManagementPolicy(false, AppManagementRestrictions.NONE, AppManagementRestrictions.NONE);
                yield json(out -> GraphJson.appManagementPolicy(out, shown));
            }
            case SIGN_IN_ACTIVITIES -> {
                SignInEvidence evidence = directory.signInEvidence();
                List<CredentialSignIn> rows = evidence == null ? List.of() : evidence.signIns();
                yield page(call, Endpoint.SIGN_IN_ACTIVITIES, "reports/appCredentialSignInActivities", rows.size(),
                        i -> true, (out, i, select) -> GraphJson.signInActivity(out, rows.get(i)), Set.of());
            }
            case ORGANIZATION -> json(out -> {
                startCollection(out, "v1.0", "organization", null, null);
                out.writeStartObject();
                UUID tenantId = source.tenantId();
                if (tenantId == null) {
                    out.writeNullField("id");
                } else {
                    out.writeStringField("id", tenantId.toString());
                }
                out.writeStringField("displayName", options.organizationName());
                out.writeEndObject();
                endCollection(out);
            });
            case UPDATE_APPLICATION -> {
                writes.patchApplication(applicationIndex(route), call.body());
                yield Answer.noContent();
            }
            case ADD_KEY -> {
                KeyCredential key = writes.addKey(applicationIndex(route), call.body());
                yield json(out -> GraphJson.keyCredential(out, key, null));
            }
            case REMOVE_PASSWORD -> {
                if (Route.onServicePrincipal(call.path())) {
                    writes.removeServicePrincipalPassword(servicePrincipalIndex(route), call.body());
                } else {
                    writes.removeApplicationPassword(applicationIndex(route), call.body());
                }
                yield Answer.noContent();
            }
            case UNKNOWN -> throw UNSERVED_ACTIONS.contains(lastSegment(call.path()))
                    ? GraphError.badRequest("The fake Graph does not serve '" + lastSegment(call.path()) + "'.")
                    : GraphError.badRequest("Resource not found for the segment '" + lastSegment(call.path()) + "'.");
        };
    }

    private Answer applications(Call call) {
        refuseExpandOnAdvancedQuery(call);
        GraphQuery query = call.query();
        Set<String> select = query.select(GraphJson.APPLICATION_PROPERTIES, "application");
        boolean expand = query.expands(GraphJson.FEDERATED_IDENTITY_CREDENTIALS);
        if (expand && !options.federatedExpandSupported()) {
            throw GraphError.badRequest("Expanding federatedIdentityCredentials is not supported on this collection.");
        }
        ObjectCollection<Application> applications = directory.applications();
        IntPredicate include = applications::present;
        String filter = query.get("$filter");
        if (filter != null) {
            if (!filter.trim().equals(FEDERATED_COUNT_FILTER)) {
                throw GraphError.badRequest("The fake Graph filters applications only by '" + FEDERATED_COUNT_FILTER + "'.");
            }
            if (!"eventual".equalsIgnoreCase(call.consistencyLevel()) || !"true".equals(query.get("$count"))) {
                throw new GraphError(400, "Request_UnsupportedQuery",
                        "This advanced query needs the header 'ConsistencyLevel: eventual' and $count=true.");
            }
            include = i -> applications.present(i) && !applications.get(i).federatedIdentityCredentials().isEmpty();
        }
        return page(call, Endpoint.APPLICATIONS, "applications", applications.size(), include,
                (out, i, chosen) -> GraphJson.application(out, directory.application(i), chosen, expand, null), select);
    }

    /**
     * Graph's advanced queries cannot expand a relationship: a list request with {@code $expand}
     * that is one (the header {@code ConsistencyLevel: eventual} with {@code $count}, {@code
     * $search}, or a {@code /$count ne 0} filter) answers 400 {@code Request_UnsupportedQuery}.
     * Without the header the request is no advanced query, and its other options are judged as
     * usual.
     */
    private static void refuseExpandOnAdvancedQuery(Call call) {
        GraphQuery query = call.query();
        String expand = query.get("$expand");
        if (expand == null || expand.isBlank() || !"eventual".equalsIgnoreCase(call.consistencyLevel())) {
            return;
        }
        String filter = query.get("$filter");
        boolean advanced = query.get("$count") != null || query.get("$search") != null
                || (filter != null && filter.replaceAll("\\s+", " ").contains(COUNT_FILTER));
        if (advanced) {
            throw new GraphError(400, "Request_UnsupportedQuery", "$expand is not supported with advanced queries.");
        }
    }

    @FunctionalInterface
    private interface ItemWriter {
        void write(JsonGenerator out, int index, Set<String> select) throws IOException;
    }

    @FunctionalInterface
    interface BodyWriter {
        void write(JsonGenerator out) throws IOException;
    }

    /**
     * One page of a collection: only the objects of this page are rendered. Positions {@code
     * include} refuses (removed objects, filtered ones) are passed over, and the page is filled
     * from the positions after them.
     */
    private Answer page(Call call, Endpoint endpoint, String context, int size, IntPredicate include, ItemWriter item,
            Set<String> select) {
        GraphQuery query = call.query();
        if (query.get("$count") != null && !"eventual".equalsIgnoreCase(call.consistencyLevel())) {
            throw new GraphError(400, "Request_UnsupportedQuery",
                    "$count is an advanced query: it needs the header 'ConsistencyLevel: eventual'.");
        }
        int top = query.top();
        String token = query.get("$skiptoken");
        SkipTokens.Position position = token == null ? new SkipTokens.Position(0, 1)
                : tokens.decode(endpoint, query.withoutSkipToken(), token);
        List<Integer> indices = new ArrayList<>(Math.min(top, Math.max(size - position.index(), 0)));
        int next = position.index();
        while (next < size && indices.size() < top) {
            if (include.test(next)) {
                indices.add(next);
            }
            next++;
        }
        if (call.pageFault() == Fault.Kind.EMPTY_PAGE) {
            // The objects asked for come on the next page number: a link of its own, never one sent before.
            String toRealPage = nextLink(call, tokens.encode(endpoint, query.withoutSkipToken(),
                    new SkipTokens.Position(position.index(), position.page() + 1)));
            return json(out -> {
                startCollection(out, endpoint == Endpoint.SIGN_IN_ACTIVITIES ? "beta" : "v1.0", context, toRealPage, null);
                endCollection(out);
            });
        }
        String nextLink = call.pageFault() == Fault.Kind.REPEATED_NEXT_LINK
                ? nextLink(call, token != null ? token : tokens.encode(endpoint, query.withoutSkipToken(), position))
                : next < size ? nextLink(call, tokens.encode(endpoint, query.withoutSkipToken(),
                        new SkipTokens.Position(next, position.page() + 1))) : null;
        Integer count = "true".equals(query.get("$count")) ? countAll(size, include) : null;
        return json(out -> {
            startCollection(out, endpoint == Endpoint.SIGN_IN_ACTIVITIES ? "beta" : "v1.0", context, nextLink, count);
            for (int index : indices) {
                item.write(out, index, select);
            }
            endCollection(out);
        });
    }

    private static int countAll(int size, IntPredicate include) {
        int count = 0;
        for (int i = 0; i < size; i++) {
            count += include.test(i) ? 1 : 0;
        }
        return count;
    }

    /** The same request with the new skip token: clients must follow it verbatim. */
    private String nextLink(Call call, String token) {
        StringBuilder link = new StringBuilder(baseUrl).append(call.path()).append('?');
        for (Map.Entry<String, String> parameter : call.query().parameters().entrySet()) {
            if (!parameter.getKey().equals("$skiptoken")) {
                link.append(parameter.getKey()).append('=')
                        .append(URLEncoder.encode(parameter.getValue(), StandardCharsets.UTF_8)).append('&');
            }
        }
        return link.append("$skiptoken=").append(token).toString();
    }

    /** Graph writes the next link (and count) before {@code value}: streaming readers rely on it. */
    private void startCollection(JsonGenerator out, String version, String context, @Nullable String nextLink,
            @Nullable Integer count) throws IOException {
        out.writeStartObject();
        out.writeStringField("@odata.context", baseUrl + "/" + version + "/$metadata#" + context);
        if (nextLink != null) {
            out.writeStringField("@odata.nextLink", nextLink);
        }
        if (count != null) {
            out.writeNumberField("@odata.count", count);
        }
        out.writeArrayFieldStart("value");
    }

    private static void endCollection(JsonGenerator out) throws IOException {
        out.writeEndArray();
        out.writeEndObject();
    }

    private int applicationIndex(Route route) {
        UUID id = route.objectId();
        return directory.applications().indexOf(id).orElseThrow(() -> GraphError.notFound(id.toString()));
    }

    private int servicePrincipalIndex(Route route) {
        UUID id = route.objectId();
        return directory.servicePrincipals().indexOf(id).orElseThrow(() -> GraphError.notFound(id.toString()));
    }

    private static String lastSegment(String path) {
        String trimmed = path.replaceAll("/+$", "");
        return trimmed.substring(trimmed.lastIndexOf('/') + 1);
    }

    static Answer json(BodyWriter body) {
        return new Answer(200, render(body));
    }

    static byte[] render(BodyWriter body) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(4096);
        try (JsonGenerator out = JSON.createGenerator(bytes, JsonEncoding.UTF8)) {
            body.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
