package dev.app09.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.app09.certs.CertificateAndKey;
import dev.app09.certs.CertificateRequest;
import dev.app09.certs.SelfSignedCertificates;
import dev.app09.core.model.Application;
import dev.app09.core.model.KeyCredential;
import dev.app09.core.model.PasswordCredential;
import dev.app09.core.model.TenantSnapshot;
import dev.app09.core.rules.CredentialLocation;
import dev.app09.graph.WriteResult.Outcome;
import dev.app09.testkit.TestClock;
import dev.app09.testkit.junit.FakeGraphExtension;
import dev.app09.testkit.server.Endpoint;
import dev.app09.testkit.server.Fault;
import dev.app09.testkit.tenant.FakeTenant;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * GraphWriter against the fake Graph with Graph's write semantics (GRAPH-FACTS.md "Writing
 * credentials"): the key list survives an upload, a write is sent once, and whatever Graph
 * answers the object is read back before anything else is sent.
 */
final class GraphWriterTest {

    /** The fake Graph speaks HTTP/1.1: the JDK client's h2c upgrade against it can fail. */
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @RegisterExtension
    static final FakeGraphExtension graph = FakeGraphExtension.create();

    private static final Clock CLOCK = Clock.fixed(TestClock.DEFAULT_INSTANT, ZoneOffset.UTC);
    private static final UUID APP = UUID.fromString("a0000000-0000-4000-8000-000000000001");
    private static final UUID OLD_CERT = UUID.fromString("c0000000-0000-4000-8000-000000000001");
    private static final UUID OTHER_CERT = UUID.fromString("c0000000-0000-4000-8000-000000000002");
    private static final UUID SECRET = UUID.fromString("50000000-0000-4000-8000-000000000001");
    private static final UUID OTHER_SECRET = UUID.fromString("50000000-0000-4000-8000-000000000002");
    private static final CertificateAndKey NEW = SelfSignedCertificates.create(CertificateRequest.of("CN=payroll-2026"), CLOCK);

    private static TenantSnapshot tenant() {
        return FakeTenant.create().application("Payroll", app -> app.id(APP)
                .certificate(c -> c.keyId(OLD_CERT)).certificate(c -> c.keyId(OTHER_CERT))
                .secret(s -> s.keyId(SECRET)).secret(s -> s.keyId(OTHER_SECRET))
                .servicePrincipal(sp -> sp.secret(s -> s.keyId(UUID.fromString("50000000-0000-4000-8000-0000000000f0")))))
                .build();
    }

    private static GraphWriter writer() {
        return GraphWriter.create(GraphConnection.local(URI.create(graph.baseUrl())), CLOCK);
    }

    private static Application payroll() {
        return graph.server().snapshot().applications().get(0);
    }

    private static List<UUID> keyIds() {
        return payroll().keyCredentials().stream().map(KeyCredential::keyId).toList();
    }

    @Nested
    class UploadByPatch {

        @Test
        void keeps_every_registered_key_and_adds_the_new_one() {
            graph.serve(tenant());

            WriteResult result = writer().uploadCertificate(APP, NEW.keyCredentialPayload(), null);

            assertThat(result.outcome()).as(result.message()).isEqualTo(Outcome.DONE);
            assertThat(keyIds()).hasSize(3).containsSubsequence(OLD_CERT, OTHER_CERT).contains(result.keyId());
            KeyCredential added = payroll().keyCredentials().get(2);
            assertThat(added.type()).isEqualTo("AsymmetricX509Cert");
            assertThat(added.usage()).isEqualTo("Verify");
            assertThat(added.startDateTime()).isEqualTo(NEW.certificate().getNotBefore().toInstant());
            assertThat(added.customKeyIdentifier().bytes()).as("the SHA-1 thumbprint, as the portal sets it")
                    .isEqualTo(java.util.HexFormat.of().parseHex(NEW.thumbprints().sha1Hex()));
            assertThat(graph.server().journal().count(Endpoint.UPDATE_APPLICATION)).isEqualTo(1);
        }

        @Test
        void sends_back_every_property_of_every_registered_key_so_none_changes() {
            graph.serve(FakeTenant.create().application("Payroll", app -> app.id(APP)
                    .certificate(c -> c.keyId(OLD_CERT).displayName("CN=payroll-2025").customKeyIdentifier(new byte[] {1, 2, 3})
                            .startedDaysAgo(100).endsInDays(200))
                    .key(k -> k.keyId(OTHER_CERT).type("AsymmetricX509Cert").usage("Sign").displayName("CN=saml")))
                    .build());
            List<KeyCredential> before = payroll().keyCredentials();

            WriteResult result = writer().uploadCertificate(APP, NEW.keyCredentialPayload(), null);

            assertThat(result.outcome()).as(result.message()).isEqualTo(Outcome.DONE);
            assertThat(payroll().keyCredentials()).hasSize(3).startsWith(before.toArray(KeyCredential[]::new));
        }

