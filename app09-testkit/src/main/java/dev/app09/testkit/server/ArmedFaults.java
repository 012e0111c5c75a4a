package dev.app09.testkit.server;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/** The injected faults, each with what is left of its {@code times}; the first armed match fires. */
final class ArmedFaults {

    private record Armed(Fault fault, AtomicInteger toSkip, AtomicInteger left) {
        boolean fire() {
            if (toSkip.getAndUpdate(n -> Math.max(n - 1, 0)) > 0) {
                return false;
            }
            if (fault.times() < 0) {
                return true;
            }
            return left.getAndUpdate(n -> Math.max(n - 1, 0)) > 0;
        }
    }

    private final List<Armed> faults = new CopyOnWriteArrayList<>();

    void add(Fault fault) {
        faults.add(new Armed(fault, new AtomicInteger(fault.skipped()), new AtomicInteger(fault.times())));
    }

    @Nullable Fault take(Endpoint endpoint, int page) {
        for (Armed armed : faults) {
            if (armed.fault().matches(endpoint, page) && armed.fire()) {
                return armed.fault();
            }
        }
        return null;
    }

    void clear() {
        faults.clear();
    }
}
