package dev.app09.testkit.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.app09.core.model.Application;
import dev.app09.core.model.KeyCredential;
import dev.app09.core.model.KeyIdentifier;
import dev.app09.core.model.PasswordCredential;
import dev.app09.core.model.ServicePrincipal;
import dev.app09.core.model.TenantSnapshot;
import dev.app09.testkit.TestClock;
import dev.app09.testkit.tenant.FakeTenant;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The write side of the fake Graph, over real HTTP: PATCH replaces the whole key list, addKey
 * needs a proof of possession, removePassword removes one secret, and faults that strike after a
 * write was applied.
 */
final class WritesTest {

    private static final Instant NOW = TestClock.DEFAULT_INSTANT;
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final TenantSnapshot TENANT = FakeTenant.create()
            .application("Payroll", app -> app.secret().secret().certificate().certificate()
                    .servicePrincipal(sp -> sp.secret().secret()))
            .application("Billing", app -> app.secret())
            .application("Archive", app -> app.certificate(c -> c.expiredDaysAgo(1)))
            .application("Portal", app -> app.servicePrincipal(sp -> sp.samlSigningCertificate().secret()))
            .build();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private FakeGraphServer graph;

    @BeforeEach
    void start() {
        graph = FakeGraphServer.start(TENANT).clock(TestClock.create(NOW));
    }

    @AfterEach
    void stop() {
        graph.close();
    }

    // PATCH /applications/{id} with keyCredentials

    @Test
    void naive_patch_with_only_the_new_certificate_deletes_every_existing_key() throws Exception {
        Application payroll = application("Payroll");
        assertThat(payroll.keyCredentials()).hasSize(2);
        UUID nextKeyId = UUID.randomUUID();
        ArrayNode onlyTheNewKey = JSON.createArrayNode().add(newKey(newCertificate("Payroll next"), nextKeyId));

        HttpResponse<String> response = patchKeys(payroll, onlyTheNewKey);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
        assertThat(keyIds(current(payroll))).containsExactly(nextKeyId);
        assertThat(keyIdsServed(payroll)).containsExactly(nextKeyId);
    }

    @Test
    void careful_patch_that_sends_every_held_key_back_keeps_them_and_adds_the_new_one() throws Exception {
        Application payroll = application("Payroll");
        UUID nextKeyId = UUID.randomUUID();
        ArrayNode keys = heldKeys(payroll);
        keys.add(newKey(newCertificate("Payroll next"), nextKeyId));

        HttpResponse<String> response = patchKeys(payroll, keys);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
        List<KeyCredential> now = current(payroll).keyCredentials();
        assertThat(now.subList(0, 2)).as("held keys, kept as they were").isEqualTo(payroll.keyCredentials());
        assertThat(keyIdsServed(payroll)).containsExactly(payroll.keyCredentials().get(0).keyId(),
                payroll.keyCredentials().get(1).keyId(), nextKeyId);
    }

    @Test
    void certificate_added_by_patch_takes_its_start_and_end_from_the_certificate() throws Exception {
        Application payroll = application("Payroll");
        TestCertificates.Issued next = TestCertificates.selfSigned("Payroll next",
                NOW.minus(Duration.ofDays(3)).plusSeconds(17), NOW.plus(Duration.ofDays(400)).plusSeconds(41));
        UUID nextKeyId = UUID.randomUUID();

        patchKeysCarefully(payroll, next, nextKeyId);

        KeyCredential added = key(current(payroll), nextKeyId);
        assertThat(added.startDateTime()).isEqualTo(next.notBefore());
        assertThat(added.endDateTime()).isEqualTo(next.notAfter());
    }

    @Test
    void certificate_added_by_patch_has_the_sha1_thumbprint_of_its_der_as_custom_key_identifier() throws Exception {
        Application payroll = application("Payroll");
        TestCertificates.Issued next = newCertificate("Payroll next");
        UUID nextKeyId = UUID.randomUUID();

        patchKeysCarefully(payroll, next, nextKeyId);

        assertThat(key(current(payroll), nextKeyId).customKeyIdentifier())
                .isEqualTo(KeyIdentifier.of(next.thumbprint()));
    }

