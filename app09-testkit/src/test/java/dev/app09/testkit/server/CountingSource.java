package dev.app09.testkit.server;

import dev.app09.core.model.AppManagementPolicy;
import dev.app09.core.model.Application;
import dev.app09.core.model.ServicePrincipal;
import dev.app09.core.model.SignInEvidence;
import dev.app09.testkit.tenant.TenantSource;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/** A tenant source that counts how many objects were asked for: what the fake Graph built. */
final class CountingSource implements TenantSource {

    private final TenantSource source;
    private final AtomicInteger applicationsRead = new AtomicInteger();
    private final AtomicInteger servicePrincipalsRead = new AtomicInteger();

    CountingSource(TenantSource source) {
        this.source = source;
    }

    int applicationsRead() {
        return applicationsRead.get();
    }

    int servicePrincipalsRead() {
        return servicePrincipalsRead.get();
    }

    void clear() {
        applicationsRead.set(0);
        servicePrincipalsRead.set(0);
    }

    @Override
    public @Nullable UUID tenantId() {
        return source.tenantId();
    }

    @Override
    public int applicationCount() {
        return source.applicationCount();
    }

    @Override
    public Application application(int index) {
        applicationsRead.incrementAndGet();
        return source.application(index);
    }

    @Override
    public OptionalInt applicationIndex(UUID id) {
        return source.applicationIndex(id);
    }

    @Override
    public int servicePrincipalCount() {
        return source.servicePrincipalCount();
    }

    @Override
    public ServicePrincipal servicePrincipal(int index) {
        servicePrincipalsRead.incrementAndGet();
        return source.servicePrincipal(index);
    }

    @Override
    public OptionalInt servicePrincipalIndex(UUID id) {
        return source.servicePrincipalIndex(id);
    }

    @Override
    public @Nullable AppManagementPolicy appManagementPolicy() {
        return source.appManagementPolicy();
    }

    @Override
    public @Nullable SignInEvidence signInEvidence() {
        return source.signInEvidence();
    }
}
