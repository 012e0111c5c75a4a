package dev.app09.testkit.server;

/** An answer in Graph's error shape, thrown by a handler and rendered by the transformer. */
final class GraphError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    final int status;
    final String code;

    GraphError(int status, String code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    static GraphError badRequest(String message) {
        return new GraphError(400, "Request_BadRequest", message);
    }

    static GraphError notFound(String id) {
        return new GraphError(404, "Request_ResourceNotFound",
                "Resource '" + id + "' does not exist or one of its queried reference-property objects are not present.");
    }

    static GraphError forStatus(int status) {
        return switch (status) {
            case 401 -> new GraphError(status, "InvalidAuthenticationToken", "Access token is empty.");
            case 403 -> new GraphError(status, "Authorization_RequestDenied",
                    "Insufficient privileges to complete the operation.");
            case 404 -> new GraphError(status, "Request_ResourceNotFound", "Resource not found.");
            case 429 -> new GraphError(status, "TooManyRequests", "Too many requests.");
            case 503 -> new GraphError(status, "serviceNotAvailable", "The service is temporarily unavailable.");
            case 504 -> new GraphError(status, "gatewayTimeout", "The gateway timed out.");
            default -> new GraphError(status, status >= 500 ? "generalException" : "Request_BadRequest",
                    "The fake Graph was told to answer " + status + ".");
        };
    }
}
