package dev.app09.testkit.server;

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
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * The served tenant's current state: the source as built, plus the objects writes have replaced
 * (kept by position, so a generated tenant of a million objects changes only what is written),
 * the certificate bytes ({@code key}) of key credentials, and the certificate sign-ins a {@link
 * FakeTokenEndpoint} recorded. Thread-safe.
 */
final class FakeDirectory {

    private final TenantSource source;
    private final Map<Integer, Application> changedApplications = new ConcurrentHashMap<>();
    private final Map<Integer, ServicePrincipal> changedServicePrincipals = new ConcurrentHashMap<>();
    private final Map<UUID, byte[]> keyValues = new ConcurrentHashMap<>();
    // Guarded by this; in recording order, one per keyId, as the report keeps one row per credential.
    private final Map<UUID, CredentialSignIn> recordedSignIns = new LinkedHashMap<>();

    FakeDirectory(TenantSource source) {
        this.source = source;
    }

    TenantSource source() {
        return source;
    }

    Application application(int index) {
        Application changed = changedApplications.get(index);
        return changed != null ? changed : source.application(index);
    }

    ServicePrincipal servicePrincipal(int index) {
        ServicePrincipal changed = changedServicePrincipals.get(index);
        return changed != null ? changed : source.servicePrincipal(index);
    }

    /**
     * Finds an application by its client id. A linear scan: token requests are few, and a
     * generated tenant keeps no appId index.
     */
    OptionalInt applicationIndexByAppId(UUID appId) {
        for (int i = 0; i < source.applicationCount(); i++) {
            if (application(i).appId().equals(appId)) {
                return OptionalInt.of(i);
            }
        }
        return OptionalInt.empty();
    }

    synchronized Application updateApplication(int index, UnaryOperator<Application> change) {
        Application updated = change.apply(application(index));
        changedApplications.put(index, updated);
        return updated;
    }

    synchronized ServicePrincipal updateServicePrincipal(int index, UnaryOperator<ServicePrincipal> change) {
        ServicePrincipal updated = change.apply(servicePrincipal(index));
        changedServicePrincipals.put(index, updated);
        return updated;
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
        List<Application> applications = new ArrayList<>();
        for (int i = 0; i < source.applicationCount(); i++) {
            applications.add(application(i));
        }
        List<ServicePrincipal> servicePrincipals = new ArrayList<>();
        for (int i = 0; i < source.servicePrincipalCount(); i++) {
            servicePrincipals.add(servicePrincipal(i));
        }
        return new TenantSnapshot(source.tenantId(), applications, servicePrincipals, source.appManagementPolicy(),
                signInEvidence(), List.of());
    }
}
