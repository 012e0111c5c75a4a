package dev.app09.graph.json;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonToken;
import dev.app09.core.model.Application;
import dev.app09.core.model.ServicePrincipal;
import dev.app09.core.rules.Workload;
import dev.app09.graph.BadInputException;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipException;
import org.jspecify.annotations.Nullable;

/**
 * The file in which {@code app09 scan --state DIR} keeps what the next scan needs: where it read
 * (the Graph root and the properties selected), the two delta links, and the last snapshot as
 * joined workloads in Graph's own JSON. Gzip-compressed JSON, owner-only, versioned:
 *
 * <pre>{@code
 * {"format": "app09-scan-state", "version": 1, "graphRoot": ..., "tenantId": ..., "savedAt": ...,
 *  "applicationSelect": ..., "servicePrincipalSelect": ...,
 *  "applicationsDeltaLink": ..., "servicePrincipalsDeltaLink": ...,
 *  "workloads": [{"application": {...}, "servicePrincipal": {...}}, ...],
 *  "workloadCount": 123}
 * }</pre>
 *
 * <p>It is written to a new file beside the old one and moved over it atomically only once
 * complete, so a crash leaves the previous state whole. It is read as a stream, never held. A file
 * that is cut short, fails its gzip check, has another version or shape, or whose links leave the
 * Graph root, is refused with a {@link BadInputException}: it is never trusted in part.
 *
 * <p>It holds what a report shows (names, ids, credential metadata, Graph's three-character secret
 * hints), never a secret.
 */
public final class ScanStateFile {

    /** The file's name inside the state folder. */
    public static final String FILE_NAME = "app09-scan-state.json.gz";
    /** The format version this app09 writes and reads. */
    public static final int VERSION = 1;
    private static final String FORMAT = "app09-scan-state";
    private static final JsonFactory WRITER = JsonFactory.builder().build();

    private ScanStateFile() {
    }

    /**
     * Where and how the state was read, and where the next delta rounds start.
     *
     * @param graphRoot the Graph root it was read from
     * @param tenantId the tenant's id, if known
     * @param savedAt when the scan that wrote it read the tenant
     * @param applicationSelect the {@code $select} of applications
     * @param servicePrincipalSelect the {@code $select} of service principals
     * @param applicationsDeltaLink where the next applications delta round starts
     * @param servicePrincipalsDeltaLink where the next service principals delta round starts
     */
    public record Header(URI graphRoot, @Nullable UUID tenantId, Instant savedAt, String applicationSelect,
            String servicePrincipalSelect, String applicationsDeltaLink, String servicePrincipalsDeltaLink) {

        /** Validates. */
        public Header {
            requireNonNull(graphRoot, "graphRoot");
            requireNonNull(savedAt, "savedAt");
            requireNonNull(applicationSelect, "applicationSelect");
            requireNonNull(servicePrincipalSelect, "servicePrincipalSelect");
            requireNonNull(applicationsDeltaLink, "applicationsDeltaLink");
            requireNonNull(servicePrincipalsDeltaLink, "servicePrincipalsDeltaLink");
        }

        /**
         * A link is followed with the scan's credential: each must stay under the Graph root it
         * was read from, on its own collection's delta.
         *
         * @param root the Graph root
         * @param applicationsLink the applications delta link
         * @param servicePrincipalsLink the service principals delta link
         * @return what is wrong with the links, or null when nothing is
         */
        public static @Nullable String wrongLink(URI root, String applicationsLink, String servicePrincipalsLink) {
            if (!applicationsLink.startsWith(root + "/v1.0/applications/")
                    || !servicePrincipalsLink.startsWith(root + "/v1.0/servicePrincipals/")) {
                return "a delta link leaves the state's Graph root " + root + " or its own collection; "
                        + "refusing to follow it";
            }
            return null;
        }
    }

    /**
     * @param folder the state folder
     * @return the state file's path in it
     */
    public static Path in(Path folder) {
        return folder.resolve(FILE_NAME);
    }

