package dev.app09.core.rules;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.jspecify.annotations.Nullable;

/**
 * {@link Instant#toString()} for the dates in finding messages, without the general formatter.
 *
 * <p>Why: {@code Instant.toString()} goes through {@code DateTimeFormatter.ISO_INSTANT} and was a
 * fifth of the rules' time per workload (WorkloadRulesBenchmark). For the years 0000-9999 the text
 * is written here directly and is the same, character for character: {@code yyyy-MM-ddTHH:mm:ss},
 * then the fraction in groups of three digits only when there is one, then {@code Z}. Any other
 * year goes to {@code Instant.toString()}.
 */
final class InstantText {

    private static final long FIRST_SECOND = LocalDateTime.of(0, 1, 1, 0, 0).toEpochSecond(ZoneOffset.UTC);
    private static final long LAST_SECOND = LocalDateTime.of(9999, 12, 31, 23, 59, 59).toEpochSecond(ZoneOffset.UTC);

    private InstantText() {
    }

    /**
     * @param instant an instant, or null
     * @return {@code String.valueOf(instant)}
     */
    static String of(@Nullable Instant instant) {
        if (instant == null) {
            return "null";
        }
        long seconds = instant.getEpochSecond();
        if (seconds < FIRST_SECOND || seconds > LAST_SECOND) {
            return instant.toString();
        }
        LocalDateTime t = LocalDateTime.ofEpochSecond(seconds, 0, ZoneOffset.UTC);
        StringBuilder text = new StringBuilder(30);
        digits(text, t.getYear(), 4).append('-');
        digits(text, t.getMonthValue(), 2).append('-');
        digits(text, t.getDayOfMonth(), 2).append('T');
        digits(text, t.getHour(), 2).append(':');
        digits(text, t.getMinute(), 2).append(':');
        digits(text, t.getSecond(), 2);
        fraction(text, instant.getNano());
        return text.append('Z').toString();
    }

    /** Milliseconds, microseconds or nanoseconds: as few groups of three digits as hold the value. */
    private static void fraction(StringBuilder text, int nano) {
        if (nano == 0) {
            return;
        }
        text.append('.');
        if (nano % 1_000_000 == 0) {
            digits(text, nano / 1_000_000, 3);
        } else if (nano % 1_000 == 0) {
            digits(text, nano / 1_000, 6);
        } else {
            digits(text, nano, 9);
        }
    }

    /** Appends a non-negative value with leading zeros to {@code width} digits. */
    private static StringBuilder digits(StringBuilder text, int value, int width) {
        for (int divisor = pow10(width - 1); divisor > 0; divisor /= 10) {
            text.append((char) ('0' + value / divisor % 10));
        }
        return text;
    }

    private static int pow10(int exponent) {
        int power = 1;
        for (int i = 0; i < exponent; i++) {
            power *= 10;
        }
        return power;
    }
}
