package dev.app09.testkit.server;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.app09.core.model.Application;
import dev.app09.core.model.ServicePrincipal;
import dev.app09.testkit.json.GraphJson;
import dev.app09.testkit.server.DeltaTokens.Cursor;
import dev.app09.testkit.server.DeltaTokens.Kind;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Graph's delta function on applications and service principals. A round without a token
 * returns every current object, paged; its last page carries an {@code @odata.deltaLink} instead
 * of an {@code @odata.nextLink}. Following that link starts a round that returns what changed
 * since the link was issued: each changed or added object once, whole and as it is now, and each
 * removed one as {@code {"id": ..., "@removed": {"reason": ...}}}, paged the same way. {@code
 * $deltatoken=latest} returns no object and a delta link from now. The first request's {@code
 * $top} and {@code $select} travel in the tokens; {@code id} is always returned.
 *
 * <p>With {@link ServerOptions#deltaSendsChangedPropertiesOnly()}, a change round writes a changed
 * object of the tenant source as Graph may: its {@code id} and, of the selected properties, only
 * those whose value differs from the object the source built or that a write changed since the
 * link (a superset of "the properties that have been updated", all Graph promises). Objects added
 * since the source was built are still written whole, and full rounds are unchanged.
 *
 * <p>A round is bounded by the change version when it starts: what changes while it is read is
 * reported by the next round (perhaps also by this one, in its newest state, as Graph may).
 * Change rounds walk the changed positions only, so they cost what the changes cost.
 */
final class DeltaResponder {

    /** Query options a delta round takes; the others Graph's delta refuses or the fake does not serve. */
    private static final Set<String> OPTIONS = Set.of("$select", "$top", "$skiptoken", "$deltatoken");
    private static final String LATEST = "latest";

    @FunctionalInterface
    private interface ObjectWriter<T> {
        void write(JsonGenerator out, T object, Set<String> select) throws IOException;
    }

    /** What differs between the two collections. */
    private record Tracked<T>(Endpoint endpoint, String name, String type, List<String> properties,
            ObjectCollection<T> objects, ObjectWriter<T> writer) {
    }

    private final FakeDirectory directory;
    private final DeltaTokens tokens;
    private final String baseUrl;
    private final ServerOptions options;
    private final Tracked<Application> applications;
    private final Tracked<ServicePrincipal> servicePrincipals;

    DeltaResponder(FakeDirectory directory, DeltaTokens tokens, String baseUrl, ServerOptions options) {
        this.directory = directory;
        this.tokens = tokens;
        this.baseUrl = baseUrl;
        this.options = options;
        this.applications = new Tracked<>(Endpoint.APPLICATIONS_DELTA, "applications", "application",
                GraphJson.APPLICATION_PROPERTIES, directory.applications(),
                (out, app, select) -> GraphJson.application(out, app, select, false, null));
        this.servicePrincipals = new Tracked<>(Endpoint.SERVICE_PRINCIPALS_DELTA, "servicePrincipals",
                "servicePrincipal", GraphJson.SERVICE_PRINCIPAL_PROPERTIES, directory.servicePrincipals(),
                GraphJson::servicePrincipal);
    }

    /** @return the page a request asks for: 1 without a skip token, 0 when its token is not valid */
    int page(Endpoint endpoint, GraphQuery query) {
        String skip = query.get("$skiptoken");
        if (skip == null) {
            return 1;
        }
        try {
            return tokens.decode(endpoint, Kind.SKIP, skip).page();
        } catch (GraphError e) {
            return 0;
        }
    }

    Answer answer(Endpoint endpoint, GraphResponder.Call call) {
        return endpoint == Endpoint.APPLICATIONS_DELTA ? answer(applications, call) : answer(servicePrincipals, call);
    }

    private <T> Answer answer(Tracked<T> tracked, GraphResponder.Call call) {
        GraphQuery query = call.query();
        refuseUnservedOptions(query);
        String skip = query.get("$skiptoken");
        String delta = query.get("$deltatoken");
        if (skip != null && delta != null) {
            throw GraphError.badRequest("A delta request carries $skiptoken or $deltatoken, not both.");
        }
        String functionPath = functionPath(call.path());
        if (skip == null && (delta == null || delta.equals(LATEST))) {
            int top = query.top();
            int select = mask(tracked.properties(), query.select(tracked.properties(), tracked.type()));
            long now = directory.version();
            if (delta != null) {
                return render(tracked, functionPath, DeltaTokens.FULL, List.of(), null,
                        new Cursor(now, 0, 0, 1, top, select));
            }
            return page(tracked, functionPath, new Cursor(DeltaTokens.FULL, now, 0, 1, top, select));
        }
        if (query.get("$select") != null || query.get("$top") != null) {
            throw GraphError.badRequest("$select and $top belong to the first request of a delta round: the links"
                    + " carry them, follow them as they are.");
        }
        if (skip != null) {
            return page(tracked, functionPath, tokens.decode(tracked.endpoint(), Kind.SKIP, skip));
        }
        Cursor link = tokens.decode(tracked.endpoint(), Kind.DELTA, delta);
        return page(tracked, functionPath,
                new Cursor(link.since(), directory.version(), 0, 1, link.top(), link.select()));
    }

    private static void refuseUnservedOptions(GraphQuery query) {
        for (String name : query.parameters().keySet()) {
            if (!name.startsWith("$") || OPTIONS.contains(name)) {
                continue;
            }
            throw switch (name) {
                case "$expand" -> GraphError.badRequest("$expand is not supported on delta: "
                        + GraphJson.FEDERATED_IDENTITY_CREDENTIALS + " cannot be expanded in a delta query.");
                case "$filter" -> GraphError.badRequest("The fake Graph's delta takes no $filter.");
                default -> GraphError.badRequest("The query option '" + name + "' is not supported with delta.");
            };
        }
    }

    /**
     * One page of a round: positions from the cursor on, every present one in a full round, the
     * ones changed after {@code since} and by {@code until} in a change round.
     */
    private <T> Answer page(Tracked<T> tracked, String functionPath, Cursor cursor) {
        ObjectCollection<T> objects = tracked.objects();
        List<Integer> positions = new ArrayList<>(Math.min(cursor.top(), 1024));
        int next = -1;
        if (cursor.full()) {
            int size = objects.size();
            int index = cursor.position();
            for (; index < size && positions.size() < cursor.top(); index++) {
                if (objects.present(index)) {
                    positions.add(index);
                }
            }
            next = index < size ? index : -1;
        } else {
            for (Map.Entry<Integer, Long> change : objects.changesFrom(cursor.position()).entrySet()) {
                long version = change.getValue();
                if (version <= cursor.since() || version > cursor.until()) {
                    continue;
                }
                if (positions.size() == cursor.top()) {
                    next = change.getKey();
                    break;
                }
                positions.add(change.getKey());
            }
        }
        Cursor following = next < 0 ? null
                : new Cursor(cursor.since(), cursor.until(), next, cursor.page() + 1, cursor.top(), cursor.select());
        return render(tracked, functionPath, cursor.since(), positions, following,
                new Cursor(cursor.until(), 0, 0, 1, cursor.top(), cursor.select()));
    }

    /**
     * @param since the version whose later changes the round reports, or {@link DeltaTokens#FULL}
     * @param following the rest of the round, or null on its last page, which carries {@code
     *     deltaLink} instead
     */
    private <T> Answer render(Tracked<T> tracked, String functionPath, long since, List<Integer> positions,
            @Nullable Cursor following, Cursor deltaLink) {
        Set<String> select = unmask(tracked.properties(), deltaLink.select());
        boolean changedOnly = since != DeltaTokens.FULL && options.deltaSendsChangedPropertiesOnly();
        String link = following != null
                ? link(functionPath, "$skiptoken", tokens.encode(tracked.endpoint(), Kind.SKIP, following))
                : link(functionPath, "$deltatoken", tokens.encode(tracked.endpoint(), Kind.DELTA, deltaLink));
        ObjectCollection<T> objects = tracked.objects();
        return GraphResponder.json(out -> {
            out.writeStartObject();
            out.writeStringField("@odata.context", baseUrl + "/v1.0/$metadata#" + tracked.name());
            // Before value, as Graph writes the next link: a streaming reader finds it first.
            out.writeStringField(following != null ? "@odata.nextLink" : "@odata.deltaLink", link);
            out.writeArrayFieldStart("value");
            for (int index : positions) {
                ObjectCollection.Removal removal = objects.removal(index);
                if (removal == null) {
                    T object = objects.get(index);
                    tracked.writer().write(out, object,
                            changedOnly ? changedOnly(objects, index, object, since, select) : select);
                } else {
                    out.writeStartObject();
                    out.writeStringField("id", removal.id().toString());
                    out.writeObjectFieldStart("@removed");
                    out.writeStringField("reason", removal.reason());
                    out.writeEndObject();
                    out.writeEndObject();
                }
            }
            out.writeEndArray();
            out.writeEndObject();
        });
    }

    /** The selected properties that changed, with the id; all selected ones for an added object. */
    private static <T> Set<String> changedOnly(ObjectCollection<T> objects, int index, T object, long since,
            Set<String> select) {
        Set<String> changed = objects.changedProperties(index, object, since);
        if (changed == null) {
            return select;
        }
        Set<String> written = new LinkedHashSet<>();
        for (String property : select) {
            if (property.equals("id") || changed.contains(property)) {
                written.add(property);
            }
        }
        return written;
    }

    private String link(String functionPath, String name, String token) {
        return baseUrl + functionPath + "?" + name + "=" + token;
    }

    /**
     * The path the links name: the function as called ({@code delta}, as in Graph's documented
     * examples, or {@code microsoft.graph.delta}), and the fully qualified {@code
     * microsoft.graph.delta()} for a call with parentheses such as the SDK's {@code delta()}, as
     * the delta links users of the SDK report from Graph. Either way the links are opaque: clients
     * follow them as written.
     */
    private static String functionPath(String path) {
        String trimmed = path.replaceAll("/+$", "");
        int slash = trimmed.lastIndexOf('/');
        String function = trimmed.substring(slash + 1);
        boolean called = function.endsWith("()") || function.endsWith("%29");
        return trimmed.substring(0, slash + 1) + (called ? "microsoft.graph.delta()" : function);
    }

    /** The selection as bits over the property list; {@code id} is always in it. */
    private static int mask(List<String> properties, Set<String> select) {
        int mask = 1 << properties.indexOf("id");
        for (String property : select) {
            mask |= 1 << properties.indexOf(property);
        }
        return mask;
    }

    private static Set<String> unmask(List<String> properties, int mask) {
        Set<String> select = new LinkedHashSet<>();
        for (int i = 0; i < properties.size(); i++) {
            if ((mask & 1 << i) != 0) {
                select.add(properties.get(i));
            }
        }
        return select;
    }
}