        @Test
        void a_certificate_registered_as_a_signing_key_is_not_already_done() {
            graph.serve(FakeTenant.create().application("Payroll", app -> app.id(APP)
                    .key(k -> k.keyId(OLD_CERT).type("AsymmetricX509Cert").usage("Sign"))).build())
                    .certificate(OLD_CERT, NEW.certificateDer());

            WriteResult result = writer().uploadCertificate(APP, NEW.keyCredentialPayload(), null);

            assertThat(result.outcome()).isEqualTo(Outcome.REFUSED);
            assertThat(result.message()).contains("AsymmetricX509Cert/Sign", "does not let the application sign in");
            assertThat(graph.server().journal().count(Endpoint.UPDATE_APPLICATION)).isZero();
        }

        @Test
        void a_naive_patch_with_only_the_new_key_deletes_the_registered_certificates_which_is_what_the_writer_avoids()
                throws Exception {
            graph.serve(tenant());
            ObjectNode key = new ObjectMapper().createObjectNode().put("type", "AsymmetricX509Cert").put("usage", "Verify")
                    .put("key", Base64.getEncoder().encodeToString(NEW.certificateDer()));
            ObjectNode body = new ObjectMapper().createObjectNode();
            ((ArrayNode) body.putArray("keyCredentials")).add(key);

            HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(
                    URI.create(graph.baseUrl() + "/v1.0/applications/" + APP))
                    .method("PATCH", HttpRequest.BodyPublishers.ofString(body.toString()))
                    .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());

            assertThat(answer.statusCode()).isEqualTo(204);
            assertThat(keyIds()).as("Graph kept only what the PATCH sent").hasSize(1).doesNotContain(OLD_CERT, OTHER_CERT);
        }

        @Test
        void is_refused_before_anything_is_sent_when_graph_does_not_return_the_key_bytes() {
            graph.serve(tenant()).keyValuesReadable(false);

            WriteResult result = writer().uploadCertificate(APP, NEW.keyCredentialPayload(), null);

            assertThat(result.outcome()).isEqualTo(Outcome.REFUSED);
            assertThat(result.message()).contains(OLD_CERT.toString(), OTHER_CERT.toString(), "would delete them");
            assertThat(graph.server().journal().count(Endpoint.UPDATE_APPLICATION)).isZero();
            assertThat(keyIds()).containsExactly(OLD_CERT, OTHER_CERT);
        }

