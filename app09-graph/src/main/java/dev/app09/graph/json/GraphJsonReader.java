package dev.app09.graph.json;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonToken;
import dev.app09.core.model.AppManagementPolicy;
import dev.app09.core.model.Application;
import dev.app09.core.model.CredentialSignIn;
import dev.app09.core.model.FederatedIdentityCredential;
import dev.app09.core.model.ServicePrincipal;
import dev.app09.graph.BadInputException;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The one reader of Graph's JSON, for live answers and for export files alike. A collection is
 * Graph's answer ({@code {"@odata.nextLink": ..., "value": [...]}}), a bare JSON array, or what
 * Microsoft Graph PowerShell writes ({@code Get-MgApplication -All | ConvertTo-Json -Depth 10}:
 * PascalCase names, {@code AdditionalProperties}, binaries as arrays of byte values, and on Windows
 * PowerShell {@code {"value": [...], "Count": n}} and {@code "/Date(ms)/"} dates).
 *
 * <p>Objects are streamed: each is mapped to a core record as soon as it is read and handed on, so
 * a page is never held as text or as a tree. Unknown properties are skipped; a secret's
 * {@code secretText} and a certificate's {@code key} are skipped unread.
 *
 * <pre>{@code
 * try (InputStream in = Files.newInputStream(file)) {
 *     GraphJsonReader.APPLICATIONS.read(in, "applications.json", applications::add);
 * }
 * }</pre>
 *
 * @param <T> the core record each element becomes
 */
public final class GraphJsonReader<T> {

    /** Application objects. */
    public static final GraphJsonReader<Application> APPLICATIONS =
            new GraphJsonReader<>("applications", GraphObjects::application);
    /** Service principals. */
    public static final GraphJsonReader<ServicePrincipal> SERVICE_PRINCIPALS =
            new GraphJsonReader<>("service principals", GraphObjects::servicePrincipal);
    /** An application's federated identity credentials. */
    public static final GraphJsonReader<FederatedIdentityCredential> FEDERATED_IDENTITY_CREDENTIALS =
            new GraphJsonReader<>("federated identity credentials", GraphObjects::federated);
    /** Applications' ids with their expanded federated credentials (the incremental scan's cross-check). */
    public static final GraphJsonReader<Map.Entry<UUID, List<FederatedIdentityCredential>>> FEDERATION =
            new GraphJsonReader<>("applications with their federated credentials", GraphObjects::federation);
    /** Objects of which only the id is wanted. */
    public static final GraphJsonReader<UUID> OBJECT_IDS = new GraphJsonReader<>("objects", GraphObjects::objectId);
    /** Rows of the beta credential sign-in activity report, read leniently. */
    public static final GraphJsonReader<CredentialSignIn> CREDENTIAL_SIGN_INS =
            new GraphJsonReader<>("credential sign-in rows", GraphObjects::signIn);

    private final String what;
    private final Function<JsonCursor, T> element;

    private GraphJsonReader(String what, Function<JsonCursor, T> element) {
        this.what = what;
        this.element = element;
    }

    /**
     * Reads one collection, handing on each element as soon as it is mapped.
     *
     * @param in the JSON; not closed
     * @param source the file name or request, for error messages
     * @param each receives each element in order
     * @return the page's {@code @odata.nextLink}, verbatim, or null when it is the last page
     * @throws BadInputException when the input is not JSON, is cut short or has the wrong shape
     */
    public @Nullable String read(InputStream in, String source, Consumer<? super T> each) {
        return read(in, source, each, link -> { });
    }

    /**
     * As {@link #read(InputStream, String, Consumer)}, telling {@code nextLink} of the page's
     * {@code @odata.nextLink} as soon as it is read: Graph writes it before {@code value}, so the
     * next page can be asked for while this one is still being mapped.
     *
     * @param nextLink receives the next link when the page has one, before or after the elements
     * @return the page's {@code @odata.nextLink}, verbatim, or null when it is the last page
     */
    public @Nullable String read(InputStream in, String source, Consumer<? super T> each, Consumer<String> nextLink) {
        requireNonNull(each, "each");
        requireNonNull(nextLink, "nextLink");
        return page(in, source, cursor -> each.accept(element.apply(cursor)), nextLink).nextLink();
    }

    /**
     * Reads one page of a delta round: each removed object as its id with {@code @removed}; each
     * changed or new one whole when it carries every property in {@code required}, else as its id
     * alone (Graph may send an updated object with only the properties that changed: it must be
     * read again, never taken as one without the missing properties).
     *
     * @param in the JSON; not closed
     * @param source the request, for error messages
     * @param required the properties (as selected) a changed object must carry to be taken whole
     * @param changed receives each changed or new object that came whole
     * @param removed receives the object id of each removed one
     * @param partial receives the object id of each changed one that came without a required property
     * @return the page's links: a next link while the round goes on, a delta link on its last page
     * @throws BadInputException when the input is not JSON, is cut short or has the wrong shape
     */
    public Links readDelta(InputStream in, String source, Collection<String> required, Consumer<? super T> changed,
            Consumer<UUID> removed, Consumer<UUID> partial) {
        requireNonNull(changed, "changed");
        requireNonNull(removed, "removed");
        requireNonNull(partial, "partial");
        Set<String> needed = new HashSet<>();
        required.forEach(name -> needed.add(name.toLowerCase(Locale.ROOT)));
        needed.remove("id");
        return page(in, source, cursor -> {
            // "@removed" may come after the other properties: look at the object before mapping it.
            byte[] copy = cursor.copy();
            var entry = new Object() {
                @Nullable UUID id;
                boolean removed;
                final Set<String> present = new HashSet<>();
            };
            try (JsonCursor look = JsonCursor.open(new ByteArrayInputStream(copy), source)) {
                look.next("an object");
                look.object("a changed object", name -> {
                    switch (name) {
                        case "id" -> entry.id = look.uuid("the object's id");
                        case "@removed" -> {
                            entry.removed = true;
                            look.skip();
                        }
                        default -> {
                            entry.present.add(name);
                            look.skip();
                        }
                    }
                });
            }
            if (entry.id == null) {
                throw cursor.error("a changed or removed object without its id");
            }
            if (entry.removed) {
                removed.accept(entry.id);
            } else if (!entry.present.containsAll(needed)) {
                partial.accept(entry.id);
            } else {
                try (JsonCursor whole = JsonCursor.open(new ByteArrayInputStream(copy), source)) {
                    whole.next("an object");
                    changed.accept(element.apply(whole));
                }
            }
        });
    }

