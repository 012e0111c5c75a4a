package dev.app09.graph.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import dev.app09.graph.BadInputException;
import java.io.ByteArrayOutputStream;
import java.io.CharConversionException;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A Jackson streaming parser over one JSON source that turns every surprise into a
 * {@link BadInputException} naming the source, the line and column, and what was expected.
 * Property names are matched ignoring case, so Graph's camelCase and PowerShell's PascalCase read
 * alike.
 */
final class JsonCursor implements Closeable {

    /** Windows PowerShell writes dates as {@code "/Date(1714557600000)/"} (sometimes with an offset). */
    private static final Pattern MS_DATE = Pattern.compile("^/Date\\((-?\\d+)([+-]\\d{4})?\\)/$");
    private static final int QUOTE_LIMIT = 40;
    /** Graph's hint shows a secret's first three characters: no more of a value that may be one is quoted. */
    private static final int SECRET_QUOTE_LIMIT = 3;
    /** Jackson's own pointer into the source, e.g. "(start marker at [Source: ...; line: 1, column: 12])": we give ours. */
    private static final Pattern JACKSON_SOURCE = Pattern.compile("\\s*\\(start marker at \\[Source:.*?\\]\\)|\\s*at \\[Source:.*?\\]");
    /**
     * Jackson quotes an unquoted token whole; it could be a secret pasted without quotes. Three
     * characters are kept, as Graph's own hint does.
     */
    private static final Pattern UNRECOGNIZED_TOKEN = Pattern.compile("(Unrecognized token ')([^']{3})[^']+'");
    /** An offset with a one-digit hour, as in Graph's own sign-in report example ("-8:00"). */
    private static final Pattern SHORT_OFFSET = Pattern.compile("([+-])(\\d:\\d\\d)$");

    private static final int MAX_DEPTH = 64;
    private static final int MAX_STRING = 1_000_000;
    private static final int MAX_NUMBER = 1_000;
    private static final int MAX_NAME = 50_000;

