package dev.app09.certs.inspect;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Byte arrays for the tests' files. */
final class Bytes {

    private Bytes() {
    }

    static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    static byte[] concat(byte[] first, byte[] second) {
        byte[] both = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }
}
