package dev.app09.core.report;

/**
 * The guidance's effort estimate: the inventory once (30-60 minutes), then for every failing
 * workload 30-60 minutes of migration, 15-30 of testing and 5-10 of secret removal.
 *
 * @param failingWorkloads the number of workloads to migrate
 */
public record EffortEstimate(int failingWorkloads) {

    /** Minutes for the inventory, once. */
    public static final int INVENTORY_MIN = 30;
    /** Minutes for the inventory, once, at most. */
    public static final int INVENTORY_MAX = 60;
    /** Minutes per workload: migration 30 + testing 15 + removal 5. */
    public static final int PER_WORKLOAD_MIN = 30 + 15 + 5;
    /** Minutes per workload at most: migration 60 + testing 30 + removal 10. */
    public static final int PER_WORKLOAD_MAX = 60 + 30 + 10;

    /** Validates. */
    public EffortEstimate {
        if (failingWorkloads < 0) {
            throw new IllegalArgumentException("failingWorkloads must not be negative: " + failingWorkloads);
        }
    }

    /** @return the least total effort in minutes */
    public long minMinutes() {
        return INVENTORY_MIN + (long) PER_WORKLOAD_MIN * failingWorkloads;
    }

    /** @return the greatest total effort in minutes */
    public long maxMinutes() {
        return INVENTORY_MAX + (long) PER_WORKLOAD_MAX * failingWorkloads;
    }
}
