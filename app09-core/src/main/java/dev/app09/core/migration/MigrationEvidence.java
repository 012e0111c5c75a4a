package dev.app09.core.migration;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * What the migration rules take beside the snapshot and its sign-in evidence: saved {@link
 * Verification}s; the SHA-1 thumbprints of registered certificates computed from their {@code key}
 * bytes where the caller could read them (Graph returns {@code key} only for a single object;
 * without one a verification is matched by the certificate's {@code customKeyIdentifier}, which
 * Graph stores in more than one encoding and anyone who can write the key list can set); the
 * identity endpoint a verification must come from; and whether a removal without sign-in evidence
 * is accepted.
 *
 * @param verifications saved verifications, of any application
 * @param thumbprints certificate keyId to upper-case SHA-1 hex, for the certificates whose bytes were read
 * @param expectedAuthority the identity endpoint of the tenant's cloud (a verification from another is
 *     refused), or null to accept any (an offline export, a local fake)
 * @param usageUnknownAccepted whether a secret may be retired although no sign-in evidence was read
 */
public record MigrationEvidence(List<Verification> verifications, Map<UUID, String> thumbprints,
        @Nullable String expectedAuthority, boolean usageUnknownAccepted) {

    private static final MigrationEvidence NONE = new MigrationEvidence(List.of(), Map.of(), null, false);

    /** Validates and copies; thumbprints are kept in upper case. */
    public MigrationEvidence {
        verifications = List.copyOf(verifications);
        thumbprints = requireNonNull(thumbprints, "thumbprints").entrySet().stream()
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, e -> e.getValue().toUpperCase(Locale.ROOT)));
    }

    /** @return no verification, no computed thumbprint, any authority, and no removal without sign-in evidence */
    public static MigrationEvidence none() {
        return NONE;
    }

    /**
     * @param saved saved verifications
     * @return evidence made of them alone
     */
    public static MigrationEvidence of(List<Verification> saved) {
        return new MigrationEvidence(saved, Map.of(), null, false);
    }

    /**
     * @param computed certificate keyId to SHA-1 hex
     * @return a copy that knows these thumbprints (instead of any it knew)
     */
    public MigrationEvidence withThumbprints(Map<UUID, String> computed) {
        return new MigrationEvidence(verifications, computed, expectedAuthority, usageUnknownAccepted);
    }

    /**
     * @param authority the identity endpoint of the tenant's cloud, e.g. {@code https://login.microsoftonline.com}
     * @return a copy that refuses verifications issued elsewhere
     */
    public MigrationEvidence withExpectedAuthority(String authority) {
        return new MigrationEvidence(verifications, thumbprints, requireNonNull(authority, "authority"), usageUnknownAccepted);
    }

    /** @return a copy that accepts a removal although no sign-in evidence was read (a person checked by hand) */
    public MigrationEvidence acceptingUnknownUsage() {
        return new MigrationEvidence(verifications, thumbprints, expectedAuthority, true);
    }

    private static int port(URI uri) {
        return uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    /** Whether two authority URLs name the same endpoint: scheme and host ignoring case, port, no path. */
    static boolean sameAuthority(String expected, String actual) {
        try {
            URI a = URI.create(expected.trim());
            URI b = URI.create(actual.trim());
            return a.getScheme() != null && a.getScheme().equalsIgnoreCase(String.valueOf(b.getScheme()))
                    && a.getHost() != null && a.getHost().equalsIgnoreCase(String.valueOf(b.getHost()))
                    && port(a) == port(b);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
