package dev.app09.testkit.tenant;

import static java.util.Objects.requireNonNull;

import dev.app09.core.model.CredentialSignIn;
import dev.app09.core.model.KeyCredential;
import dev.app09.core.model.PasswordCredential;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * What applications and service principals share: an object id, a display name, and password and
 * key credentials, each added with valid defaults that a test overrides as it needs.
 *
 * @param <S> the concrete spec, returned by every method
 */
public abstract class DirectoryObjectSpec<S extends DirectoryObjectSpec<S>> {

    private final Instant now;
    private final Ids ids;
    private UUID id;
    private String displayName;
    private final List<PasswordSpec> passwords = new ArrayList<>();
    private final List<KeySpec> keys = new ArrayList<>();

    DirectoryObjectSpec(Instant now, Ids ids, String displayName, String kind) {
        this.now = now;
        this.ids = ids;
        this.displayName = requireNonNull(displayName, "displayName");
        this.id = ids.next(kind);
    }

    abstract S self();

    /**
     * @param objectId the directory object id
     * @return this spec
     */
    public S id(UUID objectId) {
        this.id = requireNonNull(objectId, "id");
        return self();
    }

    /**
     * @param name the display name
     * @return this spec
     */
    public S displayName(String name) {
        this.displayName = requireNonNull(name, "displayName");
        return self();
    }

    /**
     * Adds a live client secret (started 30 days ago, ends in 180).
     *
     * @return this spec
     */
    public S secret() {
        return secret(s -> { });
    }

    /**
     * Adds a client secret, starting from the live default.
     *
     * @param spec changes to the default
     * @return this spec
     */
    public S secret(Consumer<? super PasswordSpec> spec) {
        PasswordSpec password = new PasswordSpec(now, ids.next("password"), "secret " + (passwords.size() + 1));
        spec.accept(password);
        passwords.add(password);
        return self();
    }

    /**
     * Adds an active certificate (started 60 days ago, ends in 365).
     *
     * @return this spec
     */
    public S certificate() {
        return certificate(c -> { });
    }

    /**
     * Adds a certificate, starting from the active default.
     *
     * @param spec changes to the default
     * @return this spec
     */
    public S certificate(Consumer<? super KeySpec> spec) {
        return key(spec);
    }

    /**
     * Adds a live legacy symmetric key (a shared secret in a key credential).
     *
     * @return this spec
     */
    public S symmetricKey() {
        return symmetricKey(k -> { });
    }

    /**
     * Adds a symmetric key, starting from a live default.
     *
     * @param spec changes to the default
     * @return this spec
     */
    public S symmetricKey(Consumer<? super KeySpec> spec) {
        return key(k -> {
            k.type(KeySpec.SYMMETRIC).displayName("symmetric key").customKeyIdentifier(null);
            spec.accept(k);
        });
    }

    /**
     * Adds a key credential of any type and usage, starting from the certificate default: use it
     * for shapes the other methods do not name (unknown types, a lone Sign key).
     *
     * @param spec changes to the default
     * @return this spec
     */
    public S key(Consumer<? super KeySpec> spec) {
        KeySpec key = new KeySpec(now, ids.next("key"), "certificate " + (keys.size() + 1));
        spec.accept(key);
        keys.add(key);
        return self();
    }

    /**
     * Adds a SAML token-signing certificate as {@code addTokenSigningCertificate} stores it.
     *
     * @return this spec
     */
    public S samlSigningCertificate() {
        return samlSigningCertificate(SamlStyle.TOKEN_SIGNING_CERTIFICATE);
    }

    /**
     * Adds a SAML token-signing certificate: a Sign key, a Verify key and the password that opens
     * the PFX, tied together in the given style. None of the three is a client credential.
     *
     * @param style how the three are tied together
     * @return this spec
     */
    public S samlSigningCertificate(SamlStyle style) {
        UUID signKeyId = ids.next("saml-sign");
        UUID verifyKeyId = ids.next("saml-verify");
        UUID passwordKeyId = style == SamlStyle.CUSTOM_KEY_IDENTIFIER_ONLY ? ids.next("saml-password") : signKeyId;
        byte[] thumbprint = KeySpec.thumbprintOf(signKeyId);
        String name = "CN=" + displayName + " SAML signing";
        key(k -> k.keyId(signKeyId).displayName(name).customKeyIdentifier(thumbprint).usage(KeySpec.SIGN)
                .type(style == SamlStyle.CUSTOM_KEY ? KeySpec.X509_CERT_AND_PASSWORD : KeySpec.ASYMMETRIC_X509_CERT));
        key(k -> k.keyId(verifyKeyId).displayName(name).customKeyIdentifier(thumbprint));
        return secret(p -> p.keyId(passwordKeyId).displayName(name).hint(null)
                .customKeyIdentifier(style == SamlStyle.CUSTOM_KEY ? null : thumbprint)
                .startedDaysAgo(60).endsInDays(3 * 365 - 60));
    }

    Instant now() {
        return now;
    }

    Ids ids() {
        return ids;
    }

    UUID objectId() {
        return id;
    }

    String name() {
        return displayName;
    }

    List<PasswordCredential> passwordCredentials() {
        return passwords.stream().map(PasswordSpec::build).toList();
    }

    List<KeyCredential> keyCredentials() {
        return keys.stream().map(KeySpec::build).toList();
    }

    void addSignIns(UUID appId, String credentialOrigin, List<CredentialSignIn> into) {
        for (PasswordSpec password : passwords) {
            if (password.inEvidence()) {
                into.add(new CredentialSignIn(password.keyId(), appId, "clientSecret", credentialOrigin,
                        password.lastSignIn()));
            }
        }
        for (KeySpec key : keys) {
            if (key.inEvidence()) {
                into.add(new CredentialSignIn(key.keyId(), appId, "certificate", credentialOrigin, key.lastSignIn()));
            }
        }
    }
}
