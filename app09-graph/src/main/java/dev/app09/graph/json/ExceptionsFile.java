package dev.app09.graph.json;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonToken;
import dev.app09.core.rules.ExceptionEntry;
import dev.app09.core.rules.ExceptionRegister;
import dev.app09.graph.BadInputException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Reads an exceptions register (APP09-RULES.md section 5): a JSON array of
 * {@code {"appId": GUID, "reason": text, "approvedBy": text, "expires": "2026-12-31"}}.
 * Every property is required; two entries for one appId are refused.
 */
public final class ExceptionsFile {

    private ExceptionsFile() {
    }

    /**
     * @param in the JSON; not closed
     * @param source the file name, for error messages
     * @return the register
     * @throws BadInputException when the file is not such an array
     */
    public static ExceptionRegister read(InputStream in, String source) {
        requireNonNull(in, "in");
        requireNonNull(source, "source");
        try (JsonCursor cursor = JsonCursor.open(in, source)) {
            if (cursor.next("a JSON array of exceptions") != JsonToken.START_ARRAY) {
                throw cursor.error("expected a JSON array of exceptions "
                        + "[{\"appId\", \"reason\", \"approvedBy\", \"expires\"}], found " + cursor.describe());
            }
            Set<UUID> seen = new HashSet<>();
            List<ExceptionEntry> entries = cursor.array("exceptions", () -> entry(cursor, seen));
            cursor.expectEnd();
            return ExceptionRegister.of(entries);
        }
    }

    private static ExceptionEntry entry(JsonCursor in, Set<UUID> seen) {
        JsonCursor.Position at = in.position();
        var e = new Object() {
            @Nullable UUID appId;
            @Nullable String reason;
            @Nullable String approvedBy;
            @Nullable LocalDate expires;
        };
        in.object("an exception", name -> {
            switch (name) {
                case "appid" -> e.appId = in.uuid("appId");
                case "reason" -> e.reason = in.string("reason");
                case "approvedby" -> e.approvedBy = in.string("approvedBy");
                case "expires" -> e.expires = in.date("expires");
                default -> in.skip();
            }
        });
        if (e.appId == null || blank(e.reason) || blank(e.approvedBy) || e.expires == null) {
            throw in.error(at, "expected an exception with \"appId\", a non-blank \"reason\" and \"approvedBy\", "
                    + "and \"expires\" (a date such as 2026-12-31)");
        }
        if (!seen.add(e.appId)) {
            throw in.error(at, "a second exception for appId " + e.appId + ": keep one entry per workload");
        }
        return new ExceptionEntry(e.appId, e.reason, e.approvedBy, e.expires);
    }

    private static boolean blank(@Nullable String text) {
        return text == null || text.isBlank();
    }
}
