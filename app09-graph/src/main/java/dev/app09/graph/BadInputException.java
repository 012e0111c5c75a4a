package dev.app09.graph;

import static java.util.Objects.requireNonNull;

import dev.app09.core.App09Exception;

/**
 * Input that app09 refuses: an export file that is not JSON, is cut short, has the wrong shape or
 * a value of the wrong form. It names the file, the position and what was expected, for example
 * {@code applications.json:12:31: expected an ISO-8601 date-time such as 2026-06-01T00:00:00Z,
 * found "yesterday"}.
 *
 * <p>The message quotes at most a short fragment of the offending value, and never the value of a
 * property that could hold a secret.
 */
public final class BadInputException extends App09Exception {

    private static final long serialVersionUID = 1L;

    private final String source;
    private final int line;
    private final int column;
    private final String problem;

    /**
     * @param source the file (or Graph request) the input came from
     * @param line the line, from 1; 0 when unknown
     * @param column the column, from 1; 0 when unknown
     * @param problem what was wrong and what was expected
     */
    public BadInputException(String source, int line, int column, String problem) {
        this(source, line, column, problem, null);
    }

    /**
     * @param source the file (or Graph request) the input came from
     * @param line the line, from 1; 0 when unknown
     * @param column the column, from 1; 0 when unknown
     * @param problem what was wrong and what was expected
     * @param cause the underlying failure, if any
     */
    public BadInputException(String source, int line, int column, String problem, Throwable cause) {
        super(position(source, line, column) + ": " + requireNonNull(problem, "problem"), cause);
        this.source = source;
        this.line = Math.max(line, 0);
        this.column = line > 0 ? Math.max(column, 1) : 0;
        this.problem = problem;
    }

    private static String position(String source, int line, int column) {
        requireNonNull(source, "source");
        return line > 0 ? source + ":" + line + ":" + Math.max(column, 1) : source;
    }

    /** @return the file (or Graph request) the input came from */
    public String source() {
        return source;
    }

    /** @return the line, from 1; 0 when unknown */
    public int line() {
        return line;
    }

    /** @return the column, from 1; 0 when the line is unknown */
    public int column() {
        return column;
    }

    /** @return what was wrong and what was expected, without the position */
    public String problem() {
        return problem;
    }
}
