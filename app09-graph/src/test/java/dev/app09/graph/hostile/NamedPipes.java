package dev.app09.graph.hostile;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/** Named pipes for the tests: opening one for reading waits for a writer, for ever if none comes. */
final class NamedPipes {

    private NamedPipes() {
    }

    /**
     * Makes a named pipe with {@code mkfifo}, or skips the test where there is none.
     *
     * @param file where the pipe goes
     * @return the pipe
     */
    static Path create(Path file) throws InterruptedException {
        Process mkfifo;
        try {
            mkfifo = new ProcessBuilder("mkfifo", file.toString()).inheritIO().start();
        } catch (IOException e) {
            Assumptions.abort("mkfifo is not available: " + e.getMessage());
            return file;
        }
        Assumptions.assumeTrue(mkfifo.waitFor() == 0, "mkfifo failed");
        return file;
    }
}
