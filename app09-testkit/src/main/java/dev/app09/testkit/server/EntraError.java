package dev.app09.testkit.server;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * A refusal of the fake Entra token endpoint, thrown while a request is checked and rendered in
 * Entra's OAuth error shape: {@code error}, {@code error_description} starting {@code AADSTSnnnnn:}
 * and ending with the trace id, correlation id and timestamp, {@code error_codes}, {@code
 * timestamp}, {@code trace_id}, {@code correlation_id} and {@code error_uri}.
 */
final class EntraError extends RuntimeException {

    private static final long serialVersionUID = 1L;
    /** Entra's timestamp form: {@code 2016-01-09 02:02:12Z}. */
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);

    final int status;
    final String error;
    final int code;

    private EntraError(int status, String error, int code, String description) {
        super(description, null, false, false);
        this.status = status;
        this.error = error;
        this.code = code;
    }

    static EntraError missing(String parameter) {
        return new EntraError(400, "invalid_request", 900144,
                "The request body must contain the following parameter: '" + parameter + "'.");
    }

    static EntraError invalidRequest(int code, String description) {
        return new EntraError(400, "invalid_request", code, description);
    }

    static EntraError unsupportedGrantType(String grantType) {
        return new EntraError(400, "unsupported_grant_type", 70003,
                "The app requested an unsupported grant type '" + grantType + "'. The fake Entra token endpoint"
                        + " serves client_credentials only.");
    }

    static EntraError tenantNotFound(String tenant) {
        return new EntraError(400, "invalid_request", 90002, "Tenant '" + tenant + "' not found. Check to make sure"
                + " you have the correct tenant ID and are signing into the correct cloud.");
    }

    static EntraError applicationNotFound(String clientId) {
        return new EntraError(400, "unauthorized_client", 700016, "Application with identifier '" + clientId
                + "' was not found in the directory.");
    }

    static EntraError invalidClient(int code, String description) {
        return new EntraError(401, "invalid_client", code, description);
    }

    /** @return the code as Entra writes it in descriptions, for example {@code AADSTS700027} */
    String errorCode() {
        return "AADSTS" + code;
    }

    /** Writes the body; the caller has opened nothing. */
    void write(JsonGenerator out, String traceId, String correlationId, Instant at)
            throws IOException {
        String timestamp = TIMESTAMP.format(at.truncatedTo(ChronoUnit.SECONDS));
        out.writeStartObject();
        out.writeStringField("error", error);
        out.writeStringField("error_description", errorCode() + ": " + getMessage() + "\r\nTrace ID: " + traceId
                + "\r\nCorrelation ID: " + correlationId + "\r\nTimestamp: " + timestamp);
        out.writeArrayFieldStart("error_codes");
        out.writeNumber(code);
        out.writeEndArray();
        out.writeStringField("timestamp", timestamp);
        out.writeStringField("trace_id", traceId);
        out.writeStringField("correlation_id", correlationId);
        out.writeStringField("error_uri", "https://login.microsoftonline.com/error?code=" + code);
        out.writeEndObject();
    }
}
