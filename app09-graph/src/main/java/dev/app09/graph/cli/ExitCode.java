package dev.app09.graph.cli;

/** The command's exit statuses. */
final class ExitCode {

    /** Success: the scan was complete and no workload fails; a certificate was written or can be uploaded. */
    static final int PASS = 0;
    /** At least one workload fails the control. */
    static final int FAILING = 1;
    /** Bad usage or bad input (an option, an export file, an exceptions file). */
    static final int BAD_INPUT = 2;
    /** The scan was incomplete: the report was written, with {@code complete: false}. */
    static final int INCOMPLETE = 3;
    /** A bug in app09, or the report could not be written (disk full, closed pipe). */
    static final int INTERNAL_ERROR = 4;
    /**
     * A migration step Graph or Entra refused or failed (the object read back unchanged, or its
     * state unknown), or whose read-back shows something other than the change asked for.
     */
    static final int STEP_FAILED = 5;

    private ExitCode() {
    }
}
