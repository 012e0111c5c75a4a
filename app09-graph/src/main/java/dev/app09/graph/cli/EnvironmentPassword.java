package dev.app09.graph.cli;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * A password taken from an environment variable (app09 takes none on the command line), handed to
 * the work that needs it as a {@code char[]} that is zero-filled as soon as that work returns or
 * fails. The variable's own value is the process environment's and cannot be wiped; app09 makes
 * no other copy that outlives the work.
 */
final class EnvironmentPassword {

    private EnvironmentPassword() {
    }

    /** Work done with a password. */
    @FunctionalInterface
    interface Use<T, E extends Exception> {
        /**
         * @param password the password, or null when the variable is not set; wiped afterwards, so not to be kept
         */
        T with(char @Nullable [] password) throws E;
    }

    /**
     * @param variable the environment variable, or null for none
     * @param use the work
     * @return what the work returns
     * @throws E what the work throws (the password is wiped all the same)
     */
    static <T, E extends Exception> T use(Console console, @Nullable String variable, Use<T, E> use) throws E {
        String value = variable == null ? null : console.environment().get(variable);
        char[] password = value == null ? null : value.toCharArray();
        try {
            return use.with(password);
        } finally {
            if (password != null) {
                Arrays.fill(password, '\0');
            }
        }
    }
}
