package dev.app09.graph.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The console a command runs with holds the environment, PFX passwords included, and never shows it. */
final class ConsoleTest {

    @Test
    void to_string_names_the_environment_variables_and_never_shows_their_values() {
        Console console = new Console(System.out, System.err,
                Map.of("APP09_PFX_PASSWORD", "correct horse battery staple", "PATH", "/usr/bin"), false);

        assertThat(console.toString()).contains("APP09_PFX_PASSWORD", "PATH")
                .doesNotContain("correct horse battery staple", "/usr/bin");
    }
}
