package dev.app09.graph.cli;

import static java.util.Objects.requireNonNull;

import java.io.PrintStream;
import java.util.Map;
import java.util.TreeSet;

/**
 * What the command talks to: standard output for results, standard error for progress and
 * errors, the environment (for a certificate's password), and how to draw progress.
 *
 * @param out where results go unless {@code --output} says otherwise
 * @param err where progress, warnings and errors go
 * @param environment environment variables (a PFX password among them: {@link #toString()} shows only their names)
 * @param terminal whether to draw progress as one live line (for a person at a terminal) or as plain
 *     lines (for logs); {@link Main} decides by whether the process has a console, as Java 17
 *     cannot ask about standard error alone
 */
public record Console(PrintStream out, PrintStream err, Map<String, String> environment, boolean terminal) {

    /** Validates and copies. */
    public Console {
        requireNonNull(out, "out");
        requireNonNull(err, "err");
        environment = Map.copyOf(environment);
    }

    /** @return the streams and the names of the environment variables, never their values: some hold passwords */
    @Override
    public String toString() {
        return "Console[out=" + out + ", err=" + err + ", environment=" + new TreeSet<>(environment.keySet())
                + ", terminal=" + terminal + "]";
    }
}
