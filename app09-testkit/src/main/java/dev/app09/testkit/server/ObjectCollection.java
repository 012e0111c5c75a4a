package dev.app09.testkit.server;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.function.IntFunction;
import org.jspecify.annotations.Nullable;

/**
 * One collection of the served tenant (its applications or its service principals) as it is now:
 * the source's objects by position, then the objects added since, at the positions after them.
 * Only what changed is held: the objects replaced or added, the positions removed, and for each
 * position the version of its last change and of the last change of each of its properties, which
 * delta queries read. A generated tenant of a million objects costs what its changes cost.
 *
 * <p>Writes run under the lock of the {@link FakeDirectory} that owns the collection, which
 * hands out the versions; reads take no lock. A write stores the object before its version, so a
 * reader that sees the version finds the object.
 *
 * @param <T> the object type
 */
final class ObjectCollection<T> {

    /**
     * A removed object, still named by delta queries.
     *
     * @param id its object id
     * @param reason Graph's {@code @removed} reason: {@code deleted}, or {@code changed} for an
     *     object moved to the deleted items (soft-deleted)
     */
    record Removal(UUID id, String reason) {
    }

    private final int sourceSize;
    private final IntFunction<T> source;
    private final Function<UUID, OptionalInt> sourceIndex;
    private final Function<T, UUID> idOf;
    private final ChangedProperties<T> diff;
    private final Map<Integer, T> replaced = new ConcurrentHashMap<>();
    private final List<T> added = new CopyOnWriteArrayList<>();
    private final Map<UUID, Integer> addedIndex = new ConcurrentHashMap<>();
    private final Map<Integer, Removal> removed = new ConcurrentHashMap<>();
    private final ConcurrentSkipListMap<Integer, Long> lastChange = new ConcurrentSkipListMap<>();
    // By position: the version of the last write that changed each property; each map immutable.
    private final Map<Integer, Map<String, Long>> propertyChanges = new ConcurrentHashMap<>();

    ObjectCollection(int sourceSize, IntFunction<T> source, Function<UUID, OptionalInt> sourceIndex,
            Function<T, UUID> idOf, ChangedProperties<T> changedProperties) {
        this.sourceSize = sourceSize;
        this.source = source;
        this.sourceIndex = sourceIndex;
        this.idOf = idOf;
        this.diff = changedProperties;
    }

    /** @return how many positions there are, removed ones included */
    int size() {
        return sourceSize + added.size();
    }

    /** @return whether the object at that position is still in the collection */
    boolean present(int index) {
        return !removed.containsKey(index);
    }

    /** @return the object at that position as it is now (as it was last, when removed) */
    T get(int index) {
        T replacedObject = replaced.get(index);
        if (replacedObject != null) {
            return replacedObject;
        }
        return index < sourceSize ? source.apply(index) : added.get(index - sourceSize);
    }

    /** @return the id of the object at that position */
    UUID id(int index) {
        return idOf.apply(get(index));
    }

    /** @return the position of the object with that id, empty when there is none or it was removed */
    OptionalInt indexOf(UUID id) {
        OptionalInt index = position(id);
        return index.isPresent() && present(index.getAsInt()) ? index : OptionalInt.empty();
    }

    /** @return whether an object ever had that id here, removed ones included */
    boolean everHeld(UUID id) {
        return position(id).isPresent();
    }

    private OptionalInt position(UUID id) {
        Integer addedAt = addedIndex.get(id);
        return addedAt != null ? OptionalInt.of(addedAt) : sourceIndex.apply(id);
    }

    /** @return how the object at that position was removed, or null when it is present */
    @Nullable Removal removal(int index) {
        return removed.get(index);
    }

    /**
     * The properties a delta round that reports the changes after version {@code since} must
     * send of the object at a position, when it sends only what changed: those whose value
     * differs from the object the source built there, and those a write changed after {@code
     * since} (a property changed back to its built value is still one the client must be told).
     *
     * @param index the position
     * @param current the object at that position as the round writes it
     * @param since the version the round reports the later changes of
     * @return the properties, or null for an object added after the source's, which the source
     *     never built
     */
    @Nullable Set<String> changedProperties(int index, T current, long since) {
        if (index >= sourceSize) {
            return null;
        }
        Set<String> changed = diff.between(source.apply(index), current);
        propertyChanges.getOrDefault(index, Map.of()).forEach((property, version) -> {
            if (version > since) {
                changed.add(property);
            }
        });
        return changed;
    }

    /** @return the version of the last change of every changed position from {@code position} on, in order */
    NavigableMap<Integer, Long> changesFrom(int position) {
        return lastChange.tailMap(position, true);
    }

    /** Replaces the object at a position (under the owner's lock). */
    void replace(int index, T value, long version) {
        Map<String, Long> properties = new HashMap<>(propertyChanges.getOrDefault(index, Map.of()));
        for (String property : diff.between(get(index), value)) {
            properties.put(property, version);
        }
        propertyChanges.put(index, Map.copyOf(properties));
        replaced.put(index, value);
        lastChange.put(index, version);
    }

    /**
     * Appends an object after every other (under the owner's lock).
     *
     * @return its position
     */
    int add(T value, long version) {
        int index = sourceSize + added.size();
        added.add(value);
        addedIndex.put(idOf.apply(value), index);
        lastChange.put(index, version);
        return index;
    }

    /** Removes the object at a position (under the owner's lock). */
    void remove(int index, String reason, long version) {
        removed.put(index, new Removal(id(index), reason));
        lastChange.put(index, version);
    }
}
