package dev.app09.certs.inspect;

/** How the content of an inspected file is encoded. */
public enum FileFormat {
    /** Binary ASN.1 DER: a {@code .cer} or {@code .crt} certificate, a DER private key, a PKCS#7 bundle. */
    DER,
    /** Text with {@code -----BEGIN ...-----} blocks. */
    PEM,
    /**
     * Base64 text without PEM armour, as Graph carries a keyCredential's {@code key} and as some
     * tools print a certificate or a PFX.
     */
    BASE64,
    /** A PKCS#12 file ({@code .pfx}, {@code .p12}): certificates with their private key. */
    PKCS12,
    /** Nothing recognisable: an empty file, binary junk, text without PEM blocks, a file too large. */
    UNKNOWN
}
