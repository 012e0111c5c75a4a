package dev.app09.core.migration;

import static java.util.Objects.requireNonNull;

import dev.app09.core.rules.CredentialLocation;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Whether one client secret may be removed now, and why.
 *
 * @param appId the workload's application (client) id
 * @param keyId the secret's keyId
 * @param location the object the secret sits on, or null when it was not found
 * @param objectId that object's id (the one {@code removePassword} is sent to), or null when not found
 * @param secret the secret as people know it (display name, hint, end), never its value; empty when not found
 * @param refusals every rule that refuses; empty when the removal is safe
 * @param grounds why it is safe (the proofs that were accepted), for the record
 * @param warnings what is not known and was accepted anyway (a removal without sign-in evidence)
 */
public record RetirementDecision(
        UUID appId,
        UUID keyId,
        @Nullable CredentialLocation location,
        @Nullable UUID objectId,
        String secret,
        List<Refusal> refusals,
        List<String> grounds,
        List<String> warnings) {

    /** Validates and copies. */
    public RetirementDecision {
        requireNonNull(appId, "appId");
        requireNonNull(keyId, "keyId");
        requireNonNull(secret, "secret");
        refusals = List.copyOf(refusals);
        grounds = List.copyOf(grounds);
        warnings = List.copyOf(warnings);
        if ((location == null) != (objectId == null)) {
            throw new IllegalArgumentException("a found secret has both a location and an object id");
        }
    }

    /** @return whether no rule refuses */
    public boolean allowed() {
        return refusals.isEmpty();
    }

    /**
     * @param rule a rule
     * @return whether it refused
     */
    public boolean refusedBy(RetirementRule rule) {
        return refusals.stream().anyMatch(r -> r.rule() == rule);
    }
}
