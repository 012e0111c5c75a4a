package dev.app09.certs.inspect;

import static java.util.Objects.requireNonNull;

import dev.app09.certs.Thumbprints;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.stream.Collectors;
import javax.security.auth.x500.X500Principal;
import org.jspecify.annotations.Nullable;

/**
 * What a file holds: its certificates in file order, whether it holds a private key, and, when it
 * holds no readable certificate, why not.
 *
 * <p>Exactly one of {@code certificates} and {@code notX509} is given: a file whose every part is
 * not a readable certificate (a damaged second block, a certificate request beside the certificate)
 * is reported whole as not X.509, with its certificates left out, rather than half-read.
 *
 * @param source where the content came from (a file path or a name the caller chose), for messages
 * @param format how the content is encoded
 * @param certificates the certificates, in file order; empty exactly when {@code notX509} is given
 * @param containsPrivateKey whether the file holds, or is meant to hold, a private key (a PKCS#12
 *     file counts unless its password opened it and showed no key)
 * @param notX509 why the content holds no readable X.509 certificate; null when it holds at least one
 */
public record Inspection(
        String source,
        FileFormat format,
        List<X509Certificate> certificates,
        boolean containsPrivateKey,
        @Nullable String notX509) {

    /**
     * Validates and copies.
     *
     * @throws IllegalArgumentException when both or neither of certificates and notX509 are given
     */
    public Inspection {
        requireNonNull(source, "source");
        requireNonNull(format, "format");
        certificates = List.copyOf(certificates);
        if (certificates.isEmpty() == (notX509 == null)) {
            throw new IllegalArgumentException(
                    "an inspection has either certificates or a reason it has none, not both or neither");
        }
    }

    static Inspection of(
            String source, FileFormat format, List<X509Certificate> certificates, boolean containsPrivateKey) {
        return new Inspection(source, format, certificates, containsPrivateKey, null);
    }

    static Inspection notX509(String source, FileFormat format, boolean containsPrivateKey, String why) {
        return new Inspection(source, format, List.of(), containsPrivateKey, why);
    }

    /**
     * The facts of each certificate, in file order. Computed on each call: checking whether a
     * certificate is self-signed verifies its signature.
     *
     * @return the facts
     */
    public List<CertificateFacts> facts() {
        return certificates.stream().map(CertificateFacts::of).toList();
    }

    /** @return the source, format, subjects and SHA-1 thumbprints, and the reason when not X.509 */
    @Override
    public String toString() {
        String named = certificates.stream()
                .map(c -> c.getSubjectX500Principal().getName(X500Principal.RFC2253)
                        + " (" + Thumbprints.of(c).sha1Hex() + ")")
                .collect(Collectors.joining(", ", "[", "]"));
        return "Inspection[source=" + source + ", format=" + format + ", certificates=" + named
                + ", containsPrivateKey=" + containsPrivateKey + ", notX509=" + notX509 + "]";
    }
}
