package dev.app09.testkit.readme;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README shows PayrollTest unchanged; JUnit compiles and runs PayrollTest itself. */
final class ReadmeExampleTest {

    @Test
    void readme_shows_the_testkit_example_exactly() throws IOException {
        String test = Files.readString(Path.of("src/test/java/dev/app09/testkit/readme/PayrollTest.java"));
        String example = test.substring(test.indexOf("// README-TESTKIT-START") + "// README-TESTKIT-START".length(),
                test.indexOf("// README-TESTKIT-END"));
        String readme = Files.readString(Path.of("../README.md"));

        assertThat(normalise(readme)).contains(normalise(example));
        assertThat(example.strip().lines().count()).as("lines of the example").isLessThanOrEqualTo(12);
    }

    private static String normalise(String code) {
        return code.replaceAll("\\s+", " ").trim();
    }
}
