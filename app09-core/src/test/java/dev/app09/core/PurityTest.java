package dev.app09.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.app09.core.model.PasswordCredential;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * House rules of core that a compiler does not check: the rules never read a clock, every package
 * is null-marked, and the model has no room for a secret value.
 */
final class PurityTest {

    private static final Path MAIN = Path.of("src/main/java");

    private static List<Path> sources() throws IOException {
        try (Stream<Path> files = Files.walk(MAIN)) {
            return files.filter(p -> p.toString().endsWith(".java")).toList();
        }
    }

    @Test
    void no_main_source_reads_the_wall_clock() throws IOException {
        List<String> clockReads = List.of("Instant.now(", "Clock.system", "System.currentTimeMillis", "System.nanoTime",
                "LocalDate.now(", "LocalDateTime.now(", "ZonedDateTime.now(", "OffsetDateTime.now(", "new Date()");
        List<Path> sources = sources();
        assertThat(sources).hasSizeGreaterThan(20);
        for (Path source : sources) {
            String text = Files.readString(source);
            assertThat(clockReads).as(source.toString()).noneMatch(text::contains);
        }
    }

    @Test
    void every_package_is_null_marked() throws IOException {
        List<Path> packages = sources().stream().map(Path::getParent).distinct().toList();
        assertThat(packages).hasSizeGreaterThanOrEqualTo(4);
        for (Path dir : packages) {
            Path info = dir.resolve("package-info.java");
            assertThat(info).as("package-info in " + dir).exists();
            assertThat(Files.readString(info)).contains("@NullMarked");
        }
    }

    @Test
    void a_password_credential_has_no_component_for_the_secret_value() {
        assertThat(Arrays.stream(PasswordCredential.class.getRecordComponents()).map(RecordComponent::getName))
                .containsExactly("keyId", "displayName", "hint", "customKeyIdentifier", "startDateTime", "endDateTime");
    }

    @Test
    void a_hint_longer_than_graphs_three_characters_is_cut_and_never_printed() {
        PasswordCredential c = new PasswordCredential(UUID.randomUUID(), "n", "s3cr3t-value", null, null, null);
        assertThat(c.hint()).isEqualTo("s3c");
        assertThat(c.toString()).doesNotContain("s3c");
    }
}
