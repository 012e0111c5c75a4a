package dev.app09.testkit.tenant;

import static java.util.Objects.requireNonNull;

import dev.app09.core.model.FederatedIdentityCredential;
import java.util.List;
import java.util.UUID;

/**
 * A federated identity credential. The default trusts GitHub Actions for the main branch of a
 * repository named after the application, with Entra's token-exchange audience.
 */
public final class FederatedSpec {

    /** GitHub Actions' OIDC issuer. */
    public static final String GITHUB_ISSUER = "https://token.actions.githubusercontent.com";
    /** The audience Entra expects for workload identity federation. */
    public static final String TOKEN_EXCHANGE_AUDIENCE = "api://AzureADTokenExchange";

    private final UUID id;
    private String name;
    private String issuer = GITHUB_ISSUER;
    private String subject;
    private List<String> audiences = List.of(TOKEN_EXCHANGE_AUDIENCE);

    FederatedSpec(UUID id, String repository) {
        this.id = id;
        this.name = "github-main";
        this.subject = "repo:contoso/" + repository + ":ref:refs/heads/main";
    }

    /**
     * @param value the credential's name (unique per application)
     * @return this spec
     */
    public FederatedSpec name(String value) {
        this.name = requireNonNull(value, "name");
        return this;
    }

    /**
     * @param value the external identity provider's issuer URL
     * @return this spec
     */
    public FederatedSpec issuer(String value) {
        this.issuer = requireNonNull(value, "issuer");
        return this;
    }

    /**
     * @param value the subject the external token must carry
     * @return this spec
     */
    public FederatedSpec subject(String value) {
        this.subject = requireNonNull(value, "subject");
        return this;
    }

    /**
     * @param values the accepted audiences
     * @return this spec
     */
    public FederatedSpec audiences(String... values) {
        this.audiences = List.of(values);
        return this;
    }

    FederatedIdentityCredential build() {
        return new FederatedIdentityCredential(id.toString(), name, issuer, subject, audiences);
    }
}
