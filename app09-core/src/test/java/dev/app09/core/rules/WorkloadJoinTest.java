package dev.app09.core.rules;

import static dev.app09.core.Fixtures.app;
import static dev.app09.core.Fixtures.id;
import static dev.app09.core.Fixtures.liveSecret;
import static dev.app09.core.Fixtures.sp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.app09.core.model.Application;
import dev.app09.core.model.ServicePrincipal;
import dev.app09.core.model.TenantSnapshot;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The streaming join gives the workloads of {@link Workload#joinAll}, whatever the arrival order. */
class WorkloadJoinTest {

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void anyInterleavingGivesTheWorkloadsOfJoinAll(long seed) {
        TenantSnapshot tenant = RandomTenants.of(500, seed);
        Random random = new Random(seed);
        List<Application> applications = new ArrayList<>(tenant.applications());
        List<ServicePrincipal> servicePrincipals = new ArrayList<>(tenant.servicePrincipals());
        Collections.shuffle(applications, random);
        Collections.shuffle(servicePrincipals, random);
        List<Workload> out = new ArrayList<>();
        WorkloadJoin join = WorkloadJoin.into(out::add);
        int a = 0;
        int s = 0;
        boolean applicationsFirst = random.nextBoolean();
        while (a < applications.size() || s < servicePrincipals.size()) {
            boolean takeApplication = s == servicePrincipals.size()
                    || a < applications.size() && random.nextInt(3) != 0 == applicationsFirst;
            if (takeApplication) {
                assertThat(join.application(applications.get(a++))).isTrue();
                if (a == applications.size()) {
                    join.applicationsEnded();
                }
            } else {
                assertThat(join.servicePrincipal(servicePrincipals.get(s++))).isTrue();
                if (s == servicePrincipals.size()) {
                    join.servicePrincipalsEnded();
                }
            }
        }
        join.applicationsEnded();
        join.servicePrincipalsEnded();

        assertThat(out).containsExactlyInAnyOrderElementsOf(Workload.joinAll(tenant));
        assertThat(join.workloads()).isEqualTo(out.size());
        assertThat(join.waiting()).isZero();
    }

    @Test
    void aServicePrincipalWithoutAnApplicationIsHandedOnAtOnceOnceTheApplicationsHaveEnded() {
        List<Workload> out = new ArrayList<>();
        WorkloadJoin join = WorkloadJoin.into(out::add);
        join.application(app(id(1), "paired"));
        join.applicationsEnded();

        join.servicePrincipal(sp(id(2), "Microsoft Graph", Policy.MICROSOFT_SERVICES_TENANT));

        assertThat(out).singleElement().satisfies(w -> {
            assertThat(w.appId()).isEqualTo(id(2));
            assertThat(w.application()).isNull();
        });
        assertThat(join.waiting()).as("only the application still waits for its service principal").isEqualTo(1);
    }

    @Test
    void anObjectWaitsOnlyWhileItsPartnerMayStillCome() {
        List<Workload> out = new ArrayList<>();
        WorkloadJoin join = WorkloadJoin.into(out::add);
        join.servicePrincipal(sp(id(1), "one", null));
        assertThat(out).isEmpty();

        join.application(app(id(1), "one", liveSecret()));
        assertThat(out).singleElement().satisfies(w -> {
            assertThat(w.application()).isNotNull();
            assertThat(w.servicePrincipal()).isNotNull();
        });
        assertThat(join.waiting()).isZero();

        join.application(app(id(2), "alone"));
        assertThat(out).hasSize(1);
        join.servicePrincipalsEnded();
        assertThat(out).hasSize(2).last().satisfies(w -> assertThat(w.servicePrincipal()).isNull());
    }

    @Test
    void anAppIdOfferedTwiceIsRefusedAndHandedOnOnce() {
        List<Workload> out = new ArrayList<>();
        WorkloadJoin join = WorkloadJoin.into(out::add);
        assertThat(join.application(app(id(1), "first"))).isTrue();
        assertThat(join.application(app(id(1), "again"))).isFalse();
        assertThat(join.servicePrincipal(sp(id(1), "first", null))).isTrue();
        assertThat(join.servicePrincipal(sp(id(1), "again", null))).isFalse();
        join.applicationsEnded();
        join.servicePrincipalsEnded();

        assertThat(out).singleElement().satisfies(w -> {
            assertThat(w.application().displayName()).isEqualTo("first");
            assertThat(w.servicePrincipal().displayName()).isEqualTo("first");
        });
    }

    @Test
    void aWholeWorkloadIsHandedOnAtOnceAndItsAppIdIsTakenOnItsSides() {
        List<Workload> out = new ArrayList<>();
        WorkloadJoin join = WorkloadJoin.into(out::add);
        Workload appOnly = new Workload(id(1), app(id(1), "stored"), null);

        assertThat(join.workload(appOnly)).isTrue();
        assertThat(out).containsExactly(appOnly);
        assertThat(join.workload(appOnly)).as("the same appId again").isFalse();
        assertThat(join.application(app(id(1), "listed again"))).isFalse();

        join.servicePrincipal(sp(id(2), "waiting", null));
        assertThat(join.workload(new Workload(id(2), app(id(2), "stored"), null)))
                .as("a partner already waits for this appId").isFalse();
        join.applicationsEnded();
        join.servicePrincipalsEnded();
        assertThat(out).hasSize(2);
    }

    @Test
    void anObjectAfterItsCollectionEndedIsABug() {
        WorkloadJoin join = WorkloadJoin.into(w -> { });
        join.applicationsEnded();
        join.servicePrincipalsEnded();

        assertThatThrownBy(() -> join.application(app(id(1), "late")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("applications have ended");
        assertThatThrownBy(() -> join.servicePrincipal(sp(id(1), "late", null)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("service principals have ended");
    }

    @Test
    void twoThreadsOfferingAtOnceLoseNothing() throws Exception {
        TenantSnapshot tenant = RandomTenants.of(20_000, 42);
        List<Workload> out = Collections.synchronizedList(new ArrayList<>());
        WorkloadJoin join = WorkloadJoin.into(out::add);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<?> apps = pool.submit(() -> {
                start.await();
                tenant.applications().forEach(join::application);
                join.applicationsEnded();
                return null;
            });
            Future<?> sps = pool.submit(() -> {
                start.await();
                tenant.servicePrincipals().forEach(join::servicePrincipal);
                join.servicePrincipalsEnded();
                return null;
            });
            start.countDown();
            apps.get();
            sps.get();
        } finally {
            pool.shutdownNow();
        }

        assertThat(out).containsExactlyInAnyOrderElementsOf(Workload.joinAll(tenant));
    }

    @Test
    void theAppIdSetHoldsEveryMemberThroughGrowth() {
        UuidSet set = new UuidSet();
        for (int i = 0; i < 100_000; i++) {
            assertThat(set.add(new UUID(7, i))).isTrue();
        }
        for (int i = 0; i < 100_000; i++) {
            assertThat(set.add(new UUID(7, i))).isFalse();
            assertThat(set.contains(new UUID(7, i))).isTrue();
        }
        assertThat(set.contains(new UUID(8, 0))).isFalse();
        assertThat(set.contains(new UUID(7, 100_000))).isFalse();
        assertThat(set.size()).isEqualTo(100_000);
    }
}
