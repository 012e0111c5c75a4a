package dev.app09.testkit.server;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The OData query options of one request, decoded and checked as Graph checks them: {@code $top}
 * from 1 to 999 (default 100), {@code $select} of known properties only.
 */
final class GraphQuery {

    static final int DEFAULT_PAGE_SIZE = 100;
    static final int MAX_PAGE_SIZE = 999;

    private final Map<String, String> parameters;

    private GraphQuery(Map<String, String> parameters) {
        this.parameters = parameters;
    }

    /** @param rawQuery the query string after '?', encoded, or null */
    static GraphQuery parse(@Nullable String rawQuery) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (rawQuery != null && !rawQuery.isEmpty()) {
            for (String pair : rawQuery.split("&")) {
                int equals = pair.indexOf('=');
                String name = decode(equals < 0 ? pair : pair.substring(0, equals));
                String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
                parameters.put(name, value);
            }
        }
        return new GraphQuery(parameters);
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw GraphError.badRequest("Malformed query string: " + e.getMessage());
        }
    }

    Map<String, String> parameters() {
        return parameters;
    }

    /** @return every option but {@code $skiptoken}, sorted: what a page link must keep */
    String withoutSkipToken() {
        return parameters.entrySet().stream().filter(e -> !e.getKey().equals("$skiptoken"))
                .map(e -> e.getKey() + "=" + e.getValue()).sorted().collect(Collectors.joining("&"));
    }

    @Nullable String get(String name) {
        return parameters.get(name);
    }

    int top() {
        String top = parameters.get("$top");
        if (top == null) {
            return DEFAULT_PAGE_SIZE;
        }
        int size;
        try {
            size = Integer.parseInt(top.trim());
        } catch (NumberFormatException e) {
            throw GraphError.badRequest("Invalid value '" + top + "' for query option $top.");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw GraphError.badRequest("Invalid page size specified: '" + size + "'. Must be between 1 and "
                    + MAX_PAGE_SIZE + " inclusive.");
        }
        return size;
    }

    /** @return the selected properties, or all of {@code known} when there is no $select */
    Set<String> select(List<String> known, String type) {
        String select = parameters.get("$select");
        if (select == null || select.isBlank()) {
            return new LinkedHashSet<>(known);
        }
        Set<String> chosen = new LinkedHashSet<>();
        for (String property : Arrays.stream(select.split(",")).map(String::trim).toList()) {
            if (!known.contains(property)) {
                throw GraphError.badRequest("Could not find a property named '" + property + "' on type 'microsoft.graph."
                        + type + "'.");
            }
            chosen.add(property);
        }
        return chosen;
    }

    /**
     * @return whether {@code $expand} asks for the relationship, the only one that may be expanded
     */
    boolean expands(String relationship) {
        String expand = parameters.get("$expand");
        if (expand == null || expand.isBlank()) {
            return false;
        }
        for (String item : expand.split(",")) {
            String name = item.trim();
            int options = name.indexOf('(');
            if (!relationship.equals(options < 0 ? name : name.substring(0, options))) {
                throw GraphError.badRequest("Could not find a property named '" + name + "' to expand.");
            }
        }
        return true;
    }
}
