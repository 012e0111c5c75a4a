package dev.app09.certs;

import static java.util.Objects.requireNonNull;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import com.azure.core.http.HttpMethod;
import com.azure.identity.ClientCertificateCredentialBuilder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.app09.certs.FakeTokenEndpoint.RecordedRequest;
import dev.app09.testkit.TestClock;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.Signature;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * azure-identity's {@code ClientCertificateCredential} loads the {@code .key.pem} and {@code .pfx} files
 * we write and signs, with our key, the client assertion MSAL sends to the token endpoint (a fake here).
 */
final class AzureIdentityLoadsCertificatesTest {

    private static final String TENANT_ID = "5f0e2b1a-0000-4000-8000-0000000a0909";
    private static final String CLIENT_ID = "c1e7a909-0000-4000-8000-00000000c0de";
    private static final String TOKEN_ENDPOINT = "https://login.microsoftonline.com/" + TENANT_ID
            + "/oauth2/v2.0/token";
    private static final String GRAPH_SCOPE = "https://graph.microsoft.com/.default";
    private static final String ACCESS_TOKEN = "fake-graph-access-token";
    private static final String PFX_PASSWORD = "Interop-pfx-password-1";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path directory;

    private static CertificateAndKey created;
    private static CertificateFiles files;

    private final FakeTokenEndpoint endpoint = FakeTokenEndpoint.create(ACCESS_TOKEN);

    @BeforeAll
    static void createCertificateAndFiles() throws IOException {
        created = SelfSignedCertificates.create(CertificateRequest.of("CN=app09 azure-identity interop"),
                TestClock.create());
        files = CertificateFiles.write(directory, "app09-azure-identity", created, PFX_PASSWORD.toCharArray(), true);
    }

    @Test
    void pem_bundle_signs_a_client_assertion_that_our_certificate_verifies() throws Exception {
        TokenCredential credential = credential()
                .pemCertificate(requireNonNull(files.keyPem(), "keyPem").toString())
                .build();

        AccessToken token = credential.getTokenSync(new TokenRequestContext().addScopes(GRAPH_SCOPE));

        assertThat(token.getToken()).isEqualTo(ACCESS_TOKEN);
        assertClientAssertionIsSignedByOurCertificate(theOnlyRequest());
    }

    @Test
    void pfx_with_its_password_signs_a_client_assertion_that_our_certificate_verifies() throws Exception {
        TokenCredential credential = credential()
                .pfxCertificate(files.pfx().toString())
                .clientCertificatePassword(PFX_PASSWORD)
                .build();

        AccessToken token = credential.getTokenSync(new TokenRequestContext().addScopes(GRAPH_SCOPE));

        assertThat(token.getToken()).isEqualTo(ACCESS_TOKEN);
        assertClientAssertionIsSignedByOurCertificate(theOnlyRequest());
    }

    @Test
    void pfx_with_a_wrong_password_gets_no_token_and_the_error_does_not_show_either_password() {
        String wrongPassword = "Not-the-interop-password-2";

        Throwable failure = catchThrowable(() -> credential()
                .pfxCertificate(files.pfx().toString())
                .clientCertificatePassword(wrongPassword)
                .build()
                .getTokenSync(new TokenRequestContext().addScopes(GRAPH_SCOPE)));

        assertThat(failure).isNotNull();
        StringWriter everything = new StringWriter(); // messages of the causes and suppressed exceptions too
        failure.printStackTrace(new PrintWriter(everything));
        assertThat(everything.toString()).doesNotContain(wrongPassword).doesNotContain(PFX_PASSWORD);
        assertThat(endpoint.requests()).as("no request reaches the token endpoint").isEmpty();
    }

    private ClientCertificateCredentialBuilder credential() {
        return new ClientCertificateCredentialBuilder()
                .tenantId(TENANT_ID)
                .clientId(CLIENT_ID)
                .disableInstanceDiscovery()
                .httpClient(endpoint);
    }

    private RecordedRequest theOnlyRequest() {
        assertThat(endpoint.requests()).hasSize(1);
        RecordedRequest request = endpoint.requests().get(0);
        assertThat(request.method()).isEqualTo(HttpMethod.POST);
        assertThat(request.url()).isEqualTo(TOKEN_ENDPOINT);
        return request;
    }

    private static void assertClientAssertionIsSignedByOurCertificate(RecordedRequest request) throws Exception {
        Map<String, String> form = request.form();
        assertThat(form).containsEntry("grant_type", "client_credentials")
                .containsEntry("client_id", CLIENT_ID)
                .containsEntry("client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer")
                .containsKey("client_assertion");
        assertThat(form.get("scope")).contains(GRAPH_SCOPE);

        String[] jwt = form.get("client_assertion").split("\\.", -1);
        assertThat(jwt).hasSize(3);
        JsonNode header = JSON.readTree(Base64.getUrlDecoder().decode(jwt[0]));
        JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(jwt[1]));

        assertThat(header.path("alg").asText()).isEqualTo("RS256");
        // MSAL4J 1.23 writes x5t#S256 in standard base64 with padding (RFC 7515 says base64url without
        // padding, as Thumbprints does): the same SHA-256, encoded either way.
        String x5tS256 = header.path("x5t#S256").asText();
        String ours = created.thumbprints().x5tS256();
        assertThat(x5tS256).isIn(ours, Base64.getEncoder().encodeToString(Base64.getUrlDecoder().decode(ours)));
        assertThat(Base64.getUrlDecoder().decode(ours))
                .isEqualTo(MessageDigest.getInstance("SHA-256").digest(created.certificateDer()));

        Signature rs256 = Signature.getInstance("SHA256withRSA");
        rs256.initVerify(created.certificate().getPublicKey());
        rs256.update((jwt[0] + "." + jwt[1]).getBytes(StandardCharsets.US_ASCII));
        assertThat(rs256.verify(Base64.getUrlDecoder().decode(jwt[2])))
                .as("the assertion's signature verifies with our certificate's public key").isTrue();

        assertThat(claims.path("iss").asText()).isEqualTo(CLIENT_ID);
        assertThat(claims.path("sub").asText()).isEqualTo(CLIENT_ID);
        assertThat(claims.path("aud").asText()).isEqualTo(TOKEN_ENDPOINT);
    }
}
