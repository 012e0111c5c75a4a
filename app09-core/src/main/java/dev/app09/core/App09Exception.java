package dev.app09.core;

/**
 * The root of every exception that app09 throws on purpose: bad input, an unreadable tenant, a
 * refused migration step. Modules subclass it to carry what a caller needs (file and position,
 * HTTP status, the rule that refused).
 *
 * <p>Messages never contain a secret value: app09 never holds one.
 */
public class App09Exception extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception with a message for the user.
     *
     * @param message what went wrong and, where possible, what to do about it
     */
    public App09Exception(String message) {
        super(message);
    }

    /**
     * Creates an exception with a message for the user and the underlying cause.
     *
     * @param message what went wrong and, where possible, what to do about it
     * @param cause the underlying failure, kept for diagnostics
     */
    public App09Exception(String message, Throwable cause) {
        super(message, cause);
    }
}
