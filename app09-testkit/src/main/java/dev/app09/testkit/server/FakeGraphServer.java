package dev.app09.testkit.server;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.app09.core.model.Application;
import dev.app09.core.model.ServicePrincipal;
import dev.app09.core.model.TenantSnapshot;
import dev.app09.testkit.tenant.TenantSource;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * A fake Microsoft Graph on a local port, serving one tenant over real HTTP with Graph's
 * behaviour: {@code $top} up to 999 (400 above), {@code @odata.nextLink} paging with opaque skip
 * tokens, {@code $select}, {@code $expand=federatedIdentityCredentials}, the federated-credential
 * count filter (an advanced query: it needs {@code ConsistencyLevel: eventual} and {@code $count},
 * and, as every advanced query, refuses {@code $expand} with 400 {@code Request_UnsupportedQuery}),
 * delta queries with opaque delta links, Graph's error bodies, and credential
 * writes with Graph's semantics ({@code PATCH} replaces the whole key list). Pages are rendered
 * when asked for, so a {@link dev.app09.testkit.tenant.GeneratedTenant} of a million objects is
 * served without building them. Tests change the tenant by object id ({@link
 * #changeApplication}, {@link #deleteApplication}, {@link #addApplication}, ...), and only the
 * changes are held.
 *
 * <pre>{@code
 * try (FakeGraphServer graph = FakeGraphServer.start(tenant)) {
 *     graph.inject(Fault.throttled(Duration.ofSeconds(1)).on(Endpoint.APPLICATIONS).times(1));
 *     // point the client at graph.baseUrl() + "/v1.0", anonymously
 *     assertThat(graph.journal().count(Endpoint.APPLICATIONS)).isEqualTo(2);
 * }
 * }</pre>
 *
 * Served paths: {@code /v1.0/applications[/{id}[/federatedIdentityCredentials|/addKey|/removePassword]]},
 * {@code /v1.0/servicePrincipals[/{id}[/removePassword]]}, the delta queries {@code
 * /v1.0/applications/delta} and {@code /v1.0/servicePrincipals/delta} (also called {@code delta()},
 * as the Graph SDK does, and {@code microsoft.graph.delta()}), {@code
 * /v1.0/policies/defaultAppManagementPolicy} (a disabled, empty policy when the tenant has none,
 * as every Graph tenant has one), {@code /beta/reports/appCredentialSignInActivities} and {@code
 * /v1.0/organization}. Authentication is not checked: the journal records whether a request
 * carried an {@code Authorization} header. Thread-safe.
 */
public final class FakeGraphServer implements AutoCloseable {

    private final WireMockServer wireMock;
    private final ArmedFaults faults = new ArmedFaults();
    private final RequestJournal journal = new RequestJournal();
    private final ServerOptions options = new ServerOptions();
    private final ObjectMapper json = new ObjectMapper();
    private volatile Clock clock = Clock.systemUTC();
    // Set by serve(), which the constructor calls once the port is known and before any client can.
    private volatile TenantSource served;
    private volatile SkipTokens tokens;
    private volatile DeltaTokens deltaTokens;
    private volatile FakeDirectory directory;
    private volatile GraphResponder responder;

    private FakeGraphServer(TenantSource tenant) {
        this.wireMock = new WireMockServer(WireMockConfiguration.options()
                .bindAddress("127.0.0.1")
                .dynamicPort()
                .disableRequestJournal()
                .extensions(new GraphTransformer(() -> responder, faults, journal, () -> clock)));
        wireMock.start();
        wireMock.stubFor(WireMock.any(WireMock.anyUrl()).willReturn(WireMock.aResponse()));
        serve(tenant);
    }

    /** @return a started server with an empty tenant */
    public static FakeGraphServer start() {
        return start(TenantSource.of(TenantSnapshot.of(List.of(), List.of())));
    }

    /**
     * @param tenant the tenant to serve
     * @return a started server
     */
    public static FakeGraphServer start(TenantSnapshot tenant) {
        return start(TenantSource.of(tenant));
    }

    /**
     * @param tenant the tenant to serve, read one object at a time
     * @return a started server
     */
    public static FakeGraphServer start(TenantSource tenant) {
        return new FakeGraphServer(requireNonNull(tenant, "tenant"));
    }

    /**
     * Serves another tenant from now on; earlier writes and changes are forgotten, and links into
     * the previous tenant (skip and delta tokens) answer 400; faults, journal and latency kept.
     *
     * @param tenant the tenant
     * @return this server
     */
    public FakeGraphServer serve(TenantSnapshot tenant) {
        return serve(TenantSource.of(tenant));
    }

    /**
     * Serves another tenant from now on; earlier writes, changes and recorded sign-ins are
     * forgotten, and links into the previous tenant (skip and delta tokens) answer 400; faults,
     * journal and latency kept.
     *
     * @param tenant the tenant, read one object at a time
     * @return this server
     */
    public synchronized FakeGraphServer serve(TenantSource tenant) {
        this.served = requireNonNull(tenant, "tenant");
        this.tokens = new SkipTokens(); // a link into the previous tenant is no link into this one
        this.deltaTokens = new DeltaTokens();
        this.directory = new FakeDirectory(tenant);
        this.responder = newResponder(directory, baseUrl());
        return this;
    }

    private GraphResponder newResponder(FakeDirectory state, String base) {
        return new GraphResponder(state, tokens, deltaTokens, base, options, clock, json);
    }

    /** @return {@code http://127.0.0.1:PORT}, the root under which {@code /v1.0} and {@code /beta} live */
    public String baseUrl() {
        return "http://127.0.0.1:" + wireMock.port();
    }

    /** @return the port */
    public int port() {
        return wireMock.port();
    }

    /**
     * Adds a fault; faults are tried in the order added and the first that matches answers.
     *
     * @param fault the fault
     * @return this server
     */
    public FakeGraphServer inject(Fault fault) {
        faults.add(requireNonNull(fault, "fault"));
        return this;
    }

    /** @return every request received so far */
    public RequestJournal journal() {
        return journal;
    }

    /**
     * The tenant as it is now, writes included, and its sign-in evidence with the certificate
     * sign-ins a {@link FakeTokenEndpoint} recorded. It holds every object: meant for the small
     * tenants a test builds, not for a generated million. Scan problems are not part of a served
     * tenant: the snapshot has none.
     *
     * @return the current state
     */
    public TenantSnapshot snapshot() {
        return directory.snapshot();
    }

    /**
     * Stores the DER certificate of an existing key credential, so that Graph can return it as
     * {@code key} and verify addKey proofs with it, and a {@link FakeTokenEndpoint} client
     * assertions. Keys without one are served with a stable
     * placeholder value that is not a certificate. Kept until the next {@link #serve} or {@link
     * #reset()}.
     *
     * @param keyId the key credential's key id
     * @param der the certificate, DER encoded
     * @return this server
     */
    public FakeGraphServer certificate(UUID keyId, byte[] der) {
        directory.storeKeyValue(requireNonNull(keyId, "keyId"), der);
        return this;
    }

    /**
     * Changes an application as a write would: the list, the single object, {@link #snapshot()}
     * and delta queries show the new state. Works on every kind of tenant source; a generated
     * tenant holds only the changed object. Kept until the next {@link #serve} or {@link #reset()}.
     *
     * <pre>{@code
     * graph.changeApplication(app.id(), a -> new Application(a.id(), a.appId(), "Payroll v2",
     *         a.createdDateTime(), a.signInAudience(), a.passwordCredentials(), a.keyCredentials(),
     *         a.federatedIdentityCredentials()));
     * }</pre>
     *
     * @param objectId the application's object id
     * @param change from the application as it is now to what it becomes; it must keep the id and
     *     the appId, which Graph never changes
     * @return this server
     * @throws IllegalArgumentException when the tenant has no such application (or it was deleted),
     *     or the change touches its id or appId
     */
    public FakeGraphServer changeApplication(UUID objectId, UnaryOperator<Application> change) {
        requireNonNull(change, "change");
        directory.changeApplication(requireNonNull(objectId, "objectId"), change);
        return this;
    }

    /**
     * Changes a service principal as a write would; see {@link #changeApplication}.
     *
     * @param objectId the service principal's object id
     * @param change from the service principal as it is now to what it becomes; it must keep the
     *     id and the appId
     * @return this server
     * @throws IllegalArgumentException when the tenant has no such service principal (or it was
     *     deleted), or the change touches its id or appId
     */
    public FakeGraphServer changeServicePrincipal(UUID objectId, UnaryOperator<ServicePrincipal> change) {
        requireNonNull(change, "change");
        directory.changeServicePrincipal(requireNonNull(objectId, "objectId"), change);
        return this;
    }

    /**
     * Deletes an application for good: it leaves the list, its single object answers 404, {@link
     * #snapshot()} no longer holds it, and delta queries report it {@code "@removed": {"reason":
     * "deleted"}}. List pages pass over it and fill up from the objects after it; when the last
     * objects are gone, the last page may be empty, as Graph's can be.
     *
     * @param objectId the application's object id
     * @return this server
     * @throws IllegalArgumentException when the tenant has no such application (or it was deleted)
     */
    public FakeGraphServer deleteApplication(UUID objectId) {
        directory.removeApplication(requireNonNull(objectId, "objectId"), FakeDirectory.DELETED);
        return this;
    }

    /**
     * Deletes a service principal for good; see {@link #deleteApplication}.
     *
     * @param objectId the service principal's object id
     * @return this server
     * @throws IllegalArgumentException when the tenant has no such service principal (or it was
     *     deleted)
     */
    public FakeGraphServer deleteServicePrincipal(UUID objectId) {
        directory.removeServicePrincipal(requireNonNull(objectId, "objectId"), FakeDirectory.DELETED);
        return this;
    }

    /**
     * Moves an application to the deleted items, as {@code DELETE /applications/{id}} does on
     * Graph: gone from the list, the single object and {@link #snapshot()} as with {@link
     * #deleteApplication}, but delta queries report it {@code "@removed": {"reason": "changed"}}
     * (it could be restored). The fake restores nothing.
     *
     * @param objectId the application's object id
     * @return this server
     * @throws IllegalArgumentException when the tenant has no such application (or it was deleted)
     */
    public FakeGraphServer softDeleteApplication(UUID objectId) {
        directory.removeApplication(requireNonNull(objectId, "objectId"), FakeDirectory.SOFT_DELETED);
        return this;
    }

    /**
     * Moves a service principal to the deleted items; see {@link #softDeleteApplication}.
     *
     * @param objectId the service principal's object id
     * @return this server
     * @throws IllegalArgumentException when the tenant has no such service principal (or it was
     *     deleted)
     */
    public FakeGraphServer softDeleteServicePrincipal(UUID objectId) {
        directory.removeServicePrincipal(requireNonNull(objectId, "objectId"), FakeDirectory.SOFT_DELETED);
        return this;
    }

    /**
     * Creates an application after the tenant's others: listed last, gettable by its id, in
     * {@link #snapshot()}, and reported by delta queries. Checking the appId reads every
     * application once: on a generated tenant of a million objects that takes a moment.
     *
     * @param application the new application
     * @return this server
     * @throws IllegalArgumentException when its object id is (or was) taken, or another
     *     application has its appId
     */
    public FakeGraphServer addApplication(Application application) {
        directory.addApplication(requireNonNull(application, "application"));
        return this;
    }

    /**
     * Creates a service principal after the tenant's others; see {@link #addApplication}.
     *
     * @param servicePrincipal the new service principal
     * @return this server
     * @throws IllegalArgumentException when its object id is (or was) taken, or another service
     *     principal has its appId
     */
    public FakeGraphServer addServicePrincipal(ServicePrincipal servicePrincipal) {
        directory.addServicePrincipal(requireNonNull(servicePrincipal, "servicePrincipal"));
        return this;
    }

    /**
     * Expires every delta token issued so far, as Graph does after a week or when it loses the
     * sync state: their delta and next links answer {@code 410 Gone} with error code {@code
     * syncStateNotFound}, and the client must start again with a full round. Tokens issued later
     * are valid.
     *
     * @return this server
     */
    public FakeGraphServer expireDeltaTokens() {
        deltaTokens.expireAll();
        return this;
    }

    /** @return the served tenant's state now (a new one after {@link #serve} and {@link #reset()}) */
    FakeDirectory directory() {
        return directory;
    }

    /** @return the clock set with {@link #clock(Clock)} */
    Clock clock() {
        return clock;
    }

    /**
     * @param supported false to answer 400 to {@code $expand=federatedIdentityCredentials} on the
     *     application list (the case GRAPH-FACTS.md leaves unverified)
     * @return this server
     */
    public FakeGraphServer federatedExpandSupported(boolean supported) {
        options.federatedExpandSupported(supported);
        return this;
    }

    /**
     * @param readable false to answer {@code "key": null} even on a single application with
     *     {@code $select=keyCredentials} (a caller that cannot read key values)
     * @return this server
     */
    public FakeGraphServer keyValuesReadable(boolean readable) {
        options.keyValuesReadable(readable);
        return this;
    }

    /**
     * Makes delta change rounds send only what changed, as Graph may: Microsoft documents that an
     * updated object comes with its id and "at least the properties that have been updated", so
     * other selected properties (its {@code appId}, which never changes, for one) may be missing.
     * When on, a round that follows a delta link writes each changed object that the tenant source
     * built with its {@code id} and, of the selected properties, only those whose JSON value
     * differs from the object as the source built it, plus any a write changed since the link (a
     * property changed and then changed back is sent again). Objects added with {@link
     * #addApplication} or {@link #addServicePrincipal} are written whole, {@code @removed} entries
     * are as always, and full rounds (without a delta link) return whole objects. Off by default:
     * change rounds then write every selected property; {@link #reset()} turns it off.
     *
     * <pre>{@code
     * graph.deltaSendsChangedPropertiesOnly(true);
     * // rename an application: the next change round holds {"id": "...", "displayName": "Payroll v2"},
     * // without appId, passwordCredentials, keyCredentials, ...
     * }</pre>
     *
     * @param changedOnly true to send only the changed properties in change rounds
     * @return this server
     */
    public FakeGraphServer deltaSendsChangedPropertiesOnly(boolean changedOnly) {
        options.deltaSendsChangedPropertiesOnly(changedOnly);
        return this;
    }

    /**
     * @param name the organization's display name on {@code /v1.0/organization}
     * @return this server
     */
    public FakeGraphServer organizationName(String name) {
        options.organizationName(requireNonNull(name, "name"));
        return this;
    }

    /**
     * Delays every answer of the fake Graph, errors and injected faults included, as a network and
     * a distant service would: for benchmarks of clients that overlap their requests. Zero (the
     * default) answers at once; {@link #reset()} sets it back to zero. An injected {@link
     * Fault#delay} comes on top.
     *
     * <pre>{@code
     * graph.latency(Duration.ofMillis(50)); // each request now costs at least 50 ms
     * }</pre>
     *
     * @param perAnswer how much later than at once each answer comes, whole milliseconds
     * @return this server
     * @throws IllegalArgumentException when negative or longer than {@link Integer#MAX_VALUE} ms
     */
    public FakeGraphServer latency(Duration perAnswer) {
        requireNonNull(perAnswer, "perAnswer");
        if (perAnswer.isNegative() || perAnswer.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("a latency is from 0 to " + Integer.MAX_VALUE + " ms, not " + perAnswer);
        }
        wireMock.setGlobalFixedDelay((int) perAnswer.toMillis());
        return this;
    }

    /**
     * @param value the clock behind error dates, HTTP-date Retry-After values, the validity of
     *     addKey proofs and certificates, and the time a {@link FakeTokenEndpoint} records sign-ins
     *     at and checks key credentials' dates at (the system clock unless set)
     * @return this server
     */
    public synchronized FakeGraphServer clock(Clock value) {
        this.clock = requireNonNull(value, "clock");
        this.responder = newResponder(directory, baseUrl());
        return this;
    }

    /**
     * Back to the state after start: faults cleared, journal emptied, switches reset, no latency,
     * the system clock, the tenant served as it was built (writes, changes, delta tokens and
     * recorded sign-ins forgotten).
     */
    public synchronized void reset() {
        faults.clear();
        wireMock.setGlobalFixedDelay(0);
        journal.clear();
        options.reset();
        clock = Clock.systemUTC();
        serve(served);
    }

    /** Stops the server. */
    @Override
    public void close() {
        wireMock.stop();
    }
}
