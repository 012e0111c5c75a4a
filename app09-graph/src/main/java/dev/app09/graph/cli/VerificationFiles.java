package dev.app09.graph.cli;

import dev.app09.core.migration.MigrationEvidence;
import dev.app09.core.migration.Verification;
import dev.app09.core.model.Application;
import dev.app09.core.model.TenantSnapshot;
import dev.app09.core.report.PlainText;
import dev.app09.graph.GraphCallFailed;
import dev.app09.graph.GraphWriter;
import dev.app09.graph.BadInputException;
import dev.app09.graph.json.VerificationFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** Reads the files given with {@code --verification}, and turns them into evidence for the migration rules. */
final class VerificationFiles {

    /** A verification file is a few hundred bytes; anything much larger is not one. */
    private static final int MAX_BYTES = 64 * 1024;

    private VerificationFiles() {
    }

    /**
     * The evidence for the migration rules: the verifications, and the SHA-1 thumbprints of the
     * certificates of each application they name, computed from the key bytes read from Graph
     * (so that a verification matches whatever customKeyIdentifier the certificate was given).
     *
     * @param writer reads the key bytes; null for an export, where verifications are matched by customKeyIdentifier
     */
    static MigrationEvidence evidence(List<Verification> verifications, TenantSnapshot snapshot, @Nullable GraphWriter writer,
            Console console) {
        MigrationEvidence evidence = MigrationEvidence.of(verifications);
        if (writer == null) {
            return evidence;
        }
        Set<UUID> clients = verifications.stream().map(Verification::clientId).collect(Collectors.toSet());
        Map<UUID, String> thumbprints = new HashMap<>();
        for (Application application : snapshot.applications()) {
            if (clients.contains(application.appId())) {
                try {
                    thumbprints.putAll(writer.certificateThumbprints(application.id()));
                } catch (GraphCallFailed e) {
                    console.err().println("app09: warning: the certificates of application " + application.appId()
                            + " could not be read, so verifications are matched by customKeyIdentifier: "
                            + PlainText.clean(Objects.toString(e.getMessage())));
                }
            }
        }
        return evidence.withThumbprints(thumbprints);
    }

    /**
     * @param files the files, as given
     * @return their verifications, in order
     * @throws BadInputException when one is missing, too large or not a verification
     */
    static List<Verification> read(List<Path> files) {
        List<Verification> verifications = new ArrayList<>();
        for (Path file : files) {
            try {
                if (!Files.isRegularFile(file)) {
                    throw new BadInputException(file.toString(), 0, 0, Files.exists(file)
                            ? "is not a regular file (--verification)" : "no such file (--verification)");
                }
                if (Files.size(file) > MAX_BYTES) {
                    throw new BadInputException(file.toString(), 0, 0, "is larger than " + MAX_BYTES
                            + " bytes: not a verification written by app09 migrate verify");
                }
                try (InputStream in = Files.newInputStream(file)) {
                    verifications.add(VerificationFile.read(in, file.toString()));
                }
            } catch (NoSuchFileException e) {
                throw new BadInputException(file.toString(), 0, 0, "no such file (--verification)", e);
            } catch (IOException e) {
                throw new BadInputException(file.toString(), 0, 0, "cannot be read: " + e.getMessage(), e);
            }
        }
        return verifications;
    }
}
