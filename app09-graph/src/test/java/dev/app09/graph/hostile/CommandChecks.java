package dev.app09.graph.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.app09.graph.cli.CommandRun;
import java.nio.file.Path;
import java.util.regex.Pattern;

/** What a run of the command over hostile input may show: a refusal (exit 2) or a report, never an internal error. */
final class CommandChecks {

    /** Bad usage or bad input. */
    static final int BAD_INPUT = 2;
    /** An internal error: never the answer to input, however hostile. */
    static final int INTERNAL_ERROR = 4;
    /** A Java class name, as a stack trace or an exception's {@code toString()} shows it. */
    private static final Pattern CLASS_NAME = Pattern.compile("\\b(?:[a-z][a-z0-9_]*\\.)+[A-Z]\\w*(?:Exception|Error)\\b");

    private CommandChecks() {
    }

    /**
     * Exit 2, nothing on standard output, one line on standard error that starts with the file.
     *
     * @return the message, without the {@code app09: } prefix and the file
     */
    static String assertRefusedNaming(CommandRun run, Path file) {
        assertThat(run.status()).as("%s", run).isEqualTo(BAD_INPUT);
        assertThat(run.out()).as("%s", run).isEmpty();
        assertNoInternals(run);
        assertThat(run.err()).as("%s", run).startsWith("app09: " + file);
        return run.err().lines().findFirst().orElseThrow().substring(("app09: " + file).length());
    }

    /** Whatever the exit status: no internal error, no stack trace, no exception class. */
    static void assertNoInternals(CommandRun run) {
        assertThat(run.status()).as("%s", run).isNotEqualTo(INTERNAL_ERROR);
        assertThat(run.err()).as("%s", run)
                .doesNotContain("internal error")
                .doesNotContain("\tat ")
                .doesNotContain("Exception")
                .doesNotContainPattern(CLASS_NAME);
    }
}
