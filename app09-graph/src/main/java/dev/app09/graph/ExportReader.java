package dev.app09.graph;

import static java.util.Objects.requireNonNull;

import dev.app09.core.model.AppManagementPolicy;
import dev.app09.core.model.Application;
import dev.app09.core.model.CredentialSignIn;
import dev.app09.core.model.ScanProblem;
import dev.app09.core.model.ServicePrincipal;
import dev.app09.core.model.SignInEvidence;
import dev.app09.core.model.TenantSnapshot;
import dev.app09.graph.json.GraphJsonReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Reads a tenant from an export folder:
 * <ul>
 *   <li>{@value #APPLICATIONS} and {@value #SERVICE_PRINCIPALS} (required): Graph collections
 *       ({@code {"value": [...]}}), bare arrays, or PowerShell's {@code ConvertTo-Json} output;
 *       applications with their federated identity credentials expanded;</li>
 *   <li>{@value #POLICY} (optional): the default app management policy;</li>
 *   <li>{@value #SIGN_INS} (optional): the beta credential sign-in report; its presence turns
 *       sign-in evidence on.</li>
 * </ul>
 *
 * <pre>{@code
 * TenantSnapshot tenant = ExportReader.read(Path.of("export"));
 * }</pre>
 *
 * <p>A file that holds only one page of a paged answer (it still has an {@code @odata.nextLink})
 * makes the snapshot incomplete: objects are missing.
 */
public final class ExportReader {

    /** The application objects. */
    public static final String APPLICATIONS = "applications.json";
    /** The service principals. */
    public static final String SERVICE_PRINCIPALS = "servicePrincipals.json";
    /** The default app management policy (optional). */
    public static final String POLICY = "defaultAppManagementPolicy.json";
    /** The credential sign-in activity report (optional). */
    public static final String SIGN_INS = "appCredentialSignInActivities.json";

    private ExportReader() {
    }

    /**
     * @param folder the export folder
     * @return the tenant it describes; incomplete when a file holds a partial answer
     * @throws BadInputException when a required file is missing, or a file is not JSON, is cut
     *     short, has the wrong shape or a bad value (the message names file, line and column)
     */
    public static TenantSnapshot read(Path folder) {
        requireNonNull(folder, "folder");
        if (!Files.isDirectory(folder)) {
            throw new BadInputException(folder.toString(), 0, 0, "expected an export folder holding "
                    + APPLICATIONS + " and " + SERVICE_PRINCIPALS + "; it is not a readable folder");
        }
        List<ScanProblem> problems = new ArrayList<>();
        List<Application> applications = required(folder, APPLICATIONS, GraphJsonReader.APPLICATIONS, problems);
        List<ServicePrincipal> servicePrincipals =
                required(folder, SERVICE_PRINCIPALS, GraphJsonReader.SERVICE_PRINCIPALS, problems);
        AppManagementPolicy policy = Files.exists(folder.resolve(POLICY)) ? policy(folder.resolve(POLICY)) : null;
        SignInEvidence evidence = Files.exists(folder.resolve(SIGN_INS)) ? evidence(folder, problems) : null;
        try {
            return new TenantSnapshot(null, applications, servicePrincipals, policy, evidence, problems);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(folder.toString(), 0, 0, e.getMessage(), e);
        }
    }

    /** An inventory file holding one page misses objects: the snapshot is not complete. */
    private static <T> List<T> required(Path folder, String name, GraphJsonReader<T> reader, List<ScanProblem> problems) {
        FileRead<T> read = collection(folder, name, reader);
        if (read.onePage()) {
            problems.add(ScanProblem.incomplete(name, "the file holds one page of a paged answer (it has an "
                    + "@odata.nextLink): export every page (Get-MgApplication -All, or follow @odata.nextLink)"));
        }
        return read.items();
    }

    /** Sign-in evidence is all or nothing: one page of it would call secrets used on later pages unused. */
    private static @Nullable SignInEvidence evidence(Path folder, List<ScanProblem> problems) {
        FileRead<CredentialSignIn> read = collection(folder, SIGN_INS, GraphJsonReader.CREDENTIAL_SIGN_INS);
        if (!read.onePage()) {
            return SignInEvidence.of(read.items());
        }
        problems.add(ScanProblem.warning(SIGN_INS, "the file holds one page of a paged answer (it has an "
                + "@odata.nextLink), so it is not used: no secret is called in use or unused; export every page"));
        return null;
    }

    private static <T> FileRead<T> collection(Path folder, String name, GraphJsonReader<T> reader) {
        Path file = folder.resolve(name);
        List<T> items = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file)) {
            String nextLink = reader.read(in, file.toString(), items::add);
            return new FileRead<>(items, nextLink != null);
        } catch (NoSuchFileException e) {
            throw new BadInputException(file.toString(), 0, 0,
                    "missing: an export folder needs " + APPLICATIONS + " and " + SERVICE_PRINCIPALS);
        } catch (IOException | UncheckedIOException e) {
            throw new BadInputException(file.toString(), 0, 0, "cannot be read: " + e.getMessage(), e);
        }
    }

    private static @Nullable AppManagementPolicy policy(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return GraphJsonReader.readPolicy(in, file.toString());
        } catch (IOException | UncheckedIOException e) {
            throw new BadInputException(file.toString(), 0, 0, "cannot be read: " + e.getMessage(), e);
        }
    }

    /** What one export file held, and whether it was only the first page of a paged answer. */
    private record FileRead<T>(List<T> items, boolean onePage) {
    }
}
