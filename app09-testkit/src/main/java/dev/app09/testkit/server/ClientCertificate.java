package dev.app09.testkit.server;

import dev.app09.core.model.KeyCredential;
import dev.app09.core.rules.CredentialStatus;
import java.security.cert.X509Certificate;
import java.time.Instant;

/**
 * A certificate an application can prove its identity with: a key credential of type {@code
 * AsymmetricX509Cert} and usage {@code Verify} whose certificate bytes the directory holds. A
 * {@code Sign} key (SAML token signing) is not a client credential. Both the addKey proof and the
 * token endpoint's client assertion are verified against these.
 *
 * @param credential the key credential
 * @param certificate its certificate
 */
record ClientCertificate(KeyCredential credential, X509Certificate certificate) {

    static final String TYPE = "AsymmetricX509Cert";
    static final String USAGE = "Verify";

    /** @return whether the key credential's dates (not the certificate's) cover the instant */
    boolean activeAt(Instant instant) {
        return status(instant) == CredentialStatus.ACTIVE;
    }

    CredentialStatus status(Instant instant) {
        return CredentialStatus.at(credential.startDateTime(), credential.endDateTime(), instant);
    }
}