    /**
     * The links of a collection page.
     *
     * @param nextLink the next page, verbatim, or null on the last page
     * @param deltaLink where the next delta round starts (on the last page of a delta round), or null
     */
    public record Links(@Nullable String nextLink, @Nullable String deltaLink) {
    }

    private Links page(InputStream in, String source, Consumer<JsonCursor> each) {
        return page(in, source, each, link -> { });
    }

    private Links page(InputStream in, String source, Consumer<JsonCursor> each, Consumer<String> onNextLink) {
        requireNonNull(in, "in");
        requireNonNull(source, "source");
        try (JsonCursor cursor = JsonCursor.open(in, source)) {
            JsonToken first = cursor.next("a JSON array or a Graph collection ({\"value\": [...]})");
            var page = new Object() {
                @Nullable String nextLink;
                @Nullable String deltaLink;
                boolean sawValue;
            };
            if (first == JsonToken.START_ARRAY) {
                elements(cursor, each);
            } else if (first == JsonToken.START_OBJECT) {
                JsonCursor.Position at = cursor.position();
                cursor.object("a Graph collection", name -> {
                    switch (name) {
                        case "value" -> {
                            if (cursor.token() != JsonToken.START_ARRAY) {
                                throw cursor.error("expected \"value\" to be an array of " + what + ", found " + cursor.describe());
                            }
                            page.sawValue = true;
                            elements(cursor, each);
                        }
                        case "@odata.nextlink" -> {
                            page.nextLink = cursor.string("@odata.nextLink");
                            if (page.nextLink != null) {
                                onNextLink.accept(page.nextLink);
                            }
                        }
                        case "@odata.deltalink" -> page.deltaLink = cursor.string("@odata.deltaLink");
                        default -> cursor.skip();
                    }
                });
                if (!page.sawValue) {
                    throw cursor.error(at, "expected a JSON array of " + what + " or a Graph collection {\"value\": [...]}; "
                            + "this object has no \"value\" (a single object? PowerShell writes one object "
                            + "without brackets: use ConvertTo-Json -AsArray)");
                }
            } else {
                throw cursor.error("expected a JSON array of " + what + " or a Graph collection {\"value\": [...]}, found "
                        + cursor.describe());
            }
            cursor.expectEnd();
            return new Links(page.nextLink, page.deltaLink);
        }
    }

    private static void elements(JsonCursor cursor, Consumer<JsonCursor> each) {
        while (cursor.next("an element or ']'") != JsonToken.END_ARRAY) {
            each.accept(cursor);
        }
    }

    /**
     * Reads the default app management policy (a single object).
     *
     * @param in the JSON; not closed
     * @param source the file name or request, for error messages
     * @return the policy
     * @throws BadInputException when the input is not JSON, is cut short or has the wrong shape
     */
    public static AppManagementPolicy readPolicy(InputStream in, String source) {
        return single(in, source, "the default app management policy (a JSON object)", GraphObjects::policy);
    }

    /**
     * Reads one application (a single object, as {@code GET /applications/{id}} answers).
     *
     * @param in the JSON; not closed
     * @param source the request, for error messages
     * @return the application
     * @throws BadInputException when the input is not JSON, is cut short or has the wrong shape
     */
    public static Application readApplication(InputStream in, String source) {
        return single(in, source, "an application (a JSON object)", GraphObjects::application);
    }

    /**
     * Reads one service principal (a single object, as {@code GET /servicePrincipals/{id}} answers).
     *
     * @param in the JSON; not closed
     * @param source the request, for error messages
     * @return the service principal
     * @throws BadInputException when the input is not JSON, is cut short or has the wrong shape
     */
    public static ServicePrincipal readServicePrincipal(InputStream in, String source) {
        return single(in, source, "a service principal (a JSON object)", GraphObjects::servicePrincipal);
    }

    private static <T> T single(InputStream in, String source, String what, Function<JsonCursor, T> read) {
        requireNonNull(in, "in");
        requireNonNull(source, "source");
        try (JsonCursor cursor = JsonCursor.open(in, source)) {
            cursor.next(what);
            T object = read.apply(cursor);
            cursor.expectEnd();
            return object;
        }
    }

    /**
     * Reads Graph's error body ({@code {"error": {"code": ..., "message": ...}}}) for a message.
     *
     * @param in the body; not closed
     * @return {@code "code: message"}, or empty when the body is not Graph's error
     */
    public static Optional<String> readError(InputStream in) {
        requireNonNull(in, "in");
        try (JsonCursor cursor = JsonCursor.open(in, "error")) {
            cursor.next("an error object");
            return GraphObjects.error(cursor);
        } catch (BadInputException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return "GraphJsonReader[" + what + "]";
    }
}
