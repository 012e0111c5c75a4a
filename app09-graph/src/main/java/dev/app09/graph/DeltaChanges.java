package dev.app09.graph;

import static java.util.Objects.requireNonNull;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * What the delta rounds of one collection reported, applied in the order Graph sent it: each
 * changed or new object by its appId (that is how a saved workload finds it), each removal by
 * object id. Not thread-safe: one collection's round is read by one thread.
 *
 * @param <T> applications or service principals
 */
final class DeltaChanges<T> {

    private final Function<T, UUID> objectId;
    private final Map<UUID, T> byAppId = new HashMap<>();
    private final Map<UUID, UUID> appIdByObjectId = new HashMap<>();
    private final Set<UUID> removedIds = new HashSet<>();

    DeltaChanges(Function<T, UUID> objectId) {
        this.objectId = requireNonNull(objectId, "objectId");
    }

    /** An object created, changed or restored: as it is now. */
    void changed(UUID appId, T object) {
        UUID id = objectId.apply(object);
        removedIds.remove(id);
        byAppId.put(appId, object);
        appIdByObjectId.put(id, appId);
    }

    /** An object removed: its own change goes, not another object's that has taken its appId since. */
    void removed(UUID id) {
        removedIds.add(id);
        UUID appId = appIdByObjectId.remove(id);
        T change = appId == null ? null : byAppId.get(appId);
        if (change != null && objectId.apply(change).equals(id)) {
            byAppId.remove(appId);
        }
    }

    /**
     * The saved object of an appId as it is now, taking its change out of what is left.
     *
     * @param saved the saved object, or null when the saved workload had none on this side
     * @return the change for this appId when there is one; else the saved object unless it was
     *     removed; else null
     */
    @Nullable T now(UUID appId, @Nullable T saved) {
        T changed = byAppId.remove(appId);
        if (changed != null) {
            return changed;
        }
        return saved == null || removedIds.contains(objectId.apply(saved)) ? null : saved;
    }

    /** @return the changes no saved workload took: objects of appIds the state did not have */
    Collection<T> left() {
        return byAppId.values();
    }
}