        @Test
        void sends_nothing_when_the_certificate_is_already_registered() {
            graph.serve(tenant());
            UUID first = writer().uploadCertificate(APP, NEW.keyCredentialPayload(), null).keyId();

            WriteResult again = writer().uploadCertificate(APP, NEW.keyCredentialPayload(), null);

            assertThat(again.outcome()).isEqualTo(Outcome.ALREADY_DONE);
            assertThat(again.keyId()).isEqualTo(first);
            assertThat(graph.server().journal().count(Endpoint.UPDATE_APPLICATION)).isEqualTo(1);
        }
    }

    @Nested
    class AfterAFailedWrite {

        @Test
        void a_500_after_the_patch_took_effect_is_read_back_not_resent_and_reported_done() {
            graph.serve(tenant()).inject(Fault.status(500).on(Endpoint.UPDATE_APPLICATION).afterApplying().times(1));

            WriteResult result = writer().uploadCertificate(APP, NEW.keyCredentialPayload(), null);

            assertThat(result.outcome()).as(result.message()).isEqualTo(Outcome.DONE);
            assertThat(result.message()).contains("HTTP 500", "the read-back shows it took effect");
            assertThat(graph.server().journal().count(Endpoint.UPDATE_APPLICATION)).as("sent once").isEqualTo(1);
            assertThat(graph.server().journal().count(Endpoint.APPLICATION)).as("read before and after").isEqualTo(2);
            assertThat(keyIds()).hasSize(3);
        }

        @Test
        void a_500_that_shows_no_change_is_unknown_since_it_may_still_land_and_is_not_resent() {
            graph.serve(tenant()).inject(Fault.status(500).on(Endpoint.UPDATE_APPLICATION));

            WriteResult result = writer().uploadCertificate(APP, NEW.keyCredentialPayload(), null);

            assertThat(result.outcome()).isEqualTo(Outcome.UNKNOWN);
            assertThat(result.message()).contains("HTTP 500", "may still take effect", "nothing was resent");
            assertThat(graph.server().journal().count(Endpoint.UPDATE_APPLICATION)).isEqualTo(1);
            assertThat(keyIds()).containsExactly(OLD_CERT, OTHER_CERT);
        }

        @Test
        void a_4xx_refusal_that_changed_nothing_is_not_applied() {
            graph.serve(tenant()).inject(Fault.status(400).on(Endpoint.UPDATE_APPLICATION));

            WriteResult result = writer().withReadBack(1, Duration.ZERO).uploadCertificate(APP, NEW.keyCredentialPayload(), null);

            assertThat(result.outcome()).isEqualTo(Outcome.NOT_APPLIED);
            assertThat(result.message()).contains("HTTP 400", "the read-back shows no change and nothing was resent");
            assertThat(graph.server().journal().count(Endpoint.UPDATE_APPLICATION)).isEqualTo(1);
        }

        @Test
        void a_503_on_a_write_is_not_retried_by_the_sdk_either() {
            graph.serve(tenant()).inject(Fault.status(503).on(Endpoint.UPDATE_APPLICATION).times(1));

            WriteResult result = writer().uploadCertificate(APP, NEW.keyCredentialPayload(), null);

            assertThat(result.outcome()).isEqualTo(Outcome.UNKNOWN);
            assertThat(graph.server().journal().count(Endpoint.UPDATE_APPLICATION)).isEqualTo(1);
        }

        @Test
        void a_dropped_connection_after_the_write_took_effect_is_read_back_not_resent() {
            graph.serve(tenant()).inject(Fault.connectionReset().on(Endpoint.UPDATE_APPLICATION).afterApplying().times(1));

            WriteResult result = writer().uploadCertificate(APP, NEW.keyCredentialPayload(), null);

            assertThat(result.outcome()).as(result.message()).isEqualTo(Outcome.DONE);
            assertThat(result.message()).contains("no answer from Graph");
            assertThat(graph.server().journal().count(Endpoint.UPDATE_APPLICATION)).isEqualTo(1);
        }

        @Test
        void a_failed_write_whose_read_back_fails_too_is_unknown_not_done() {
            // Faults answer in the order added: the first read gets the real answer, later reads a 404.
            graph.serve(tenant()).inject(Fault.delay(Duration.ZERO).on(Endpoint.APPLICATION).times(1))
                    .inject(Fault.status(404).on(Endpoint.APPLICATION))
                    .inject(Fault.status(500).on(Endpoint.UPDATE_APPLICATION));

            WriteResult result = writer().uploadCertificate(APP, NEW.keyCredentialPayload(), null);

            assertThat(result.outcome()).isEqualTo(Outcome.UNKNOWN);
            assertThat(result.outcome().succeeded()).isFalse();
            assertThat(result.message()).contains("HTTP 500", "reading the keys back failed", "is not known");
            assertThat(graph.server().journal().count(Endpoint.UPDATE_APPLICATION)).isEqualTo(1);
        }

        @Test
        void a_dropped_connection_that_changed_nothing_is_unknown_since_the_write_may_still_land() {
            graph.serve(tenant()).inject(Fault.connectionReset().on(Endpoint.UPDATE_APPLICATION));

            WriteResult result = writer().withReadBack(2, Duration.ZERO)
                    .uploadCertificate(APP, NEW.keyCredentialPayload(), null);

            assertThat(result.outcome()).as(result.message()).isEqualTo(Outcome.UNKNOWN);
            assertThat(result.message()).contains("no answer from Graph", "may still take effect");
            assertThat(graph.server().journal().count(Endpoint.UPDATE_APPLICATION)).isEqualTo(1);
            assertThat(graph.server().journal().count(Endpoint.APPLICATION)).as("one read before, two after").isEqualTo(3);
        }

        @Test
        void a_500_after_remove_password_took_effect_is_read_back_and_reported_done() {
            graph.serve(tenant()).inject(Fault.status(500).on(Endpoint.REMOVE_PASSWORD).afterApplying().times(1));

            WriteResult result = writer().removePassword(CredentialLocation.APPLICATION, APP, SECRET);

            assertThat(result.outcome()).as(result.message()).isEqualTo(Outcome.DONE);
            assertThat(graph.server().journal().count(Endpoint.REMOVE_PASSWORD)).isEqualTo(1);
            assertThat(payroll().passwordCredentials()).extracting(PasswordCredential::keyId).containsExactly(OTHER_SECRET);
        }

        @Test
        void a_500_on_remove_password_that_shows_no_change_is_unknown() {
            graph.serve(tenant()).inject(Fault.status(500).on(Endpoint.REMOVE_PASSWORD));

            WriteResult result = writer().removePassword(CredentialLocation.APPLICATION, APP, SECRET);

            assertThat(result.outcome()).isEqualTo(Outcome.UNKNOWN);
            assertThat(graph.server().journal().count(Endpoint.REMOVE_PASSWORD)).isEqualTo(1);
            assertThat(payroll().passwordCredentials()).hasSize(2);
        }
    }

    @Nested
    class RemovePassword {

        @Test
        void removes_one_secret_and_leaves_the_others() {
            graph.serve(tenant());

            WriteResult result = writer().removePassword(CredentialLocation.APPLICATION, APP, SECRET);

            assertThat(result.outcome()).as(result.message()).isEqualTo(Outcome.DONE);
            assertThat(payroll().passwordCredentials()).extracting(PasswordCredential::keyId).containsExactly(OTHER_SECRET);
        }

        @Test
        void removes_a_secret_from_the_service_principal() {
            graph.serve(tenant());
            UUID sp = graph.server().snapshot().servicePrincipals().get(0).id();
            UUID secret = UUID.fromString("50000000-0000-4000-8000-0000000000f0");

            WriteResult result = writer().removePassword(CredentialLocation.SERVICE_PRINCIPAL, sp, secret);

            assertThat(result.outcome()).as(result.message()).isEqualTo(Outcome.DONE);
            assertThat(graph.server().snapshot().servicePrincipals().get(0).passwordCredentials()).isEmpty();
        }

        @Test
        void sends_nothing_for_a_secret_already_gone() {
            graph.serve(tenant());

            WriteResult result = writer().removePassword(CredentialLocation.APPLICATION, APP, UUID.randomUUID());

            assertThat(result.outcome()).isEqualTo(Outcome.ALREADY_DONE);
            assertThat(graph.server().journal().count(Endpoint.REMOVE_PASSWORD)).isZero();
        }
    }

    /** The reads around a write retry as a scan's do: within the policy's retries and total wait. */
    @Nested
    class ReadRetries {

        private final RetryPolicy quick = new RetryPolicy(2, Duration.ofSeconds(5), Duration.ofMillis(10));

        @Test
        void a_read_throttled_once_is_read_again_and_the_upload_is_done() {
            graph.serve(tenant()).inject(Fault.status(503).on(Endpoint.APPLICATION).times(1));

            WriteResult result = writer().withRetries(quick).uploadCertificate(APP, NEW.keyCredentialPayload(), null);

            assertThat(result.outcome()).as(result.message()).isEqualTo(Outcome.DONE);
            assertThat(graph.server().journal().count(Endpoint.UPDATE_APPLICATION)).isEqualTo(1);
        }

        @Test
        void a_read_that_fails_more_often_than_the_retries_allow_sends_nothing() {
            graph.serve(tenant()).inject(Fault.status(503).on(Endpoint.APPLICATION));

            assertThatThrownBy(() -> writer().withRetries(quick).uploadCertificate(APP, NEW.keyCredentialPayload(), null))
                    .isInstanceOf(GraphCallFailed.class).hasMessageContaining("HTTP 503").hasMessageEndingWith("gave up after 2 retries");
            assertThat(graph.server().journal().count(Endpoint.APPLICATION)).isEqualTo(3);
            assertThat(graph.server().journal().count(Endpoint.UPDATE_APPLICATION)).isZero();
        }

        @Test
        void a_retry_after_beyond_the_budget_fails_at_once_and_sends_nothing() {
            graph.serve(tenant()).inject(Fault.throttled(Duration.ofHours(1)).on(Endpoint.APPLICATION));

            assertThatThrownBy(() -> writer().withRetries(quick).uploadCertificate(APP, NEW.keyCredentialPayload(), null))
                    .isInstanceOf(GraphCallFailed.class)
                    .hasMessageEndingWith("Graph asked to wait 3600 s, beyond the retry budget of 5 s");
            assertThat(graph.server().journal().count(Endpoint.APPLICATION)).isEqualTo(1);
            assertThat(graph.server().journal().count(Endpoint.UPDATE_APPLICATION)).isZero();
        }

        @Test
        void the_largest_retry_after_after_a_wait_is_refused_not_an_overflow() {
            graph.serve(tenant()).inject(Fault.status(503).on(Endpoint.APPLICATION).times(1))
                    .inject(Fault.throttled(Duration.ofSeconds(Long.MAX_VALUE - 1_000)).on(Endpoint.APPLICATION));

            assertThatThrownBy(() -> writer().withRetries(quick).removePassword(CredentialLocation.APPLICATION, APP, SECRET))
                    .isInstanceOf(GraphCallFailed.class).hasMessageContaining("beyond the retry budget of 5 s");
            assertThat(graph.server().journal().count(Endpoint.REMOVE_PASSWORD)).isZero();
        }
    }

    @Test
    void certificate_thumbprints_are_computed_from_the_key_bytes_and_placeholders_are_left_out() {
        graph.serve(tenant()).certificate(OLD_CERT, NEW.certificateDer());

        assertThat(writer().certificateThumbprints(CredentialLocation.APPLICATION, APP)).containsExactly(java.util.Map.entry(OLD_CERT, NEW.thumbprints().sha1Hex()));
    }
}
