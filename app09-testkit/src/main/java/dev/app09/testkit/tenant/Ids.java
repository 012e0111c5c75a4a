package dev.app09.testkit.tenant;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Deterministic identifiers: the same build steps give the same ids on every run, so written
 * exports do not drift and failures reproduce.
 */
final class Ids {

    private final String namespace;
    private int next;

    Ids(String namespace) {
        this.namespace = namespace;
    }

    UUID next(String kind) {
        return of(namespace + "/" + kind + "/" + next++);
    }

    static UUID of(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }
}
