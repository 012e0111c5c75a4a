package dev.app09.testkit.server;

import static java.util.Objects.requireNonNull;

import dev.app09.core.model.Application;
import dev.app09.core.model.CredentialSignIn;
import dev.app09.core.model.KeyCredential;
import dev.app09.core.model.ServicePrincipal;
import dev.app09.core.model.SignInEvidence;
import dev.app09.core.model.TenantSnapshot;
import dev.app09.testkit.tenant.TenantSource;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * The served tenant's current state: the source as built, plus what writes changed (objects
 * replaced, added or removed, kept by position in an {@link ObjectCollection}, so a generated
 * tenant of a million objects holds only what is written), a change version that every write
 * raises and delta queries read, the certificate bytes ({@code key}) of key credentials, and the
 * certificate sign-ins a {@link FakeTokenEndpoint} recorded. Thread-safe: writes run under this
 * object's lock.
 */
final class FakeDirectory {

    /** Graph's {@code @removed} reason for an object deleted for good. */
    static final String DELETED = "deleted";
    /** Graph's {@code @removed} reason for an object moved to the deleted items (soft-deleted). */
    static final String SOFT_DELETED = "changed";

    private final TenantSource source;
    private final ObjectCollection<Application> applications;
    private final ObjectCollection<ServicePrincipal> servicePrincipals;
    private final Map<UUID, byte[]> keyValues = new ConcurrentHashMap<>();
    // Guarded by this; in recording order, one per keyId, as the report keeps one row per credential.
    private final Map<UUID, CredentialSignIn> recordedSignIns = new LinkedHashMap<>();
    // Guarded by this: the version of the last write, 0 before any.
    private long version;

    FakeDirectory(TenantSource source) {
        this.source = source;
        this.applications = new ObjectCollection<>(source.applicationCount(), source::application,
                source::applicationIndex, Application::id, ChangedProperties.APPLICATIONS);
        this.servicePrincipals = new ObjectCollection<>(source.servicePrincipalCount(), source::servicePrincipal,
                source::servicePrincipalIndex, ServicePrincipal::id, ChangedProperties.SERVICE_PRINCIPALS);
    }

    TenantSource source() {
        return source;
    }

    ObjectCollection<Application> applications() {
        return applications;
    }

    ObjectCollection<ServicePrincipal> servicePrincipals() {
        return servicePrincipals;
    }

    /** @return the version of the last write: a change recorded later has a greater one */
    synchronized long version() {
        return version;
    }

    Application application(int index) {
        return applications.get(index);
    }

    ServicePrincipal servicePrincipal(int index) {
        return servicePrincipals.get(index);
    }

    /**
     * Finds an application by its client id. A linear scan: token requests are few, and a
     * generated tenant keeps no appId index.
     */
    OptionalInt applicationIndexByAppId(UUID appId) {
        return indexByAppId(applications, appId, Application::appId);
    }

    private static <T> OptionalInt indexByAppId(ObjectCollection<T> objects, UUID appId, Function<T, UUID> appIdOf) {
        for (int i = 0; i < objects.size(); i++) {
            if (objects.present(i) && appIdOf.apply(objects.get(i)).equals(appId)) {
                return OptionalInt.of(i);
            }
        }
        return OptionalInt.empty();
    }

    /** A write of Graph's: an object deleted after the request found it is not found. */
    synchronized Application updateApplication(int index, UnaryOperator<Application> change) {
        requirePresent(applications, index);
        Application current = applications.get(index);
        Application updated = requireNonNull(change.apply(current), "the changed application");
        requireSameIds(current.id(), current.appId(), updated.id(), updated.appId(), "an application");
        applications.replace(index, updated, ++version);
        return updated;
    }

    /** A write of Graph's: an object deleted after the request found it is not found. */
    synchronized ServicePrincipal updateServicePrincipal(int index, UnaryOperator<ServicePrincipal> change) {
        requirePresent(servicePrincipals, index);
        ServicePrincipal current = servicePrincipals.get(index);
        ServicePrincipal updated = requireNonNull(change.apply(current), "the changed service principal");
        requireSameIds(current.id(), current.appId(), updated.id(), updated.appId(), "a service principal");
        servicePrincipals.replace(index, updated, ++version);
        return updated;
    }

    private static void requirePresent(ObjectCollection<?> objects, int index) {
        if (!objects.present(index)) {
            throw GraphError.notFound(objects.id(index).toString());
        }
    }

    /** A change made by a test, through {@link FakeGraphServer#changeApplication}. */
    synchronized void changeApplication(UUID id, UnaryOperator<Application> change) {
        updateApplication(index(applications, id, "application"), change);
    }

    /** A change made by a test, through {@link FakeGraphServer#changeServicePrincipal}. */
    synchronized void changeServicePrincipal(UUID id, UnaryOperator<ServicePrincipal> change) {
        updateServicePrincipal(index(servicePrincipals, id, "service principal"), change);
    }

    private static int index(ObjectCollection<?> objects, UUID id, String what) {
        return objects.indexOf(id).orElseThrow(() ->
                new IllegalArgumentException("the served tenant has no " + what + " with object id " + id));
    }

