package dev.app09.certs;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.AclEntry;
import java.nio.file.attribute.AclEntryPermission;
import java.nio.file.attribute.AclEntryType;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A file to create that must not exist yet. It is written whole, and removed again when writing
 * fails, so an existing file is never overwritten and a half-written one is never left behind. A
 * private file is created owner-only: the permissions are set by the same system call that
 * creates it, so it is never readable by others, not even for an instant.
 *
 * @param path where
 * @param ownerOnly whether it is private
 * @param content what it holds
 */
record NewFile(Path path, boolean ownerOnly, Content content) {

    /** Writes the content of a new file. */
    @FunctionalInterface
    interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * Creates the files in order; when one fails, removes those already created, so a set of files
     * is written whole or not at all.
     */
    static void createAll(List<NewFile> files) throws IOException {
        List<Path> created = new ArrayList<>();
        try {
            for (NewFile file : files) {
                if (file.ownerOnly) {
                    createPrivate(file.path, file.content);
                } else {
                    createPublic(file.path, file.content);
                }
                created.add(file.path);
            }
        } catch (IOException | RuntimeException e) {
            for (Path path : created) {
                deleteQuietly(path, e);
            }
            throw e;
        }
    }

    /** Creates an owner-only file (0600, or an owner-only ACL where there are no POSIX permissions). */
    static void createPrivate(Path path, Content content) throws IOException {
        create(path, content, ownerOnly(path));
    }

    /** Creates a file with the directory's usual permissions (for public certificates). */
    static void createPublic(Path path, Content content) throws IOException {
        create(path, content, new FileAttribute<?>[0]);
    }

    private static void create(Path path, Content content, FileAttribute<?>[] attributes) throws IOException {
        // CREATE_NEW fails with FileAlreadyExistsException if anything (even a dangling link) is
        // there; then nothing is deleted, as the file is not ours.
        FileChannel channel = FileChannel.open(path,
                Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), attributes);
        try (channel) {
            OutputStream out = Channels.newOutputStream(channel);
            content.writeTo(out);
            out.flush();
            channel.force(true);
        } catch (IOException | RuntimeException e) {
            deleteQuietly(path, e); // after closing, so that Windows can delete it too
            throw e;
        }
    }

    private static FileAttribute<?>[] ownerOnly(Path path) throws IOException {
        FileSystem fileSystem = path.getFileSystem();
        Set<String> views = fileSystem.supportedFileAttributeViews();
        if (views.contains("posix")) {
            return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))};
        }
        if (views.contains("acl")) {
            UserPrincipal owner = fileSystem.getUserPrincipalLookupService()
                    .lookupPrincipalByName(System.getProperty("user.name"));
            AclEntry entry = AclEntry.newBuilder()
                    .setType(AclEntryType.ALLOW)
                    .setPrincipal(owner)
                    .setPermissions(EnumSet.allOf(AclEntryPermission.class))
                    .build();
            return new FileAttribute<?>[] {new AclAttribute(List.of(entry))};
        }
        throw new IOException("cannot make " + path + " owner-only: its file system has neither POSIX "
                + "permissions nor ACLs; write private keys to another directory");
    }

    private static void deleteQuietly(Path path, Exception cause) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            cause.addSuppressed(e);
        }
    }

    /** The ACL a new file is created with, for file systems without POSIX permissions (Windows). */
    private record AclAttribute(List<AclEntry> value) implements FileAttribute<List<AclEntry>> {
        @Override
        public String name() {
            return "acl:acl";
        }
    }
}
