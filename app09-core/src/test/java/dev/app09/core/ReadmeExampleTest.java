package dev.app09.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.app09.core.model.Application;
import dev.app09.core.model.PasswordCredential;
import dev.app09.core.model.TenantSnapshot;
import dev.app09.core.report.CsvReport;
import dev.app09.core.report.Report;
import dev.app09.core.rules.Policy;
import dev.app09.core.rules.Verdict;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The README's example compiles and does what the README says; the README shows this very code. */
final class ReadmeExampleTest {

    @Test
    void readme_example_finds_a_secrets_only_workload() {
        // README-EXAMPLE-START
        var secret = new PasswordCredential(UUID.randomUUID(), "ci", "Abc",
                null, Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-12-31T00:00:00Z"));
        var payroll = new Application(UUID.randomUUID(), UUID.randomUUID(), "Payroll",
                null, null, List.of(secret), List.of(), List.of());
        TenantSnapshot tenant = TenantSnapshot.of(List.of(payroll), List.of());

        Report report = Assessor.assess(tenant, Policy.defaults(), Instant.parse("2026-11-26T00:00:00Z"));

        report.failingWorkloads().forEach(w -> System.out.println(w.displayName() + ": " + w.verdict()));
        CsvReport.write(report, System.out);
        // README-EXAMPLE-END

        assertThat(report.passes()).isFalse();
        assertThat(report.failingWorkloads()).singleElement()
                .satisfies(w -> assertThat(w.verdict()).isEqualTo(Verdict.SECRETS_ONLY));
    }

    @Test
    void readme_shows_the_example_exactly() throws IOException {
        String test = Files.readString(Path.of("src/test/java/dev/app09/core/ReadmeExampleTest.java"));
        String example = test.substring(test.indexOf("// README-EXAMPLE-START") + "// README-EXAMPLE-START".length(),
                test.indexOf("// README-EXAMPLE-END"));
        String readme = Files.readString(Path.of("../README.md"));
        assertThat(normalise(readme)).contains(normalise(example));
    }

    private static String normalise(String code) {
        return code.replaceAll("\\s+", " ").trim();
    }
}
