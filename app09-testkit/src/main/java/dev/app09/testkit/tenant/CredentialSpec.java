package dev.app09.testkit.tenant;

import static java.util.Objects.requireNonNull;

import dev.app09.core.model.KeyIdentifier;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What every password and key credential spec shares: key id, display name, custom key
 * identifier, validity dates relative to the tenant's clock, and the sign-in evidence the
 * credential leaves.
 *
 * @param <S> the concrete spec, returned by every setter
 */
public abstract class CredentialSpec<S extends CredentialSpec<S>> {

    private final Instant now;
    private UUID keyId;
    private @Nullable String displayName;
    private @Nullable KeyIdentifier customKeyIdentifier;
    private @Nullable Instant start;
    private @Nullable Instant end;
    private boolean inEvidence;
    private @Nullable Instant lastSignIn;

    CredentialSpec(Instant now, UUID keyId, String displayName, Duration age, Duration remaining) {
        this.now = now;
        this.keyId = keyId;
        this.displayName = displayName;
        this.start = now.minus(age);
        this.end = now.plus(remaining);
    }

    abstract S self();

    /**
     * @param id the credential's key id
     * @return this spec
     */
    public S keyId(UUID id) {
        this.keyId = requireNonNull(id, "keyId");
        return self();
    }

    /**
     * @param name the display name, or null for none
     * @return this spec
     */
    public S displayName(@Nullable String name) {
        this.displayName = name;
        return self();
    }

    /**
     * @param bytes the custom key identifier Graph stores (opaque bytes), or null for none
     * @return this spec
     */
    public S customKeyIdentifier(byte @Nullable [] bytes) {
        this.customKeyIdentifier = bytes == null ? null : KeyIdentifier.of(bytes);
        return self();
    }

    /**
     * @param instant the start, or null for "since ever"
     * @return this spec
     */
    public S start(@Nullable Instant instant) {
        this.start = instant;
        return self();
    }

    /**
     * @param instant the end, or null for "never expires"
     * @return this spec
     */
    public S end(@Nullable Instant instant) {
        this.end = instant;
        return self();
    }

    /**
     * @param days how many days before the tenant's clock the credential started (negative: in the future)
     * @return this spec
     */
    public S startedDaysAgo(long days) {
        return start(now.minus(Duration.ofDays(days)));
    }

    /**
     * @param days how many days after the tenant's clock the credential ends (negative: in the past)
     * @return this spec
     */
    public S endsInDays(long days) {
        return end(now.plus(Duration.ofDays(days)));
    }

    /**
     * An expired credential: it ended {@code days} days ago, a year after it started.
     *
     * @param days how many days ago it ended
     * @return this spec
     */
    public S expiredDaysAgo(long days) {
        return startedDaysAgo(days + 365).endsInDays(-days);
    }

    /**
     * Records a sign-in with this credential in the tenant's sign-in evidence.
     *
     * @param days how many days before the tenant's clock it last signed in
     * @return this spec
     */
    public S lastSignInDaysAgo(long days) {
        this.inEvidence = true;
        this.lastSignIn = now.minus(Duration.ofDays(days));
        return self();
    }

    /**
     * Lists this credential in the sign-in evidence with no sign-in at all.
     *
     * @return this spec
     */
    public S neverSignedIn() {
        this.inEvidence = true;
        this.lastSignIn = null;
        return self();
    }

    UUID keyId() {
        return keyId;
    }

    @Nullable String displayName() {
        return displayName;
    }

    @Nullable KeyIdentifier customKeyIdentifier() {
        return customKeyIdentifier;
    }

    @Nullable Instant start() {
        return start;
    }

    @Nullable Instant end() {
        return end;
    }

    boolean inEvidence() {
        return inEvidence;
    }

    @Nullable Instant lastSignIn() {
        return lastSignIn;
    }
}
