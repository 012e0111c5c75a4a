package dev.app09.core.migration;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * What proves a certificate works, beside the snapshot's sign-in evidence: saved {@link
 * Verification}s, and the SHA-1 thumbprints of registered certificates computed from their
 * {@code key} bytes where the caller could read them (Graph returns {@code key} only for a single
 * object). Without a computed thumbprint a verification is matched to a certificate by its
 * {@code customKeyIdentifier}, which Graph stores in more than one encoding.
 *
 * @param verifications saved verifications, of any application
 * @param thumbprints certificate keyId to upper-case SHA-1 hex, for the certificates whose bytes were read
 */
public record MigrationEvidence(List<Verification> verifications, Map<UUID, String> thumbprints) {

    private static final MigrationEvidence NONE = new MigrationEvidence(List.of(), Map.of());

    /** Validates and copies; thumbprints are kept in upper case. */
    public MigrationEvidence {
        verifications = List.copyOf(verifications);
        thumbprints = requireNonNull(thumbprints, "thumbprints").entrySet().stream()
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, e -> e.getValue().toUpperCase(Locale.ROOT)));
    }

    /** @return no verification and no computed thumbprint */
    public static MigrationEvidence none() {
        return NONE;
    }

    /**
     * @param saved saved verifications
     * @return evidence made of them alone
     */
    public static MigrationEvidence of(List<Verification> saved) {
        return new MigrationEvidence(saved, Map.of());
    }

    /**
     * @param computed certificate keyId to SHA-1 hex
     * @return a copy that also knows these thumbprints
     */
    public MigrationEvidence withThumbprints(Map<UUID, String> computed) {
        return new MigrationEvidence(verifications, computed);
    }
}
