package dev.app09.core.rules;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The documented exceptions of a tenant, at most one per appId. */
public final class ExceptionRegister {

    private static final ExceptionRegister EMPTY = new ExceptionRegister(Map.of());

    private final Map<UUID, ExceptionEntry> byAppId;

    private ExceptionRegister(Map<UUID, ExceptionEntry> byAppId) {
        this.byAppId = byAppId;
    }

    /** @return a register with no exception */
    public static ExceptionRegister empty() {
        return EMPTY;
    }

    /**
     * @param entries the documented exceptions
     * @return the register
     * @throws IllegalArgumentException when two entries name the same appId (which one applies
     *     would be a guess)
     */
    public static ExceptionRegister of(Collection<ExceptionEntry> entries) {
        Map<UUID, ExceptionEntry> map = new LinkedHashMap<>();
        for (ExceptionEntry entry : entries) {
            if (map.putIfAbsent(entry.appId(), entry) != null) {
                throw new IllegalArgumentException("two exceptions name appId " + entry.appId()
                        + ": keep one entry per workload");
            }
        }
        return new ExceptionRegister(Collections.unmodifiableMap(map));
    }

    /**
     * @param appId a workload's appId
     * @return its documented exception, if any
     */
    public Optional<ExceptionEntry> find(UUID appId) {
        return Optional.ofNullable(byAppId.get(appId));
    }

    /** @return every entry */
    public List<ExceptionEntry> entries() {
        return List.copyOf(byAppId.values());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ExceptionRegister other && byAppId.equals(other.byAppId);
    }

    @Override
    public int hashCode() {
        return byAppId.hashCode();
    }

    @Override
    public String toString() {
        return "ExceptionRegister" + byAppId.values();
    }
}
