package dev.app09.core.migration;

import static java.util.Objects.requireNonNull;

/**
 * Why a guarded step may not be taken.
 *
 * @param rule the rule that refused
 * @param message what the rule found, and what would change its mind
 */
public record Refusal(RetirementRule rule, String message) {

    /** Validates. */
    public Refusal {
        requireNonNull(rule, "rule");
        requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return rule + ": " + message;
    }
}
