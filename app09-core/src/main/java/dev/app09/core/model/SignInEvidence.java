package dev.app09.core.model;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Credential sign-in evidence for a tenant. Its presence in a snapshot turns on the usage
 * findings; an empty evidence says that no credential signed in at all.
 */
public final class SignInEvidence {

    private final List<CredentialSignIn> signIns;
    private final Map<UUID, Instant> lastSignInByKeyId;

    private SignInEvidence(List<CredentialSignIn> signIns) {
        this.signIns = List.copyOf(signIns);
        Map<UUID, Instant> last = new HashMap<>();
        for (CredentialSignIn signIn : this.signIns) {
            if (signIn.lastSignIn() != null) {
                last.merge(signIn.keyId(), signIn.lastSignIn(), (a, b) -> a.isAfter(b) ? a : b);
            }
        }
        this.lastSignInByKeyId = Map.copyOf(last);
    }

    /**
     * @param signIns the report's rows
     * @return the evidence
     */
    public static SignInEvidence of(List<CredentialSignIn> signIns) {
        return new SignInEvidence(signIns);
    }

    /** @return the rows, as given */
    public List<CredentialSignIn> signIns() {
        return signIns;
    }

    /**
     * The latest sign-in of a credential. Rows are matched by keyId alone: keyIds are unique, and
     * a broader match only ever makes a credential look used, never unused.
     *
     * @param keyId the credential's id
     * @return its latest sign-in, or empty when the evidence shows none
     */
    public Optional<Instant> lastSignIn(UUID keyId) {
        return Optional.ofNullable(lastSignInByKeyId.get(keyId));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SignInEvidence other && signIns.equals(other.signIns);
    }

    @Override
    public int hashCode() {
        return signIns.hashCode();
    }

    @Override
    public String toString() {
        return "SignInEvidence[" + signIns.size() + " rows]";
    }
}
