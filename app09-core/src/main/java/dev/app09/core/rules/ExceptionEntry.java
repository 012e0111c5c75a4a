package dev.app09.core.rules;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * A documented exception (APP09-RULES.md section 5): a workload whose runtime supports neither
 * certificates nor federation may keep short-lived secrets until {@code expires}.
 *
 * @param appId the workload it covers
 * @param reason why no certificate or federation is possible
 * @param approvedBy who approved it
 * @param expires the day it ends: it no longer applies from 00:00 UTC of that day
 */
public record ExceptionEntry(UUID appId, String reason, String approvedBy, LocalDate expires) {

    /** Validates. */
    public ExceptionEntry {
        requireNonNull(appId, "appId");
        requireNonNull(reason, "reason");
        requireNonNull(approvedBy, "approvedBy");
        requireNonNull(expires, "expires");
        if (reason.isBlank() || approvedBy.isBlank()) {
            throw new IllegalArgumentException("exception for " + appId + " needs a reason and an approver");
        }
    }

    /**
     * Whether the exception has expired. It ends at the start of its {@code expires} day (UTC):
     * the conservative reading, so an exception never covers a day it might not have been meant to.
     *
     * @param asOf the evaluation instant
     * @return whether it no longer applies at {@code asOf}
     */
    public boolean expiredAt(Instant asOf) {
        return !asOf.isBefore(expires.atStartOfDay(ZoneOffset.UTC).toInstant());
    }
}