    @Test
    void certificate_added_by_patch_is_served_back_with_its_der_as_key() throws Exception {
        Application payroll = application("Payroll");
        TestCertificates.Issued next = newCertificate("Payroll next");
        UUID nextKeyId = UUID.randomUUID();

        patchKeysCarefully(payroll, next, nextKeyId);

        assertThat(heldKeys(payroll)).filteredOn(k -> k.path("keyId").asText().equals(nextKeyId.toString()))
                .singleElement().extracting(k -> k.path("key").asText()).isEqualTo(next.base64());
    }

    @Test
    void patch_entry_without_key_is_refused_and_changes_nothing() throws Exception {
        Application payroll = application("Payroll");
        String before = keysServed(payroll);
        ArrayNode keys = heldKeys(payroll);
        ((ObjectNode) keys.get(0)).remove("key");
        keys.add(newKey(newCertificate("Payroll next"), UUID.randomUUID()));

        HttpResponse<String> response = patchKeys(payroll, keys);

        assertRefused(response, "Property 'key'");
        assertThat(graph.snapshot()).isEqualTo(TENANT);
        assertThat(keysServed(payroll)).isEqualTo(before);
    }

    @Test
    void patch_built_from_a_read_without_key_values_is_refused_and_deletes_nothing() throws Exception {
        Application payroll = application("Payroll");
        graph.keyValuesReadable(false);
        ArrayNode keys = heldKeys(payroll);
        assertThat(keys).hasSize(2).allSatisfy(k -> assertThat(k.get("key").isNull()).isTrue());
        keys.add(newKey(newCertificate("Payroll next"), UUID.randomUUID()));

        HttpResponse<String> response = patchKeys(payroll, keys);

        assertRefused(response, "Property 'key'");
        assertThat(graph.snapshot()).isEqualTo(TENANT);
    }

    @Test
    void key_that_is_not_a_certificate_is_refused_for_type_asymmetric_x509_cert() throws Exception {
        Application payroll = application("Payroll");
        ArrayNode keys = heldKeys(payroll);
        keys.addObject()
                .put("keyId", UUID.randomUUID().toString())
                .put("type", "AsymmetricX509Cert")
                .put("usage", "Verify")
                .put("key", Base64.getEncoder().encodeToString("not a certificate".getBytes(StandardCharsets.UTF_8)));

        HttpResponse<String> response = patchKeys(payroll, keys);

        assertRefused(response, "not a DER X.509 certificate");
        assertThat(graph.snapshot()).isEqualTo(TENANT);
    }

    @Test
    void patch_holding_a_key_id_twice_is_refused_and_changes_nothing() throws Exception {
        Application payroll = application("Payroll");
        String before = keysServed(payroll);
        ArrayNode keys = heldKeys(payroll);
        keys.add(newKey(newCertificate("Payroll next"), payroll.keyCredentials().get(0).keyId()));

        HttpResponse<String> response = patchKeys(payroll, keys);

        assertRefused(response, "twice");
        assertThat(graph.snapshot()).isEqualTo(TENANT);
        assertThat(keysServed(payroll)).as("key values served after the refused patch").isEqualTo(before);
    }

    @Test
    void patch_as_the_graph_sdk_sends_it_with_odata_type_annotations_is_applied() throws Exception {
        Application payroll = application("Payroll");
        UUID nextKeyId = UUID.randomUUID();
        ArrayNode keys = heldKeys(payroll);
        keys.add(newKey(newCertificate("Payroll next"), nextKeyId));
        keys.forEach(key -> ((ObjectNode) key).put("@odata.type", "#microsoft.graph.keyCredential"));
        ObjectNode body = JSON.createObjectNode()
                .put("@odata.type", "#microsoft.graph.application")
                .put("displayName", "Payroll renamed");
        body.set("keyCredentials", keys);

        HttpResponse<String> response = patch(payroll, JSON.writeValueAsString(body));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
        assertThat(current(payroll).displayName()).isEqualTo("Payroll renamed");
        assertThat(keyIdsServed(payroll)).containsExactly(payroll.keyCredentials().get(0).keyId(),
                payroll.keyCredentials().get(1).keyId(), nextKeyId);
        assertThat(current(payroll).keyCredentials().subList(0, 2)).isEqualTo(payroll.keyCredentials());
    }

