package dev.app09.graph.hostile;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Mutates a JSON file the way damage and hostility do: bytes flipped, cut, inserted, deleted or
 * repeated; tokens swapped; a value replaced by one of another kind or out of range; one object's
 * GUID copied onto another's. Deterministic for a given {@link Random}: a failure is replayed from
 * its seed and iteration.
 */
final class Mutator {

    /**
     * JSON tokens, roughly: enough to find values to swap or replace. Possessive, so that a string
     * of millions of characters is matched in a loop rather than by recursion.
     */
    private static final Pattern TOKEN = Pattern.compile(
            "\"[^\"\\\\]*+(?:\\\\.[^\"\\\\]*+)*+\"|-?\\d++(?:\\.\\d++)?(?:[eE][+-]?\\d++)?|true|false|null|[{}\\[\\]:,]");
    private static final Pattern GUID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final List<String> VALUES = List.of("0", "-1", "null", "true", "{}", "[]", "{\"value\": []}", "\"\"",
            "1e999999", "-0.0", "123456789012345678901234567890", "9".repeat(2_000), "\"" + "x".repeat(2_000_000) + "\"",
            "[".repeat(200) + "]".repeat(200), "\"+999999999-12-31T23:59:59Z\"", "\"-999999999-01-01T00:00:00Z\"",
            "\"+1000000000-01-01T00:00:00Z\"", "\"2026-02-30T00:00:00Z\"", "\"/Date(9223372036854775807)/\"",
            "\"/Date(-9223372036854775808)/\"", "\"2026-12-31\"", "\"00000000-0000-0000-0000-000000000000\"",
            "\"\\u0000\\u001b[31m\"", "\"\\ud800\"");

    private final Random random;

    Mutator(Random random) {
        this.random = random;
    }

    /**
     * @param content the original; not changed
     * @param description receives what was done, for a failure's message
     * @return the mutant
     */
    byte[] mutate(byte[] content, List<String> description) {
        byte[] mutant = content;
        int mutations = 1 + random.nextInt(3);
        for (int i = 0; i < mutations; i++) {
            mutant = once(mutant, description);
        }
        return mutant;
    }

    private byte[] once(byte[] content, List<String> description) {
        if (content.length == 0) {
            description.add("insert into nothing");
            return value().getBytes(StandardCharsets.UTF_8);
        }
        int at = random.nextInt(content.length);
        switch (random.nextInt(10)) {
            case 0 -> {
                int bit = random.nextInt(8);
                description.add("flip bit " + bit + " of byte " + at);
                byte[] flipped = content.clone();
                flipped[at] ^= (byte) (1 << bit);
                return flipped;
            }
            case 1 -> {
                byte value = (byte) random.nextInt(256);
                description.add(String.format("set byte %d to 0x%02X", at, value & 0xFF));
                byte[] set = content.clone();
                set[at] = value;
                return set;
            }
            case 2 -> {
                description.add("cut at byte " + at);
                return Arrays.copyOf(content, at);
            }
            case 3 -> {
                byte[] inserted = new byte[1 + random.nextInt(8)];
                random.nextBytes(inserted);
                description.add("insert " + inserted.length + " random bytes at " + at);
                return splice(content, at, at, inserted);
            }
            case 4 -> {
                int end = Math.min(content.length, at + 1 + random.nextInt(64));
                description.add("delete bytes " + at + " to " + end);
                return splice(content, at, end, new byte[0]);
            }
            case 5 -> {
                int end = Math.min(content.length, at + 1 + random.nextInt(512));
                int to = random.nextInt(content.length + 1);
                description.add("repeat bytes " + at + " to " + end + " at " + to);
                return splice(content, to, to, Arrays.copyOfRange(content, at, end));
            }
            case 6 -> {
                return swapTokens(content, description);
            }
            case 7, 8 -> {
                return replaceValue(content, description);
            }
            default -> {
                return copyGuid(content, description);
            }
        }
    }

    private byte[] swapTokens(byte[] content, List<String> description) {
        String text = new String(content, StandardCharsets.ISO_8859_1);
        List<int[]> tokens = matches(TOKEN, text);
        if (tokens.size() < 2) {
            description.add("swap tokens: none");
            return content;
        }
        int[] first = tokens.get(random.nextInt(tokens.size()));
        int[] second = tokens.get(random.nextInt(tokens.size()));
        if (first[0] > second[0]) {
            int[] swap = first;
            first = second;
            second = swap;
        }
        if (first[1] > second[0]) {
            description.add("swap a token with itself");
            return content;
        }
        description.add("swap the tokens at " + first[0] + " and " + second[0]);
        String swapped = text.substring(0, first[0]) + text.substring(second[0], second[1]) + text.substring(first[1], second[0])
                + text.substring(first[0], first[1]) + text.substring(second[1]);
        return swapped.getBytes(StandardCharsets.ISO_8859_1);
    }

    private byte[] replaceValue(byte[] content, List<String> description) {
        String text = new String(content, StandardCharsets.ISO_8859_1);
        List<int[]> tokens = matches(TOKEN, text);
        List<int[]> values = new ArrayList<>();
        for (int i = 1; i < tokens.size(); i++) {
            int[] before = tokens.get(i - 1);
            if (text.charAt(before[0]) == ':' || text.charAt(before[0]) == '[' || text.charAt(before[0]) == ',') {
                values.add(tokens.get(i));
            }
        }
        if (values.isEmpty()) {
            description.add("replace a value: none");
            return content;
        }
        int[] value = values.get(random.nextInt(values.size()));
        String replacement = value();
        description.add("replace the value at " + value[0] + " with " + abbreviate(replacement));
        return (text.substring(0, value[0]) + replacement + text.substring(value[1])).getBytes(StandardCharsets.ISO_8859_1);
    }

    private byte[] copyGuid(byte[] content, List<String> description) {
        String text = new String(content, StandardCharsets.ISO_8859_1);
        List<int[]> guids = matches(GUID, text);
        if (guids.size() < 2) {
            description.add("copy a GUID: none");
            return content;
        }
        int[] from = guids.get(random.nextInt(guids.size()));
        int[] to = guids.get(random.nextInt(guids.size()));
        description.add("copy the GUID at " + from[0] + " over the one at " + to[0]);
        return (text.substring(0, to[0]) + text.substring(from[0], from[1]) + text.substring(to[1]))
                .getBytes(StandardCharsets.ISO_8859_1);
    }

    private String value() {
        return VALUES.get(random.nextInt(VALUES.size()));
    }

    private static List<int[]> matches(Pattern pattern, String text) {
        List<int[]> found = new ArrayList<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            found.add(new int[] {matcher.start(), matcher.end()});
        }
        return found;
    }

    private static byte[] splice(byte[] content, int from, int to, byte[] inserted) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(content.length + inserted.length);
        out.write(content, 0, from);
        out.writeBytes(inserted);
        out.write(content, to, content.length - to);
        return out.toByteArray();
    }

    private static String abbreviate(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "... (" + value.length() + " characters)";
    }
}
