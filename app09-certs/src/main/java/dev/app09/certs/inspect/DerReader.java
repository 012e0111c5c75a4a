package dev.app09.certs.inspect;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.util.Arrays;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.ASN1Primitive;
import org.jspecify.annotations.Nullable;

/**
 * Reads the top-level objects of DER content one at a time with BouncyCastle, each with its exact
 * bytes; stops at the first object that cannot be read, and says why and where. One at a time, so
 * that content made of a million tiny objects is given up on after the first that is not a
 * certificate.
 */
final class DerReader {

    /**
     * One DER object.
     *
     * @param value the parsed object
     * @param offset where it starts in the content
     * @param encoding its bytes exactly as they appear in the content: a certificate's thumbprint is
     *     a hash of these, not of a re-encoding
     */
    record DerObject(ASN1Primitive value, int offset, byte[] encoding) {}

    private final byte[] der;
    private final ByteArrayInputStream remaining;
    private final ASN1InputStream in;
    private @Nullable String problem;

    /** @param der untrusted content; not copied, not changed */
    DerReader(byte[] der) {
        this.der = der;
        this.remaining = new ByteArrayInputStream(der);
        // The limit stops a hostile length from making BouncyCastle allocate more than the content.
        this.in = new ASN1InputStream(remaining, der.length);
    }

    /** @return the next object, or null at the end of the content or when it cannot be read */
    @Nullable DerObject next() {
        if (problem != null || remaining.available() == 0) {
            return null;
        }
        int offset = der.length - remaining.available();
        ASN1Primitive value;
        try {
            value = in.readObject();
        } catch (IOException | RuntimeException e) {
            problem = unreadable(e, offset);
            return null;
        } catch (StackOverflowError e) {
            // BouncyCastle builds nested objects recursively: a megabyte of nested SEQUENCE headers
            // exhausts the stack. The error is thrown in BouncyCastle's own parsing, holding no
            // lock, and is over once the stack has unwound to here.
            problem = "DER nested too deeply to read, from byte " + offset;
            return null;
        }
        if (value == null) {
            return null;
        }
        int end = der.length - remaining.available();
        return new DerObject(value, offset, Arrays.copyOfRange(der, offset, end));
    }

    /** @return why reading stopped before the end of the content, or null when it did not */
    @Nullable String problem() {
        return problem;
    }

    private String unreadable(Exception e, int offset) {
        String message = String.valueOf(e.getMessage());
        boolean truncated = e instanceof EOFException
                || message.contains("out of bounds length")
                || message.contains("truncated")
                || message.contains("EOF");
        return (truncated
                        ? "truncated DER: the ASN.1 object at byte " + offset + " runs past the end of the "
                                + der.length + " bytes"
                        : "corrupt DER: the ASN.1 object at byte " + offset + " cannot be read")
                + " (" + message + ")";
    }
}
