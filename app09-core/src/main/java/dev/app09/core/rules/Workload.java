package dev.app09.core.rules;

import static java.util.Objects.requireNonNull;

import dev.app09.core.model.Application;
import dev.app09.core.model.ServicePrincipal;
import dev.app09.core.model.ServicePrincipalType;
import dev.app09.core.model.TenantSnapshot;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The unit of assessment: one appId, with the tenant's application object and service principal
 * for it, either of which may be absent (APP09-RULES.md section 1).
 *
 * @param appId the application (client) id
 * @param application the application object, when it lives in this tenant
 * @param servicePrincipal the service principal, when one exists in this tenant
 */
public record Workload(UUID appId, @Nullable Application application, @Nullable ServicePrincipal servicePrincipal) {

    /** Validates that there is something to assess and that the appIds agree. */
    public Workload {
        requireNonNull(appId, "appId");
        if (application == null && servicePrincipal == null) {
            throw new IllegalArgumentException("a workload needs an application or a service principal: " + appId);
        }
        if (application != null && !application.appId().equals(appId)
                || servicePrincipal != null && !servicePrincipal.appId().equals(appId)) {
            throw new IllegalArgumentException("the application and service principal of workload " + appId
                    + " must share its appId");
        }
    }

    /**
     * Joins a snapshot's applications and service principals by appId: applications first, in
     * snapshot order, then service principals without an application.
     *
     * @param snapshot the tenant
     * @return one workload per appId
     */
    public static List<Workload> joinAll(TenantSnapshot snapshot) {
        Map<UUID, ServicePrincipal> spByAppId = new LinkedHashMap<>();
        for (ServicePrincipal sp : snapshot.servicePrincipals()) {
            spByAppId.put(sp.appId(), sp);
        }
        List<Workload> workloads = new ArrayList<>(snapshot.applications().size() + spByAppId.size());
        for (Application app : snapshot.applications()) {
            workloads.add(new Workload(app.appId(), app, spByAppId.remove(app.appId())));
        }
        for (ServicePrincipal sp : spByAppId.values()) {
            workloads.add(new Workload(sp.appId(), null, sp));
        }
        return workloads;
    }

    /** @return the application's display name, else the service principal's */
    public String displayName() {
        if (application != null) {
            return application.displayName();
        }
        return requireNonNull(servicePrincipal).displayName();
    }

    /**
     * The workload's origin. A managed identity is recognised first (it never has an application
     * object); a service principal without an application is MICROSOFT when its owner is one of
     * {@code microsoftTenantIds}, else EXTERNAL.
     *
     * @param microsoftTenantIds the Microsoft first-party tenant ids
     * @return the origin
     */
    public Origin origin(Set<UUID> microsoftTenantIds) {
        if (servicePrincipal != null && servicePrincipal.type() == ServicePrincipalType.MANAGED_IDENTITY) {
            return Origin.MANAGED_IDENTITY;
        }
        if (application != null) {
            return Origin.TENANT;
        }
        UUID owner = requireNonNull(servicePrincipal).appOwnerOrganizationId();
        return owner != null && microsoftTenantIds.contains(owner) ? Origin.MICROSOFT : Origin.EXTERNAL;
    }
}
