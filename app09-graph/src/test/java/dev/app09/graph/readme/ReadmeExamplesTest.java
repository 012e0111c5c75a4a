package dev.app09.graph.readme;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The README shows the examples that JUnit compiles and runs (here and in app09-certs), unchanged. */
final class ReadmeExamplesTest {

    private static final String CERTS = "../app09-certs/src/test/java/dev/app09/certs/readme/CertsReadmeExamplesTest.java";

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "testkit example, src/test/java/dev/app09/graph/readme/PayrollTest.java, README-TESTKIT, 12",
        "embedding example, src/test/java/dev/app09/graph/readme/EmbeddingExampleTest.java, README-EMBED, 11",
        "certificate library example, " + CERTS + ", README-CERTS-LIBRARY, 11",
        "certificate loading example, " + CERTS + ", README-CERTS-LOAD, 8",
        "renewal example, " + CERTS + ", README-CERTS-RENEWAL, 4"})
    void readme_shows_the_example_exactly(String example, String file, String marker, int maxLines) throws IOException {
        String test = Files.readString(Path.of(file));
        String code = test.substring(test.indexOf("// " + marker + "-START") + marker.length() + 9,
                test.indexOf("// " + marker + "-END"));
        String readme = Files.readString(Path.of("../README.md"));

        assertThat(normalise(readme)).as(example).contains(normalise(code));
        assertThat(code.strip().lines().count()).as("lines of the " + example).isLessThanOrEqualTo(maxLines);
    }

    private static String normalise(String code) {
        return code.replaceAll("\\s+", " ").trim();
    }
}
