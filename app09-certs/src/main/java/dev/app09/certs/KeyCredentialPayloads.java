package dev.app09.certs;

import static java.util.Objects.requireNonNull;

import dev.app09.core.model.KeyCredentialPayload;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import javax.security.auth.x500.X500Principal;

/**
 * Builds the keyCredential that registers a certificate on an application.
 *
 * <pre>{@code
 * KeyCredentialPayload payload = KeyCredentialPayloads.forCertificate(certificate);
 * }</pre>
 */
public final class KeyCredentialPayloads {

    private KeyCredentialPayloads() {}

    /**
     * The payload for a certificate: its DER encoding as the key, its subject (cut to the 90
     * characters Graph accepts) as the display name, its validity as start and end.
     *
     * @param certificate the public certificate
     * @return the payload
     */
    public static KeyCredentialPayload forCertificate(X509Certificate certificate) {
        requireNonNull(certificate, "certificate");
        byte[] der;
        try {
            der = certificate.getEncoded();
        } catch (CertificateEncodingException e) {
            throw new IllegalArgumentException("the certificate cannot be DER-encoded", e);
        }
        return KeyCredentialPayload.of(der, displayName(certificate.getSubjectX500Principal()),
                certificate.getNotBefore().toInstant(), certificate.getNotAfter().toInstant());
    }

    /**
     * @param subject a certificate subject
     * @return its RFC 2253 form cut to {@value KeyCredentialPayload#MAX_DISPLAY_NAME_LENGTH}
     *     characters, never splitting a surrogate pair
     */
    static String displayName(X500Principal subject) {
        String name = subject.getName(X500Principal.RFC2253);
        int max = KeyCredentialPayload.MAX_DISPLAY_NAME_LENGTH;
        if (name.length() <= max) {
            return name;
        }
        int end = Character.isHighSurrogate(name.charAt(max - 1)) ? max - 1 : max;
        return name.substring(0, end);
    }
}
