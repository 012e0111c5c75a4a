package dev.app09.graph.hostile;

import static dev.app09.graph.hostile.CommandChecks.assertRefusedNaming;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.app09.graph.BadInputException;
import dev.app09.graph.ExportReader;
import dev.app09.graph.cli.CommandRun;
import dev.app09.testkit.json.ExportFolder;
import dev.app09.testkit.tenant.SampleTenants;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Export files that are not what a file of an export is: a folder, a named pipe, a gigabyte of
 * nothing, a file past the size app09 reads. Each is refused, naming the file, at once and without
 * reading it whole (the large files are sparse: they cost no disk). A guard fails a run that does
 * not end: these would otherwise hang or read for minutes.
 */
final class HostileExportFilesTest {

    private static final long GIB = 1L << 30;
    /** Not a performance bound: long enough for a loaded machine, short of a hang. */
    private static final Duration HANG = Duration.ofSeconds(60);

    @TempDir
    Path temp;

    private Path export;
    private Path applications;

    @BeforeEach
    void contoso() {
        export = temp.resolve("export");
        ExportFolder.write(SampleTenants.contoso().tenant(), export);
        applications = export.resolve(ExportFolder.APPLICATIONS);
    }

    private CommandRun scan() {
        return assertTimeoutPreemptively(HANG, () -> CommandRun.of("scan", "--export", export.toString()));
    }

    @Test
    void a_folder_in_place_of_applications_json_is_refused_as_a_folder() throws IOException {
        Files.delete(applications);
        Files.createDirectory(applications);

        assertThat(assertRefusedNaming(scan(), applications)).isEqualTo(": is a folder; expected a JSON file");
    }

    @Test
    void a_folder_in_place_of_the_optional_policy_file_is_refused_as_a_folder() throws IOException {
        Path policy = export.resolve(ExportFolder.POLICY);
        Files.deleteIfExists(policy);
        Files.createDirectory(policy);

        assertThat(assertRefusedNaming(scan(), policy)).isEqualTo(": is a folder; expected a JSON file");
    }

    @Test
    void a_named_pipe_in_place_of_applications_json_is_refused_without_waiting_for_a_writer() throws Exception {
        Files.delete(applications);
        NamedPipes.create(applications);

        assertThat(assertRefusedNaming(scan(), applications)).isEqualTo(": is a pipe or a device; expected a JSON file");
    }

    @Test
    void a_gigabyte_of_nul_bytes_is_refused_at_its_first_byte() throws IOException {
        sparse(applications, new byte[0], GIB);

        assertThat(assertRefusedNaming(scan(), applications)).startsWith(":1:").contains("not valid JSON: Illegal character ((CTRL-CHAR, code 0))");
    }

    @Test
    void a_valid_start_followed_by_a_gigabyte_of_nul_bytes_is_refused_where_the_nul_bytes_start() throws IOException {
        sparse(applications, "{\n  \"value\": [\n    ".getBytes(StandardCharsets.UTF_8), GIB);

        assertThat(assertRefusedNaming(scan(), applications)).startsWith(":3:").contains("not valid JSON: Illegal character");
    }

    @Test
    void a_sign_in_report_of_a_gigabyte_is_refused_like_an_inventory_file() throws IOException {
        Path signIns = export.resolve(ExportFolder.SIGN_INS);
        sparse(signIns, "[".getBytes(StandardCharsets.UTF_8), GIB);

        assertThat(assertRefusedNaming(scan(), signIns)).startsWith(":1:").contains("not valid JSON");
    }

    @Test
    void a_file_past_the_size_app09_reads_is_refused_before_it_is_read_naming_the_limit() throws IOException {
        long size = ExportReader.MAX_FILE_BYTES + 1;
        sparse(applications, "[]".getBytes(StandardCharsets.UTF_8), size);

        assertThat(assertRefusedNaming(scan(), applications)).isEqualTo(String.format(Locale.ROOT,
                ": is %,d bytes; app09 reads export files of at most 4 GiB (4,294,967,296 bytes)", size));
    }

    @Test
    void a_file_of_exactly_the_size_app09_reads_is_refused_unread_when_it_would_not_fit_in_the_heap() throws IOException {
        sparse(applications, "[]".getBytes(StandardCharsets.UTF_8), ExportReader.MAX_FILE_BYTES);

        assertThat(Runtime.getRuntime().maxMemory()).as("the tests' heap (-Xmx2g in the pom)")
                .isLessThan(ExportReader.MAX_FILE_BYTES);
        assertThat(assertRefusedNaming(scan(), applications)).startsWith(": this export does not fit in this JVM's memory")
                .contains("the export's files up to this one (4,096 MiB)", "-Xmx");
    }

    @Test
    void an_export_of_valid_objects_too_many_for_the_heap_is_refused_at_the_object_that_breaks_it() {
        long heap = 20 * 1024; // contoso's files take a few KiB, its 20 applications and 23 service principals 1 KiB each

        Throwable refused = catchThrowable(() -> ExportReader.read(export, heap));

        assertThat(refused).isInstanceOf(BadInputException.class).hasMessageStartingWith(applications + ": this export "
                + "does not fit in this JVM's memory (20 KiB) with its report: at object ").hasMessageContaining("-Xmx");
    }

    /** A file of {@code size} bytes that starts with {@code start} and is NUL bytes after: sparse, so free. */
    private static void sparse(Path file, byte[] start, long size) throws IOException {
        try (RandomAccessFile out = new RandomAccessFile(file.toFile(), "rw")) {
            out.setLength(0);
            out.write(start);
            out.setLength(size);
        }
        assertThat(Files.size(file)).isEqualTo(size);
    }

}
