package dev.app09.core.rules;

/** How much a finding matters, from information to high. */
public enum Severity {
    /** Information only. */
    INFO,
    /** Worth cleaning up. */
    LOW,
    /** Needs action. */
    MEDIUM,
    /** Needs action now. */
    HIGH
}
