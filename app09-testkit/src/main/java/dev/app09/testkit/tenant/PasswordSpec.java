package dev.app09.testkit.tenant;

import dev.app09.core.model.PasswordCredential;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A password credential (client secret, or the password of a SAML signing certificate). The
 * default is a client secret that started 30 days ago and ends in 180: live, within the maximum
 * lifetime. There is no secret value to set: the model has no field for one.
 */
public final class PasswordSpec extends CredentialSpec<PasswordSpec> {

    private @Nullable String hint;

    PasswordSpec(Instant now, UUID keyId, String displayName) {
        super(now, keyId, displayName, Duration.ofDays(30), Duration.ofDays(180));
        this.hint = "Q8~";
    }

    @Override
    PasswordSpec self() {
        return this;
    }

    /**
     * @param firstCharacters the hint Graph shows (it keeps the first three characters), or null
     * @return this spec
     */
    public PasswordSpec hint(@Nullable String firstCharacters) {
        this.hint = firstCharacters;
        return this;
    }

    PasswordCredential build() {
        return new PasswordCredential(keyId(), displayName(), hint, customKeyIdentifier(), start(), end());
    }
}
