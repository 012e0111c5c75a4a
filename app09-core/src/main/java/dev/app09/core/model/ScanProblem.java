package dev.app09.core.model;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * Something that went wrong while a tenant was read. An {@link Impact#INCOMPLETE} problem means
 * objects may be missing, so no report built on the snapshot may call itself complete.
 *
 * @param impact whether the read is still complete
 * @param source what was being read, e.g. {@code servicePrincipals} or a file name
 * @param message what happened, for a person; never contains a secret
 */
public record ScanProblem(Impact impact, String source, String message) {

    /** How a problem affects the scan. */
    public enum Impact {
        /**
         * Worth knowing, and the inventory is still whole: an optional read that was refused (its
         * findings are missing, and the problem says which), a state or register note.
         */
        WARNING,
        /** A read failed: objects, or findings a clean read gives, may be missing. */
        INCOMPLETE
    }

    /** Validates. */
    public ScanProblem {
        requireNonNull(impact, "impact");
        requireNonNull(source, "source");
        requireNonNull(message, "message");
    }

    /**
     * @param problems the problems of one read
     * @return whether none of them makes the read incomplete
     */
    public static boolean noneIncomplete(List<ScanProblem> problems) {
        return problems.stream().noneMatch(p -> p.impact() == Impact.INCOMPLETE);
    }

    /**
     * @param source what was being read
     * @param message what happened
     * @return a problem that leaves the scan complete
     */
    public static ScanProblem warning(String source, String message) {
        return new ScanProblem(Impact.WARNING, source, message);
    }

    /**
     * @param source what was being read
     * @param message what happened
     * @return a problem that makes the scan incomplete
     */
    public static ScanProblem incomplete(String source, String message) {
        return new ScanProblem(Impact.INCOMPLETE, source, message);
    }
}
