package dev.app09.certs.inspect;

/** Why a file may not be uploaded as an application's certificate. */
public enum RefusalReason {
    /** The file holds a private key (a PFX, a PEM key block): only the public certificate is uploaded. */
    CONTAINS_PRIVATE_KEY,
    /** The file holds no readable X.509 certificate. */
    NOT_X509,
    /** The certificate's validity has ended: its notAfter is at or before the time of the check. */
    EXPIRED,
    /** The certificate's validity has not begun: its notBefore is after the time of the check. */
    NOT_YET_VALID,
    /** The RSA key has fewer than 2048 bits. */
    KEY_TOO_SMALL,
    /** The key is not RSA: Entra client certificates are RSA, and MSAL signs with RS256. */
    NOT_RSA
}
