package dev.app09.testkit.tenant;

import static java.util.Objects.requireNonNull;

import dev.app09.core.model.TenantSnapshot;
import dev.app09.core.rules.ExceptionRegister;
import dev.app09.core.rules.Policy;
import dev.app09.core.rules.Verdict;
import java.time.Instant;
import java.util.Map;

/**
 * A documented sample tenant: the snapshot, the exceptions register that goes with it, the
 * instant it is defined at, and the verdict it promises for each workload, by display name. The
 * testkit's own tests hold the core rules to those promises.
 *
 * @param name the sample's name, also its export folder's name
 * @param description what the sample shows
 * @param tenant the tenant
 * @param exceptions the documented exceptions of the tenant
 * @param asOf the instant the sample is defined at and its promises hold
 * @param promisedVerdicts the verdict each workload gets at {@code asOf}, by display name
 */
public record SampleTenant(
        String name,
        String description,
        TenantSnapshot tenant,
        ExceptionRegister exceptions,
        Instant asOf,
        Map<String, Verdict> promisedVerdicts) {

    /** Validates and copies. */
    public SampleTenant {
        requireNonNull(name, "name");
        requireNonNull(description, "description");
        requireNonNull(tenant, "tenant");
        requireNonNull(exceptions, "exceptions");
        requireNonNull(asOf, "asOf");
        promisedVerdicts = Map.copyOf(promisedVerdicts);
    }

    /** @return the default policy with this sample's exceptions register */
    public Policy policy() {
        return Policy.defaults().withExceptions(exceptions);
    }

    /** @return the resource folder holding this sample's export, inside the testkit jar */
    public String resourceFolder() {
        return SampleTenants.RESOURCE_ROOT + name;
    }
}
