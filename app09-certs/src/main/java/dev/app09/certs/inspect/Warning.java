package dev.app09.certs.inspect;

import static java.util.Objects.requireNonNull;

/**
 * Something to look at before uploading, with the facts behind it.
 *
 * @param reason the reason
 * @param detail for a person: the dates, count or algorithm
 */
public record Warning(WarningReason reason, String detail) {

    /** Validates. */
    public Warning {
        requireNonNull(reason, "reason");
        requireNonNull(detail, "detail");
    }
}
