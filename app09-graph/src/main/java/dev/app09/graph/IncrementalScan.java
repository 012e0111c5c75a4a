package dev.app09.graph;

import static java.util.Objects.requireNonNull;

import dev.app09.core.model.AppManagementPolicy;
import dev.app09.core.model.Application;
import dev.app09.core.model.FederatedIdentityCredential;
import dev.app09.core.model.ScanProblem;
import dev.app09.core.model.ServicePrincipal;
import dev.app09.core.model.SignInEvidence;
import dev.app09.core.rules.Workload;
import dev.app09.core.rules.WorkloadJoin;
import dev.app09.graph.json.GraphJsonReader;
import dev.app09.graph.json.ScanStateFile;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A scan that keeps its state in a folder, so that the next one reads only what changed: Graph's
 * delta query ({@code /applications/delta} and {@code /servicePrincipals/delta}, with the scan's
 * own {@code $select}).
 *
 * <pre>{@code
 * StreamedTenant read = IncrementalScan.of(reader, Path.of("state"), Clock.systemUTC())
 *         .stream(evidence -> workload -> ...);
 * }</pre>
 *
 * <p>The first scan (or one with {@link #fresh()}) asks Graph for both collections' delta links
 * "from now" (two requests), then reads the tenant whole as {@link GraphReader#stream} does, and
 * saves the links and every workload ({@link ScanStateFile}). A later scan follows the links: it
 * receives only the objects created, changed or removed since, replays the saved workloads with
 * those changes applied, and saves the new links. The workloads it hands on are those a full scan
 * would.
 *
 * <p>Delta queries cannot expand federated identity credentials, and a change to an application's
 * federated credentials is not promised to show in its delta. So a rescan also lists every
 * application's id with its federated credentials expanded ({@code $select=id}, ceil(applications/999)
 * small pages; not an advanced query, so it is strongly consistent, and Graph expands only outside
 * those), and gives every application exactly those: a federated credential is never kept from the
 * last scan, where one removed in Graph could pass a workload that now relies on secrets.
 *
 * <p>Graph may send an updated object with only the properties that changed: such an object is
 * read again by its id. When Graph refuses a delta link ({@code syncStateNotFound}: 410 Gone, or
 * 400, when it expired), or any read of the changes fails, the scan falls back to a full one and
 * says so in its problems. The saved state's header is checked (version, links under its Graph
 * root and collection, same tenant, owner-only) before any request, and the whole file (gzip
 * check, count, every workload) while Graph is asked for the changes, before any saved workload is
 * handed on. A state is saved
 * only after a complete scan whose state could be written; otherwise the previous state stays
 * and the problems say why, and the report is given all the same.
 */
public final class IncrementalScan {

    private final GraphReader reader;
    private final Path folder;
    private final Clock clock;
    private final boolean fresh;

    private IncrementalScan(GraphReader reader, Path folder, Clock clock, boolean fresh) {
        this.reader = requireNonNull(reader, "reader");
        this.folder = requireNonNull(folder, "folder");
        this.clock = requireNonNull(clock, "clock");
        this.fresh = fresh;
    }

    /**
     * @param reader the reader (Graph root, credential, evidence, listener)
     * @param folder the state folder; created when missing
     * @param clock stamps the saved state
     * @return the scan
     */
    public static IncrementalScan of(GraphReader reader, Path folder, Clock clock) {
        return new IncrementalScan(reader, folder, clock, false);
    }

    /** @return the same scan, ignoring a saved state (a full scan that replaces it) */
    public IncrementalScan fresh() {
        return new IncrementalScan(reader, folder, clock, true);
    }

    /**
     * Scans, incrementally when the folder holds a usable state.
     *
     * @param sinkFor makes the workload sink, given the sign-in evidence
     * @return what was read besides the workloads
     * @throws BadInputException when the saved state is corrupt, of another version, or belongs
     *     to another Graph root or tenant (run with {@link #fresh()} to start over)
     * @throws IllegalStateException when the reader reads a live tenant without knowing its id (a
     *     state is kept per tenant)
     */
    public StreamedTenant stream(Function<@Nullable SignInEvidence, Consumer<Workload>> sinkFor) {
        requireNonNull(sinkFor, "sinkFor");
        if (reader.tenantId == null && !GraphConnection.isLoopback(reader.root)) {
            throw new IllegalStateException("an incremental scan of a live tenant needs the tenant's id "
                    + "(GraphReader.Builder.tenantId), so that a state is never replayed for another tenant");
        }
        List<ScanProblem> problems = Collections.synchronizedList(new ArrayList<>());
        ScanStateFile.Header previous = fresh ? null : ScanStateFile.header(folder);
        if (previous != null && belongsElsewhere(previous)) {
            throw new BadInputException(ScanStateFile.in(folder).toString(), 0, 0, "this state was saved for "
                    + previous.graphRoot() + (previous.tenantId() == null ? "" : " tenant " + previous.tenantId())
                    + ", not this source; give this source a state folder of its own");
        }
        if (previous != null && !selects().equals(List.of(previous.applicationSelect(),
                previous.servicePrincipalSelect()))) {
            reader.problem(problems, ScanProblem.warning("state", "the saved state selected other properties "
                    + "(an older app09): this was a full scan, and its state replaces the old one"));
            previous = null;
        }
        if (previous != null) {
            // The whole file is checked while Graph is asked for the changes, and before any saved
            // workload is handed on: never trusted in part.
            ScanStateFile.Header header = previous;
            ExecutorService checker = Executors.newSingleThreadExecutor(task -> {
                Thread thread = new Thread(task, "app09-state-check");
                thread.setDaemon(true);
                return thread;
            });
            Changes changes;
            ScanStateFile.Header whole;
            try {
                CompletableFuture<ScanStateFile.@Nullable Header> checked =
                        CompletableFuture.supplyAsync(() -> ScanStateFile.check(folder), checker);
                changes = changes(previous, problems);
                whole = checkedHeader(checked);
            } finally {
                checker.shutdownNow();
            }
            if (!header.equals(whole)) {
                throw replacedWhileRead();
            }
            if (changes != null) {
                return rescan(previous, changes, sinkFor, problems);
            }
        }
        return full(sinkFor, problems);
    }

    /** The checked file's header, or the check's own failure (a corrupt file, say) as it was thrown. */
    private static ScanStateFile.@Nullable Header checkedHeader(CompletableFuture<ScanStateFile.@Nullable Header> checked) {
        try {
            return checked.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : e;
        }
    }

    private BadInputException replacedWhileRead() {
        return new BadInputException(ScanStateFile.in(folder).toString(), 0, 0, "the state was replaced while this "
                + "scan read it (another scan of the same folder?); scan again");
    }

    private boolean belongsElsewhere(ScanStateFile.Header previous) {
        return !previous.graphRoot().equals(reader.root) || !Objects.equals(previous.tenantId(), reader.tenantId);
    }

    private StreamedTenant full(Function<@Nullable SignInEvidence, Consumer<Workload>> sinkFor,
            List<ScanProblem> problems) {
        String applicationsLink = null;
        String servicePrincipalsLink = null;
        try {
            applicationsLink = latest("applications", GraphReader.APPLICATION_SELECT);
            servicePrincipalsLink = latest("servicePrincipals", GraphReader.SERVICE_PRINCIPAL_SELECT);
        } catch (GraphCallFailed e) {
            reader.problem(problems, ScanProblem.warning("state", "the scan state is not saved: Graph gave no "
                    + "delta link (" + e.getMessage() + "); the next scan will be a full one too"));
        }
        try (Saving saving = saving(applicationsLink, servicePrincipalsLink, problems)) {
            StreamedTenant read = reader.stream(evidence -> saving.tee(sinkFor.apply(evidence)));
            return saving.finish(read.withProblems(concat(problems, read.problems())));
        }
    }

    private StreamedTenant rescan(ScanStateFile.Header previous, Changes changes,
            Function<@Nullable SignInEvidence, Consumer<Workload>> sinkFor, List<ScanProblem> problems) {
        SignInEvidence evidence = reader.signInEvidence ? reader.readSignIns(problems) : null;
        AppManagementPolicy policy = reader.readPolicy(problems);
        try (Saving saving = saving(changes.applicationsLink, changes.servicePrincipalsLink, problems)) {
            WorkloadJoin join = WorkloadJoin.into(saving.tee(sinkFor.apply(evidence)));
            ScanStateFile.read(folder, header -> {
                if (!header.equals(previous)) {
                    throw replacedWhileRead();
                }
            }, saved -> {
                Workload now = changes.apply(saved);
                if (now != null && !join.workload(now)) {
                    listedTwice(now.appId(), problems);
                }
            });
            for (Application created : changes.applications.left()) {
                if (!join.application(changes.federated(created))) {
                    listedTwice(created.appId(), problems);
                }
            }
            for (ServicePrincipal created : changes.servicePrincipals.left()) {
                if (!join.servicePrincipal(created)) {
                    listedTwice(created.appId(), problems);
                }
            }
            join.applicationsEnded();
            join.servicePrincipalsEnded();
            return saving.finish(new StreamedTenant(reader.tenantId, policy, evidence, problems));
        }
    }

    /**
     * Reads both delta rounds and the federated cross-check, the three at once, then reads again
     * each changed object that came without all its properties; null (with a warning) when any of
     * it fails.
     */
    private @Nullable Changes changes(ScanStateFile.Header previous, List<ScanProblem> problems) {
        Changes changes = new Changes();
        List<UUID> partialApplications = Collections.synchronizedList(new ArrayList<>());
        List<UUID> partialServicePrincipals = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(3, task -> {
            Thread thread = new Thread(task, "app09-graph-delta");
            thread.setDaemon(true);
            return thread;
        });
        try {
            // Each read fills its own part of the changes; joining them orders those writes before the replay.
            CompletableFuture.allOf(
                    CompletableFuture.runAsync(() -> changes.applicationsLink = reader.calls.readDelta("applications",
                            "applications delta", () -> GraphCalls.get(previous.applicationsDeltaLink()),
                            GraphJsonReader.APPLICATIONS, List.of(GraphReader.APPLICATION_SELECT),
                            app -> changes.applications.changed(app.appId(), app),
                            changes.applications::removed, partialApplications::add), pool),
                    CompletableFuture.runAsync(() -> changes.servicePrincipalsLink = reader.calls.readDelta(
                            "servicePrincipals", "servicePrincipals delta",
                            () -> GraphCalls.get(previous.servicePrincipalsDeltaLink()), GraphJsonReader.SERVICE_PRINCIPALS,
                            List.of(GraphReader.SERVICE_PRINCIPAL_SELECT),
                            sp -> changes.servicePrincipals.changed(sp.appId(), sp),
                            changes.servicePrincipals::removed, partialServicePrincipals::add), pool),
                    CompletableFuture.runAsync(() -> reader.calls.readAll("applications' federated credentials",
                            "applications' federated credentials", reader::federationRequest, GraphJsonReader.FEDERATION,
                            page -> page.stream().filter(e -> !e.getValue().isEmpty())
                                    .forEach(e -> changes.federation.put(e.getKey(), e.getValue()))), pool))
                    .join();
            // Graph may send an updated object with only what changed: read those again whole, as they are now.
            for (UUID id : partialApplications) {
                Application now = reader.application(id);
                if (now == null) {
                    changes.applications.removed(id);
                } else {
                    changes.applications.changed(now.appId(), now);
                }
            }
            for (UUID id : partialServicePrincipals) {
                ServicePrincipal now = reader.servicePrincipal(id);
                if (now == null) {
                    changes.servicePrincipals.removed(id);
                } else {
                    changes.servicePrincipals.changed(now.appId(), now);
                }
            }
        } catch (CompletionException | GraphCallFailed e) {
            Throwable cause = e instanceof CompletionException ? e.getCause() : e;
            if (!(cause instanceof GraphCallFailed failed)) {
                throw cause instanceof RuntimeException runtime ? runtime : e;
            }
            boolean expired = failed.status() == 410 || failed.getMessage().contains("syncStateNotFound");
            reader.problem(problems, ScanProblem.warning("state", (expired
                    ? "Graph no longer knows the saved delta link (it expired): "
                    : "the incremental scan could not read the changes: ") + failed.getMessage()
                    + "; this was a full scan instead"));
            return null;
        } finally {
            pool.shutdownNow();
        }
        return changes;
    }

    /** The changes of one rescan. */
    private static final class Changes {
        final DeltaChanges<Application> applications = new DeltaChanges<>(Application::id);
        final DeltaChanges<ServicePrincipal> servicePrincipals = new DeltaChanges<>(ServicePrincipal::id);
        final Map<UUID, List<FederatedIdentityCredential>> federation = new HashMap<>();
        String applicationsLink = "";
        String servicePrincipalsLink = "";

        /** The saved workload as Graph holds it now; null when both its objects are gone. */
        @Nullable Workload apply(Workload saved) {
            UUID appId = saved.appId();
            Application savedApplication = saved.application();
            ServicePrincipal savedServicePrincipal = saved.servicePrincipal();
            Application application = applications.now(appId, savedApplication);
            ServicePrincipal servicePrincipal = servicePrincipals.now(appId, savedServicePrincipal);
            if (application == null && servicePrincipal == null) {
                return null;
            }
            return new Workload(appId, application == null ? null : federated(application), servicePrincipal);
        }

        /** The application with exactly the federated credentials Graph lists for it now. */
        Application federated(Application application) {
            List<FederatedIdentityCredential> now = federation.getOrDefault(application.id(), List.of());
            return now.equals(application.federatedIdentityCredentials()) ? application
                    : application.withFederatedIdentityCredentials(now);
        }
    }

    /**
     * Where this scan's state goes: a new state file, or nowhere when Graph gave no usable links
     * (said in the problems).
     */
    private Saving saving(@Nullable String applicationsLink, @Nullable String servicePrincipalsLink,
            List<ScanProblem> problems) {
        if (applicationsLink == null || servicePrincipalsLink == null) {
            return new Saving(null);
        }
        if (ScanStateFile.Header.wrongLink(reader.root, applicationsLink, servicePrincipalsLink) != null) {
            reader.problem(problems, ScanProblem.warning("state", "the scan state is not saved: Graph gave a delta "
                    + "link outside " + reader.root + " or its collection; the previous state is kept"));
            return new Saving(null);
        }
        try {
            return new Saving(ScanStateFile.write(folder, header(applicationsLink, servicePrincipalsLink)));
        } catch (UncheckedIOException | BadInputException e) {
            // The folder cannot take a new state (a full disk, a quota, permissions): the report still comes.
            reader.problem(problems, ScanProblem.warning("state", "the scan state is not saved: " + e.getMessage()
                    + "; the previous state is kept"));
            return new Saving(null);
        }
    }

    /**
     * Saves the workloads as they are handed on. A state that cannot be written (a full disk)
     * never costs the report: the writer is dropped, the workloads still reach the sink, and the
     * problems say the previous state is kept.
     */
    private final class Saving implements AutoCloseable {
        private ScanStateFile.@Nullable Writer writer;
        private @Nullable String failure;

        Saving(ScanStateFile.@Nullable Writer writer) {
            this.writer = writer;
        }

        Consumer<Workload> tee(Consumer<Workload> sink) {
            return workload -> {
                ScanStateFile.Writer current = writer;
                if (current != null) {
                    try {
                        current.add(workload);
                    } catch (UncheckedIOException e) {
                        failure = e.getMessage();
                        current.abandon();
                        writer = null;
                    }
                }
                sink.accept(workload);
            };
        }

        /** Commits the state when the scan was complete and nothing failed; says why not otherwise. */
        StreamedTenant finish(StreamedTenant read) {
            ScanStateFile.Writer current = writer;
            String why = failure != null ? failure
                    : !read.complete() && current != null ? "the scan was incomplete" : null;
            if (why == null && current != null) {
                try {
                    current.commit();
                    return read;
                } catch (UncheckedIOException e) {
                    why = e.getMessage();
                }
            }
            if (why == null) {
                return read;
            }
            List<ScanProblem> all = new ArrayList<>(read.problems());
            reader.problem(all, ScanProblem.warning("state", "the scan state was not saved: " + why
                    + "; the report stands, and the previous state is kept"));
            return read.withProblems(all);
        }

        @Override
        public void close() {
            if (writer != null) {
                writer.abandon();
            }
        }
    }

    private void listedTwice(UUID appId, List<ScanProblem> problems) {
        reader.problem(problems, ScanProblem.incomplete("state", "appId " + appId
                + " came twice (the saved state and Graph's changes disagree); scan again with a fresh state"));
    }

    private String latest(String collection, String[] select) {
        return reader.calls.readDelta(collection, collection + " delta link",
                () -> GraphCalls.get(reader.root + "/v1.0/" + collection + "/delta?$select=" + String.join(",", select)
                        + "&$top=999&$deltatoken=latest"),
                GraphJsonReader.OBJECT_IDS, List.of(), id -> { }, id -> { }, id -> { });
    }

    private ScanStateFile.Header header(String applicationsLink, String servicePrincipalsLink) {
        return new ScanStateFile.Header(reader.root, reader.tenantId, clock.instant(), selects().get(0),
                selects().get(1), applicationsLink, servicePrincipalsLink);
    }

    private static List<String> selects() {
        return List.of(String.join(",", GraphReader.APPLICATION_SELECT),
                String.join(",", GraphReader.SERVICE_PRINCIPAL_SELECT));
    }

    private static List<ScanProblem> concat(List<ScanProblem> first, List<ScanProblem> second) {
        List<ScanProblem> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }
}