    /**
     * Checks the whole state in {@code folder} (every workload, the count, the gzip check), as it
     * must be before any of it is trusted, and returns its header.
     *
     * @param folder the state folder
     * @return the header, or null when the folder holds no state yet
     * @throws BadInputException when the file is not a whole, valid state of this version, or
     *     someone other than its owner could have written it
     */
    public static @Nullable Header check(Path folder) {
        Path file = in(folder);
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return null;
        }
        var found = new Object() {
            @Nullable Header header;
        };
        read(folder, header -> found.header = header, null);
        return found.header;
    }

    /**
     * Reads the header of the state in {@code folder} (after the folder and file are found
     * owner-only), to start the next delta rounds while {@link #check} reads the rest.
     *
     * @param folder the state folder
     * @return the header, or null when the folder holds no state yet
     * @throws BadInputException when the header is not valid, or the file or folder not owner-only
     */
    public static @Nullable Header header(Path folder) {
        if (!Files.exists(in(folder), LinkOption.NOFOLLOW_LINKS)) {
            return null;
        }
        requireOwnerOnly(folder);
        var found = new Object() {
            @Nullable Header header;
        };
        try {
            readFile(in(folder), header -> {
                found.header = header;
                throw new HeaderRead();
            }, null);
        } catch (HeaderRead enough) {
            // the rest of the file is check()'s
        }
        return found.header;
    }

    /**
     * Reads the whole state in {@code folder}, checking it end to end: the header first, then
     * every workload in order, then the count and the gzip check.
     *
     * @param folder the state folder
     * @param header receives the header before any workload
     * @param workloads receives each workload; null to check the file without reading them out
     * @throws BadInputException when the file is missing, cut short, corrupt or of another version
     */
    public static void read(Path folder, Consumer<Header> header, @Nullable Consumer<Workload> workloads) {
        requireOwnerOnly(folder);
        readFile(in(folder), header, workloads);
    }

    /**
     * The state decides what later scans report: refuse one that another user owns, or that its
     * group or others could have written (the file, or the folder it can be replaced in).
     */
    private static void requireOwnerOnly(Path folder) {
        Path file = in(folder);
        try {
            if (Files.isSymbolicLink(folder) || Files.isSymbolicLink(file)) {
                throw new BadInputException(file.toString(), 0, 0, "the state folder or file is a symbolic link; "
                        + "refusing it");
            }
            UserPrincipal me = processOwner(folder);
            for (Path path : new Path[] {folder, file}) {
                if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
                    continue;
                }
                if (!Files.getOwner(path, LinkOption.NOFOLLOW_LINKS).equals(me)) {
                    throw new BadInputException(file.toString(), 0, 0, path + " belongs to another user; refusing "
                            + "a scan state this user did not write");
                }
                Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS);
                if (permissions.contains(PosixFilePermission.GROUP_WRITE)
                        || permissions.contains(PosixFilePermission.OTHERS_WRITE)) {
                    throw new BadInputException(file.toString(), 0, 0, path + " can be written by its group or "
                            + "others (" + PosixFilePermissions.toString(permissions) + "); a scan state must be "
                            + "owner-only");
                }
            }
        } catch (UnsupportedOperationException e) {
            throw new BadInputException(file.toString(), 0, 0, "this file system has no POSIX owners and "
                    + "permissions, so a scan state cannot be kept owner-only here", e);
        } catch (IOException e) {
            throw new UncheckedIOException(folder + ": cannot check the scan state: " + e.getMessage(), e);
        }
    }

    /**
     * Who this process is, as the file system sees it: the owner of a file it creates (a user
     * name can be missing or wrong, as with an arbitrary uid in a container).
     */
    private static UserPrincipal processOwner(Path folder) throws IOException {
        Path probe = Files.createTempFile(folder, ".app09-owner-", ".tmp");
        try {
            return Files.getOwner(probe, LinkOption.NOFOLLOW_LINKS);
        } finally {
            Files.deleteIfExists(probe);
        }
    }

    private static void readFile(Path file, Consumer<Header> onHeader, @Nullable Consumer<Workload> onWorkload) {
        String source = file.toString();
        try (InputStream raw = Files.newInputStream(file);
                InputStream in = new GZIPInputStream(new BufferedInputStream(raw), 65_536);
                JsonCursor cursor = JsonCursor.open(in, source)) {
            var state = new Object() {
                @Nullable String format;
                long version = -1;
                @Nullable URI root;
                @Nullable UUID tenantId;
                @Nullable Instant savedAt;
                @Nullable String applicationSelect;
                @Nullable String servicePrincipalSelect;
                @Nullable String applicationsLink;
                @Nullable String servicePrincipalsLink;
                @Nullable Header header;
                long workloads;
                long count = -1;
            };
            cursor.next("the state object");
            cursor.object("an app09 scan state", name -> {
                switch (name) {
                    case "format" -> state.format = cursor.string("format");
                    case "version" -> state.version = cursor.integer("version");
                    case "graphroot" -> state.root = uri(cursor, cursor.string("graphRoot"));
                    case "tenantid" -> state.tenantId = cursor.uuid("tenantId");
                    case "savedat" -> state.savedAt = cursor.instant("savedAt");
                    case "applicationselect" -> state.applicationSelect = cursor.string("applicationSelect");
                    case "serviceprincipalselect" -> state.servicePrincipalSelect = cursor.string("servicePrincipalSelect");
                    case "applicationsdeltalink" -> state.applicationsLink = cursor.string("applicationsDeltaLink");
                    case "serviceprincipalsdeltalink" ->
                            state.servicePrincipalsLink = cursor.string("servicePrincipalsDeltaLink");
                    case "workloads" -> {
                        if (state.header == null) {
                            state.header = header(cursor, state.format, state.version, state.root, state.tenantId,
                                    state.savedAt, state.applicationSelect, state.servicePrincipalSelect,
                                    state.applicationsLink, state.servicePrincipalsLink);
                            onHeader.accept(state.header);
                        }
                        if (cursor.token() != JsonToken.START_ARRAY) {
                            throw cursor.error("expected \"workloads\" to be an array, found " + cursor.describe());
                        }
                        while (cursor.next("a workload or ']'") != JsonToken.END_ARRAY) {
                            Workload workload = workload(cursor);
                            state.workloads++;
                            if (onWorkload != null) {
                                onWorkload.accept(workload);
                            }
                        }
                    }
                    case "workloadcount" -> state.count = cursor.integer("workloadCount");
                    default -> throw cursor.error("unexpected property \"" + name + "\" in an app09 scan state");
                }
            });
            if (state.header == null) {
                throw cursor.error("the state holds no \"workloads\"");
            }
            if (state.count != state.workloads) {
                throw cursor.error("the state says it holds " + state.count + " workloads, but holds "
                        + state.workloads);
            }
            cursor.expectEnd();
        } catch (NoSuchFileException e) {
            throw new BadInputException(source, 0, 0, "the state file is missing", e);
        } catch (ZipException | EOFException e) {
            throw new BadInputException(source, 0, 0, "the state file is corrupt or cut short (" + e.getMessage()
                    + ")", e);
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof ZipException || e.getCause() instanceof EOFException) {
                throw new BadInputException(source, 0, 0, "the state file is corrupt or cut short ("
                        + e.getCause().getMessage() + ")", e);
            }
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException(source + ": " + e.getMessage(), e);
        }
    }

    private static Header header(JsonCursor cursor, @Nullable String format, long version, @Nullable URI root,
            @Nullable UUID tenantId, @Nullable Instant savedAt, @Nullable String applicationSelect,
            @Nullable String servicePrincipalSelect, @Nullable String applicationsLink,
            @Nullable String servicePrincipalsLink) {
        if (!FORMAT.equals(format)) {
            throw cursor.error("not an app09 scan state (its \"format\" must be \"" + FORMAT + "\")");
        }
        if (version != VERSION) {
            throw cursor.error("this app09 reads scan state version " + VERSION + ", and this file is version "
                    + version);
        }
        if (root == null || savedAt == null || applicationSelect == null || servicePrincipalSelect == null
                || applicationsLink == null || servicePrincipalsLink == null) {
            throw cursor.error("the state's header is incomplete: graphRoot, savedAt, applicationSelect, "
                    + "servicePrincipalSelect and both delta links come before \"workloads\"");
        }
        String wrong = Header.wrongLink(root, applicationsLink, servicePrincipalsLink);
        if (wrong != null) {
            throw cursor.error(wrong);
        }
        return new Header(root, tenantId, savedAt, applicationSelect, servicePrincipalSelect, applicationsLink,
                servicePrincipalsLink);
    }

    private static URI uri(JsonCursor cursor, @Nullable String text) {
        try {
            return URI.create(String.valueOf(text));
        } catch (IllegalArgumentException e) {
            throw cursor.error("expected graphRoot (a URL), found " + cursor.describe());
        }
    }

    private static Workload workload(JsonCursor cursor) {
        var w = new Object() {
            @Nullable Application application;
            @Nullable ServicePrincipal servicePrincipal;
        };
        JsonCursor.Position at = cursor.position();
        cursor.object("a workload", name -> {
            switch (name) {
                case "application" -> w.application = GraphObjects.application(cursor);
                case "serviceprincipal" -> w.servicePrincipal = GraphObjects.servicePrincipal(cursor);
                default -> throw cursor.error("unexpected property \"" + name + "\" in a workload");
            }
        });
        UUID appId = w.application != null ? w.application.appId()
                : w.servicePrincipal != null ? w.servicePrincipal.appId() : null;
        try {
            return new Workload(requireNonNull(appId, "appId"), w.application, w.servicePrincipal);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw cursor.error(at, "a workload needs an application or a service principal, with one appId");
        }
    }

    /**
     * Starts writing a new state in {@code folder}; nothing replaces the current state until
     * {@link Writer#commit()}.
     *
     * @param folder the state folder (created when missing, owner-only)
     * @param header where and how this scan reads
     * @return the writer
     * @throws UncheckedIOException when the folder or file cannot be created
     */
    public static Writer write(Path folder, Header header) {
        return new Writer(folder, header);
    }

    /** Writes a state beside the current one, then moves it over that one whole. Not thread-safe. */
    public static final class Writer implements AutoCloseable {

        private final Path folder;
        private final Path temporary;
        private final OutputStream file;
        private final JsonGenerator json;
        private long workloads;
        private boolean done;

        private Writer(Path folder, Header header) {
            this.folder = folder;
            String wrong = Header.wrongLink(header.graphRoot(), header.applicationsDeltaLink(),
                    header.servicePrincipalsDeltaLink());
            if (wrong != null) {
                throw new IllegalArgumentException(wrong);
            }
            try {
                if (!Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
                    Files.createDirectories(folder,
                            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
                }
                // What the next scan would refuse is refused now, before anything is written.
                requireOwnerOnly(folder);
                this.temporary = Files.createTempFile(folder, ".app09-scan-state-", ".tmp",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException e) {
                throw new UncheckedIOException(new IOException("owner-only files are not supported here: " + folder, e));
            } catch (IOException e) {
                throw new UncheckedIOException(folder + ": cannot write the scan state: " + e.getMessage(), e);
            }
            try {
                this.file = Files.newOutputStream(temporary, StandardOpenOption.WRITE);
                this.json = WRITER.createGenerator(new GZIPOutputStream(new BufferedOutputStream(file, 65_536), 65_536),
                        JsonEncoding.UTF8);
                json.writeStartObject();
                json.writeStringField("format", FORMAT);
                json.writeNumberField("version", VERSION);
                json.writeStringField("graphRoot", header.graphRoot().toString());
                json.writeStringField("tenantId", header.tenantId() == null ? null : header.tenantId().toString());
                json.writeStringField("savedAt", header.savedAt().toString());
                json.writeStringField("applicationSelect", header.applicationSelect());
                json.writeStringField("servicePrincipalSelect", header.servicePrincipalSelect());
                json.writeStringField("applicationsDeltaLink", header.applicationsDeltaLink());
                json.writeStringField("servicePrincipalsDeltaLink", header.servicePrincipalsDeltaLink());
                json.writeArrayFieldStart("workloads");
            } catch (IOException e) {
                abandon();
                throw new UncheckedIOException(temporary + ": " + e.getMessage(), e);
            }
        }

        /**
         * @param workload the next workload
         * @throws UncheckedIOException when the file cannot be written
         */
        public void add(Workload workload) {
            try {
                json.writeStartObject();
                if (workload.application() != null) {
                    json.writeFieldName("application");
                    GraphObjectWriter.application(json, workload.application());
                }
                if (workload.servicePrincipal() != null) {
                    json.writeFieldName("servicePrincipal");
                    GraphObjectWriter.servicePrincipal(json, workload.servicePrincipal());
                }
                json.writeEndObject();
                workloads++;
            } catch (IOException e) {
                throw new UncheckedIOException(temporary + ": " + e.getMessage(), e);
            }
        }

        /**
         * Finishes the file, forces it to disk and moves it over the current state atomically.
         *
         * @throws UncheckedIOException when it cannot be finished or moved (the current state is
         *     then left as it was)
         */
        public void commit() {
            try {
                json.writeEndArray();
                json.writeNumberField("workloadCount", workloads);
                json.writeEndObject();
                json.close();
                try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                    channel.force(true);
                }
                try {
                    Files.move(temporary, in(folder), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException | FileAlreadyExistsException e) {
                    throw new IOException("cannot replace " + in(folder) + " atomically here", e);
                }
                try (FileChannel directory = FileChannel.open(folder, StandardOpenOption.READ)) {
                    directory.force(true); // the move itself survives a crash
                } catch (IOException e) {
                    // some file systems cannot open a directory: the move is atomic all the same
                }
                done = true;
            } catch (IOException e) {
                abandon();
                throw new UncheckedIOException(in(folder) + ": the scan state was not saved: " + e.getMessage(), e);
            }
        }

        /** Drops the new file; the current state stays as it was. */
        public void abandon() {
            if (done) {
                return;
            }
            done = true;
            try {
                json.close();
            } catch (IOException | RuntimeException e) {
                // the file is deleted below whatever state its stream is in
            }
            try {
                file.close(); // a failed flush can leave the streams above it unclosed
            } catch (IOException e) {
                // as above
            }
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException e) {
                // a stray temporary file is harmless: it is never read as state
            }
        }

        /** Abandons the file unless it was committed. */
        @Override
        public void close() {
            abandon();
        }
    }

    /** Stops a read once the header is in. */
    private static final class HeaderRead extends RuntimeException {
        private static final long serialVersionUID = 1L;

        HeaderRead() {
            super(null, null, false, false);
        }
    }
}
