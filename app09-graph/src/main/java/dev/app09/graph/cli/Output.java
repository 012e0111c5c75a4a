package dev.app09.graph.cli;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;

/**
 * Where a command's result goes: a new file ({@code --output}, {@code --out}; never an existing
 * one) or standard output, which stays open.
 */
final class Output {

    private Output() {
    }

    /** Writes bytes. */
    interface Bytes {
        void write(OutputStream out) throws IOException;
    }

    /** Writes text. */
    interface Text {
        void write(Writer out) throws IOException;
    }

    /**
     * @param option the option that named the file, for messages
     * @param target the file, or null for standard output
     * @throws CommandLine.ParameterException when the file exists
     * @throws UncheckedIOException when writing fails
     */
    static void bytes(CommandLine.Model.CommandSpec spec, Console console, String option, @Nullable Path target,
            Bytes body) {
        try (OutputStream out = target == null ? new Unclosed(console.out())
                : Files.newOutputStream(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            body.write(out);
            out.flush();
        } catch (FileAlreadyExistsException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), option + " " + target
                    + " exists; app09 never overwrites a file: choose another name");
        } catch (IOException e) {
            throw new UncheckedIOException("could not write to " + (target == null ? "standard output" : target) + ": "
                    + e.getMessage(), e);
        }
    }

    /** As {@link #bytes}, for UTF-8 text. */
    static void text(CommandLine.Model.CommandSpec spec, Console console, String option, @Nullable Path target, Text body) {
        bytes(spec, console, option, target, out -> {
            Writer text = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            body.write(text);
            text.flush();
        });
    }

    /** Standard output stays open after the result is written. */
    private static final class Unclosed extends FilterOutputStream {
        Unclosed(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
