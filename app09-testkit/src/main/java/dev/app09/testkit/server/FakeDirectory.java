package dev.app09.testkit.server;

import dev.app09.core.model.Application;
import dev.app09.core.model.ServicePrincipal;
import dev.app09.core.model.TenantSnapshot;
import dev.app09.testkit.tenant.TenantSource;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * The served tenant's current state: the source as built, plus the objects writes have replaced
 * (kept by position, so a generated tenant of a million objects changes only what is written) and
 * the certificate bytes ({@code key}) of key credentials. Thread-safe.
 */
final class FakeDirectory {

    private final TenantSource source;
    private final Map<Integer, Application> changedApplications = new ConcurrentHashMap<>();
    private final Map<Integer, ServicePrincipal> changedServicePrincipals = new ConcurrentHashMap<>();
    private final Map<UUID, byte[]> keyValues = new ConcurrentHashMap<>();

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
                source.signInEvidence(), List.of());
    }
}
