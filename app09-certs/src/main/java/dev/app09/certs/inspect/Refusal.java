package dev.app09.certs.inspect;

import static java.util.Objects.requireNonNull;

/**
 * One reason a file may not be uploaded, with the facts behind it.
 *
 * @param reason the reason
 * @param detail for a person: the dates, sizes, algorithm or problem, and what to do
 */
public record Refusal(RefusalReason reason, String detail) {

    /** Validates. */
    public Refusal {
        requireNonNull(reason, "reason");
        requireNonNull(detail, "detail");
    }
}
