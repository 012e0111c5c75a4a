package dev.app09.certs.inspect;

/** Why an acceptable certificate deserves a second look before it is uploaded. */
public enum WarningReason {
    /** The certificate is valid for longer than the policy's maximum. */
    VALIDITY_OVER_MAXIMUM,
    /** The file holds more than one certificate; only the first is uploaded. */
    MORE_THAN_ONE_CERTIFICATE,
    /** The certificate is signed with SHA-1 or MD5, which scanners and policies flag as broken. */
    WEAK_SIGNATURE
}
