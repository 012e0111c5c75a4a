package dev.app09.testkit.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import dev.app09.core.model.Application;
import dev.app09.core.model.ServicePrincipal;
import dev.app09.testkit.json.GraphJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Which top-level properties of two states of one object differ, compared as Graph writes them
 * (their JSON values, {@code key} values left out as on lists and delta), not as Java objects.
 *
 * @param <T> the object type
 */
final class ChangedProperties<T> {

    @FunctionalInterface
    private interface Writer<T> {
        void write(TokenBuffer out, T object) throws IOException;
    }

    static final ChangedProperties<Application> APPLICATIONS = new ChangedProperties<>(
            GraphJson.APPLICATION_PROPERTIES,
            (out, app) -> GraphJson.application(out, app, GraphJson.APPLICATION_PROPERTIES, false, null));

    static final ChangedProperties<ServicePrincipal> SERVICE_PRINCIPALS = new ChangedProperties<>(
            GraphJson.SERVICE_PRINCIPAL_PROPERTIES,
            (out, sp) -> GraphJson.servicePrincipal(out, sp, GraphJson.SERVICE_PRINCIPAL_PROPERTIES));

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<String> properties;
    private final Writer<T> writer;

    private ChangedProperties(List<String> properties, Writer<T> writer) {
        this.properties = properties;
        this.writer = writer;
    }

    /** @return a new set of the properties whose JSON values differ, in the order Graph writes them */
    Set<String> between(T before, T after) {
        JsonNode was = tree(before);
        JsonNode is = tree(after);
        Set<String> changed = new LinkedHashSet<>();
        for (String property : properties) {
            if (!Objects.equals(was.get(property), is.get(property))) {
                changed.add(property);
            }
        }
        return changed;
    }

    private JsonNode tree(T object) {
        try (TokenBuffer buffer = new TokenBuffer(JSON, false)) {
            writer.write(buffer, object);
            return JSON.readTree(buffer.asParser());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
