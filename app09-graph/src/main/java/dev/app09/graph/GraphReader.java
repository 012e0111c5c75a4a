package dev.app09.graph;

import static java.util.Objects.requireNonNull;

import com.azure.core.credential.TokenCredential;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.kiota.HttpMethod;
import com.microsoft.kiota.RequestInformation;
import dev.app09.core.model.AppManagementPolicy;
import dev.app09.core.model.Application;
import dev.app09.core.model.CredentialSignIn;
import dev.app09.core.model.FederatedIdentityCredential;
import dev.app09.core.model.ScanProblem;
import dev.app09.core.model.ServicePrincipal;
import dev.app09.core.model.SignInEvidence;
import dev.app09.core.model.TenantSnapshot;
import dev.app09.core.rules.Workload;
import dev.app09.core.rules.WorkloadJoin;
import dev.app09.graph.json.GraphJsonReader;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Reads a tenant from Microsoft Graph (or a local Graph-compatible endpoint) into a core
 * {@link TenantSnapshot}, through the Microsoft Graph Java SDK.
 *
 * <pre>{@code
 * TenantSnapshot tenant = GraphReader.builder()
 *         .credential(new DefaultAzureCredentialBuilder().build())
 *         .signInEvidence(true)
 *         .build()
 *         .read();
 * }</pre>
 *
 * <p>What it reads, concurrently: applications ({@code $top=999}, a minimal {@code $select},
 * federated identity credentials expanded) and service principals, following
 * {@code @odata.nextLink} verbatim; the default app management policy; and, when asked, the beta
 * credential sign-in activity report. A full scan costs ceil(applications/999) +
 * ceil(servicePrincipals/999) requests (at least one each), plus one for the policy, plus the
 * report's pages.
 *
 * <p>What can go wrong, and what it becomes: throttling (429) and unavailability (503, 504) are
 * retried within the {@link RetryPolicy}. An optional read (policy, sign-in evidence) that Graph
 * refuses (403, 404: a permission or licence the tenant does not grant) is a {@link
 * ScanProblem.Impact#WARNING}: the report says what is missing and stays complete. Any other
 * failure of it is {@link ScanProblem.Impact#INCOMPLETE}, as the report would lack findings.
 * A required collection that fails for good is an {@link ScanProblem.Impact#INCOMPLETE} problem
 * naming the cause, and the report built on it can never pass. Sign-in evidence is all or
 * nothing: a partly read report would call used secrets unused.
 *
 * <p>If Graph refuses {@code $expand=federatedIdentityCredentials} on the list, the reader lists
 * applications without it, asks which have federated credentials
 * ({@code $filter=federatedIdentityCredentials/$count ne 0}) and reads only theirs.
 *
 * <p>Permissions: Application.Read.All; Policy.Read.All for the policy and AuditLog.Read.All for
 * sign-in evidence (both optional).
 */
public final class GraphReader {

    static final String[] APPLICATION_SELECT = {"id", "appId", "displayName", "createdDateTime", "signInAudience",
        "passwordCredentials", "keyCredentials"};
    static final String[] SERVICE_PRINCIPAL_SELECT = {"id", "appId", "displayName", "servicePrincipalType",
        "appOwnerOrganizationId", "preferredSingleSignOnMode", "preferredTokenSigningKeyThumbprint",
        "passwordCredentials", "keyCredentials"};
    private static final int PAGE_SIZE = 999;

    final URI root;
    final GraphServiceClient client;
    final boolean signInEvidence;
    final @Nullable UUID tenantId;
    final ScanListener listener;
    final GraphCalls calls;

    private GraphReader(Builder builder) {
        GraphConnection connection = builder.credential == null ? GraphConnection.local(builder.root)
                : GraphConnection.to(builder.root, builder.credential);
        this.root = connection.root();
        this.client = connection.client(false);
        this.signInEvidence = builder.signInEvidence;
        this.tenantId = builder.tenantId;
        this.listener = builder.listener;
        this.calls = new GraphCalls(client.getRequestAdapter(), builder.retry, builder.listener, builder.clock);
    }

    /** @return a builder: global Graph, no credential yet, no sign-in evidence, default retries */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Reads the tenant. Never throws for what Graph answers: failures become the snapshot's
     * problems.
     *
     * @return the snapshot; {@link TenantSnapshot#complete()} is false when a required collection
     *     could not be read whole
     */
    public TenantSnapshot read() {
        // Each list has one writer, and is read only after its task is done.
        List<Application> applications = new ArrayList<>();
        List<ServicePrincipal> servicePrincipals = new ArrayList<>();
        List<ScanProblem> problems = Collections.synchronizedList(new ArrayList<>());
        StreamedTenant read = read(false, problems, evidence -> new Pages() {
            @Override
            public void applications(List<Application> page) {
                applications.addAll(page);
            }

            @Override
            public void servicePrincipals(List<ServicePrincipal> page) {
                servicePrincipals.addAll(page);
            }
        });
        List<Application> uniqueApplications = onePerAppId(applications, Application::appId, "applications", problems);
        List<ServicePrincipal> uniqueServicePrincipals = onePerAppId(servicePrincipals, ServicePrincipal::appId,
                "servicePrincipals", problems);
        return new TenantSnapshot(tenantId, uniqueApplications, uniqueServicePrincipals, read.appManagementPolicy(),
                read.signInEvidence(), List.copyOf(problems));
    }

    /**
     * Reads the tenant without holding it: each page of applications and of service principals is
     * offered, as soon as it is mapped, to a {@link WorkloadJoin} that hands each workload on once
     * it is whole; both collections are read at once. Sign-in evidence, when asked for, is read
     * first, because the rules need it to judge the first workload.
     *
     * @param sinkFor makes the workload sink, given the sign-in evidence (null when not asked for
     *     or not read); the sink is called one workload at a time
     * @return what was read besides the objects; it is incomplete when a required collection
     *     could not be read whole or listed an appId twice
     */
    public StreamedTenant stream(Function<@Nullable SignInEvidence, Consumer<Workload>> sinkFor) {
        requireNonNull(sinkFor, "sinkFor");
        List<ScanProblem> problems = Collections.synchronizedList(new ArrayList<>());
        StreamedTenant read = read(true, problems, evidence -> {
            WorkloadJoin join = WorkloadJoin.into(requireNonNull(sinkFor.apply(evidence), "sink"));
            return new Pages() {
                @Override
                public void applications(List<Application> page) {
                    page.stream().filter(app -> !join.application(app))
                            .forEach(app -> listedTwice("applications", app.appId(), problems));
                }

                @Override
                public void servicePrincipals(List<ServicePrincipal> page) {
                    page.stream().filter(sp -> !join.servicePrincipal(sp))
                            .forEach(sp -> listedTwice("servicePrincipals", sp.appId(), problems));
                }

                @Override
                public void applicationsEnded() {
                    join.applicationsEnded();
                }

                @Override
                public void servicePrincipalsEnded() {
                    join.servicePrincipalsEnded();
                }
            };
        });
        return read.withProblems(List.copyOf(problems));
    }

    /**
     * Reads both collections at once, with the policy and (when asked) the sign-in evidence.
     * With {@code evidenceFirst}, the pages are made only once the evidence is in.
     */
    private StreamedTenant read(boolean evidenceFirst, List<ScanProblem> problems,
            Function<@Nullable SignInEvidence, Pages> pagesFor) {
        Gate gate = new Gate();
        AtomicInteger threads = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(4, task -> {
            Thread thread = new Thread(task, "app09-graph-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        try {
            Future<@Nullable SignInEvidence> evidence = pool.submit(() -> signInEvidence ? readSignIns(problems) : null);
            Future<@Nullable AppManagementPolicy> policy = pool.submit(() -> readPolicy(problems));
            Pages pages = gate.around(pagesFor.apply(evidenceFirst ? evidence.get() : null));
            Future<?> apps = pool.submit(() -> {
                try {
                    readApplications(pages::applications, problems);
                } finally {
                    pages.applicationsEnded();
                }
            });
            Future<?> sps = pool.submit(() -> {
                try {
                    required("servicePrincipals", problems, () -> calls.readAll("servicePrincipals",
                            "servicePrincipals", this::servicePrincipalsRequest, GraphJsonReader.SERVICE_PRINCIPALS,
                            pages::servicePrincipals));
                } finally {
                    pages.servicePrincipalsEnded();
                }
            });
            apps.get();
            sps.get();
            return new StreamedTenant(tenantId, policy.get(), evidence.get(), List.of());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the scan was interrupted", e);
        } catch (ExecutionException e) {
            // Graph's answers never end here (they become problems): this is a bug.
            throw new IllegalStateException("the scan failed: " + e.getCause(), e.getCause());
        } finally {
            gate.close();
            stop(pool);
        }
    }

    /**
     * Interrupts the reads still running (after a failure) and waits a while for them to end.
     * Whatever still runs after that can no longer reach the pages: the gate is closed.
     */
    private static void stop(ExecutorService pool) {
        pool.shutdownNow();
        try {
            pool.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Lets pages through until the read returns; never one after, even from a read still running. */
    private static final class Gate {
        private boolean open = true;

        synchronized void close() {
            open = false;
        }

        Pages around(Pages pages) {
            return new Pages() {
                @Override
                public void applications(List<Application> page) {
                    synchronized (Gate.this) {
                        if (open) {
                            pages.applications(page);
                        }
                    }
                }

                @Override
                public void servicePrincipals(List<ServicePrincipal> page) {
                    synchronized (Gate.this) {
                        if (open) {
                            pages.servicePrincipals(page);
                        }
                    }
                }

                @Override
                public void applicationsEnded() {
                    synchronized (Gate.this) {
                        if (open) {
                            pages.applicationsEnded();
                        }
                    }
                }

                @Override
                public void servicePrincipalsEnded() {
                    synchronized (Gate.this) {
                        if (open) {
                            pages.servicePrincipalsEnded();
                        }
                    }
                }
            };
        }
    }

    /** Where the pages of the two collections go, each from its own thread. */
    private interface Pages {

        void applications(List<Application> page);

        void servicePrincipals(List<ServicePrincipal> page);

        default void applicationsEnded() {
        }

        default void servicePrincipalsEnded() {
        }
    }

    /**
     * Reads one workload's application and service principal again, each by its object id, and
     * returns the snapshot with them replaced (an object Graph no longer has is left out); the
     * policy and sign-in evidence are kept. This is what a guarded write re-checks just before it
     * is sent: two requests (three with federated credentials), not a whole tenant.
     *
     * @param snapshot a snapshot this reader read
     * @param appId the workload's application (client) id
     * @return the snapshot with the workload as Graph holds it now
     * @throws GraphCallFailed when either object cannot be read (other than not found)
     */
    public TenantSnapshot reread(TenantSnapshot snapshot, UUID appId) {
        List<Application> applications = new ArrayList<>();
        for (Application application : snapshot.applications()) {
            if (!application.appId().equals(appId)) {
                applications.add(application);
            } else {
                Application fresh = application(application.id());
                if (fresh != null) {
                    applications.add(fresh);
                }
            }
        }
        List<ServicePrincipal> servicePrincipals = new ArrayList<>();
        for (ServicePrincipal servicePrincipal : snapshot.servicePrincipals()) {
            if (!servicePrincipal.appId().equals(appId)) {
                servicePrincipals.add(servicePrincipal);
            } else {
                ServicePrincipal fresh = servicePrincipal(servicePrincipal.id());
                if (fresh != null) {
                    servicePrincipals.add(fresh);
                }
            }
        }
        return new TenantSnapshot(snapshot.tenantId(), applications, servicePrincipals, snapshot.appManagementPolicy(),
                snapshot.signInEvidence(), snapshot.problems());
    }

    /**
     * One application with its federated credentials, or null when Graph says it is not there. If
     * Graph refuses the expand (as the full read allows for), the credentials are read on their own.
     */
    @Nullable Application application(UUID objectId) {
        var read = new Object() {
            @Nullable Application fresh;
        };
        String what = "application " + objectId;
        try {
            if (!found(() -> calls.send(what, () -> applicationRequest(objectId, true),
                    body -> read.fresh = GraphJsonReader.readApplication(body, what)))) {
                return null;
            }
            return read.fresh;
        } catch (GraphCallFailed e) {
            if (e.status() != 400) {
                throw e;
            }
        }
        if (!found(() -> calls.send(what, () -> applicationRequest(objectId, false),
                body -> read.fresh = GraphJsonReader.readApplication(body, what))) || read.fresh == null) {
            return null;
        }
        Application a = read.fresh;
        List<FederatedIdentityCredential> federated = new ArrayList<>();
        calls.readAll("federatedIdentityCredentials", "federatedIdentityCredentials of " + what, () -> federatedRequest(objectId),
                GraphJsonReader.FEDERATED_IDENTITY_CREDENTIALS, federated::addAll);
        return a.withFederatedIdentityCredentials(federated);
    }

    /** One service principal, or null when Graph says it is not there. */
    @Nullable ServicePrincipal servicePrincipal(UUID objectId) {
        var read = new Object() {
            @Nullable ServicePrincipal fresh;
        };
        String what = "service principal " + objectId;
        return found(() -> calls.send(what, () -> servicePrincipalRequest(objectId),
                body -> read.fresh = GraphJsonReader.readServicePrincipal(body, what))) ? read.fresh : null;
    }

    /** Runs a read of one object; false when Graph says it is not there. */
    private static boolean found(Runnable read) {
        try {
            read.run();
            return true;
        } catch (GraphCallFailed e) {
            if (e.status() == 404) {
                return false;
            }
            throw e;
        }
    }

    private RequestInformation applicationRequest(UUID objectId, boolean expandFederated) {
        return client.applications().byApplicationId(objectId.toString()).toGetRequestInformation(config -> {
            config.queryParameters.select = APPLICATION_SELECT.clone();
            if (expandFederated) {
                config.queryParameters.expand = new String[] {"federatedIdentityCredentials"};
            }
        });
    }

    private RequestInformation servicePrincipalRequest(UUID objectId) {
        return client.servicePrincipals().byServicePrincipalId(objectId.toString()).toGetRequestInformation(config ->
                config.queryParameters.select = SERVICE_PRINCIPAL_SELECT.clone());
    }

    /**
     * Graph lists each object once; a listing that changes while it is paged can repeat one. The
     * first is kept, and the read is not called complete: what else moved is unknown.
     */
    private <T> List<T> onePerAppId(List<T> objects, Function<T, UUID> appId, String source, List<ScanProblem> problems) {
        Set<UUID> seen = new HashSet<>();
        List<T> unique = new ArrayList<>(objects.size());
        for (T object : objects) {
            if (seen.add(appId.apply(object))) {
                unique.add(object);
            } else {
                listedTwice(source, appId.apply(object), problems);
            }
        }
        return unique;
    }

    private void listedTwice(String source, UUID appId, List<ScanProblem> problems) {
        problem(problems, ScanProblem.incomplete(source, "appId " + appId
                + " was listed twice: the collection changed while it was read; scan again"));
    }

    private void readApplications(Consumer<List<Application>> pages, List<ScanProblem> problems) {
        var listed = new Object() {
            boolean any;
        };
        try {
            calls.readAll("applications", "applications", () -> applicationsRequest(true), GraphJsonReader.APPLICATIONS,
                    page -> {
                        listed.any = true;
                        pages.accept(page);
                    });
            return;
        } catch (GraphCallFailed e) {
            if (e.status() != 400 || listed.any) {
                problem(problems, ScanProblem.incomplete("applications", e.getMessage()));
                return;
            }
        }
        // Graph refused the expand: ask which applications have federated credentials, then list
        // without it, reading theirs as their page comes, so each application is handed on whole.
        Set<UUID> withFederated = new HashSet<>();
        if (required("federatedIdentityCredentials", problems, () -> calls.readAll(
                "applications with federated credentials", "applications with federated credentials",
                this::federatedFilterRequest, GraphJsonReader.OBJECT_IDS, withFederated::addAll))) {
            required("applications", problems, () -> calls.readAll("applications", "applications",
                    () -> applicationsRequest(false), GraphJsonReader.APPLICATIONS,
                    page -> pages.accept(withFederated(page, withFederated))));
        }
    }

    private List<Application> withFederated(List<Application> page, Set<UUID> withFederated) {
        List<Application> whole = new ArrayList<>(page.size());
        for (Application a : page) {
            if (!withFederated.contains(a.id())) {
                whole.add(a);
                continue;
            }
            List<FederatedIdentityCredential> federated = new ArrayList<>();
            calls.readAll("federatedIdentityCredentials", "federatedIdentityCredentials of application " + a.id(),
                    () -> federatedRequest(a.id()), GraphJsonReader.FEDERATED_IDENTITY_CREDENTIALS, federated::addAll);
            whole.add(a.withFederatedIdentityCredentials(federated));
        }
        return whole;
    }

    @Nullable AppManagementPolicy readPolicy(List<ScanProblem> problems) {
        var read = new Object() {
            @Nullable AppManagementPolicy policy;
        };
        try {
            calls.send("defaultAppManagementPolicy", this::policyRequest,
                    body -> read.policy = GraphJsonReader.readPolicy(body, "defaultAppManagementPolicy"));
        } catch (GraphCallFailed e) {
            problem(problems, optional(e, "defaultAppManagementPolicy", "the default app management policy "
                    + "was not read, so NEW_SECRETS_BLOCKED / NEW_SECRETS_ALLOWED is not judged", "it needs Policy.Read.All"));
        }
        return read.policy;
    }

    @Nullable SignInEvidence readSignIns(List<ScanProblem> problems) {
        List<CredentialSignIn> rows = new ArrayList<>();
        try {
            calls.readAll("appCredentialSignInActivities", "appCredentialSignInActivities", this::signInRequest,
                    GraphJsonReader.CREDENTIAL_SIGN_INS, rows::addAll);
            return SignInEvidence.of(rows);
        } catch (GraphCallFailed e) {
            problem(problems, optional(e, "appCredentialSignInActivities", "sign-in evidence was not read, so no secret "
                    + "is called in use or unused", "it needs AuditLog.Read.All and Microsoft Entra ID P1 or P2"));
            return null;
        }
    }

    /**
     * An optional read that failed. Refused (403) or absent (404): the tenant does not grant it, a
     * warning, and the report stays complete without what it gives. Any other failure (a 500,
     * retries used up, a broken answer): the report would silently lack findings a clean read
     * gives, so the scan is incomplete.
     */
    private static ScanProblem optional(GraphCallFailed e, String source, String lacking, String needs) {
        return e.forbiddenOrMissing() ? ScanProblem.warning(source, lacking + " (" + needs + "): " + e.getMessage())
                : ScanProblem.incomplete(source, lacking + ", and the read failed; scan again: " + e.getMessage());
    }

    /** Runs a required read; a failure becomes an INCOMPLETE problem. */
    private boolean required(String source, List<ScanProblem> problems, Runnable read) {
        try {
            read.run();
            return true;
        } catch (GraphCallFailed e) {
            problem(problems, ScanProblem.incomplete(source, e.getMessage()));
            return false;
        }
    }

    void problem(List<ScanProblem> problems, ScanProblem problem) {
        problems.add(problem);
        listener.problem(problem);
    }

    private RequestInformation applicationsRequest(boolean expandFederated) {
        return client.applications().toGetRequestInformation(config -> {
            config.queryParameters.top = PAGE_SIZE;
            config.queryParameters.select = APPLICATION_SELECT.clone();
            if (expandFederated) {
                config.queryParameters.expand = new String[] {"federatedIdentityCredentials"};
            }
        });
    }

    private RequestInformation federatedFilterRequest() {
        return client.applications().toGetRequestInformation(config -> {
            config.queryParameters.top = PAGE_SIZE;
            config.queryParameters.select = new String[] {"id"};
            config.queryParameters.filter = "federatedIdentityCredentials/$count ne 0";
            config.queryParameters.count = true;
            config.headers.add("ConsistencyLevel", "eventual");
        });
    }

    /**
     * Every application's id with its federated credentials expanded: the incremental scan's
     * cross-check. Not an advanced query (Graph does not expand in those), so it is strongly
     * consistent: a credential removed a moment ago is not listed.
     */
    RequestInformation federationRequest() {
        return client.applications().toGetRequestInformation(config -> {
            config.queryParameters.top = PAGE_SIZE;
            config.queryParameters.select = new String[] {"id"};
            config.queryParameters.expand = new String[] {"federatedIdentityCredentials"};
        });
    }

    private RequestInformation federatedRequest(UUID applicationObjectId) {
        return client.applications().byApplicationId(applicationObjectId.toString())
                .federatedIdentityCredentials().toGetRequestInformation();
    }

    private RequestInformation servicePrincipalsRequest() {
        return client.servicePrincipals().toGetRequestInformation(config -> {
            config.queryParameters.top = PAGE_SIZE;
            config.queryParameters.select = SERVICE_PRINCIPAL_SELECT.clone();
        });
    }

    private RequestInformation policyRequest() {
        return client.policies().defaultAppManagementPolicy().toGetRequestInformation();
    }

    /** The beta report is not in the v1.0 SDK: a raw request through the same adapter. */
    private RequestInformation signInRequest() {
        RequestInformation info = new RequestInformation();
        info.httpMethod = HttpMethod.GET;
        info.setUri(URI.create(root + "/beta/reports/appCredentialSignInActivities"));
        info.headers.add("Accept", "application/json");
        return info;
    }

    /** Configures a {@link GraphReader}. */
    public static final class Builder {

        private URI root = GraphConnection.GLOBAL_GRAPH;
        private @Nullable TokenCredential credential;
        private boolean signInEvidence;
        private @Nullable UUID tenantId;
        private ScanListener listener = ScanListener.NONE;
        private RetryPolicy retry = RetryPolicy.defaults();
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /**
         * @param value any azure-identity credential (certificate, managed identity, workload
         *     identity federation, Azure CLI, ...); its tokens go only to the Graph host
         * @return this builder
         */
        public Builder credential(TokenCredential value) {
            this.credential = requireNonNull(value, "credential");
            return this;
        }

        /**
         * @param value the root under which {@code /v1.0} and {@code /beta} live: a national
         *     cloud's Graph over https, or a loopback address (a local fake, which is read
         *     anonymously unless a credential is set; with one, a real Graph token goes to that
         *     local port, so use it only with a fake your own test started)
         * @return this builder
         * @throws IllegalArgumentException for any other address
         */
        public Builder graphRoot(URI value) {
            this.root = GraphConnection.root(value);
            return this;
        }

        /**
         * @param value where Graph is and how to sign in, as for a {@link GraphWriter}
         * @return this builder
         */
        public Builder connection(GraphConnection value) {
            this.root = requireNonNull(value, "connection").root();
            this.credential = value.credential();
            return this;
        }

        /**
         * @param value whether to read the beta credential sign-in activity report
         * @return this builder
         */
        public Builder signInEvidence(boolean value) {
            this.signInEvidence = value;
            return this;
        }

        /**
         * @param value the tenant's id, to label the snapshot
         * @return this builder
         */
        public Builder tenantId(@Nullable UUID value) {
            this.tenantId = value;
            return this;
        }

        /**
         * @param value hears pages, retries and problems (called from several threads)
         * @return this builder
         */
        public Builder listener(ScanListener value) {
            this.listener = requireNonNull(value, "listener");
            return this;
        }

        /**
         * @param value how hard to retry throttled or failed requests
         * @return this builder
         */
        public Builder retryPolicy(RetryPolicy value) {
            this.retry = requireNonNull(value, "retryPolicy");
            return this;
        }

        /**
         * @param value the clock that turns an HTTP-date Retry-After into a wait
         * @return this builder
         */
        public Builder clock(Clock value) {
            this.clock = requireNonNull(value, "clock");
            return this;
        }

        /**
         * @return the reader
         * @throws IllegalStateException when neither a credential nor a loopback root is set (a
         *     real tenant is never read anonymously)
         */
        public GraphReader build() {
            if (credential == null && !GraphConnection.isLoopback(root)) {
                throw new IllegalStateException("reading " + root + " needs a credential; "
                        + "only a loopback Graph root is read anonymously");
            }
            return new GraphReader(this);
        }
    }
}
