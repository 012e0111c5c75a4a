package dev.app09.graph.cli;

import dev.app09.core.migration.MigrationEvidence;
import dev.app09.core.migration.Verification;
import dev.app09.core.model.Application;
import dev.app09.core.model.ServicePrincipal;
import dev.app09.core.model.TenantSnapshot;
import dev.app09.core.report.PlainText;
import dev.app09.core.rules.CredentialLocation;
import dev.app09.graph.BadInputException;
import dev.app09.graph.GraphCallFailed;
import dev.app09.graph.GraphConnection;
import dev.app09.graph.GraphWriter;
import dev.app09.graph.RetryPolicy;
import dev.app09.graph.json.VerificationFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
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
     * The evidence for the migration rules: the verifications; the SHA-1 thumbprints of the
     * certificates (on the application and the service principal) of each client they name,
     * computed from the key bytes read from Graph, so that a verification matches a certificate by
     * what it is, not by a customKeyIdentifier anyone who can write the key list can set; and, for
     * a tenant in a Microsoft cloud, the identity endpoint a verification must come from.
     *
     * @param connection the tenant's Graph, or null for an export (verifications are then matched by
     *     customKeyIdentifier, from any endpoint)
     * @param retry how the certificate reads are retried
     */
    static MigrationEvidence evidence(List<Verification> verifications, TenantSnapshot snapshot,
            @Nullable GraphConnection connection, RetryPolicy retry, Clock clock, Console console) {
        MigrationEvidence evidence = MigrationEvidence.of(verifications);
        if (connection == null) {
            return evidence;
        }
        evidence = connection.identityAuthority().map(evidence::withExpectedAuthority).orElse(evidence);
        if (verifications.isEmpty()) {
            return evidence;
        }
        GraphWriter writer = GraphWriter.create(connection, clock).withRetries(retry);
        Set<UUID> clients = verifications.stream().map(Verification::clientId).collect(Collectors.toSet());
        Map<UUID, String> thumbprints = new HashMap<>();
        for (Application application : snapshot.applications()) {
            if (clients.contains(application.appId())) {
                thumbprints.putAll(thumbprints(writer, CredentialLocation.APPLICATION, application.id(), console));
            }
        }
        for (ServicePrincipal servicePrincipal : snapshot.servicePrincipals()) {
            if (clients.contains(servicePrincipal.appId())) {
                thumbprints.putAll(thumbprints(writer, CredentialLocation.SERVICE_PRINCIPAL, servicePrincipal.id(), console));
            }
        }
        return evidence.withThumbprints(thumbprints);
    }

    private static Map<UUID, String> thumbprints(GraphWriter writer, CredentialLocation location, UUID objectId,
            Console console) {
        try {
            return writer.certificateThumbprints(location, objectId);
        } catch (GraphCallFailed e) {
            console.err().println("app09: warning: the certificates of " + location.name().toLowerCase(Locale.ROOT)
                    .replace('_', ' ') + " " + objectId + " could not be read, so verifications are matched by "
                    + "customKeyIdentifier: " + PlainText.clean(Objects.toString(e.getMessage())));
            return Map.of();
        }
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