    @Test
    void patch_with_an_unknown_property_beside_an_odata_annotation_is_still_refused() throws Exception {
        Application payroll = application("Payroll");
        ObjectNode body = JSON.createObjectNode()
                .put("@odata.type", "#microsoft.graph.application")
                .put("notes", "not served");

        HttpResponse<String> response = patch(payroll, JSON.writeValueAsString(body));

        assertRefused(response, "'notes'");
        assertThat(graph.snapshot()).isEqualTo(TENANT);
    }

    @Test
    void patch_with_password_credentials_is_refused() throws Exception {
        Application payroll = application("Payroll");
        ObjectNode body = JSON.createObjectNode().put("displayName", "Payroll renamed");
        body.putArray("passwordCredentials").addObject().put("displayName", "added by patch");

        HttpResponse<String> response = patch(payroll, JSON.writeValueAsString(body));

        assertRefused(response, "passwordCredentials");
        assertThat(graph.snapshot()).isEqualTo(TENANT);
    }

    @Test
    void patch_with_a_body_that_is_not_json_is_refused() throws Exception {
        Application payroll = application("Payroll");

        HttpResponse<String> response = patch(payroll, "keyCredentials=[]");

        assertRefused(response, "not JSON");
        assertThat(graph.snapshot()).isEqualTo(TENANT);
    }

    // removePassword

    @Test
    void remove_password_removes_exactly_that_secret_from_an_application() throws Exception {
        Application payroll = application("Payroll");
        PasswordCredential removed = payroll.passwordCredentials().get(0);
        PasswordCredential kept = payroll.passwordCredentials().get(1);

        HttpResponse<String> response = removePassword("applications", payroll.id(), removed.keyId());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
        assertThat(current(payroll).passwordCredentials()).containsExactly(kept);
        assertThat(current(payroll).keyCredentials()).isEqualTo(payroll.keyCredentials());
        assertThat(graph.snapshot().servicePrincipals()).isEqualTo(TENANT.servicePrincipals());
    }

    @Test
    void remove_password_removes_exactly_that_secret_from_a_service_principal() throws Exception {
        ServicePrincipal payroll = servicePrincipal("Payroll");
        PasswordCredential removed = payroll.passwordCredentials().get(1);
        PasswordCredential kept = payroll.passwordCredentials().get(0);

        HttpResponse<String> response = removePassword("servicePrincipals", payroll.id(), removed.keyId());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
        assertThat(current(payroll).passwordCredentials()).containsExactly(kept);
        assertThat(graph.snapshot().applications()).isEqualTo(TENANT.applications());
    }

    @Test
    void remove_password_with_a_key_id_the_application_does_not_hold_answers_404() throws Exception {
        Application payroll = application("Payroll");
        UUID heldByItsServicePrincipal = servicePrincipal("Payroll").passwordCredentials().get(0).keyId();

        HttpResponse<String> response = removePassword("applications", payroll.id(), heldByItsServicePrincipal);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(404);
        assertThat(errorCode(response)).isEqualTo("Request_ResourceNotFound");
        assertThat(graph.snapshot()).isEqualTo(TENANT);
    }

    @Test
    void removing_another_secret_leaves_the_saml_signing_password_untouched() throws Exception {
        ServicePrincipal portal = servicePrincipal("Portal");
        UUID signKeyId = portal.keyCredentials().stream().filter(k -> "Sign".equals(k.usage())).findFirst()
                .orElseThrow().keyId();
        PasswordCredential samlPassword = portal.passwordCredentials().stream()
                .filter(p -> p.keyId().equals(signKeyId)).findFirst().orElseThrow();
        PasswordCredential secret = portal.passwordCredentials().stream()
                .filter(p -> !p.keyId().equals(signKeyId)).findFirst().orElseThrow();

        HttpResponse<String> response = removePassword("servicePrincipals", portal.id(), secret.keyId());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
        assertThat(current(portal).passwordCredentials()).containsExactly(samlPassword);
        assertThat(current(portal).keyCredentials()).isEqualTo(portal.keyCredentials());
    }

