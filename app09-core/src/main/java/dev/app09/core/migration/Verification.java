package dev.app09.core.migration;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A record that an application signed in with a certificate: the token endpoint accepted a client
 * assertion signed by the certificate's private key (the guidance's "the application authenticates
 * successfully with the certificate"). It holds no token and no key; it is saved for auditors and
 * given back to {@link RetirementGuard} as proof.
 *
 * <p>It is a statement, not a signature: whoever can write the file can write one. It guards
 * against mistakes (retiring the secret of an application whose certificate was never tried), not
 * against an operator who already holds the rights to remove secrets.
 *
 * @param tenant the tenant signed in to (a GUID or a domain name), as given
 * @param clientId the application (client) id that signed in
 * @param thumbprint the certificate's SHA-1 thumbprint, 40 upper-case hex digits
 * @param verifiedAt when the token was issued
 * @param authorityHost the identity endpoint that issued it, e.g. {@code https://login.microsoftonline.com}
 */
public record Verification(String tenant, UUID clientId, String thumbprint, Instant verifiedAt, String authorityHost) {

    private static final Pattern SHA1_HEX = Pattern.compile("[0-9A-F]{40}");

    /** Validates; the thumbprint is kept in upper case. */
    public Verification {
        requireNonNull(tenant, "tenant");
        requireNonNull(clientId, "clientId");
        requireNonNull(thumbprint, "thumbprint");
        requireNonNull(verifiedAt, "verifiedAt");
        requireNonNull(authorityHost, "authorityHost");
        if (tenant.isBlank()) {
            throw new IllegalArgumentException("a verification names its tenant");
        }
        thumbprint = thumbprint.toUpperCase(Locale.ROOT);
        if (!SHA1_HEX.matcher(thumbprint).matches()) {
            throw new IllegalArgumentException("a thumbprint is 40 hex digits (SHA-1), not '" + thumbprint + "'");
        }
    }
}
