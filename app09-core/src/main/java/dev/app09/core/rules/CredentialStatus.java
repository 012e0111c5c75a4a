package dev.app09.core.rules;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A credential's validity at the evaluation instant (APP09-RULES.md section 2). */
public enum CredentialStatus {
    /** Valid at the instant. */
    ACTIVE,
    /** Ended at or before the instant. */
    EXPIRED,
    /** Starts after the instant. */
    NOT_YET_VALID;

    /**
     * The status at {@code asOf}: EXPIRED when {@code end <= asOf}, NOT_YET_VALID when
     * {@code start > asOf}, else ACTIVE. A missing start means "since ever", a missing end "never
     * expires". Expiry wins over a start in the future (reversed dates never make a credential
     * usable).
     *
     * @param start when the credential becomes valid, or null
     * @param end when it expires, or null
     * @param asOf the evaluation instant
     * @return the status
     */
    public static CredentialStatus at(@Nullable Instant start, @Nullable Instant end, Instant asOf) {
        if (end != null && !end.isAfter(asOf)) {
            return EXPIRED;
        }
        if (start != null && start.isAfter(asOf)) {
            return NOT_YET_VALID;
        }
        return ACTIVE;
    }
}