    @Test
    void remove_password_refuses_the_password_of_a_saml_signing_certificate() throws Exception {
        ServicePrincipal portal = servicePrincipal("Portal");
        UUID samlPassword = portal.passwordCredentials().get(0).keyId();

        HttpResponse<String> response = removePassword("servicePrincipals", portal.id(), samlPassword);

        assertRefused(response, "token-signing certificate");
        assertThat(graph.snapshot()).isEqualTo(TENANT);
    }

    // addKey

    @Test
    void add_key_with_a_proof_signed_by_a_held_certificate_appends_the_new_key_and_returns_it() throws Exception {
        Application payroll = application("Payroll");
        TestCertificates.Issued held = holdCertificate(payroll);
        TestCertificates.Issued next = newCertificate("Payroll next");
        String proof = AddKeyProof.forApplication(payroll.id(), NOW).signedWith(held.privateKey());

        HttpResponse<String> response = addKey(payroll, next, proof);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode returned = JSON.readTree(response.body());
        assertThat(returned.path("type").asText()).isEqualTo("AsymmetricX509Cert");
        assertThat(returned.path("customKeyIdentifier").asText())
                .isEqualTo(Base64.getEncoder().encodeToString(next.thumbprint()));
        List<KeyCredential> keys = current(payroll).keyCredentials();
        assertThat(keys).hasSize(3);
        assertThat(keys.subList(0, 2)).isEqualTo(payroll.keyCredentials());
        assertThat(keys.get(2).keyId()).hasToString(returned.path("keyId").asText());
    }

    @Test
    void add_key_as_the_graph_sdk_sends_it_with_odata_type_annotations_appends_the_key() throws Exception {
        Application payroll = application("Payroll");
        TestCertificates.Issued held = holdCertificate(payroll);
        String proof = AddKeyProof.forApplication(payroll.id(), NOW).signedWith(held.privateKey());
        ObjectNode key = newKey(newCertificate("Payroll next"), UUID.randomUUID())
                .put("@odata.type", "#microsoft.graph.keyCredential");
        ObjectNode body = (ObjectNode) JSON.readTree(addKeyBody(key, proof));
        body.put("@odata.type", "#microsoft.graph.applicationAddKeyPostRequestBody");

        HttpResponse<String> response = post("/v1.0/applications/" + payroll.id() + "/addKey",
                JSON.writeValueAsString(body));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(keyIds(current(payroll))).hasSize(3).endsWith(UUID.fromString(key.path("keyId").asText()));
    }

    @Test
    void add_key_accepts_a_proof_signed_by_a_certificate_added_by_a_careful_patch() throws Exception {
        Application payroll = application("Payroll");
        TestCertificates.Issued patched = newCertificate("Payroll current");
        patchKeysCarefully(payroll, patched, UUID.randomUUID());
        String proof = AddKeyProof.forApplication(payroll.id(), NOW).signedWith(patched.privateKey());

        HttpResponse<String> response = addKey(payroll, newCertificate("Payroll next"), proof);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(current(payroll).keyCredentials()).hasSize(4);
    }

    static Stream<Arguments> spoiledProofs() {
        Application payroll = application("Payroll");
        return Stream.of(
                Arguments.of("with base64 padding", (UnaryOperator<AddKeyProof>) AddKeyProof::padded, "padding"),
                Arguments.of("for another audience",
                        (UnaryOperator<AddKeyProof>) p -> p.audience("https://graph.microsoft.com"), "aud"),
                Arguments.of("issued by the client id instead of the object id",
                        (UnaryOperator<AddKeyProof>) p -> p.issuer(payroll.appId().toString()), "iss"),
                Arguments.of("expiring more than ten minutes after it starts",
                        (UnaryOperator<AddKeyProof>) p -> p.expires(NOW.plus(Duration.ofMinutes(11))),
                        "more than 10 minutes"));
    }

