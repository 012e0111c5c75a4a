package dev.app09.testkit.server;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Where a request goes: the endpoint and, for a single object, its id. Built from the method and
 * path alone, so that faults and the journal know the endpoint before the request is answered.
 *
 * @param endpoint the endpoint
 * @param id the object id segment, or null
 * @param allowed whether the endpoint accepts the request's method
 */
record Route(Endpoint endpoint, @Nullable String id, boolean allowed) {

    /**
     * The names the delta function answers to on a collection: Graph documents {@code delta} as a
     * shortcut of {@code microsoft.graph.delta}, and the Graph SDK calls {@code delta()}.
     */
    private static final Set<String> DELTA = Set.of("delta", "delta()", "microsoft.graph.delta",
            "microsoft.graph.delta()");

    static Route of(String method, String path) {
        List<String> segments = List.of(path.replaceAll("^/+|/+$", "").split("/+"));
        if (segments.size() < 2) {
            return new Route(Endpoint.UNKNOWN, null, true);
        }
        String version = segments.get(0);
        List<String> rest = segments.subList(1, segments.size());
        if (version.equals("beta")) {
            return rest.equals(List.of("reports", "appCredentialSignInActivities"))
                    ? get(method, Endpoint.SIGN_IN_ACTIVITIES, null) : new Route(Endpoint.UNKNOWN, null, true);
        }
        if (!version.equals("v1.0")) {
            return new Route(Endpoint.UNKNOWN, null, true);
        }
        String collection = rest.get(0);
        @Nullable String id = rest.size() > 1 ? rest.get(1) : null;
        String action = rest.size() > 2 ? rest.get(2) : "";
        if (rest.size() > 3) {
            return new Route(Endpoint.UNKNOWN, null, true);
        }
        return switch (collection) {
            case "applications" -> switch (rest.size()) {
                case 1 -> get(method, Endpoint.APPLICATIONS, null);
                case 2 -> isDelta(id) ? get(method, Endpoint.APPLICATIONS_DELTA, null)
                        : method.equals("PATCH") ? new Route(Endpoint.UPDATE_APPLICATION, id, true)
                        : get(method, Endpoint.APPLICATION, id);
                default -> switch (action) {
                    case "federatedIdentityCredentials" -> get(method, Endpoint.FEDERATED_IDENTITY_CREDENTIALS, id);
                    case "addKey" -> post(method, Endpoint.ADD_KEY, id);
                    case "removePassword" -> post(method, Endpoint.REMOVE_PASSWORD, id);
                    default -> new Route(Endpoint.UNKNOWN, null, true);
                };
            };
            case "servicePrincipals" -> switch (rest.size()) {
                case 1 -> get(method, Endpoint.SERVICE_PRINCIPALS, null);
                case 2 -> isDelta(id) ? get(method, Endpoint.SERVICE_PRINCIPALS_DELTA, null)
                        : get(method, Endpoint.SERVICE_PRINCIPAL, id);
                default -> action.equals("removePassword") ? post(method, Endpoint.REMOVE_PASSWORD, id)
                        : new Route(Endpoint.UNKNOWN, null, true);
            };
            case "policies" -> rest.size() == 2 && "defaultAppManagementPolicy".equals(id)
                    ? get(method, Endpoint.APP_MANAGEMENT_POLICY, null) : new Route(Endpoint.UNKNOWN, null, true);
            case "organization" -> rest.size() == 1 ? get(method, Endpoint.ORGANIZATION, null)
                    : new Route(Endpoint.UNKNOWN, null, true);
            default -> new Route(Endpoint.UNKNOWN, null, true);
        };
    }

    /** @return whether a path segment names the delta function, its parentheses percent-encoded or not */
    static boolean isDelta(@Nullable String segment) {
        return segment != null && DELTA.contains(segment.replace("%28", "(").replace("%29", ")"));
    }

    /** @return whether the request addresses a service principal (for removePassword) */
    static boolean onServicePrincipal(String path) {
        return path.contains("/servicePrincipals/");
    }

    UUID objectId() {
        try {
            return UUID.fromString(String.valueOf(id));
        } catch (IllegalArgumentException e) {
            throw GraphError.badRequest("Invalid object identifier '" + id + "'.");
        }
    }

    private static Route get(String method, Endpoint endpoint, @Nullable String id) {
        return new Route(endpoint, id, method.equals("GET"));
    }

    private static Route post(String method, Endpoint endpoint, @Nullable String id) {
        return new Route(endpoint, id, method.equals("POST"));
    }
}
