package dev.app09.testkit.tenant;

import dev.app09.core.model.AppManagementPolicy;
import dev.app09.core.model.Application;
import dev.app09.core.model.ServicePrincipal;
import dev.app09.core.model.SignInEvidence;
import dev.app09.core.model.TenantSnapshot;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalInt;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A read-only tenant addressed by position, so that a page of it can be produced without the
 * rest: a built snapshot ({@link #of(TenantSnapshot)}) or a {@link GeneratedTenant} that computes
 * each object from its index. The fake Graph server and the export writer read tenants this way.
 */
public interface TenantSource {

    /** @return the tenant id, or null */
    @Nullable UUID tenantId();

    /** @return how many applications there are */
    int applicationCount();

    /**
     * @param index from 0 to {@link #applicationCount()} - 1
     * @return the application at that position
     */
    Application application(int index);

    /**
     * @param id an application object id
     * @return its position, or empty when there is none
     */
    OptionalInt applicationIndex(UUID id);

    /** @return how many service principals there are */
    int servicePrincipalCount();

    /**
     * @param index from 0 to {@link #servicePrincipalCount()} - 1
     * @return the service principal at that position
     */
    ServicePrincipal servicePrincipal(int index);

    /**
     * @param id a service principal object id
     * @return its position, or empty when there is none
     */
    OptionalInt servicePrincipalIndex(UUID id);

    /** @return the default app management policy, or null when the tenant has none to show */
    @Nullable AppManagementPolicy appManagementPolicy();

    /** @return the credential sign-in evidence, or null when there is none */
    @Nullable SignInEvidence signInEvidence();

    /**
     * @param snapshot a built tenant
     * @return the snapshot as a source, with object ids indexed
     */
    static TenantSource of(TenantSnapshot snapshot) {
        Map<UUID, Integer> applications = new HashMap<>();
        snapshot.applications().forEach(app -> applications.put(app.id(), applications.size()));
        Map<UUID, Integer> servicePrincipals = new HashMap<>();
        snapshot.servicePrincipals().forEach(sp -> servicePrincipals.put(sp.id(), servicePrincipals.size()));
        return new TenantSource() {
            @Override
            public @Nullable UUID tenantId() {
                return snapshot.tenantId();
            }

            @Override
            public int applicationCount() {
                return snapshot.applications().size();
            }

            @Override
            public Application application(int index) {
                return snapshot.applications().get(index);
            }

            @Override
            public OptionalInt applicationIndex(UUID id) {
                return indexIn(applications, id);
            }

            @Override
            public int servicePrincipalCount() {
                return snapshot.servicePrincipals().size();
            }

            @Override
            public ServicePrincipal servicePrincipal(int index) {
                return snapshot.servicePrincipals().get(index);
            }

            @Override
            public OptionalInt servicePrincipalIndex(UUID id) {
                return indexIn(servicePrincipals, id);
            }

            @Override
            public @Nullable AppManagementPolicy appManagementPolicy() {
                return snapshot.appManagementPolicy();
            }

            @Override
            public @Nullable SignInEvidence signInEvidence() {
                return snapshot.signInEvidence();
            }
        };
    }

    private static OptionalInt indexIn(Map<UUID, Integer> positions, UUID id) {
        Integer index = positions.get(id);
        return index == null ? OptionalInt.empty() : OptionalInt.of(index);
    }
}
