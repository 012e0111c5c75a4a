package dev.app09.graph.cli;

import dev.app09.core.migration.Verification;
import dev.app09.graph.BadInputException;
import dev.app09.graph.json.VerificationFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads the files given with {@code --verification}. */
final class VerificationFiles {

    /** A verification file is a few hundred bytes; anything much larger is not one. */
    private static final int MAX_BYTES = 64 * 1024;

    private VerificationFiles() {
    }

    /**
     * @param files the files, as given
     * @return their verifications, in order
     * @throws BadInputException when one is missing, too large or not a verification
     */
    static List<Verification> read(List<Path> files) {
        List<Verification> verifications = new ArrayList<>();
        for (Path file : files) {
            try {
                if (!Files.isRegularFile(file)) {
                    throw new BadInputException(file.toString(), 0, 0, Files.exists(file)
                            ? "is not a regular file (--verification)" : "no such file (--verification)");
                }
                if (Files.size(file) > MAX_BYTES) {
                    throw new BadInputException(file.toString(), 0, 0, "is larger than " + MAX_BYTES
                            + " bytes: not a verification written by app09 migrate verify");
                }
                try (InputStream in = Files.newInputStream(file)) {
                    verifications.add(VerificationFile.read(in, file.toString()));
                }
            } catch (NoSuchFileException e) {
                throw new BadInputException(file.toString(), 0, 0, "no such file (--verification)", e);
            } catch (IOException e) {
                throw new BadInputException(file.toString(), 0, 0, "cannot be read: " + e.getMessage(), e);
            }
        }
        return verifications;
    }
}
