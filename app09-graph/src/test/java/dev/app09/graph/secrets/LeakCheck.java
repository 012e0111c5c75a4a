package dev.app09.graph.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.core.http.HttpClient;
import dev.app09.graph.cli.CommandRun;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.jspecify.annotations.Nullable;

/**
 * Runs the {@code app09} command and fails when a canary turns up in anything the run wrote:
 * standard output, standard error, a log record at any level (with its stack trace), anything
 * printed to the process's own streams, or a file in the folder the run writes to (read raw, and
 * unzipped when gzip), except a private key file ({@code *.key.pem}), whose purpose is to hold one.
 */
final class LeakCheck {

    private final Needles needles;
    private final Path written;
    private int logRecords;

    /**
     * @param needles what must not appear
     * @param written the folder every file of the runs goes to
     */
    LeakCheck(Needles needles, Path written) {
        this.needles = needles;
        this.written = written;
    }

    /** Runs {@code app09 args} with the environment, and checks everything it wrote. */
    CommandRun run(Map<String, String> environment, String... args) {
        return run(environment, null, args);
    }

    /** As {@link #run(Map, String...)}, with azure-identity's HTTP client for {@code migrate verify}. */
    CommandRun run(Map<String, String> environment, @Nullable HttpClient identity, String... args) {
        String command = "app09 " + String.join(" ", args);
        CommandRun run;
        String captured;
        try (CapturedOutput output = CapturedOutput.open()) {
            run = identity == null ? CommandRun.withEnvironment(environment, args)
                    : CommandRun.withIdentity(environment, identity, args);
            captured = output.text();
            logRecords = output.records();
        }
        clean(command + ": standard output", run.out());
        clean(command + ": standard error", run.err());
        clean(command + ": the logs and what was printed to System.out and System.err", captured);
        filesClean(command);
        return run;
    }

    /** @return how many log records the last run left: a run that logs is heard */
    int logRecordsOfLastRun() {
        return logRecords;
    }

    /** Fails when the text holds a canary. */
    void clean(String where, String text) {
        List<String> found = needles.foundIn(text);
        assertThat(found).as("%s holds %s:%n%s", where, found, text).isEmpty();
    }

    /** Fails when an exception's message, its {@code toString} or its printed stack trace (causes included) holds a canary. */
    void clean(String where, Throwable e) {
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        clean(where + ": the exception's message", String.valueOf(e.getMessage()));
        clean(where + ": the exception's toString", e.toString());
        clean(where + ": the exception's stack trace", trace.toString());
    }

    /** Fails when a file the runs wrote (but a private key file) holds a canary. */
    void filesClean(String after) {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(written)) {
            files = walk.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().endsWith(".key.pem")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Path file : files) {
            byte[] content = read(file);
            List<String> found = needles.foundIn(content);
            assertThat(found).as("%s: %s holds %s", after, file, found).isEmpty();
        }
    }

    /** @return the files the runs wrote so far, private key files included */
    List<Path> written() {
        try (Stream<Path> walk = Files.walk(written)) {
            return walk.filter(Files::isRegularFile).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] read(Path file) {
        try {
            byte[] raw = Files.readAllBytes(file);
            if (raw.length > 2 && raw[0] == (byte) 0x1f && raw[1] == (byte) 0x8b) {
                try (GZIPInputStream unzipped = new GZIPInputStream(new ByteArrayInputStream(raw))) {
                    return unzipped.readAllBytes();
                }
            }
            return raw;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
