package dev.app09.core.rules;

import dev.app09.core.model.Application;
import dev.app09.core.model.FederatedIdentityCredential;
import dev.app09.core.model.KeyCredential;
import dev.app09.core.model.KeyIdentifier;
import dev.app09.core.model.KeyType;
import dev.app09.core.model.KeyUsage;
import dev.app09.core.model.PasswordCredential;
import dev.app09.core.model.ServicePrincipal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Gives every credential of a workload its kind and status (APP09-RULES.md section 2).
 *
 * <p>SAML token-signing credentials are recognised per object: a key with usage {@code Sign}; a
 * password that shares a Sign key's keyId or non-empty customKeyIdentifier; a Verify key that
 * shares a Sign key's non-empty customKeyIdentifier. Pairing never crosses from the application
 * to the service principal, so a secret is never excused by a key on the other object.
 */
public final class CredentialClassifier {

    private CredentialClassifier() {
    }

    /**
     * @param workload the workload
     * @param asOf the evaluation instant
     * @return its credentials, the application's first, each classified and dated
     */
    public static List<AssessedCredential> classify(Workload workload, Instant asOf) {
        List<AssessedCredential> out = new ArrayList<>();
        Application app = workload.application();
        if (app != null) {
            classifyObject(CredentialLocation.APPLICATION, app.passwordCredentials(), app.keyCredentials(), asOf, out);
            for (FederatedIdentityCredential fic : app.federatedIdentityCredentials()) {
                out.add(new AssessedCredential(CredentialLocation.APPLICATION, CredentialKind.FEDERATED, fic.id(),
                        fic.name(), null, null, null, CredentialStatus.ACTIVE, null, null));
            }
        }
        ServicePrincipal sp = workload.servicePrincipal();
        if (sp != null) {
            classifyObject(CredentialLocation.SERVICE_PRINCIPAL, sp.passwordCredentials(), sp.keyCredentials(), asOf, out);
        }
        return out;
    }

    private static void classifyObject(CredentialLocation location, List<PasswordCredential> passwords,
            List<KeyCredential> keys, Instant asOf, List<AssessedCredential> out) {
        SigningKeys signing = SigningKeys.of(keys);
        for (KeyCredential key : keys) {
            CredentialKind kind = keyKind(key, signing);
            out.add(new AssessedCredential(location, kind, key.keyId().toString(), key.displayName(), null,
                    key.startDateTime(), key.endDateTime(),
                    CredentialStatus.at(key.startDateTime(), key.endDateTime(), asOf), key.type(), key.usage()));
        }
        for (PasswordCredential password : passwords) {
            out.add(new AssessedCredential(location,
                    signing.pairsWith(password) ? CredentialKind.SIGNING : CredentialKind.SECRET,
                    password.keyId().toString(), password.displayName(), password.hint(),
                    password.startDateTime(), password.endDateTime(),
                    CredentialStatus.at(password.startDateTime(), password.endDateTime(), asOf), null, null));
        }
    }

    private static CredentialKind keyKind(KeyCredential key, SigningKeys signing) {
        KeyUsage usage = key.keyUsage();
        if (usage == KeyUsage.SIGN) {
            return CredentialKind.SIGNING;
        }
        if (usage == KeyUsage.VERIFY && signing.sharesIdentifier(key.customKeyIdentifier())) {
            return CredentialKind.SIGNING;
        }
        KeyType type = key.keyType();
        if (type == KeyType.SYMMETRIC) {
            return CredentialKind.SYMMETRIC_KEY;
        }
        if (type == KeyType.ASYMMETRIC_X509_CERT && usage == KeyUsage.VERIFY) {
            return CredentialKind.CERTIFICATE;
        }
        return CredentialKind.UNKNOWN;
    }

    /**
     * The Sign keys of one object, by keyId and by non-empty customKeyIdentifier. Most objects have
     * none, so the sets are only built when there is a Sign key.
     */
    private record SigningKeys(Set<UUID> keyIds, Set<KeyIdentifier> identifiers) {

        private static final SigningKeys NONE = new SigningKeys(Set.of(), Set.of());

        static SigningKeys of(List<KeyCredential> keys) {
            SigningKeys found = NONE;
            for (KeyCredential key : keys) {
                if (key.keyUsage() == KeyUsage.SIGN) {
                    if (found == NONE) {
                        found = new SigningKeys(new HashSet<>(), new HashSet<>());
                    }
                    found.keyIds.add(key.keyId());
                    if (isPresent(key.customKeyIdentifier())) {
                        found.identifiers.add(key.customKeyIdentifier());
                    }
                }
            }
            return found;
        }

        /** A password is a Sign key's when it shares the key's keyId or non-empty customKeyIdentifier. */
        boolean pairsWith(PasswordCredential password) {
            return keyIds.contains(password.keyId()) || sharesIdentifier(password.customKeyIdentifier());
        }

        boolean sharesIdentifier(@Nullable KeyIdentifier identifier) {
            return isPresent(identifier) && identifiers.contains(identifier);
        }
    }

    private static boolean isPresent(@Nullable KeyIdentifier identifier) {
        return identifier != null && !identifier.isEmpty();
    }
}
