package dev.app09.testkit.server;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The {@code application/x-www-form-urlencoded} body of a token request. A parameter given twice
 * is refused: which of two {@code client_id}s a server reads is not something a test should guess.
 */
final class TokenForm {

    private final Map<String, String> parameters;

    private TokenForm(Map<String, String> parameters) {
        this.parameters = parameters;
    }

    static TokenForm parse(byte[] body) {
        Map<String, String> parameters = new HashMap<>();
        String text = new String(body, StandardCharsets.UTF_8);
        for (String pair : text.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            if (parameters.putIfAbsent(name, value) != null) {
                throw EntraError.invalidRequest(900144, "The request body must contain the parameter '" + name
                        + "' once; it holds it more than once.");
            }
        }
        return new TokenForm(parameters);
    }

    /** @return the value, or null when the parameter is absent or empty */
    @Nullable String get(String name) {
        String value = parameters.get(name);
        return value == null || value.isEmpty() ? null : value;
    }

    /** @return the value of a parameter Entra requires */
    String require(String name) {
        String value = get(name);
        if (value == null) {
            throw EntraError.missing(name);
        }
        return value;
    }

    boolean has(String name) {
        return parameters.containsKey(name);
    }

    private static String decode(String part) {
        try {
            return URLDecoder.decode(part, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            // The part is not echoed: it may be a piece of the client assertion.
            throw EntraError.invalidRequest(900144, "The request body is not form-encoded: a parameter holds an"
                    + " invalid % escape.");
        }
    }
}
