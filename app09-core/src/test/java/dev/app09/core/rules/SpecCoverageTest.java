package dev.app09.core.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The build counts the rules' tests: every verdict and every finding code of APP09-RULES.md is
 * named by at least one test of the rules, so a code added without a test fails the build.
 */
final class SpecCoverageTest {

    private static String otherRuleTests() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("src/test/java/dev/app09/core/rules"))) {
            return files.filter(p -> p.getFileName().toString().endsWith("Test.java"))
                    .filter(p -> !p.getFileName().toString().equals("SpecCoverageTest.java"))
                    .map(SpecCoverageTest::read).collect(Collectors.joining("\n"));
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void every_finding_code_is_asserted_by_a_rules_test() throws IOException {
        String tests = otherRuleTests();
        assertThat(Arrays.stream(FindingCode.values()).map(c -> "FindingCode." + c.name()))
                .allSatisfy(code -> assertThat(tests).as("a test naming " + code).contains(code));
    }

    @Test
    void every_verdict_is_asserted_by_a_rules_test() throws IOException {
        String tests = otherRuleTests();
        assertThat(Arrays.stream(Verdict.values()).map(v -> "Verdict." + v.name()))
                .allSatisfy(verdict -> assertThat(tests).as("a test naming " + verdict).contains(verdict));
    }
}
