package dev.app09.testkit.server;

import static java.util.Objects.requireNonNull;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A request to the token path of a {@link FakeTokenEndpoint}, as it keeps it: who asked and what
 * was answered. Neither the client assertion nor the access token is kept.
 *
 * <pre>{@code
 * assertThat(entra.requests()).singleElement()
 *         .satisfies(r -> assertThat(r.errorCode()).isEqualTo("AADSTS700027"));
 * }</pre>
 *
 * @param tenant the tenant segment of the path, as sent
 * @param clientId the {@code client_id} sent, or null when there was none (or the form was unreadable)
 * @param status the HTTP status answered
 * @param error the OAuth error ({@code invalid_client}, {@code unauthorized_client}, ...), or null on
 *     success
 * @param errorCode Entra's code ({@code AADSTS700027}, ...), or null on success and on a 404
 * @param keyId the key credential whose certificate verified the assertion, or null when none did
 */
public record TokenRequest(
        String tenant,
        @Nullable String clientId,
        int status,
        @Nullable String error,
        @Nullable String errorCode,
        @Nullable UUID keyId) {

    /** Validates. */
    public TokenRequest {
        requireNonNull(tenant, "tenant");
    }

    /** @return whether a token was issued */
    public boolean granted() {
        return status == 200;
    }
}
