package dev.app09.certs.inspect;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.ASN1Primitive;
import org.jspecify.annotations.Nullable;

/**
 * The top-level objects of DER content, each with its exact bytes, read by BouncyCastle; reading
 * stops at the first object that cannot be read, and says why and where.
 *
 * @param objects the objects read, in order
 * @param problem why reading stopped before the end, or null when every byte was read
 */
record DerObjects(List<DerObject> objects, @Nullable String problem) {

    DerObjects {
        objects = List.copyOf(objects);
    }

    /**
     * One DER object.
     *
     * @param value the parsed object
     * @param offset where it starts in the content
     * @param encoding its bytes exactly as they appear in the content: a certificate's thumbprint is
     *     a hash of these, not of a re-encoding
     */
    record DerObject(ASN1Primitive value, int offset, byte[] encoding) {}

    /**
     * @param der untrusted content
     * @return its objects, and why reading stopped early if it did
     */
    static DerObjects read(byte[] der) {
        List<DerObject> objects = new ArrayList<>();
        ByteArrayInputStream remaining = new ByteArrayInputStream(der);
        // The limit stops a hostile length from making BouncyCastle allocate more than the content.
        try (ASN1InputStream in = new ASN1InputStream(remaining, der.length)) {
            while (remaining.available() > 0) {
                int offset = der.length - remaining.available();
                ASN1Primitive value;
                try {
                    value = in.readObject();
                } catch (IOException | RuntimeException e) {
                    return new DerObjects(objects, unreadable(e, offset, der.length));
                } catch (StackOverflowError e) {
                    // BouncyCastle builds nested objects recursively: a megabyte of nested
                    // SEQUENCE headers exhausts the stack. The error is thrown at the deepest
                    // frame, in BouncyCastle's own parsing, and unwinds to here.
                    return new DerObjects(objects, "DER nested too deeply to read, from byte " + offset);
                }
                if (value == null) {
                    break;
                }
                int end = der.length - remaining.available();
                objects.add(new DerObject(value, offset, Arrays.copyOfRange(der, offset, end)));
            }
        } catch (IOException e) {
            // Closing a stream over an array does not fail.
            throw new IllegalStateException(e);
        }
        return new DerObjects(objects, null);
    }

    private static String unreadable(Exception e, int offset, int length) {
        String message = String.valueOf(e.getMessage());
        boolean truncated = e instanceof EOFException
                || message.contains("out of bounds length")
                || message.contains("truncated")
                || message.contains("EOF");
        return (truncated
                        ? "truncated DER: the ASN.1 object at byte " + offset + " runs past the end of the "
                                + length + " bytes"
                        : "corrupt DER: the ASN.1 object at byte " + offset + " cannot be read")
                + " (" + message + ")";
    }
}
