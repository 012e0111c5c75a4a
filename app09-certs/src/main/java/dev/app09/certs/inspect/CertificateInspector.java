package dev.app09.certs.inspect;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * Tells what a file a user may try to upload holds: DER or PEM, a certificate or a chain, a PKCS#12
 * file, a private key, a certificate request, a PKCS#7 bundle, base64 without armour, or junk.
 *
 * <p>Content never makes it throw: whatever is wrong with it is the inspection's
 * {@link Inspection#notX509() reason}. Only the file system can fail (a missing file, a directory,
 * no permission). Messages name positions (byte offsets, PEM blocks and lines) and labels, never
 * key material or passwords.
 *
 * <pre>{@code
 * Inspection inspection = CertificateInspector.inspect(Path.of("payroll.pfx"), password);
 * for (CertificateFacts facts : inspection.facts()) {
 *     System.out.println(facts.subject() + " " + facts.thumbprints().sha1Hex());
 * }
 * }</pre>
 */
public final class CertificateInspector {

    /** The most content inspected: 1 MiB, hundreds of times a certificate chain. */
    public static final int MAX_CONTENT_BYTES = 1024 * 1024;

    private static final int ASN1_SEQUENCE = 0x30;

    private CertificateInspector() {}

    /**
     * Inspects a file that is not a PKCS#12 file, or one whose password is not known.
     *
     * @param file the file
     * @return what it holds
     * @throws IOException when the file cannot be read: missing, a directory, not permitted
     */
    public static Inspection inspect(Path file) throws IOException {
        return inspect(file, null);
    }

    /**
     * Inspects a file, reading at most {@value #MAX_CONTENT_BYTES} bytes of it (one more to tell
     * that it is larger).
     *
     * @param file the file
     * @param pkcs12Password opens the file if it is PKCS#12; not kept, not changed
     * @return what it holds
     * @throws IOException when the file cannot be read: missing, a directory, a pipe or a device,
     *     not permitted
     */
    public static Inspection inspect(Path file, char @Nullable [] pkcs12Password) throws IOException {
        requireNonNull(file, "file");
        if (Files.isDirectory(file)) {
            throw new FileSystemException(file.toString(), null, "is a directory, not a certificate file");
        }
        if (Files.exists(file) && !Files.isRegularFile(file)) {
            // Opening a named pipe waits for a writer: it could hang the caller for ever.
            throw new FileSystemException(file.toString(), null, "is a pipe or a device, not a certificate file");
        }
        byte[] content;
        try (InputStream in = Files.newInputStream(file)) {
            content = in.readNBytes(MAX_CONTENT_BYTES + 1);
        }
        if (content.length > MAX_CONTENT_BYTES) {
            // Files.size says 0 for devices and pipes: then the size is only known to be too large.
            long size = Files.size(file);
            return tooLarge(file.toString(), size > MAX_CONTENT_BYTES ? size + " bytes" : "more than "
                    + MAX_CONTENT_BYTES + " bytes");
        }
        return inspect(content, file.toString(), pkcs12Password);
    }

    /**
     * Inspects content already read.
     *
     * @param content the content, untrusted; not changed
     * @param source where it came from (a file name), for messages
     * @param pkcs12Password opens the content if it is PKCS#12; not kept, not changed
     * @return what it holds
     */
    public static Inspection inspect(byte[] content, String source, char @Nullable [] pkcs12Password) {
        requireNonNull(content, "content");
        requireNonNull(source, "source");
        if (content.length == 0) {
            return Inspection.notX509(source, FileFormat.UNKNOWN, false, "the file is empty");
        }
        if (content.length > MAX_CONTENT_BYTES) {
            return tooLarge(source, content.length + " bytes");
        }
        String text = TextContent.decode(content);
        if (text != null) {
            return inspectText(text, source, pkcs12Password);
        }
        if ((content[0] & 0xFF) == ASN1_SEQUENCE) {
            return DerInspection.inspect(content, source, FileFormat.DER, pkcs12Password);
        }
        return Inspection.notX509(source, FileFormat.UNKNOWN, false, String.format(
                "neither text nor DER: the first byte is 0x%02X, not 0x30 (an ASN.1 SEQUENCE)", content[0] & 0xFF));
    }

    private static Inspection inspectText(String text, String source, char @Nullable [] pkcs12Password) {
        if (text.contains("-----BEGIN")) {
            return PemInspection.inspect(text, source);
        }
        if (text.isBlank()) {
            return Inspection.notX509(source, FileFormat.UNKNOWN, false, "the file holds only whitespace");
        }
        byte[] decoded = BareBase64.decode(text);
        if (decoded == null) {
            return Inspection.notX509(source, FileFormat.UNKNOWN, false,
                    "text without a PEM block (no '-----BEGIN CERTIFICATE-----' line) and not base64");
        }
        String bare = "base64 text without PEM armour";
        if (decoded.length == 0 || (decoded[0] & 0xFF) != ASN1_SEQUENCE) {
            return Inspection.notX509(source, FileFormat.BASE64, false, bare + " that does not decode to DER");
        }
        Inspection inside = DerInspection.inspect(decoded, source, FileFormat.BASE64, pkcs12Password);
        if (inside.notX509() == null) {
            return inside;
        }
        return Inspection.notX509(source, FileFormat.BASE64, inside.containsPrivateKey(),
                bare + ": " + inside.notX509());
    }

    private static Inspection tooLarge(String source, String size) {
        return Inspection.notX509(source, FileFormat.UNKNOWN, false, "the file is larger than 1 MiB ("
                + size + "); a certificate file is a few kilobytes");
    }
}
