package dev.app09.certs.inspect;

import java.io.IOException;
import java.io.Reader;
import org.bouncycastle.util.io.pem.PemReader;
import org.jspecify.annotations.Nullable;

/**
 * BouncyCastle's PemReader, counting lines so that a message can say where a block begins, and
 * remembering the label of the last block begun so that a block BouncyCastle cannot finish is still
 * named.
 */
final class PemBlockReader extends PemReader {

    private static final String BEGIN = "-----BEGIN ";
    private static final String DASHES = "-----";

    private int lines;
    private int beginLine;
    private String label = "";

    PemBlockReader(Reader reader) {
        super(reader);
    }

    @Override
    public @Nullable String readLine() throws IOException {
        String line = super.readLine();
        if (line != null) {
            lines++;
            if (line.startsWith(BEGIN)) {
                beginLine = lines;
                String rest = line.substring(BEGIN.length());
                label = rest.endsWith(DASHES) ? rest.substring(0, rest.length() - DASHES.length()) : rest;
            }
        }
        return line;
    }

    /** @return lines read so far */
    int linesRead() {
        return lines;
    }

    /** @return the line of the last {@code -----BEGIN} read, from 1 */
    int beginLine() {
        return beginLine;
    }

    /** @return the label of the last {@code -----BEGIN} read */
    String label() {
        return label;
    }
}
