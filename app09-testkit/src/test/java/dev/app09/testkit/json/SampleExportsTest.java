package dev.app09.testkit.json;

import static org.assertj.core.api.Assertions.assertThat;

import dev.app09.testkit.tenant.SampleTenant;
import dev.app09.testkit.tenant.SampleTenants;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The export folders checked in under src/main/resources are exactly what the Java definitions of
 * the samples write. After changing a sample, regenerate them with
 * {@code mvn -pl app09-core,app09-testkit test -Dtest=SampleExportsTest -Dapp09.writeSamples=true}.
 */
final class SampleExportsTest {

    private static final Path CHECKED_IN = Path.of("src/main/resources").resolve(SampleTenants.RESOURCE_ROOT);
    private static final boolean REGENERATE = Boolean.getBoolean("app09.writeSamples");

    static Stream<SampleTenant> samples() {
        return SampleTenants.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void the_checked_in_export_matches_the_java_definition(SampleTenant sample, @TempDir Path temp) throws IOException {
        Path written = temp.resolve(sample.name());
        write(sample, written);
        Path checkedIn = CHECKED_IN.resolve(sample.name());
        if (REGENERATE) {
            deleteRecursively(checkedIn);
            write(sample, checkedIn);
        }

        assertThat(fileNames(checkedIn)).as("files of %s", checkedIn).isEqualTo(fileNames(written));
        for (String name : fileNames(written)) {
            assertThat(Files.readString(checkedIn.resolve(name)))
                    .as("%s drifted from SampleTenants; regenerate with -Dapp09.writeSamples=true", checkedIn.resolve(name))
                    .isEqualTo(Files.readString(written.resolve(name)));
        }
    }

    @Test
    void every_checked_in_sample_folder_belongs_to_a_sample() throws IOException {
        assertThat(fileNames(CHECKED_IN)).containsExactlyInAnyOrderElementsOf(
                SampleTenants.all().stream().map(SampleTenant::name).toList());
    }

    private static void write(SampleTenant sample, Path folder) {
        ExportFolder.write(sample.tenant(), folder);
        if (!sample.exceptions().entries().isEmpty()) {
            ExportFolder.writeExceptions(sample.exceptions(), folder.resolve(ExportFolder.EXCEPTIONS));
        }
    }

    private static List<String> fileNames(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static void deleteRecursively(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