    @ParameterizedTest(name = "a proof {0}")
    @MethodSource("spoiledProofs")
    void add_key_refuses_a_proof_signed_by_a_held_certificate_but_spoiled(String name, UnaryOperator<AddKeyProof> spoil,
            String reason) throws Exception {
        Application payroll = application("Payroll");
        TestCertificates.Issued held = holdCertificate(payroll);
        String proof = spoil.apply(AddKeyProof.forApplication(payroll.id(), NOW)).signedWith(held.privateKey());

        HttpResponse<String> response = addKey(payroll, newCertificate("Payroll next"), proof);

        assertRefused(response, reason);
        assertThat(graph.snapshot()).isEqualTo(TENANT);
    }

    @Test
    void add_key_refuses_a_proof_signed_by_a_key_the_application_does_not_hold() throws Exception {
        Application payroll = application("Payroll");
        holdCertificate(payroll);
        TestCertificates.Issued stranger = newCertificate("Someone else");
        String proof = AddKeyProof.forApplication(payroll.id(), NOW).signedWith(stranger.privateKey());

        HttpResponse<String> response = addKey(payroll, stranger, proof);

        assertRefused(response, "verifies its signature");
        assertThat(graph.snapshot()).isEqualTo(TENANT);
    }

    @Test
    void add_key_is_refused_to_an_application_without_a_certificate() throws Exception {
        Application billing = application("Billing");
        TestCertificates.Issued own = newCertificate("Billing");
        String proof = AddKeyProof.forApplication(billing.id(), NOW).signedWith(own.privateKey());

        HttpResponse<String> response = addKey(billing, own, proof);

        assertRefused(response, "no valid certificate");
        assertThat(graph.snapshot()).isEqualTo(TENANT);
    }

    @Test
    void add_key_is_refused_when_the_certificate_that_signed_the_proof_has_expired() throws Exception {
        Application archive = application("Archive");
        TestCertificates.Issued held = holdCertificate(archive);
        String proof = AddKeyProof.forApplication(archive.id(), NOW).signedWith(held.privateKey());

        HttpResponse<String> response = addKey(archive, newCertificate("Archive next"), proof);

        assertRefused(response, "no valid certificate");
        assertThat(graph.snapshot()).isEqualTo(TENANT);
    }

    @Test
    void add_key_refuses_a_proof_signed_by_a_saml_signing_key_of_the_application() throws Exception {
        Application payroll = application("Payroll");
        TestCertificates.Issued signing = newCertificate("Payroll SAML");
        ArrayNode keys = heldKeys(payroll);
        keys.add(newKey(signing, UUID.randomUUID()).put("usage", "Sign"));
        assertThat(patchKeys(payroll, keys).statusCode()).isEqualTo(204);
        String proof = AddKeyProof.forApplication(payroll.id(), NOW).signedWith(signing.privateKey());

        HttpResponse<String> response = addKey(payroll, newCertificate("Payroll next"), proof);

        assertRefused(response, "no valid certificate");
    }

    @Test
    void patch_refuses_dates_outside_the_certificate_validity() throws Exception {
        Application payroll = application("Payroll");
        TestCertificates.Issued next = newCertificate("Payroll next");
        ArrayNode keys = heldKeys(payroll);
        keys.add(newKey(next, UUID.randomUUID()).put("endDateTime", next.notAfter().plus(Duration.ofDays(1)).toString()));

        HttpResponse<String> response = patchKeys(payroll, keys);

        assertRefused(response, "within the certificate's validity");
        assertThat(graph.snapshot()).isEqualTo(TENANT);
    }

