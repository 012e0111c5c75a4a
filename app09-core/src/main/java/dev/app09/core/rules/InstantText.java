package dev.app09.core.rules;

import java.nio.charset.StandardCharsets;
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
        // yyyy-MM-ddTHH:mm:ss, then .SSS, .SSSSSS or .SSSSSSSSS when there is a fraction, then Z: ASCII only.
        byte[] text = new byte[30];
        twoDigits(text, 0, t.getYear() / 100);
        twoDigits(text, 2, t.getYear() % 100);
        text[4] = '-';
        twoDigits(text, 5, t.getMonthValue());
        text[7] = '-';
        twoDigits(text, 8, t.getDayOfMonth());
        text[10] = 'T';
        twoDigits(text, 11, t.getHour());
        text[13] = ':';
        twoDigits(text, 14, t.getMinute());
        text[16] = ':';
        twoDigits(text, 17, t.getSecond());
        int length = fraction(text, 19, instant.getNano());
        text[length] = 'Z';
        return new String(text, 0, length + 1, StandardCharsets.ISO_8859_1);
    }

    /**
     * Milliseconds, microseconds or nanoseconds: as few groups of three digits as hold the value.
     *
     * @return the length of the text so far
     */
    private static int fraction(byte[] text, int at, int nano) {
        if (nano == 0) {
            return at;
        }
        text[at] = '.';
        threeDigits(text, at + 1, nano / 1_000_000);
        if (nano % 1_000_000 == 0) {
            return at + 4;
        }
        threeDigits(text, at + 4, nano / 1_000 % 1_000);
        if (nano % 1_000 == 0) {
            return at + 7;
        }
        threeDigits(text, at + 7, nano % 1_000);
        return at + 10;
    }

    // Constant divisors only: the JIT turns them into multiplications.
    private static void threeDigits(byte[] text, int at, int value) {
        text[at] = (byte) ('0' + value / 100);
        twoDigits(text, at + 1, value % 100);
    }

    private static void twoDigits(byte[] text, int at, int value) {
        text[at] = (byte) ('0' + value / 10);
        text[at + 1] = (byte) ('0' + value % 10);
    }
}
