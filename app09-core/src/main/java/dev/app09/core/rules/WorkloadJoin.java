package dev.app09.core.rules;

import static java.util.Objects.requireNonNull;

import dev.app09.core.model.Application;
import dev.app09.core.model.ServicePrincipal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Joins applications and service principals by appId while they stream in, handing on each
 * {@link Workload} as soon as it is whole: the streaming form of {@link Workload#joinAll}, for
 * tenants too large to hold.
 *
 * <p>An object waits only while its partner may still come: an application until its service
 * principal arrives or the service principals end, and the reverse. Once the applications have
 * ended, a service principal without one is handed on at once (counted, never held). What is held
 * is bounded by how far the two collections drift apart while they are read, plus 34 to 68 bytes per
 * appId to know each was seen once.
 *
 * <pre>{@code
 * WorkloadJoin join = WorkloadJoin.into(workload -> report.add(WorkloadRules.assess(workload, policy, asOf, null)));
 * applications.forEach(join::application);      // from one thread
 * servicePrincipals.forEach(join::servicePrincipal); // from another, at the same time
 * join.applicationsEnded();
 * join.servicePrincipalsEnded();
 * }</pre>
 *
 * <p>Thread-safe: objects may be offered from several threads at once. The sink is called under
 * the join's lock, one workload at a time.
 */
public final class WorkloadJoin {

    private final Consumer<Workload> sink;
    private final UuidSet applicationAppIds = new UuidSet();
    private final UuidSet servicePrincipalAppIds = new UuidSet();
    private final Map<UUID, Application> waitingApplications = new HashMap<>();
    private final Map<UUID, ServicePrincipal> waitingServicePrincipals = new HashMap<>();
    private boolean applicationsEnded;
    private boolean servicePrincipalsEnded;
    private int workloads;

    private WorkloadJoin(Consumer<Workload> sink) {
        this.sink = requireNonNull(sink, "sink");
    }

    /**
     * @param sink receives each workload once, as soon as it is whole
     * @return a join with nothing offered yet
     */
    public static WorkloadJoin into(Consumer<Workload> sink) {
        return new WorkloadJoin(sink);
    }

    /**
     * Offers an application.
     *
     * @param application the application
     * @return false, and nothing is handed on, when an application with this appId was offered
     *     before (a collection that changed while it was paged lists one twice)
     * @throws IllegalStateException after {@link #applicationsEnded()}
     */
    public synchronized boolean application(Application application) {
        UUID appId = application.appId();
        if (applicationsEnded) {
            throw new IllegalStateException("the applications have ended; application " + appId + " came after");
        }
        if (!applicationAppIds.add(appId)) {
            return false;
        }
        ServicePrincipal partner = waitingServicePrincipals.remove(appId);
        if (partner != null || servicePrincipalsEnded) {
            emit(new Workload(appId, application, partner));
        } else {
            waitingApplications.put(appId, application);
        }
        return true;
    }

    /**
     * Offers a service principal.
     *
     * @param servicePrincipal the service principal
     * @return false, and nothing is handed on, when a service principal with this appId was
     *     offered before
     * @throws IllegalStateException after {@link #servicePrincipalsEnded()}
     */
    public synchronized boolean servicePrincipal(ServicePrincipal servicePrincipal) {
        UUID appId = servicePrincipal.appId();
        if (servicePrincipalsEnded) {
            throw new IllegalStateException("the service principals have ended; service principal " + appId
                    + " came after");
        }
        if (!servicePrincipalAppIds.add(appId)) {
            return false;
        }
        Application partner = waitingApplications.remove(appId);
        if (partner != null || applicationsEnded) {
            emit(new Workload(appId, partner, servicePrincipal));
        } else {
            waitingServicePrincipals.put(appId, servicePrincipal);
        }
        return true;
    }

    /**
     * Offers a workload already known whole (read back from a saved scan, say): it is handed on at
     * once, without waiting for a partner.
     *
     * @param workload the workload
     * @return false, and nothing is handed on, when an object with its appId was offered before
     *     (an application or service principal offered after it is refused the same way)
     * @throws IllegalStateException after either collection has ended
     */
    public synchronized boolean workload(Workload workload) {
        if (applicationsEnded || servicePrincipalsEnded) {
            throw new IllegalStateException("a collection has ended; workload " + workload.appId() + " came after");
        }
        UUID appId = workload.appId();
        // Whole means whole: no other object of this appId may come before or after it.
        if (applicationAppIds.contains(appId) || servicePrincipalAppIds.contains(appId)) {
            return false;
        }
        applicationAppIds.add(appId);
        servicePrincipalAppIds.add(appId);
        emit(workload);
        return true;
    }

    /** Says no application will come any more: waiting service principals are handed on alone. */
    public synchronized void applicationsEnded() {
        if (!applicationsEnded) {
            applicationsEnded = true;
            List<ServicePrincipal> alone = new ArrayList<>(waitingServicePrincipals.values());
            waitingServicePrincipals.clear();
            alone.forEach(sp -> emit(new Workload(sp.appId(), null, sp)));
        }
    }

    /** Says no service principal will come any more: waiting applications are handed on alone. */
    public synchronized void servicePrincipalsEnded() {
        if (!servicePrincipalsEnded) {
            servicePrincipalsEnded = true;
            List<Application> alone = new ArrayList<>(waitingApplications.values());
            waitingApplications.clear();
            alone.forEach(app -> emit(new Workload(app.appId(), app, null)));
        }
    }

    /** @return how many workloads were handed on so far */
    public synchronized int workloads() {
        return workloads;
    }

    /** @return how many objects wait for their partner now (what the join holds) */
    public synchronized int waiting() {
        return waitingApplications.size() + waitingServicePrincipals.size();
    }

    private void emit(Workload workload) {
        workloads++;
        sink.accept(workload);
    }
}
