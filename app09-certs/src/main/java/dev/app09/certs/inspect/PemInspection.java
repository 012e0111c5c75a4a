package dev.app09.certs.inspect;

import java.io.IOException;
import java.io.StringReader;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.bouncycastle.util.io.pem.PemObject;
import org.jspecify.annotations.Nullable;

/**
 * PEM text: one or more CERTIFICATE blocks (a chain), perhaps beside a private key, with any text
 * around them. Any other block, or a block that cannot be read, makes the whole file not X.509.
 */
final class PemInspection {

    private static final List<String> CERTIFICATE_LABELS = List.of("CERTIFICATE", "X509 CERTIFICATE");
    private static final String EC_PARAMETERS = "EC PARAMETERS";

    /** Labels that are not certificates but say what they are; the content is not decoded. */
    private static final Map<String, String> KNOWN_LABELS = Map.of(
            "CERTIFICATE REQUEST", DerKind.CERTIFICATE_REQUEST.explained(),
            "NEW CERTIFICATE REQUEST", DerKind.CERTIFICATE_REQUEST.explained(),
            "PKCS7", DerKind.PKCS7.explained(),
            "PKCS #7 SIGNED DATA", DerKind.PKCS7.explained(),
            "CMS", DerKind.PKCS7.explained(),
            "X509 CRL", DerKind.CERTIFICATE_LIST.explained(),
            "PUBLIC KEY", DerKind.PUBLIC_KEY.explained(),
            "RSA PUBLIC KEY", DerKind.PUBLIC_KEY.explained(),
            "TRUSTED CERTIFICATE", "a certificate with OpenSSL's trust settings appended:"
                    + " convert it with openssl x509 -in file.pem -out certificate.pem");

    private static final Pattern PRIVATE_KEY_LINE = Pattern.compile("-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----");

    private PemInspection() {}

    /**
     * @param text untrusted text holding at least one {@code -----BEGIN} line
     * @param source for the inspection
     * @return what it holds
     */
    static Inspection inspect(String text, String source) {
        // BouncyCastle skips an indented BEGIN line; PEM pasted from mail or YAML often is indented.
        // Stripping each line keeps the line numbers.
        String stripped = text.lines().map(String::strip).collect(Collectors.joining("\n", "", "\n"));
        List<X509Certificate> certificates = new ArrayList<>();
        // A key block that does not start its line (after "key: " in YAML, say) is no PEM block to
        // BouncyCastle, but it is still a private key in the file.
        boolean containsPrivateKey = PRIVATE_KEY_LINE.matcher(text).find();
        @Nullable String notCertificate = null;
        @Nullable String problem = null;
        int blocks = 0;
        try (PemBlockReader reader = new PemBlockReader(new StringReader(stripped))) {
            while (true) {
                int linesBefore = reader.linesRead();
                PemObject block;
                try {
                    block = reader.readPemObject();
                } catch (IOException | RuntimeException e) {
                    // Reading goes on past a damaged block: a later one may be a private key.
                    blocks++;
                    containsPrivateKey |= isPrivateKey(reader.label());
                    problem = first(problem, name(blocks, reader.label(), reader.beginLine())
                            + " is damaged (" + e.getMessage() + ")");
                    if (reader.linesRead() == linesBefore) {
                        break;
                    }
                    continue;
                }
                if (block == null) {
                    break;
                }
                blocks++;
                String label = block.getType();
                String name = name(blocks, label, reader.beginLine());
                if (isPrivateKey(label)) {
                    containsPrivateKey = true;
                    notCertificate = first(notCertificate, name + " is a private key");
                } else if (label.equals(EC_PARAMETERS)) {
                    // openssl ecparam -genkey writes the curve's name before the key: harmless.
                    notCertificate = first(notCertificate, name + " holds only the name of an EC curve");
                } else if (CERTIFICATE_LABELS.contains(label) && block.getContent().length == 0) {
                    problem = first(problem, name + " is empty");
                } else if (CERTIFICATE_LABELS.contains(label)) {
                    Inspection inside = DerInspection.inspect(block.getContent(), source, FileFormat.DER, null);
                    containsPrivateKey |= inside.containsPrivateKey();
                    if (inside.notX509() != null) {
                        problem = first(problem, name + ": " + inside.notX509());
                    }
                    certificates.addAll(inside.certificates());
                } else {
                    problem = first(problem, name + " is " + KNOWN_LABELS.getOrDefault(label, "not a certificate"));
                }
            }
        } catch (IOException e) {
            // Closing a reader over a string does not fail.
            throw new IllegalStateException(e);
        }
        if (problem != null) {
            return Inspection.notX509(source, FileFormat.PEM, containsPrivateKey, problem);
        }
        if (blocks == 0) {
            return Inspection.notX509(source, FileFormat.PEM, false,
                    "text with a '-----BEGIN' line but no PEM block: a block is '-----BEGIN LABEL-----',"
                            + " base64 lines, then '-----END LABEL-----'");
        }
        if (certificates.isEmpty()) {
            return Inspection.notX509(source, FileFormat.PEM, containsPrivateKey,
                    "no CERTIFICATE block: " + notCertificate);
        }
        return Inspection.of(source, FileFormat.PEM, certificates, containsPrivateKey);
    }

    /** PRIVATE KEY, RSA PRIVATE KEY, EC PRIVATE KEY, ENCRYPTED PRIVATE KEY, OPENSSH PRIVATE KEY, ... */
    private static boolean isPrivateKey(String label) {
        return label.contains("PRIVATE KEY");
    }

    private static String name(int block, String label, int line) {
        return "PEM block " + block + " '" + label + "' (line " + line + ")";
    }

    private static String first(@Nullable String kept, String candidate) {
        return kept != null ? kept : candidate;
    }
}
