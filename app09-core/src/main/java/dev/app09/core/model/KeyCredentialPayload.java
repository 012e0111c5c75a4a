package dev.app09.core.model;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;

/**
 * The keyCredential to add to an application so that it can authenticate with a certificate: type
 * {@code AsymmetricX509Cert}, usage {@code Verify}, the DER certificate as {@code key}, and the
 * certificate's own validity as start and end. It holds only the public certificate, never a
 * private key.
 *
 * <p>app09-certs builds it from a certificate file; app09-graph sends it. Immutable: the key bytes
 * are copied in and out.
 */
public final class KeyCredentialPayload {

    /** Graph's {@code type} for a client certificate. */
    public static final String TYPE = "AsymmetricX509Cert";
    /** Graph's {@code usage} for a client certificate. */
    public static final String USAGE = "Verify";
    /** The longest display name Graph accepts on a keyCredential. */
    public static final int MAX_DISPLAY_NAME_LENGTH = 90;

    private final byte[] key;
    private final String displayName;
    private final Instant startDateTime;
    private final Instant endDateTime;

    private KeyCredentialPayload(byte[] key, String displayName, Instant startDateTime, Instant endDateTime) {
        this.key = key;
        this.displayName = displayName;
        this.startDateTime = startDateTime;
        this.endDateTime = endDateTime;
    }

    /**
     * @param derCertificate the DER-encoded X.509 certificate (copied)
     * @param displayName at most {@value #MAX_DISPLAY_NAME_LENGTH} characters
     * @param startDateTime the certificate's notBefore
     * @param endDateTime the certificate's notAfter, after the start
     * @return the payload
     * @throws IllegalArgumentException when the key is empty, the name too long or the dates reversed
     */
    public static KeyCredentialPayload of(
            byte[] derCertificate, String displayName, Instant startDateTime, Instant endDateTime) {
        requireNonNull(derCertificate, "derCertificate");
        requireNonNull(displayName, "displayName");
        requireNonNull(startDateTime, "startDateTime");
        requireNonNull(endDateTime, "endDateTime");
        if (derCertificate.length == 0) {
            throw new IllegalArgumentException("the certificate is empty");
        }
        if (displayName.length() > MAX_DISPLAY_NAME_LENGTH) {
            throw new IllegalArgumentException("displayName is " + displayName.length()
                    + " characters; Graph accepts at most " + MAX_DISPLAY_NAME_LENGTH);
        }
        if (!endDateTime.isAfter(startDateTime)) {
            throw new IllegalArgumentException(
                    "endDateTime " + endDateTime + " is not after startDateTime " + startDateTime);
        }
        return new KeyCredentialPayload(derCertificate.clone(), displayName, startDateTime, endDateTime);
    }

    /** @return {@value #TYPE} */
    public String type() {
        return TYPE;
    }

    /** @return {@value #USAGE} */
    public String usage() {
        return USAGE;
    }

    /** @return a copy of the DER certificate */
    public byte[] key() {
        return key.clone();
    }

    /** @return the DER certificate in standard base64, as Graph expects binary properties */
    public String keyBase64() {
        return Base64.getEncoder().encodeToString(key);
    }

    /** @return the display name */
    public String displayName() {
        return displayName;
    }

    /** @return when the certificate becomes valid */
    public Instant startDateTime() {
        return startDateTime;
    }

    /** @return when the certificate expires */
    public Instant endDateTime() {
        return endDateTime;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KeyCredentialPayload other
                && Arrays.equals(key, other.key)
                && displayName.equals(other.displayName)
                && startDateTime.equals(other.startDateTime)
                && endDateTime.equals(other.endDateTime);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(key) + displayName.hashCode();
    }

    @Override
    public String toString() {
        return "KeyCredentialPayload[" + TYPE + "/" + USAGE + ", displayName=" + displayName + ", "
                + startDateTime + " to " + endDateTime + ", key=" + key.length + " bytes]";
    }
}
