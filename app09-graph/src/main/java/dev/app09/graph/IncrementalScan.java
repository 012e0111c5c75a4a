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
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
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
 * federated credentials is not promised to show in its delta. So a rescan also asks which
 * applications have federated credentials ({@code $filter=federatedIdentityCredentials/$count ne 0},
 * ids only: ceil(federated/999) requests) and reads the credentials of each application that
 * changed or joined that list: a federated credential removed in Graph is never kept from the last
 * scan, where it could pass a workload that now relies on secrets.
 *
 * <p>When Graph refuses a delta link (410 Gone with {@code syncStateNotFound} when it expired, or
 * any other failure), the scan falls back to a full one and says so in its problems. The state is
 * saved only after a complete scan; an incomplete one leaves the previous state as it was.
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
     */
    public StreamedTenant stream(Function<@Nullable SignInEvidence, Consumer<Workload>> sinkFor) {
        requireNonNull(sinkFor, "sinkFor");
        List<ScanProblem> problems = Collections.synchronizedList(new ArrayList<>());
        ScanStateFile.Header previous = fresh ? null : ScanStateFile.header(folder);
        if (previous != null && belongsElsewhere(previous)) {
            throw new BadInputException(ScanStateFile.in(folder).toString(), 0, 0, "this state was saved for "
                    + previous.graphRoot() + (previous.tenantId() == null ? "" : " tenant " + previous.tenantId())
                    + ", not this source; use another folder, or start over with a fresh state");
        }
        if (previous != null && !selects().equals(List.of(previous.applicationSelect(),
                previous.servicePrincipalSelect()))) {
            reader.problem(problems, ScanProblem.warning("state", "the saved state selected other properties "
                    + "(an older app09): this was a full scan, and its state replaces the old one"));
            previous = null;
        }
        if (previous != null) {
            Changes changes = changes(previous, problems);
            if (changes != null) {
                return rescan(changes, sinkFor, problems);
            }
        }
        return full(sinkFor, problems);
    }

    private boolean belongsElsewhere(ScanStateFile.Header previous) {
        return !previous.graphRoot().equals(reader.root)
                || previous.tenantId() != null && reader.tenantId != null && !previous.tenantId().equals(reader.tenantId);
    }

    private StreamedTenant full(Function<@Nullable SignInEvidence, Consumer<Workload>> sinkFor,
            List<ScanProblem> problems) {
        String applicationsLink;
        String servicePrincipalsLink;
        try {
            applicationsLink = latest("applications", GraphReader.APPLICATION_SELECT);
            servicePrincipalsLink = latest("servicePrincipals", GraphReader.SERVICE_PRINCIPAL_SELECT);
        } catch (GraphCallFailed e) {
            reader.problem(problems, ScanProblem.warning("state", "the scan state was not saved: Graph gave no "
                    + "delta link (" + e.getMessage() + "); the next scan will be a full one too"));
            StreamedTenant read = reader.stream(sinkFor);
            return read.withProblems(concat(problems, read.problems()));
        }
        try (ScanStateFile.Writer state = ScanStateFile.write(folder, header(applicationsLink, servicePrincipalsLink))) {
            StreamedTenant read = reader.stream(evidence -> tee(state, sinkFor.apply(evidence)));
            return saved(state, read.withProblems(concat(problems, read.problems())));
        }
    }

    private StreamedTenant rescan(Changes changes, Function<@Nullable SignInEvidence, Consumer<Workload>> sinkFor,
            List<ScanProblem> problems) {
        SignInEvidence evidence = reader.signInEvidence ? reader.readSignIns(problems) : null;
        AppManagementPolicy policy = reader.readPolicy(problems);
        try (ScanStateFile.Writer state = ScanStateFile.write(folder,
                header(changes.applicationsLink, changes.servicePrincipalsLink))) {
            WorkloadJoin join = WorkloadJoin.into(tee(state, sinkFor.apply(evidence)));
            ScanStateFile.read(folder, header -> { }, saved -> {
                Workload now = changes.apply(saved, problems);
                if (now != null && !join.workload(now)) {
                    listedTwice(now.appId(), problems);
                }
            });
            for (Application created : changes.applications.values()) {
                if (!join.application(changes.federated(created, null, problems))) {
                    listedTwice(created.appId(), problems);
                }
            }
            for (ServicePrincipal created : changes.servicePrincipals.values()) {
                if (!join.servicePrincipal(created)) {
                    listedTwice(created.appId(), problems);
                }
            }
            join.applicationsEnded();
            join.servicePrincipalsEnded();
            return saved(state, new StreamedTenant(reader.tenantId, policy, evidence, problems));
        }
    }

    /** Reads both delta rounds and the federated list; null (with a warning) when Graph refuses a link. */
    private @Nullable Changes changes(ScanStateFile.Header previous, List<ScanProblem> problems) {
        Changes changes = new Changes();
        try {
            changes.applicationsLink = reader.calls.readDelta("applications", "applications delta",
                    () -> GraphCalls.get(previous.applicationsDeltaLink()), GraphJsonReader.APPLICATIONS,
                    app -> changes.change(changes.applications, changes.removedApplications, app.id(), app),
                    id -> changes.remove(changes.applications, changes.removedApplications, id));
            changes.servicePrincipalsLink = reader.calls.readDelta("servicePrincipals", "servicePrincipals delta",
                    () -> GraphCalls.get(previous.servicePrincipalsDeltaLink()), GraphJsonReader.SERVICE_PRINCIPALS,
                    sp -> changes.change(changes.servicePrincipals, changes.removedServicePrincipals, sp.id(), sp),
                    id -> changes.remove(changes.servicePrincipals, changes.removedServicePrincipals, id));
            reader.calls.readAll("applications with federated credentials", "applications with federated credentials",
                    reader::federatedFilterRequest, GraphJsonReader.OBJECT_IDS, changes.withFederated::addAll);
        } catch (GraphCallFailed e) {
            reader.problem(problems, ScanProblem.warning("state", (e.status() == 410
                    ? "Graph no longer knows the saved delta link (it expired): "
                    : "the incremental scan failed: ") + e.getMessage() + "; this was a full scan instead"));
            return null;
        }
        return changes;
    }

    /** The changes of one rescan, keyed by appId so each joins its saved workload. */
    private final class Changes {
        final Map<UUID, Application> applications = new HashMap<>();
        final Map<UUID, ServicePrincipal> servicePrincipals = new HashMap<>();
        final Set<UUID> removedApplications = new HashSet<>();
        final Set<UUID> removedServicePrincipals = new HashSet<>();
        final Set<UUID> withFederated = new HashSet<>();
        String applicationsLink = "";
        String servicePrincipalsLink = "";
        // Delta changes come by object id; the saved workloads are found by appId.
        private final Map<UUID, UUID> appIdByObjectId = new HashMap<>();

        <T> void change(Map<UUID, T> changed, Set<UUID> removed, UUID objectId, T object) {
            UUID appId = object instanceof Application a ? a.appId() : ((ServicePrincipal) object).appId();
            removed.remove(objectId);
            changed.put(appId, object);
            appIdByObjectId.put(objectId, appId);
        }

        <T> void remove(Map<UUID, T> changed, Set<UUID> removed, UUID objectId) {
            UUID appId = appIdByObjectId.remove(objectId);
            if (appId != null) {
                changed.remove(appId);
            }
            removed.add(objectId);
        }

        /** The saved workload as Graph holds it now; null when both its objects are gone. */
        @Nullable Workload apply(Workload saved, List<ScanProblem> problems) {
            UUID appId = saved.appId();
            Application application = saved.application();
            if (application != null && removedApplications.contains(application.id())) {
                application = null;
            }
            Application changedApplication = applications.remove(appId);
            application = changedApplication != null ? federated(changedApplication, null, problems)
                    : application == null ? null : federated(application, application.federatedIdentityCredentials(),
                            problems);
            ServicePrincipal servicePrincipal = saved.servicePrincipal();
            if (servicePrincipal != null && removedServicePrincipals.contains(servicePrincipal.id())) {
                servicePrincipal = null;
            }
            ServicePrincipal changedServicePrincipal = servicePrincipals.remove(appId);
            if (changedServicePrincipal != null) {
                servicePrincipal = changedServicePrincipal;
            }
            return application == null && servicePrincipal == null ? null
                    : new Workload(appId, application, servicePrincipal);
        }

        /**
         * The application with its federated credentials as Graph holds them now: none when it is
         * not in the federated list, the saved ones when it was and still is, else read.
         */
        Application federated(Application application, @Nullable List<FederatedIdentityCredential> saved,
                List<ScanProblem> problems) {
            List<FederatedIdentityCredential> federated;
            if (!withFederated.contains(application.id())) {
                federated = List.of();
            } else if (saved != null && !saved.isEmpty()) {
                return application;
            } else {
                federated = new ArrayList<>();
                String what = "federatedIdentityCredentials of application " + application.id();
                reader.required("federatedIdentityCredentials", problems, () -> reader.calls.readAll(
                        "federatedIdentityCredentials", what, () -> reader.federatedRequest(application.id()),
                        GraphJsonReader.FEDERATED_IDENTITY_CREDENTIALS, federated::addAll));
            }
            if (federated.equals(application.federatedIdentityCredentials())) {
                return application;
            }
            return new Application(application.id(), application.appId(), application.displayName(),
                    application.createdDateTime(), application.signInAudience(), application.passwordCredentials(),
                    application.keyCredentials(), federated);
        }
    }

    private StreamedTenant saved(ScanStateFile.Writer state, StreamedTenant read) {
        if (!read.complete()) {
            List<ScanProblem> problems = new ArrayList<>(read.problems());
            reader.problem(problems, ScanProblem.warning("state", "the scan state was not saved: the scan was "
                    + "incomplete; the previous state is kept"));
            return read.withProblems(problems);
        }
        state.commit();
        return read;
    }

    private void listedTwice(UUID appId, List<ScanProblem> problems) {
        reader.problem(problems, ScanProblem.incomplete("state", "appId " + appId
                + " came twice (the saved state and Graph's changes disagree); scan again with a fresh state"));
    }

    private String latest(String collection, String[] select) {
        return reader.calls.readDelta(collection, collection + " delta link",
                () -> GraphCalls.get(reader.root + "/v1.0/" + collection + "/delta?$select=" + String.join(",", select)
                        + "&$deltatoken=latest"),
                GraphJsonReader.OBJECT_IDS, id -> { }, id -> { });
    }

    private ScanStateFile.Header header(String applicationsLink, String servicePrincipalsLink) {
        return new ScanStateFile.Header(reader.root, reader.tenantId, clock.instant(), selects().get(0),
                selects().get(1), applicationsLink, servicePrincipalsLink);
    }

    private static List<String> selects() {
        return List.of(String.join(",", GraphReader.APPLICATION_SELECT),
                String.join(",", GraphReader.SERVICE_PRINCIPAL_SELECT));
    }

    private static Consumer<Workload> tee(ScanStateFile.Writer state, Consumer<Workload> sink) {
        return workload -> {
            state.add(workload);
            sink.accept(workload);
        };
    }

    private static List<ScanProblem> concat(List<ScanProblem> first, List<ScanProblem> second) {
        List<ScanProblem> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }
}