    @Test
    void add_key_with_a_key_id_the_application_holds_is_refused_and_keeps_the_held_certificate() throws Exception {
        Application payroll = application("Payroll");
        TestCertificates.Issued held = holdCertificate(payroll);
        String before = keysServed(payroll);
        String proof = AddKeyProof.forApplication(payroll.id(), NOW).signedWith(held.privateKey());
        ObjectNode sameKeyId = newKey(newCertificate("Payroll next"), payroll.keyCredentials().get(0).keyId());

        HttpResponse<String> response = post("/v1.0/applications/" + payroll.id() + "/addKey",
                addKeyBody(sameKeyId, proof));

        assertRefused(response, "already has a key");
        assertThat(graph.snapshot()).isEqualTo(TENANT);
        assertThat(keysServed(payroll)).as("key values served after the refused addKey").isEqualTo(before);
    }

    // Faults and reset

    @Test
    void patch_answered_500_after_applying_has_taken_effect_so_a_client_must_read_before_resending()
            throws Exception {
        Application payroll = application("Payroll");
        graph.inject(Fault.status(500).on(Endpoint.UPDATE_APPLICATION).afterApplying().times(1));
        UUID nextKeyId = UUID.randomUUID();
        ArrayNode keys = heldKeys(payroll);
        keys.add(newKey(newCertificate("Payroll next"), nextKeyId));

        HttpResponse<String> response = patchKeys(payroll, keys);

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(keyIdsServed(payroll)).contains(nextKeyId).hasSize(3);
        assertThat(keyIds(current(payroll))).contains(nextKeyId).hasSize(3);
    }

    @Test
    void patch_answered_500_before_applying_leaves_the_tenant_unchanged() throws Exception {
        Application payroll = application("Payroll");
        graph.inject(Fault.status(500).on(Endpoint.UPDATE_APPLICATION).times(1));
        String before = keysServed(payroll);
        ArrayNode keys = heldKeys(payroll);
        keys.add(newKey(newCertificate("Payroll next"), UUID.randomUUID()));

        HttpResponse<String> response = patchKeys(payroll, keys);

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(graph.snapshot()).isEqualTo(TENANT);
        assertThat(keysServed(payroll)).isEqualTo(before);
    }

    @Test
    void reset_forgets_writes() throws Exception {
        Application payroll = application("Payroll");
        ArrayNode onlyTheNewKey = JSON.createArrayNode().add(newKey(newCertificate("Payroll next"), UUID.randomUUID()));
        assertThat(patchKeys(payroll, onlyTheNewKey).statusCode()).isEqualTo(204);
        assertThat(removePassword("servicePrincipals", servicePrincipal("Payroll").id(),
                servicePrincipal("Payroll").passwordCredentials().get(0).keyId()).statusCode()).isEqualTo(204);
        assertThat(graph.snapshot()).isNotEqualTo(TENANT);

        graph.reset();

        assertThat(graph.snapshot()).isEqualTo(TENANT);
        assertThat(keyIdsServed(payroll)).containsExactlyElementsOf(keyIds(payroll));
    }

    // The tenant

    private static Application application(String name) {
        return TENANT.applications().stream().filter(a -> a.displayName().equals(name)).findFirst().orElseThrow();
    }

    private static ServicePrincipal servicePrincipal(String name) {
        return TENANT.servicePrincipals().stream().filter(s -> s.displayName().equals(name)).findFirst()
                .orElseThrow();
    }

    private Application current(Application app) {
        return graph.snapshot().applications().stream().filter(a -> a.id().equals(app.id())).findFirst().orElseThrow();
    }

    private ServicePrincipal current(ServicePrincipal sp) {
        return graph.snapshot().servicePrincipals().stream().filter(s -> s.id().equals(sp.id())).findFirst()
                .orElseThrow();
    }

    private static List<UUID> keyIds(Application app) {
        return app.keyCredentials().stream().map(KeyCredential::keyId).toList();
    }

    private static KeyCredential key(Application app, UUID keyId) {
        return app.keyCredentials().stream().filter(k -> k.keyId().equals(keyId)).findFirst().orElseThrow();
    }

