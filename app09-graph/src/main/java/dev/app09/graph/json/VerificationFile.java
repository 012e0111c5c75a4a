package dev.app09.graph.json;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamWriteFeature;
import dev.app09.core.migration.Verification;
import dev.app09.graph.BadInputException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A {@link Verification} as a JSON file, the one {@code app09 migrate verify --out} writes and
 * {@code retire-secret --verification} reads:
 *
 * <pre>{@code
 * {"kind": "app09.certificateVerification", "version": 1, "tenant": "contoso.onmicrosoft.com",
 *  "clientId": "GUID", "thumbprint": "40 hex digits", "verifiedAt": "2026-06-01T00:00:00Z",
 *  "authorityHost": "https://login.microsoftonline.com"}
 * }</pre>
 *
 * It holds no token and no key. Unknown properties are ignored (a later version may add some);
 * another kind or version is refused.
 */
public final class VerificationFile {

    /** The value of {@code kind}. */
    public static final String KIND = "app09.certificateVerification";
    /** The format's version. */
    public static final int VERSION = 1;

    private static final JsonFactory FACTORY = JsonFactory.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();

    private VerificationFile() {
    }

    /**
     * @param verification the verification
     * @param out where to write it; not closed
     * @throws IOException when {@code out} fails
     */
    public static void write(Verification verification, OutputStream out) throws IOException {
        requireNonNull(verification, "verification");
        try (JsonGenerator json = FACTORY.createGenerator(out)) {
            json.useDefaultPrettyPrinter();
            json.writeStartObject();
            json.writeStringField("kind", KIND);
            json.writeNumberField("version", VERSION);
            json.writeStringField("tenant", verification.tenant());
            json.writeStringField("clientId", verification.clientId().toString());
            json.writeStringField("thumbprint", verification.thumbprint());
            json.writeStringField("verifiedAt", verification.verifiedAt().toString());
            json.writeStringField("authorityHost", verification.authorityHost());
            json.writeEndObject();
            json.writeRaw('\n');
        }
    }

    /**
     * @param in the JSON; not closed
     * @param source the file name, for error messages
     * @return the verification
     * @throws BadInputException when it is not such a file
     */
    public static Verification read(InputStream in, String source) {
        requireNonNull(in, "in");
        requireNonNull(source, "source");
        try (JsonCursor cursor = JsonCursor.open(in, source)) {
            if (cursor.next("a verification object") != JsonToken.START_OBJECT) {
                throw cursor.error("expected a verification written by app09 migrate verify (a JSON object), found "
                        + cursor.describe());
            }
            JsonCursor.Position at = cursor.position();
            var v = new Object() {
                @Nullable String kind;
                long version = -1;
                @Nullable String tenant;
                @Nullable UUID clientId;
                @Nullable String thumbprint;
                @Nullable Instant verifiedAt;
                @Nullable String authorityHost;
            };
            cursor.object("a verification", name -> {
                switch (name) {
                    case "kind" -> v.kind = cursor.string("kind");
                    case "version" -> v.version = cursor.integer("version");
                    case "tenant" -> v.tenant = cursor.string("tenant");
                    case "clientid" -> v.clientId = cursor.uuid("clientId");
                    case "thumbprint" -> v.thumbprint = cursor.string("thumbprint");
                    case "verifiedat" -> v.verifiedAt = cursor.instant("verifiedAt");
                    case "authorityhost" -> v.authorityHost = cursor.string("authorityHost");
                    default -> cursor.skip();
                }
            });
            cursor.expectEnd();
            if (!KIND.equals(v.kind) || v.version != VERSION) {
                throw cursor.error(at, "expected \"kind\": \"" + KIND + "\" and \"version\": " + VERSION
                        + " (a file written by app09 migrate verify)");
            }
            if (v.tenant == null || v.clientId == null || v.thumbprint == null || v.verifiedAt == null
                    || v.authorityHost == null) {
                throw cursor.error(at, "expected \"tenant\", \"clientId\", \"thumbprint\", \"verifiedAt\" and \"authorityHost\"");
            }
            try {
                return new Verification(v.tenant, v.clientId, v.thumbprint, v.verifiedAt, v.authorityHost);
            } catch (IllegalArgumentException e) {
                throw cursor.error(at, e.getMessage());
            }
        }
    }
}
