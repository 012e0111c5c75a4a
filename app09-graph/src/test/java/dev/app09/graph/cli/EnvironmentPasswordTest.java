package dev.app09.graph.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The array a password from the environment is handed over in (to open a PFX or a PEM bundle, to
 * inspect a PFX, to write one) is zero-filled once the work is done, and when it fails.
 */
final class EnvironmentPasswordTest {

    private static final Console CONSOLE = new Console(System.out, System.err,
            Map.of("APP09_PFX_PASSWORD", "correct horse battery staple"), false);

    @Test
    void the_array_holds_the_password_while_it_is_used_and_zeros_afterwards() {
        AtomicReference<char[]> handed = new AtomicReference<>();

        String seen = EnvironmentPassword.use(CONSOLE, "APP09_PFX_PASSWORD", password -> {
            handed.set(password);
            return new String(password);
        });

        assertThat(seen).isEqualTo("correct horse battery staple");
        assertThat(handed.get()).hasSize(seen.length()).containsOnly('\0');
    }

    @Test
    void the_array_is_zero_filled_when_the_work_fails_too() {
        AtomicReference<char[]> handed = new AtomicReference<>();

        assertThatIOException().isThrownBy(() -> EnvironmentPassword.use(CONSOLE, "APP09_PFX_PASSWORD", password -> {
            handed.set(password);
            throw new IOException("the password does not open this PKCS#12");
        }));

        assertThat(handed.get()).isNotEmpty().containsOnly('\0');
    }

    @Test
    void an_unset_variable_or_none_hands_over_no_password() {
        boolean unset = EnvironmentPassword.use(CONSOLE, "UNSET", password -> password == null);
        boolean none = EnvironmentPassword.use(CONSOLE, null, password -> password == null);

        assertThat(unset).isTrue();
        assertThat(none).isTrue();
    }
}
