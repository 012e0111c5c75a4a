package dev.app09.graph.cli;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.jspecify.annotations.Nullable;

/** The {@code --as-of} option: the instant a command judges at. */
final class AsOf {

    private AsOf() {}

    /**
     * @param text an instant ({@code 2026-06-01T00:00:00Z}), a date ({@code 2026-06-01}, midnight
     *     UTC), or null for the clock's instant
     * @param clock the clock
     * @return the instant
     * @throws IllegalArgumentException naming the option and the expected forms
     */
    static Instant parse(@Nullable String text, Clock clock) {
        if (text == null) {
            return clock.instant();
        }
        try {
            return text.length() == 10 ? LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant() : Instant.parse(text);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException(
                    "--as-of " + text + ": expected an instant such as 2026-06-01T00:00:00Z or a date such as 2026-06-01", e);
        }
    }
}
