package dev.app09.graph;

import static java.util.Objects.requireNonNull;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What a credential write did, as confirmed by reading the object back afterwards.
 *
 * @param outcome what happened
 * @param message what was sent, what Graph answered and what the read-back showed, for people
 * @param keyId the key credential added or the password removed, when there is one
 */
public record WriteResult(Outcome outcome, String message, @Nullable UUID keyId) {

    /** What happened to a write. */
    public enum Outcome {
        /** Sent, and the read-back shows exactly the change. */
        DONE,
        /** Nothing was sent: the object already was as asked. */
        ALREADY_DONE,
        /** Nothing was sent: sending would have been unsafe or would have been refused. */
        REFUSED,
        /** Graph refused or failed the write and the read-back shows no change; nothing was resent. */
        NOT_APPLIED,
        /** The read-back shows something other than the change asked for: look at the object now. */
        MISMATCH,
        /** The write failed and so did the read-back: whether it took effect is not known. */
        UNKNOWN;

        /** @return whether the object is now as asked */
        public boolean succeeded() {
            return this == DONE || this == ALREADY_DONE;
        }
    }

    /** Validates. */
    public WriteResult {
        requireNonNull(outcome, "outcome");
        requireNonNull(message, "message");
    }
}
