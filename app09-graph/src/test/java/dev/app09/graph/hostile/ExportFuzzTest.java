package dev.app09.graph.hostile;

import static dev.app09.graph.hostile.CommandChecks.assertNoInternals;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

import dev.app09.core.Assessor;
import dev.app09.core.model.TenantSnapshot;
import dev.app09.core.report.CsvReport;
import dev.app09.core.report.MarkdownReport;
import dev.app09.core.report.Report;
import dev.app09.core.report.Summary;
import dev.app09.core.report.TextReport;
import dev.app09.core.rules.Policy;
import dev.app09.core.rules.WorkloadAssessment;
import dev.app09.graph.BadInputException;
import dev.app09.graph.ExportReader;
import dev.app09.graph.cli.CommandRun;
import dev.app09.graph.cli.SampleExports;
import dev.app09.graph.json.ExceptionsFile;
import dev.app09.graph.json.JsonReport;
import dev.app09.testkit.json.ExportFolder;
import dev.app09.testkit.tenant.SampleTenant;
import dev.app09.testkit.tenant.SampleTenants;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A seeded, bounded mutation fuzzer over the sample exports: each mutant of one file of a sample's
 * export is read and judged, in every report format, or refused as bad input naming the file;
 * nothing else is thrown, and no mutant goes unanswered. A target stops after
 * {@value #ITERATIONS} mutants or {@link #BUDGET}, whichever comes first; a failure names the seed
 * and the iteration, which replay it.
 */
final class ExportFuzzTest {

    private static final int ITERATIONS = 1_000;
    /** Mutants every target gets, however slow the machine: the budget only adds more. */
    private static final int MIN_MUTANTS = 200;
    /** How long one target may fuzz: a few seconds of the normal build. */
    private static final Duration BUDGET = Duration.ofMillis(2_500);
    /** Not a performance bound: no mutant of a 12 KB file needs this long, short of a hang. */
    private static final Duration HANG = Duration.ofSeconds(10);
    private static final Pattern CLASS_NAME = Pattern.compile("\\b(?:[a-z][a-z0-9_]*\\.)+[A-Z]\\w*(?:Exception|Error)\\b");

    @TempDir
    Path temp;

    /**
     * @param file the export file mutated
     * @param encode how the samples' file is encoded before it is mutated
     * @param seed the fuzzer's seed
     */
    record Target(String file, UnaryOperator<byte[]> encode, long seed) {
    }

    static Stream<Arguments> targets() {
        UnaryOperator<byte[]> asIs = content -> content;
        return Stream.of(
                argumentSet("applications.json", new Target(ExportFolder.APPLICATIONS, asIs, 20260601L)),
                argumentSet("servicePrincipals.json", new Target(ExportFolder.SERVICE_PRINCIPALS, asIs, 20260602L)),
                argumentSet("appCredentialSignInActivities.json", new Target(ExportFolder.SIGN_INS, asIs, 20260603L)),
                argumentSet("exceptions.json", new Target(ExportFolder.EXCEPTIONS, asIs, 20260604L)),
                argumentSet("applications.json in UTF-16 with a byte order mark, as Windows PowerShell writes it",
                        new Target(ExportFolder.APPLICATIONS, ExportFuzzTest::utf16, 20260605L)));
    }

    @ParameterizedTest(name = "{argumentSetName}")
    @MethodSource("targets")
    void every_mutant_is_read_and_judged_or_refused_as_bad_input_naming_the_file(Target target) throws IOException {
        List<Path> exports = exports(target);
        Random random = new Random(target.seed());
        Mutator mutator = new Mutator(random);
        long deadline = System.nanoTime() + BUDGET.toNanos();
        int read = 0;
        int refused = 0;
        // At least MIN_MUTANTS whatever the machine's speed, then as many as the budget allows.
        for (int i = 0; i < ITERATIONS && (i < MIN_MUTANTS || System.nanoTime() < deadline); i++) {
            Path export = exports.get(random.nextInt(exports.size()));
            Path file = export.resolve(target.file());
            byte[] original = Files.readAllBytes(file);
            List<String> mutations = new ArrayList<>();
            Files.write(file, mutator.mutate(original, mutations));
            String replay = "seed " + target.seed() + ", iteration " + i + ", " + export.getFileName() + "/" + target.file()
                    + ": " + mutations;
            try {
                assertTimeoutPreemptively(HANG, () -> judge(export, target.file()), () -> replay + ": no answer in " + HANG);
                read++;
            } catch (BadInputException e) {
                assertThat(e.source()).as(replay).isIn(file.toString(), export.toString());
                assertThat(e.getMessage()).as(replay).startsWith(e.source()).doesNotContainPattern(CLASS_NAME);
                refused++;
            } catch (RuntimeException | Error e) {
                throw new AssertionError(replay + ": neither a report nor bad input, but " + e, e);
            } finally {
                Files.write(file, original);
            }
        }
        assertThat(read).as("mutants read (the mutations must not all break the file)").isPositive();
        assertThat(refused).as("mutants refused (the mutations must break some files)").isPositive();
    }

    @Test
    void the_command_answers_every_mutant_with_a_report_or_exit_2_and_never_an_internal_error() throws IOException {
        SampleTenant contoso = SampleTenants.contoso();
        Path export = SampleExports.write(contoso, temp);
        Path applications = export.resolve(ExportFolder.APPLICATIONS);
        byte[] original = Files.readAllBytes(applications);
        long seed = 20260606L;
        Random random = new Random(seed);
        Mutator mutator = new Mutator(random);
        for (int i = 0; i < 25; i++) {
            List<String> mutations = new ArrayList<>();
            Files.write(applications, mutator.mutate(original, mutations));
            String replay = "seed " + seed + ", iteration " + i + ": " + mutations;

            CommandRun run = assertTimeoutPreemptively(HANG, () -> CommandRun.of("scan", "--export", export.toString(),
                    "--exceptions", export.resolve(ExportFolder.EXCEPTIONS).toString()), () -> replay + ": no answer in " + HANG);

            assertNoInternals(run);
            assertThat(run.status()).as(replay + "\n%s", run).isIn(0, 1, 2, 3);
            if (run.status() == 2) {
                assertThat(run.err()).as(replay).startsWith("app09: " + export);
            }
        }
    }

    /** Reads the export (or the register) and writes the report in every format. */
    private static void judge(Path export, String mutated) {
        SampleTenant sample = sample(export);
        Policy policy = sample.policy();
        TenantSnapshot snapshot;
        if (mutated.equals(ExportFolder.EXCEPTIONS)) {
            Path file = export.resolve(ExportFolder.EXCEPTIONS);
            try (InputStream in = Files.newInputStream(file)) {
                policy = Policy.defaults().withExceptions(ExceptionsFile.read(in, file.toString()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            snapshot = sample.tenant();
        } else {
            snapshot = ExportReader.read(export);
        }
        Report report = Assessor.assess(snapshot, policy, sample.asOf());
        assertCorrect(report, snapshot);
        JsonReport.write(report, OutputStream.nullOutputStream());
        StringBuilder text = new StringBuilder();
        TextReport.write(report, text);
        MarkdownReport.write(report, null, text);
        CsvReport.write(report, text);
    }

    /**
     * A correct result, not merely one without an exception: the counts add up, every listed
     * workload is one of the tenant's, and the report is complete exactly when the read was.
     */
    private static void assertCorrect(Report report, TenantSnapshot snapshot) {
        Summary summary = report.summary();
        Set<UUID> appIds = new HashSet<>();
        snapshot.applications().forEach(a -> appIds.add(a.appId()));
        snapshot.servicePrincipals().forEach(s -> appIds.add(s.appId()));
        assertThat(summary.byVerdict().values().stream().mapToInt(Integer::intValue).sum()).as("workloads by verdict")
                .isEqualTo(summary.workloads());
        assertThat(report.workloads().size() + summary.omitted()).as("listed and omitted").isEqualTo(summary.workloads());
        assertThat(summary.workloads()).as("one workload per appId").isEqualTo(appIds.size());
        assertThat(report.workloads()).extracting(WorkloadAssessment::appId).allMatch(appIds::contains);
        assertThat(report.complete()).as("complete as the read").isEqualTo(snapshot.complete());
    }

    /** Every sample's export folder, with its exceptions register, in the target's encoding. */
    private List<Path> exports(Target target) throws IOException {
        List<Path> exports = new ArrayList<>();
        for (SampleTenant sample : SampleTenants.all()) {
            Path export = SampleExports.write(sample, temp);
            Path file = export.resolve(target.file());
            if (Files.exists(file)) {
                Files.write(file, target.encode().apply(Files.readAllBytes(file)));
                exports.add(export);
            }
        }
        assertThat(exports).as("samples with %s", target.file()).isNotEmpty();
        return exports;
    }

    private static SampleTenant sample(Path export) {
        String name = export.getFileName().toString();
        return SampleTenants.all().stream().filter(sample -> sample.name().equals(name)).findFirst().orElseThrow();
    }

    private static byte[] utf16(byte[] utf8) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xFE});
        out.writeBytes(new String(utf8, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_16LE));
        return out.toByteArray();
    }
}
