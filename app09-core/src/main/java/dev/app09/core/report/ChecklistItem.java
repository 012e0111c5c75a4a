package dev.app09.core.report;

import static java.util.Objects.requireNonNull;

/**
 * One step of the guidance's verification checklist and where this report leaves it.
 *
 * @param text the step, as the guidance puts it
 * @param state done, open, or to be checked by a person
 * @param basis why this state, from the report
 */
public record ChecklistItem(String text, State state, String basis) {

    /** Where a step stands. */
    public enum State {
        /** The report shows the step done. */
        DONE,
        /** The report shows the step not done. */
        OPEN,
        /** The report cannot tell: a person checks it. */
        MANUAL
    }

    /** Validates. */
    public ChecklistItem {
        requireNonNull(text, "text");
        requireNonNull(state, "state");
        requireNonNull(basis, "basis");
    }
}
