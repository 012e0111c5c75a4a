package dev.app09.graph;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.app09.certs.CertificateAndKey;
import dev.app09.certs.CertificateRequest;
import dev.app09.certs.SelfSignedCertificates;
import dev.app09.core.model.Application;
import dev.app09.core.model.KeyCredential;
import dev.app09.graph.WriteResult.Outcome;
import dev.app09.testkit.junit.FakeGraphExtension;
import dev.app09.testkit.server.Endpoint;
import dev.app09.testkit.server.FakeGraphServer;
import dev.app09.testkit.tenant.FakeTenant;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The addKey proof of possession: a padding-free RS256 JWT with Graph's claims, that the fake Graph accepts. */
final class AddKeyProofTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final UUID APP_OBJECT_ID = UUID.fromString("6f0c2a5e-3b1d-4c8e-9a7f-2d4b6e8f0a1c");
    /** Not a whole second: nbf is whole seconds, rounded down. */
    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00.750Z");
    private static final Clock FIXED = Clock.fixed(NOW, ZoneOffset.UTC);
    private static CertificateAndKey signer;
    private static CertificateAndKey other;

    @BeforeAll
    static void create_certificates() {
        signer = SelfSignedCertificates.create(CertificateRequest.of("CN=Payroll-Current"), FIXED);
        other = SelfSignedCertificates.create(CertificateRequest.of("CN=Payroll-Next"), FIXED);
    }

    @Nested
    final class TheToken {

        private final String proof = AddKeyProof.create(APP_OBJECT_ID, signer, NOW);
        private final String[] parts = proof.split("\\.", -1);

        @Test
        void is_three_base64url_parts_without_padding() {
            assertThat(parts).hasSize(3).allMatch(part -> part.matches("[A-Za-z0-9_-]+"));
            // A 2048-bit signature is 256 bytes, which padded base64 ends with "==": its absence is tested here.
            assertThat(proof).doesNotContain("=", "+", "/");
            assertThat(Base64.getUrlDecoder().decode(parts[2])).hasSize(256);
        }

        @Test
        void header_is_rs256_jwt_with_the_signers_sha1_x5t() throws Exception {
            JsonNode header = decode(parts[0]);

            assertThat(header.properties()).hasSize(3);
            assertThat(header.path("alg").asText()).isEqualTo("RS256");
            assertThat(header.path("typ").asText()).isEqualTo("JWT");
            assertThat(header.path("x5t").asText()).isEqualTo(signer.thumbprints().x5t())
                    .isNotEqualTo(other.thumbprints().x5t());
        }

        @Test
        void claims_are_graphs_audience_the_object_id_and_ten_minutes_from_now_in_whole_seconds() throws Exception {
            JsonNode claims = decode(parts[1]);

            assertThat(claims.properties()).hasSize(4);
            assertThat(claims.path("aud").asText()).isEqualTo("00000002-0000-0000-c000-000000000000");
            assertThat(claims.path("iss").asText()).isEqualTo("6f0c2a5e-3b1d-4c8e-9a7f-2d4b6e8f0a1c");
            assertThat(claims.path("nbf").isIntegralNumber()).isTrue();
            assertThat(claims.path("nbf").asLong()).isEqualTo(Instant.parse("2026-06-01T12:00:00Z").getEpochSecond());
            assertThat(claims.path("exp").isIntegralNumber()).isTrue();
            assertThat(claims.path("exp").asLong()).isEqualTo(claims.path("nbf").asLong() + 600);
        }

        @Test
        void the_signature_verifies_with_the_signers_certificate_and_not_with_another() throws Exception {
            assertThat(verifies(signer.certificate(), proof)).isTrue();
            assertThat(verifies(other.certificate(), proof)).isFalse();
        }

        @Test
        void a_changed_claim_no_longer_verifies() throws Exception {
            String forged = parts[0] + "." + AddKeyProof.create(UUID.randomUUID(), signer, NOW).split("\\.")[1]
                    + "." + parts[2];

            assertThat(verifies(signer.certificate(), forged)).isFalse();
        }

        @Test
        void each_application_gets_its_own_issuer() throws Exception {
            UUID another = UUID.fromString("00000000-0000-0000-0000-0000000000ab");

            JsonNode claims = decode(AddKeyProof.create(another, signer, NOW).split("\\.")[1]);

            assertThat(claims.path("iss").asText()).isEqualTo("00000000-0000-0000-0000-0000000000ab");
        }
    }

    @Nested
    final class AcceptedByTheFakeGraph {

        @RegisterExtension
        static final FakeGraphExtension graph = FakeGraphExtension.create();

        private static final UUID SIGNER_KEY_ID = UUID.fromString("a1b2c3d4-0000-4000-8000-000000000001");
        private static CertificateAndKey uploaded;
        private FakeGraphServer server;

        @BeforeAll
        static void create_the_certificate_to_upload() {
            uploaded = SelfSignedCertificates.create(CertificateRequest.of("CN=Payroll-Uploaded"), FIXED);
        }

        @BeforeEach
        void serve_an_application_whose_certificate_is_the_signers() {
            server = graph.serve(FakeTenant.at(NOW)
                    .application("Payroll", app -> app.id(APP_OBJECT_ID).certificate(c -> c.keyId(SIGNER_KEY_ID)
                            .start(NOW.minus(Duration.ofDays(1))).end(NOW.plus(Duration.ofDays(300)))))
                    .build());
            server.clock(FIXED).certificate(SIGNER_KEY_ID, signer.certificateDer());
        }

        private GraphWriter writer(Clock clock) {
            return GraphWriter.create(GraphConnection.local(URI.create(server.baseUrl())), clock);
        }

        @Test
        void add_key_with_a_proof_from_a_registered_certificate_is_done_with_one_add_key_and_no_patch() {
            WriteResult result = writer(FIXED).uploadCertificate(APP_OBJECT_ID, uploaded.keyCredentialPayload(), signer);

            assertThat(result.outcome()).as(result.message()).isEqualTo(Outcome.DONE);
            assertThat(server.journal().count(Endpoint.ADD_KEY)).isEqualTo(1);
            assertThat(server.journal().count(Endpoint.UPDATE_APPLICATION)).isZero();
            assertThat(server.journal().requests(Endpoint.ADD_KEY)).singleElement()
                    .satisfies(request -> assertThat(request.status()).isEqualTo(200));
            Application app = server.snapshot().applications().get(0);
            assertThat(app.keyCredentials()).extracting(KeyCredential::keyId)
                    .containsExactlyInAnyOrder(SIGNER_KEY_ID, result.keyId());
        }

        @Test
        void a_proof_signer_whose_certificate_is_not_registered_is_refused_before_anything_is_sent() {
            WriteResult result = writer(FIXED).uploadCertificate(APP_OBJECT_ID, uploaded.keyCredentialPayload(), other);

            assertThat(result.outcome()).as(result.message()).isEqualTo(Outcome.REFUSED);
            assertThat(result.message()).contains(other.thumbprints().sha1Hex(), "nothing was sent");
            assertThat(server.journal().count(Endpoint.ADD_KEY)).isZero();
            assertThat(server.journal().count(Endpoint.UPDATE_APPLICATION)).isZero();
            assertThat(server.snapshot().applications().get(0).keyCredentials()).extracting(KeyCredential::keyId)
                    .containsExactly(SIGNER_KEY_ID);
        }

        @Test
        void the_fake_checks_the_proof_a_proof_dated_an_hour_early_is_refused_by_graph_and_not_applied() {
            Clock hourEarly = Clock.offset(FIXED, Duration.ofHours(-1));

            WriteResult result = writer(hourEarly).uploadCertificate(APP_OBJECT_ID, uploaded.keyCredentialPayload(), signer);

            assertThat(result.outcome()).as(result.message()).isEqualTo(Outcome.NOT_APPLIED);
            assertThat(result.message()).contains("HTTP 400");
            assertThat(server.journal().count(Endpoint.ADD_KEY)).isEqualTo(1);
            assertThat(server.snapshot().applications().get(0).keyCredentials()).extracting(KeyCredential::keyId)
                    .containsExactly(SIGNER_KEY_ID);
        }
    }

    private static JsonNode decode(String part) throws Exception {
        JsonNode node = JSON.readTree(Base64.getUrlDecoder().decode(part));
        assertThat(node.isObject()).isTrue();
        return node;
    }

    private static boolean verifies(X509Certificate certificate, String jwt) throws GeneralSecurityException {
        int lastDot = jwt.lastIndexOf('.');
        Signature rs256 = Signature.getInstance("SHA256withRSA");
        rs256.initVerify(certificate);
        rs256.update(jwt.substring(0, lastDot).getBytes(StandardCharsets.US_ASCII));
        return rs256.verify(Base64.getUrlDecoder().decode(jwt.substring(lastDot + 1)));
    }
}
