package dev.app09.core.rules;

import static dev.app09.core.Fixtures.activeCertificate;
import static dev.app09.core.Fixtures.app;
import static dev.app09.core.Fixtures.expiredSecret;
import static dev.app09.core.Fixtures.federated;
import static dev.app09.core.Fixtures.id;
import static dev.app09.core.Fixtures.liveSecret;
import static dev.app09.core.Fixtures.sp;

import dev.app09.core.model.Application;
import dev.app09.core.model.ServicePrincipal;
import dev.app09.core.model.TenantSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Seeded tenants of every shape the join meets: pairs, lone applications, lone service principals. */
public final class RandomTenants {

    private RandomTenants() {
    }

    /**
     * @param size how many appIds
     * @param seed the seed
     * @return a tenant where about half the appIds have both objects, a quarter only an
     *     application and a quarter only a service principal (some Microsoft's, some with secrets)
     */
    public static TenantSnapshot of(int size, long seed) {
        Random random = new Random(seed);
        List<Application> applications = new ArrayList<>();
        List<ServicePrincipal> servicePrincipals = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            int shape = random.nextInt(4);
            String name = (random.nextBoolean() ? "App " : "app ") + random.nextInt(size);
            if (shape != 3) {
                applications.add(app(id(i), name, credentials(random)));
            }
            if (shape != 2) {
                servicePrincipals.add(random.nextInt(3) == 0
                        ? sp(id(i), name, Policy.MICROSOFT_SERVICES_TENANT)
                        : sp(id(i), name, null, credentials(random)));
            }
        }
        return TenantSnapshot.of(applications, servicePrincipals);
    }

    private static Object[] credentials(Random random) {
        return switch (random.nextInt(6)) {
            case 0 -> new Object[] {liveSecret()};
            case 1 -> new Object[] {liveSecret(), activeCertificate()};
            case 2 -> new Object[] {activeCertificate()};
            case 3 -> new Object[] {federated(), liveSecret()};
            case 4 -> new Object[] {expiredSecret()};
            default -> new Object[0];
        };
    }
}
