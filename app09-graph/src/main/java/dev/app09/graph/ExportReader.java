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
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
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
 *
 * <p>Files are streamed, never read whole; one larger than {@value #MAX_FILE_BYTES} bytes, or that
 * is not a regular file (a folder, a pipe, a device), is refused before it is read. The objects
 * they hold are kept, so an export that would not fit in the JVM's heap with its report is
 * refused, naming the file and the memory it needs at least, rather than read into an exhausted
 * heap.
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
    /**
     * The largest export file read: 4 GiB, several times the export of a tenant of a million
     * objects in Graph's form. What a file holds is kept in memory as the tenant's records, so
     * a larger one is refused before it is read rather than read for minutes into an exhausted heap.
     */
    public static final long MAX_FILE_BYTES = 4L * 1024 * 1024 * 1024;
    /** What one object costs held, with its share of the report (BENCHMARKS.md: about 1 KiB). */
    private static final long BYTES_PER_OBJECT = 1024;

    private ExportReader() {
    }

    /**
     * @param folder the export folder
     * @return the tenant it describes; incomplete when a file holds a partial answer
     * @throws BadInputException when a required file is missing, or a file is not JSON, is cut
     *     short, has the wrong shape or a bad value (the message names file, line and column), or
     *     the export would not fit in the JVM's heap with its report (naming the file and the object)
     */
    public static TenantSnapshot read(Path folder) {
        return read(folder, Runtime.getRuntime().maxMemory(), false);
    }

    /**
     * As {@link #read(Path)}, within {@code heapBytes} of memory rather than the JVM's whole heap
     * (for an application that reads exports beside other work). Reads are independent: each may
     * take that much.
     *
     * @param folder the export folder
     * @param heapBytes the memory the export may take, held with its report: about 1 KiB per
     *     object, more for an object with long names
     * @return the tenant it describes; incomplete when a file holds a partial answer
     * @throws BadInputException as {@link #read(Path)} does, and when the export would take more
     *     than {@code heapBytes} (the message names the file, and the object where it stopped)
     * @throws IllegalArgumentException when {@code heapBytes} is not positive
     */
    public static TenantSnapshot read(Path folder, long heapBytes) {
        if (heapBytes <= 0) {
            throw new IllegalArgumentException("an export needs some memory, not " + heapBytes + " bytes");
        }
        return read(folder, heapBytes, true);
    }

    private static TenantSnapshot read(Path folder, long heapBytes, boolean given) {
        requireNonNull(folder, "folder");
        if (!Files.isDirectory(folder)) {
            throw new BadInputException(folder.toString(), 0, 0, "expected an export folder holding "
                    + APPLICATIONS + " and " + SERVICE_PRINCIPALS + "; it is not a readable folder");
        }
        List<ScanProblem> problems = new ArrayList<>();
        HeapBudget budget = new HeapBudget(heapBytes, given);
        List<Application> applications = required(folder, APPLICATIONS, GraphJsonReader.APPLICATIONS, problems, budget);
        List<ServicePrincipal> servicePrincipals =
                required(folder, SERVICE_PRINCIPALS, GraphJsonReader.SERVICE_PRINCIPALS, problems, budget);
        unique(folder.resolve(APPLICATIONS), "applications", applications, Application::id, Application::appId);
        unique(folder.resolve(SERVICE_PRINCIPALS), "service principals", servicePrincipals, ServicePrincipal::id,
                ServicePrincipal::appId);
        AppManagementPolicy policy = Files.exists(folder.resolve(POLICY)) ? policy(folder.resolve(POLICY)) : null;
        SignInEvidence evidence = Files.exists(folder.resolve(SIGN_INS)) ? evidence(folder, problems, budget) : null;
        try {
            return new TenantSnapshot(null, applications, servicePrincipals, policy, evidence, problems);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(folder.toString(), 0, 0, e.getMessage(), e);
        }
    }

    /** An inventory file holding one page misses objects: the snapshot is not complete. */
    private static <T> List<T> required(Path folder, String name, GraphJsonReader<T> reader, List<ScanProblem> problems,
            HeapBudget budget) {
        FileRead<T> read = collection(folder, name, reader, budget);
        if (read.onePage()) {
            problems.add(ScanProblem.incomplete(name, "the file holds one page of a paged answer (it has an "
                    + "@odata.nextLink): export every page (Get-MgApplication -All, or follow @odata.nextLink)"));
        }
        return read.items();
    }

    /** Sign-in evidence is all or nothing: one page of it would call secrets used on later pages unused. */
    private static @Nullable SignInEvidence evidence(Path folder, List<ScanProblem> problems, HeapBudget budget) {
        FileRead<CredentialSignIn> read = collection(folder, SIGN_INS, GraphJsonReader.CREDENTIAL_SIGN_INS, budget);
        if (!read.onePage()) {
            return SignInEvidence.of(read.items());
        }
        // As a live read of the evidence that fails: the report would lack findings a whole file gives.
        problems.add(ScanProblem.incomplete(SIGN_INS, "the file holds one page of a paged answer (it has an "
                + "@odata.nextLink), so it is not used: no secret is called in use or unused; export every page"));
        return null;
    }

    /** A tenant never has two objects with one id, nor two of a kind with one appId: an export that does is corrupt. */
    private static <T> void unique(Path file, String what, List<T> objects, Function<T, UUID> id, Function<T, UUID> appId) {
        Map<UUID, Integer> ids = new HashMap<>();
        Map<UUID, Integer> appIds = new HashMap<>();
        for (int number = 1; number <= objects.size(); number++) {
            T object = objects.get(number - 1);
            Integer first = ids.putIfAbsent(id.apply(object), number);
            if (first != null) {
                throw new BadInputException(file.toString(), 0, 0, "two " + what + " have id " + id.apply(object)
                        + " (the " + ordinal(first) + " and the " + ordinal(number) + " in the file): an object id is "
                        + "unique in a tenant (was the export written twice into one file?)");
            }
            first = appIds.putIfAbsent(appId.apply(object), number);
            if (first != null) {
                throw new BadInputException(file.toString(), 0, 0, "two " + what + " have appId " + appId.apply(object)
                        + " (the " + ordinal(first) + " and the " + ordinal(number) + " in the file): a tenant holds at "
                        + "most one of each per appId");
            }
        }
    }

    /** 1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st, ... */
    private static String ordinal(int number) {
        int lastTwo = number % 100;
        String suffix = lastTwo >= 11 && lastTwo <= 13 ? "th"
                : switch (number % 10) {
                    case 1 -> "st";
                    case 2 -> "nd";
                    case 3 -> "rd";
                    default -> "th";
                };
        return String.format(Locale.ROOT, "%,d", number) + suffix;
    }

    private static <T> FileRead<T> collection(Path folder, String name, GraphJsonReader<T> reader, HeapBudget budget) {
        Path file = folder.resolve(name);
        List<T> items = new ArrayList<>();
        try (InputStream in = open(file)) {
            String nextLink = reader.read(in, file.toString(), item -> {
                budget.hold(file, items.size() + 1, item);
                items.add(item);
            });
            return new FileRead<>(items, nextLink != null);
        } catch (NoSuchFileException e) {
            throw new BadInputException(file.toString(), 0, 0,
                    "missing: an export folder needs " + APPLICATIONS + " and " + SERVICE_PRINCIPALS);
        } catch (IOException | UncheckedIOException e) {
            throw new BadInputException(file.toString(), 0, 0, "cannot be read: " + e.getMessage(), e);
        }
    }

    private static @Nullable AppManagementPolicy policy(Path file) {
        try (InputStream in = open(file)) {
            return GraphJsonReader.readPolicy(in, file.toString());
        } catch (IOException | UncheckedIOException e) {
            throw new BadInputException(file.toString(), 0, 0, "cannot be read: " + e.getMessage(), e);
        }
    }

    /**
     * Opens an export file that is a regular file of at most {@link #MAX_FILE_BYTES}: opening a
     * named pipe would wait for a writer for ever, and a folder or a device is no export file.
     */
    private static InputStream open(Path file) throws IOException {
        if (Files.isDirectory(file)) {
            throw new BadInputException(file.toString(), 0, 0, "is a folder; expected a JSON file");
        }
        if (Files.exists(file) && !Files.isRegularFile(file)) {
            throw new BadInputException(file.toString(), 0, 0, "is a pipe or a device; expected a JSON file");
        }
        long size = Files.size(file);
        if (size > MAX_FILE_BYTES) {
            throw new BadInputException(file.toString(), 0, 0, String.format(Locale.ROOT,
                    "is %,d bytes; app09 reads export files of at most 4 GiB (%,d bytes)", size, MAX_FILE_BYTES));
        }
        return Files.newInputStream(file);
    }

    /**
     * What holding an export costs: {@link #BYTES_PER_OBJECT} per object, measured with the report
     * (BENCHMARKS.md), and two bytes per character beyond the first 512 its text holds (a long name
     * is kept whole), against the memory the read may take. One read uses one budget.
     */
    private static final class HeapBudget {
        private final long heapBytes;
        private final boolean given;
        private long objects;
        private long held;

        /** @param given whether the caller gave the limit, rather than the JVM's heap */
        HeapBudget(long heapBytes, boolean given) {
            this.heapBytes = heapBytes;
            this.given = given;
        }

        /** Counts one more object of {@code file}, its {@code number}th. */
        void hold(Path file, long number, Object object) {
            objects++;
            // A record's text holds every string it keeps: past a typical object's, each character is held too.
            held += BYTES_PER_OBJECT + 2L * Math.max(0, object.toString().length() - 512);
            if (held > heapBytes) {
                throw new BadInputException(file.toString(), 0, 0, String.format(Locale.ROOT, "this export does not fit in "
                        + "%s (%s) with its report: at object %,d of this file, the %,d objects read so far take about %s "
                        + "held. %s, or scan the tenant through Graph, which streams", given ? "the memory given to the read"
                        : "this JVM's memory", mib(heapBytes), number, objects, mib(held), given ? "Give the read more"
                        : "Give Java more memory (java -Xmx... -jar app09.jar: more than " + mib(held) + ")"));
            }
        }

        private static String mib(long bytes) {
            return bytes >= 1024 * 1024 ? String.format(Locale.ROOT, "%,d MiB", bytes / (1024 * 1024))
                    : String.format(Locale.ROOT, "%,d KiB", bytes / 1024);
        }
    }

    /** What one export file held, and whether it was only the first page of a paged answer. */
    private record FileRead<T>(List<T> items, boolean onePage) {
    }
}
