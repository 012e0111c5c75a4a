package dev.app09.core.model;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A federated identity credential of an application: tokens from an external issuer (GitHub
 * Actions, Kubernetes, another cloud) for a given subject are accepted in place of a secret. It
 * has no dates: it is in force for as long as it exists.
 *
 * @param id the credential's id, if Graph sent one
 * @param name its unique name on the application
 * @param issuer the external token issuer's URL
 * @param subject the external identity's subject
 * @param audiences the accepted audiences
 */
public record FederatedIdentityCredential(
        @Nullable String id, String name, String issuer, String subject, List<String> audiences) {

    /** Validates and copies. */
    public FederatedIdentityCredential {
        requireNonNull(name, "name");
        requireNonNull(issuer, "issuer");
        requireNonNull(subject, "subject");
        audiences = List.copyOf(audiences);
    }
}