    private static TestCertificates.Issued newCertificate(String commonName) {
        return TestCertificates.selfSigned(commonName, NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(365)));
    }

    /** Gives the application's first (active) certificate real DER bytes, so that addKey can verify with it. */
    private TestCertificates.Issued holdCertificate(Application app) {
        TestCertificates.Issued held = newCertificate(app.displayName() + " current");
        graph.certificate(app.keyCredentials().get(0).keyId(), held.der());
        return held;
    }

    // Requests, as a client without the SDK sends them

    /** The key list as a careful client reads it: the single object, with {@code $select=keyCredentials}. */
    private ArrayNode heldKeys(Application app) throws IOException, InterruptedException {
        HttpResponse<String> response = send("GET", "/v1.0/applications/" + app.id() + "?$select=keyCredentials", null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return (ArrayNode) JSON.readTree(response.body()).get("keyCredentials");
    }

    private String keysServed(Application app) throws IOException, InterruptedException {
        return JSON.writeValueAsString(heldKeys(app));
    }

    private List<UUID> keyIdsServed(Application app) throws IOException, InterruptedException {
        List<UUID> ids = new ArrayList<>();
        heldKeys(app).forEach(k -> ids.add(UUID.fromString(k.path("keyId").asText())));
        return ids;
    }

    private static ObjectNode newKey(TestCertificates.Issued certificate, UUID keyId) {
        return JSON.createObjectNode()
                .put("keyId", keyId.toString())
                .put("type", "AsymmetricX509Cert")
                .put("usage", "Verify")
                .put("key", certificate.base64());
    }

    private void patchKeysCarefully(Application app, TestCertificates.Issued certificate, UUID keyId)
            throws IOException, InterruptedException {
        ArrayNode keys = heldKeys(app);
        keys.add(newKey(certificate, keyId));
        HttpResponse<String> response = patchKeys(app, keys);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
    }

    private HttpResponse<String> patchKeys(Application app, ArrayNode keys) throws IOException, InterruptedException {
        ObjectNode body = JSON.createObjectNode();
        body.set("keyCredentials", keys);
        return patch(app, JSON.writeValueAsString(body));
    }

    private HttpResponse<String> patch(Application app, String body) throws IOException, InterruptedException {
        return send("PATCH", "/v1.0/applications/" + app.id(), body);
    }

    private HttpResponse<String> addKey(Application app, TestCertificates.Issued certificate, String proof)
            throws IOException, InterruptedException {
        ObjectNode key = JSON.createObjectNode()
                .put("type", "AsymmetricX509Cert")
                .put("usage", "Verify")
                .put("key", certificate.base64());
        return post("/v1.0/applications/" + app.id() + "/addKey", addKeyBody(key, proof));
    }

    private static String addKeyBody(ObjectNode keyCredential, String proof) throws IOException {
        ObjectNode body = JSON.createObjectNode();
        body.set("keyCredential", keyCredential);
        body.putNull("passwordCredential");
        body.put("proof", proof);
        return JSON.writeValueAsString(body);
    }

    private HttpResponse<String> removePassword(String collection, UUID objectId, UUID keyId)
            throws IOException, InterruptedException {
        return post("/v1.0/" + collection + "/" + objectId + "/removePassword",
                JSON.writeValueAsString(JSON.createObjectNode().put("keyId", keyId.toString())));
    }

    private HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
        return send("POST", path, body);
    }

    private HttpResponse<String> send(String method, String path, String body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(graph.baseUrl() + path))
                .timeout(Duration.ofSeconds(10));
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String errorCode(HttpResponse<String> response) throws IOException {
        return JSON.readTree(response.body()).path("error").path("code").asText();
    }

    /** A 400 in Graph's error shape, refused for the reason the test is about (not some other). */
    private static void assertRefused(HttpResponse<String> response, String reason) throws IOException {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        JsonNode error = JSON.readTree(response.body()).path("error");
        assertThat(error.path("code").asText()).isEqualTo("Request_BadRequest");
        assertThat(error.path("message").asText()).contains(reason);
    }
}