    /** Graph never changes these: a change that does is a mistake of the test, not a write. */
    private static void requireSameIds(UUID id, UUID appId, UUID newId, UUID newAppId, String what) {
        if (!id.equals(newId) || !appId.equals(newAppId)) {
            throw new IllegalArgumentException("the id and appId of " + what + " never change: " + id + "/" + appId
                    + " cannot become " + newId + "/" + newAppId);
        }
    }

    /** Appends an application after the source's; its id and appId must be new to the collection. */
    synchronized void addApplication(Application application) {
        requireNew(applications, application.id(), application.appId(), Application::appId, "an application");
        applications.add(application, ++version);
    }

    /** Appends a service principal after the source's; its id and appId must be new to the collection. */
    synchronized void addServicePrincipal(ServicePrincipal servicePrincipal) {
        requireNew(servicePrincipals, servicePrincipal.id(), servicePrincipal.appId(), ServicePrincipal::appId,
                "a service principal");
        servicePrincipals.add(servicePrincipal, ++version);
    }

    private static <T> void requireNew(ObjectCollection<T> objects, UUID id, UUID appId, Function<T, UUID> appIdOf,
            String what) {
        if (objects.everHeld(id)) {
            throw new IllegalArgumentException("the tenant already has (or had) " + what + " with id " + id);
        }
        OptionalInt sameAppId = indexByAppId(objects, appId, appIdOf);
        if (sameAppId.isPresent()) {
            throw new IllegalArgumentException("appId " + appId + " is already used by " + what + " with id "
                    + objects.id(sameAppId.getAsInt()));
        }
    }

    /**
     * Removes an application.
     *
     * @param reason {@link #DELETED} or {@link #SOFT_DELETED}
     */
    synchronized void removeApplication(UUID id, String reason) {
        applications.remove(index(applications, id, "application"), reason, ++version);
    }

    /**
     * Removes a service principal.
     *
     * @param reason {@link #DELETED} or {@link #SOFT_DELETED}
     */
    synchronized void removeServicePrincipal(UUID id, String reason) {
        servicePrincipals.remove(index(servicePrincipals, id, "service principal"), reason, ++version);
    }

    /**
     * The certificate bytes Graph keeps for a key credential. Keys built without bytes get a
     * stable placeholder (not a certificate), so a client that reads and sends back the full key
     * list keeps them, as it would on Graph.
     */
    byte[] keyValue(UUID keyId) {
        byte[] value = keyValues.get(keyId);
        return value != null ? value.clone()
                : ("app09-testkit placeholder for key " + keyId).getBytes(StandardCharsets.US_ASCII);
    }

    boolean hasRealKeyValue(UUID keyId) {
        return keyValues.containsKey(keyId);
    }

    void storeKeyValue(UUID keyId, byte[] value) {
        keyValues.put(keyId, value.clone());
    }

    /**
     * The application's client certificates, whatever their dates. A key whose stored bytes are
     * not a certificate is left out: it verifies nothing.
     */
    List<ClientCertificate> clientCertificates(Application app) {
        List<ClientCertificate> certificates = new ArrayList<>();
        for (KeyCredential key : app.keyCredentials()) {
            byte[] der = keyValues.get(key.keyId());
            if (ClientCertificate.TYPE.equals(key.type()) && ClientCertificate.USAGE.equals(key.usage()) && der != null) {
                X509Certificate certificate = certificate(der);
                if (certificate != null) {
                    certificates.add(new ClientCertificate(key, certificate));
                }
            }
        }
        return certificates;
    }

    private static @Nullable X509Certificate certificate(byte[] der) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der));
        } catch (GeneralSecurityException e) {
            return null;
        }
    }

    /** Records a sign-in, replacing an earlier one of the same key. */
    synchronized void recordSignIn(CredentialSignIn signIn) {
        recordedSignIns.put(signIn.keyId(), signIn);
    }

    /**
     * The credential sign-in report as it reads now: the tenant's rows, each row of a key that
     * signed in here replaced by that sign-in, then the sign-ins of keys the rows did not name.
     *
     * @return the evidence, or null when the tenant has none and nothing signed in
     */
    synchronized @Nullable SignInEvidence signInEvidence() {
        SignInEvidence built = source.signInEvidence();
        if (recordedSignIns.isEmpty()) {
            return built;
        }
        List<CredentialSignIn> rows = new ArrayList<>();
        Set<UUID> shown = new HashSet<>();
        for (CredentialSignIn row : built == null ? List.<CredentialSignIn>of() : built.signIns()) {
            CredentialSignIn recorded = recordedSignIns.get(row.keyId());
            if (recorded == null) {
                rows.add(row);
            } else if (shown.add(row.keyId())) {
                rows.add(recorded);
            }
        }
        for (CredentialSignIn recorded : recordedSignIns.values()) {
            if (shown.add(recorded.keyId())) {
                rows.add(recorded);
            }
        }
        return SignInEvidence.of(rows);
    }

    TenantSnapshot snapshot() {
        return new TenantSnapshot(source.tenantId(), present(applications), present(servicePrincipals),
                source.appManagementPolicy(), signInEvidence(), List.of());
    }

    private static <T> List<T> present(ObjectCollection<T> objects) {
        List<T> present = new ArrayList<>();
        for (int i = 0; i < objects.size(); i++) {
            if (objects.present(i)) {
                present.add(objects.get(i));
            }
        }
        return present;
    }
}
