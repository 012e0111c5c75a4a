package dev.app09.graph.hostile;

import static dev.app09.graph.hostile.CommandChecks.assertRefusedNaming;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
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
import java.util.stream.Collectors;
import java.util.stream.IntStream;
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
    void a_file_of_exactly_the_size_app09_reads_is_read_and_judged_on_its_content() throws IOException {
        sparse(applications, "[]".getBytes(StandardCharsets.UTF_8), ExportReader.MAX_FILE_BYTES);

        assertThat(assertRefusedNaming(scan(), applications)).startsWith(":1:").contains("not valid JSON: Illegal character");
    }

    @Test
    void an_export_of_valid_objects_too_many_for_the_memory_given_is_refused_at_the_object_that_breaks_it()
            throws IOException {
        // Twelve small applications take 1 KiB each, held: 10 KiB breaks at the 11th.
        Files.writeString(applications, IntStream.range(0, 12).mapToObj(i -> String.format(Locale.ROOT,
                "{\"id\": \"00000000-0000-4000-8000-%012d\", \"appId\": \"10000000-0000-4000-8000-%012d\"}", i, i))
                .collect(Collectors.joining(", ", "[", "]")));

        Throwable refused = catchThrowable(() -> ExportReader.read(export, 10 * 1024));

        assertThat(refused).isInstanceOf(BadInputException.class).hasMessage(applications + ": this export does not fit "
                + "in the memory given to the read (10 KiB) with its report: at object 11 of this file, the 11 objects read "
                + "so far take about 11 KiB held. Give the read more, or scan the tenant through Graph, which streams");
    }

    @Test
    void an_export_that_fits_is_read_whole() {
        assertThat(ExportReader.read(export, 1024 * 1024)).isEqualTo(ExportReader.read(export));
    }

    @Test
    void long_names_count_beyond_the_fixed_cost_of_an_object() throws IOException {
        Files.writeString(applications, "[{\"id\": \"42456e3b-99f5-3ecf-95e8-16e22674e7f9\", "
                + "\"appId\": \"b645bb45-424a-371f-bca6-38156621dd66\", \"displayName\": \"" + "n".repeat(600_000) + "\"}]");

        assertThat(catchThrowable(() -> ExportReader.read(export, 1024 * 1024))).isInstanceOf(BadInputException.class)
                .hasMessageContaining("at object 1 of this file");
    }

    @Test
    void the_memory_given_must_be_some() {
        assertThatIllegalArgumentException().isThrownBy(() -> ExportReader.read(export, 0));
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