    private static final JsonFactory FACTORY = JsonFactory.builder()
            // whoever opened a stream closes it
            .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
            // Untrusted input: keep Jackson's limits, but name them here so they are a decision.
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_DEPTH)
                    .maxStringLength(MAX_STRING)
                    .maxNumberLength(MAX_NUMBER)
                    .maxNameLength(MAX_NAME)
                    .build())
            .build();

    private final JsonParser parser;
    private final String source;
    /** The property names of the object being read, in lower case (an enclosing one's, for a merged object). */
    private Set<String> names = new HashSet<>();
    private int quoteLimit = QUOTE_LIMIT;

    private JsonCursor(JsonParser parser, String source) {
        this.parser = parser;
        this.source = source;
    }

    static JsonCursor open(InputStream in, String source) {
        try {
            return new JsonCursor(FACTORY.createParser(in), source);
        } catch (IOException e) {
            throw new UncheckedIOException(source + ": " + e.getMessage(), e);
        }
    }

    String source() {
        return source;
    }

    /** Moves to the next token; fails on the end of input. */
    JsonToken next(String expected) {
        JsonToken token = advance();
        if (token == null) {
            throw error("expected " + expected + ", found the end of the input");
        }
        return token;
    }

    /** Moves to the next token, or null at the end of input. */
    @Nullable JsonToken advance() {
        try {
            return parser.nextToken();
        } catch (JsonProcessingException e) {
            throw notJson(e);
        } catch (IOException e) {
            throw unreadable(e);
        }
    }

    @Nullable JsonToken token() {
        return parser.currentToken();
    }

    /** Copies the object or array at the current token, whole, as JSON bytes (the cursor moves past it). */
    byte[] copy() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator copy = FACTORY.createGenerator(out)) {
            copy.copyCurrentStructure(parser);
        } catch (JsonProcessingException e) {
            throw notJson(e);
        } catch (IOException e) {
            throw unreadable(e);
        }
        return out.toByteArray();
    }

    /** Fails unless the input ends here (nothing but whitespace after the document). */
    void expectEnd() {
        JsonToken after = advance();
        if (after != null) {
            throw error("expected the end of the input after the document, found " + describe());
        }
    }

    /**
     * Reads the object at the current token, calling {@code fields} with each property name in
     * lower case while the cursor is on that property's value. The handler must consume the value.
     * A name twice in one object, in any case, is refused: readers disagree on which one counts
     * (the first, the last), and an input could show one tool a secret and app09 a certificate.
     */
    void object(String what, FieldHandler fields) {
        Set<String> outer = names;
        names = new HashSet<>();
        try {
            mergedObject(what, fields);
        } finally {
            names = outer;
        }
    }

    /**
     * As {@link #object}, for an object whose properties count as the enclosing object's own
     * (PowerShell's {@code AdditionalProperties}): a name it shares with the enclosing object, in
     * any case, is refused as a name twice.
     */
    void mergedObject(String what, FieldHandler fields) {
        if (token() != JsonToken.START_OBJECT) {
            throw error("expected " + what + " (a JSON object), found " + describe());
        }
        Set<String> seen = names;
        while (next("a property name or '}'") == JsonToken.FIELD_NAME) {
            String name = currentName().toLowerCase(Locale.ROOT);
            if (!seen.add(name)) {
                throw error("\"" + quote(currentName()) + "\" appears twice in " + what
                        + " (names are compared without regard to case)");
            }
            next("a value for \"" + currentName() + "\"");
            fields.field(name);
        }
    }

    /** Reads an array of elements (or null, read as empty) at the current token. */
    <T> List<T> array(String what, Supplier<T> element) {
        if (token() == JsonToken.VALUE_NULL) {
            return List.of();
        }
        if (token() != JsonToken.START_ARRAY) {
            throw error("expected " + what + " (a JSON array), found " + describe());
        }
        List<T> items = new ArrayList<>();
        while (next("an element or ']'") != JsonToken.END_ARRAY) {
            items.add(element.get());
        }
        return items;
    }

    @Nullable String string(String what) {
        JsonToken token = token();
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        if (token != JsonToken.VALUE_STRING) {
            throw error("expected " + what + " (a string), found " + describe());
        }
        return text();
    }

    @Nullable UUID uuid(String what) {
        String text = string(what);
        if (text == null) {
            return null;
        }
        try {
            if (text.length() == 36) {
                return UUID.fromString(text);
            }
        } catch (IllegalArgumentException e) {
            // fall through to the error below
        }
        throw error("expected " + what + " (a GUID such as 00000000-0000-0000-0000-000000000000), found " + describe());
    }

    @Nullable Instant instant(String what) {
        String text = string(what);
        if (text == null) {
            return null;
        }
        try {
            Matcher ms = MS_DATE.matcher(text);
            if (ms.matches()) {
                return Instant.ofEpochMilli(Long.parseLong(ms.group(1)));
            }
            return OffsetDateTime.parse(SHORT_OFFSET.matcher(text).replaceFirst("$10$2")).toInstant();
        } catch (DateTimeParseException | NumberFormatException e) {
            throw error("expected " + what + " (an ISO-8601 date-time such as 2026-06-01T00:00:00Z), found " + describe());
        }
    }

    LocalDate date(String what) {
        String text = string(what);
        if (text != null) {
            try {
                return LocalDate.parse(text);
            } catch (DateTimeException e) {
                // fall through to the error below
            }
        }
        throw error("expected " + what + " (a date such as 2026-12-31), found " + describe());
    }

    boolean bool(String what) {
        JsonToken token = token();
        if (token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE) {
            return token == JsonToken.VALUE_TRUE;
        }
        throw error("expected " + what + " (true or false), found " + describe());
    }

    long integer(String what) {
        try {
            if (token() == JsonToken.VALUE_NUMBER_INT) {
                return parser.getLongValue();
            }
        } catch (IOException e) {
            // fall through: a number too large for a long
        }
        throw error("expected " + what + " (a whole number), found " + describe());
    }

    /** Graph writes binaries as standard Base64; PowerShell's ConvertTo-Json as an array of byte values. */
    byte @Nullable [] binary(String what) {
        JsonToken token = token();
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        if (token == JsonToken.VALUE_STRING) {
            try {
                return Base64.getDecoder().decode(text());
            } catch (IllegalArgumentException e) {
                throw error("expected " + what + " (standard Base64), found " + describe());
            }
        }
        if (token == JsonToken.START_ARRAY) {
            List<Integer> values = array(what, () -> byteValue(what));
            byte[] bytes = new byte[values.size()];
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = (byte) (int) values.get(i);
            }
            return bytes;
        }
        throw error("expected " + what + " (Base64 text or an array of byte values), found " + describe());
    }

    private int byteValue(String what) {
        try {
            if (token() == JsonToken.VALUE_NUMBER_INT && parser.getIntValue() >= 0 && parser.getIntValue() <= 255) {
                return parser.getIntValue();
            }
        } catch (IOException e) {
            // fall through: a number too large for an int
        }
        throw error("expected " + what + " (byte values from 0 to 255), found " + describe());
    }

    List<String> strings(String what) {
        return array(what, () -> {
            String value = string(what + " element");
            if (value == null) {
                throw error("expected " + what + " element (a string), found null");
            }
            return value;
        });
    }

    /** Skips the value at the current token, with all it contains. */
    void skip() {
        try {
            parser.skipChildren();
        } catch (JsonProcessingException e) {
            throw notJson(e);
        } catch (IOException e) {
            throw unreadable(e);
        }
    }

    /** The position of the current token, to name an object whose content turns out wrong. */
    Position position() {
        JsonLocation at = parser.currentTokenLocation();
        return new Position(at.getLineNr(), at.getColumnNr());
    }

    private BadInputException notJson(JsonProcessingException e) {
        JsonLocation at = e.getLocation() != null ? e.getLocation() : parser.currentLocation();
        String message = e instanceof StreamConstraintsException
                ? beyondLimit(String.valueOf(e.getOriginalMessage())) + ": not an export app09 reads"
                : "not valid JSON: " + UNRECOGNIZED_TOKEN.matcher(JACKSON_SOURCE.matcher(
                        String.valueOf(e.getOriginalMessage())).replaceAll("")).replaceAll("$1$2...'");
        return new BadInputException(source, at.getLineNr(), at.getColumnNr(), message, e);
    }

    /** Which of the limits above the input broke; Jackson's message names it first. */
    private static String beyondLimit(String jackson) {
        if (jackson.startsWith("Document nesting depth")) {
            return "nested more than " + MAX_DEPTH + " levels deep";
        }
        if (jackson.startsWith("String value length")) {
            return String.format(Locale.ROOT, "a string longer than %,d characters", MAX_STRING);
        }
        if (jackson.startsWith("Number value length")) {
            return String.format(Locale.ROOT, "a number longer than %,d digits", MAX_NUMBER);
        }
        if (jackson.startsWith("Name length")) {
            return String.format(Locale.ROOT, "a property name longer than %,d characters", MAX_NAME);
        }
        return "beyond a limit on untrusted JSON (" + jackson.replaceFirst(", from .*", "") + ")";
    }

    /**
     * The stream itself failed (a file read error, a dropped connection): not the input's fault;
     * unless what failed is decoding its characters (a UTF-16 or UTF-32 file holding bytes that
     * are no character), which is.
     */
    private RuntimeException unreadable(IOException e) {
        if (e instanceof CharConversionException) {
            JsonLocation at = parser.currentLocation();
            return new BadInputException(source, at.getLineNr(), at.getColumnNr(), "not valid JSON: " + e.getMessage(), e);
        }
        return new UncheckedIOException(source + ": " + e.getMessage(), e);
    }

    BadInputException error(String message) {
        return error(position(), message);
    }

    BadInputException error(Position at, String message) {
        return new BadInputException(source, at.line(), at.column(), message);
    }

    /** What the current token is, for an error message; long text is cut short. */
    String describe() {
        JsonToken token = token();
        if (token == null) {
            return "the end of the input";
        }
        return switch (token) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case END_OBJECT -> "'}'";
            case END_ARRAY -> "']'";
            case VALUE_NULL -> "null";
            case VALUE_TRUE -> "true";
            case VALUE_FALSE -> "false";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "the number " + quote(text());
            case VALUE_STRING -> '"' + quote(text()) + '"';
            case FIELD_NAME -> "the property \"" + quote(currentName()) + '"';
            default -> token.toString();
        };
    }

    /**
     * Reads something that may hold a secret where it should not (a password credential: its
     * secretText is skipped unread, but a secret pasted in place of the object, or of its keyId,
     * would be quoted back): any value an error message quotes meanwhile is cut to three characters.
     */
    <T> T quotingAsAHint(Supplier<T> read) {
        int outer = quoteLimit;
        quoteLimit = SECRET_QUOTE_LIMIT;
        try {
            return read.get();
        } finally {
            quoteLimit = outer;
        }
    }

    private String quote(String text) {
        return text.length() <= quoteLimit ? text : text.substring(0, quoteLimit) + "...";
    }

    private String text() {
        try {
            return parser.getText();
        } catch (JsonProcessingException e) {
            // Jackson reads a string's content lazily: a string cut short or badly escaped fails here.
            throw notJson(e);
        } catch (IOException e) {
            throw unreadable(e);
        }
    }

    private String currentName() {
        try {
            String name = parser.currentName();
            return name == null ? "" : name;
        } catch (IOException e) {
            throw unreadable(e);
        }
    }

    @Override
    public void close() {
        try {
            parser.close();
        } catch (IOException e) {
            throw unreadable(e);
        }
    }

    /** Handles one property whose value is the current token. */
    @FunctionalInterface
    interface FieldHandler {
        void field(String lowerCaseName);
    }

    /** A line and column, from 1. */
    record Position(int line, int column) {
    }
}
