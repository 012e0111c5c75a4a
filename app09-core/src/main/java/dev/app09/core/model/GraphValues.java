package dev.app09.core.model;

import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/** Maps a raw Graph enumeration string onto an enum with an UNKNOWN member, case-insensitively. */
final class GraphValues {

    private GraphValues() {
    }

    static <E extends Enum<E>> E parse(
            @Nullable String raw, E[] values, Function<E, @Nullable String> graphName, E unknown) {
        if (raw == null) {
            return unknown;
        }
        String trimmed = raw.trim();
        for (E value : values) {
            String name = graphName.apply(value);
            // Graph's own spelling is by far the most common: equals() settles it before equalsIgnoreCase().
            if (name != null && (name.equals(trimmed) || name.equalsIgnoreCase(trimmed))) {
                return value;
            }
        }
        return unknown;
    }
}
