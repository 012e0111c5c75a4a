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
import dev.app09.graph.json.GraphJsonReader;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
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
 * retried within the {@link RetryPolicy}. An optional read (policy, sign-in evidence) that fails
 * is a {@link ScanProblem.Impact#WARNING}: the report says what is missing and stays complete.
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

    private final URI root;
    private final GraphServiceClient client;
    private final boolean signInEvidence;
    private final @Nullable UUID tenantId;
    private final ScanListener listener;
    private final GraphCalls calls;

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
        // Each list has one writer, and is read only after its task is done; problems are shared.
        List<ScanProblem> problems = Collections.synchronizedList(new ArrayList<>());
        List<Application> applications = new ArrayList<>();
        List<ServicePrincipal> servicePrincipals = new ArrayList<>();
        AtomicInteger threads = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(4, task -> {
            Thread thread = new Thread(task, "app09-graph-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        try {
            Future<?> apps = pool.submit(() -> readApplications(applications, problems));
            Future<?> sps = pool.submit(() -> required("servicePrincipals", problems, () ->
                    calls.readAll("servicePrincipals", "servicePrincipals", this::servicePrincipalsRequest,
                            GraphJsonReader.SERVICE_PRINCIPALS, servicePrincipals::addAll)));
            Future<@Nullable AppManagementPolicy> policy = pool.submit(() -> readPolicy(problems));
            Future<@Nullable SignInEvidence> evidence = pool.submit(() -> signInEvidence ? readSignIns(problems) : null);
            apps.get();
            sps.get();
            return new TenantSnapshot(tenantId, onePerAppId(applications, Application::appId, "applications", problems),
                    onePerAppId(servicePrincipals, ServicePrincipal::appId, "servicePrincipals", problems),
                    policy.get(), evidence.get(), List.copyOf(problems));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the scan was interrupted", e);
        } catch (ExecutionException e) {
            // Graph's answers never end here (they become problems): this is a bug.
            throw new IllegalStateException("the scan failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
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
                var read = new Object() {
                    @Nullable ServicePrincipal fresh;
                };
                String what = "service principal " + servicePrincipal.id();
                if (found(() -> calls.send(what, () -> servicePrincipalRequest(servicePrincipal.id()),
                        body -> read.fresh = GraphJsonReader.readServicePrincipal(body, what))) && read.fresh != null) {
                    servicePrincipals.add(read.fresh);
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
    private @Nullable Application application(UUID objectId) {
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
        return new Application(a.id(), a.appId(), a.displayName(), a.createdDateTime(), a.signInAudience(),
                a.passwordCredentials(), a.keyCredentials(), federated);
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
                problem(problems, ScanProblem.incomplete(source, "appId " + appId.apply(object)
                        + " was listed twice: the collection changed while it was read; scan again"));
            }
        }
        return unique;
    }

    private void readApplications(List<Application> applications, List<ScanProblem> problems) {
        try {
            calls.readAll("applications", "applications", () -> applicationsRequest(true), GraphJsonReader.APPLICATIONS,
                    applications::addAll);
            return;
        } catch (GraphCallFailed e) {
            if (e.status() != 400 || !applications.isEmpty()) {
                problem(problems, ScanProblem.incomplete("applications", e.getMessage()));
                return;
            }
        }
        // Graph refused the expand: list without it, then read federated credentials where they exist.
        boolean listed = required("applications", problems, () -> calls.readAll("applications", "applications",
                () -> applicationsRequest(false), GraphJsonReader.APPLICATIONS, applications::addAll));
        if (listed) {
            required("federatedIdentityCredentials", problems, () -> addFederated(applications));
        }
    }

    private void addFederated(List<Application> applications) {
        List<UUID> withFederated = new ArrayList<>();
        calls.readAll("applications with federated credentials", "applications with federated credentials",
                this::federatedFilterRequest, GraphJsonReader.OBJECT_IDS, withFederated::addAll);
        Map<UUID, List<FederatedIdentityCredential>> byObjectId = new HashMap<>();
        for (UUID id : withFederated) {
            List<FederatedIdentityCredential> federated = new ArrayList<>();
            calls.readAll("federatedIdentityCredentials", "federatedIdentityCredentials of application " + id,
                    () -> federatedRequest(id), GraphJsonReader.FEDERATED_IDENTITY_CREDENTIALS, federated::addAll);
            byObjectId.put(id, federated);
        }
        applications.replaceAll(a -> byObjectId.containsKey(a.id())
                ? new Application(a.id(), a.appId(), a.displayName(), a.createdDateTime(), a.signInAudience(),
                        a.passwordCredentials(), a.keyCredentials(), byObjectId.get(a.id()))
                : a);
    }

    private @Nullable AppManagementPolicy readPolicy(List<ScanProblem> problems) {
        var read = new Object() {
            @Nullable AppManagementPolicy policy;
        };
        try {
            calls.send("defaultAppManagementPolicy", this::policyRequest,
                    body -> read.policy = GraphJsonReader.readPolicy(body, "defaultAppManagementPolicy"));
        } catch (GraphCallFailed e) {
            problem(problems, ScanProblem.warning("defaultAppManagementPolicy", "the default app management policy "
                    + "was not read, so NEW_SECRETS_BLOCKED / NEW_SECRETS_ALLOWED is not judged"
                    + (e.forbiddenOrMissing() ? " (it needs Policy.Read.All)" : "") + ": " + e.getMessage()));
        }
        return read.policy;
    }

    private @Nullable SignInEvidence readSignIns(List<ScanProblem> problems) {
        List<CredentialSignIn> rows = new ArrayList<>();
        try {
            calls.readAll("appCredentialSignInActivities", "appCredentialSignInActivities", this::signInRequest,
                    GraphJsonReader.CREDENTIAL_SIGN_INS, rows::addAll);
            return SignInEvidence.of(rows);
        } catch (GraphCallFailed e) {
            problem(problems, ScanProblem.warning("appCredentialSignInActivities", "sign-in evidence was not read, "
                    + "so no secret is called in use or unused"
                    + (e.forbiddenOrMissing() ? " (it needs AuditLog.Read.All and Microsoft Entra ID P1 or P2)" : "")
                    + ": " + e.getMessage()));
            return null;
        }
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

    private void problem(List<ScanProblem> problems, ScanProblem problem) {
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
