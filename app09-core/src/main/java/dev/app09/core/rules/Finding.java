package dev.app09.core.rules;

import static java.util.Objects.requireNonNull;

import org.jspecify.annotations.Nullable;

/**
 * One finding on a workload or on the tenant.
 *
 * @param code what was found
 * @param message what it means here, for a person
 * @param keyId the credential it is about, when it is about one
 */
public record Finding(FindingCode code, String message, @Nullable String keyId) {

    /** Validates. */
    public Finding {
        requireNonNull(code, "code");
        requireNonNull(message, "message");
    }

    /**
     * @param code what was found
     * @param message what it means here
     * @return a finding about the workload or tenant as a whole
     */
    public static Finding of(FindingCode code, String message) {
        return new Finding(code, message, null);
    }

    /** @return the code's severity */
    public Severity severity() {
        return code.severity();
    }
}
