package dev.app09.core.model;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One entry of an app management policy's {@code passwordCredentials} restrictions.
 *
 * @param restrictionType e.g. {@code passwordAddition}, {@code passwordLifetime}, as Graph sent it
 * @param state {@code enabled} or {@code disabled}, as Graph sent it
 * @param maxLifetime the ISO-8601 duration of lifetime restrictions, as sent, if any
 * @param restrictForAppsCreatedAfterDateTime only apps created after this are restricted; null
 *     means all apps
 */
public record PasswordCredentialRestriction(
        String restrictionType,
        @Nullable String state,
        @Nullable String maxLifetime,
        @Nullable Instant restrictForAppsCreatedAfterDateTime) {

    /** Validates. */
    public PasswordCredentialRestriction {
        requireNonNull(restrictionType, "restrictionType");
    }

    /** @return whether this restriction blocks adding passwords and is switched on */
    public boolean isEnabledPasswordAddition() {
        return "passwordAddition".equalsIgnoreCase(restrictionType) && "enabled".equalsIgnoreCase(state);
    }
}
