package dev.app09.core.rules;

/** What a credential is, for APP-09 (APP09-RULES.md section 2). */
public enum CredentialKind {
    /** Token signing (SAML): not client authentication, never counted either way. */
    SIGNING,
    /** A client secret. */
    SECRET,
    /** A legacy symmetric key: counts as a secret. */
    SYMMETRIC_KEY,
    /** A client authentication certificate (AsymmetricX509Cert, Verify). */
    CERTIFICATE,
    /** A workload identity federation trust: no dates, always in force. */
    FEDERATED,
    /** Any other type or usage: never counted as a certificate. */
    UNKNOWN;

    /** @return whether this kind is a secret (a {@link #SECRET} or a {@link #SYMMETRIC_KEY}) */
    public boolean isSecret() {
        return this == SECRET || this == SYMMETRIC_KEY;
    }
}
