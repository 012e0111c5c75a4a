package dev.app09.graph.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.app09.certs.CertificateAndKey;
import dev.app09.testkit.server.FakeGraphServer;
import dev.app09.testkit.tenant.FakeTenant;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.interfaces.RSAPrivateCrtKey;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.logging.Handler;
import java.util.logging.Logger;
import java.util.zip.GZIPOutputStream;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.util.ASN1Dump;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The secret canary tests can fail: their search finds each canary in every form it could leak in
 * (and takes nothing public for one), their capture hears every log and stream a run could write
 * to, their leaking Graph does send the secret, and a leak fails the check.
 */
final class SecretCanarySelfTest {

    /** The fake Graph speaks HTTP/1.1: the JDK client's h2c upgrade against it can fail. */
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private static final CertificateAndKey KEY = Canaries.KEY;
    private static final RSAPrivateCrtKey RSA = (RSAPrivateCrtKey) KEY.privateKey();

    private final Needles needles = Canaries.needles();

    @TempDir
    Path dir;

    @Test
    void the_key_is_found_in_every_form_it_could_be_printed_in() throws IOException {
        ByteArrayOutputStream bundle = new ByteArrayOutputStream();
        KEY.writePemBundle(bundle);
        byte[] pkcs8 = KEY.privateKey().getEncoded();
        String pemLine = bundle.toString(StandardCharsets.US_ASCII).lines().filter(l -> !l.startsWith("-----")).skip(10)
                .findFirst().orElseThrow();
        byte[] d = RSA.getPrivateExponent().toByteArray();
        d = d[0] == 0 ? Arrays.copyOfRange(d, 1, d.length) : d;

        assertThat(needles.foundIn(bundle.toByteArray())).as("a PEM bundle").isNotEmpty();
        assertThat(needles.foundIn("key: " + pemLine)).as("one line of a PEM body").isNotEmpty();
        assertThat(needles.foundIn(Base64.getEncoder().encodeToString(pkcs8))).as("base64 on one line").isNotEmpty();
        assertThat(needles.foundIn(pkcs8)).as("the DER bytes").isNotEmpty();
        assertThat(needles.foundIn(ASN1Dump.dumpAsString(ASN1Primitive.fromByteArray(pkcs8), true)))
                .as("an ASN.1 dump").isNotEmpty();
        assertThat(needles.foundIn("d=" + RSA.getPrivateExponent())).as("the exponent in decimal").isNotEmpty();
        assertThat(needles.foundIn(RSA.getPrimeP().toString(16).toUpperCase(Locale.ROOT)))
                .as("a prime in upper-case hex").isNotEmpty();
        assertThat(needles.foundIn("{\"d\": \"" + Base64.getUrlEncoder().withoutPadding().encodeToString(d) + "\"}"))
                .as("a JWK").isNotEmpty();
        assertThat(needles.foundIn(HexFormat.of().formatHex(pkcs8))).as("hex of the DER").isNotEmpty();
    }

    @Test
    void nothing_public_is_taken_for_the_key() {
        assertThat(needles.foundIn(KEY.certificateDer())).as("the certificate").isEmpty();
        assertThat(needles.foundIn(KEY.certificatePem())).as("the certificate in PEM").isEmpty();
        assertThat(needles.foundIn(KEY.certificate().getPublicKey().getEncoded())).as("the public key").isEmpty();
        assertThat(needles.foundIn(KEY.certificate().toString())).as("the certificate's toString").isEmpty();
        assertThat(needles.foundIn(KEY.toString() + KEY.thumbprints())).as("its thumbprints").isEmpty();
        assertThat(needles.foundIn(Base64.getEncoder().encodeToString(KEY.keyCredentialPayload().key())))
                .as("the key credential Graph is sent").isEmpty();
    }

    @Test
    void a_secret_is_found_whole_by_its_tail_and_in_utf_16() {
        assertThat(needles.foundIn("{\"secretText\": \"" + Canaries.SECRET + "\"}")).contains("the canary secret");
        assertThat(needles.foundIn("..." + Canaries.SECRET.substring(Canaries.SECRET.length() - 16)))
                .contains("the canary secret (its tail)");
        assertThat(needles.foundIn(Canaries.PASSWORD.getBytes(StandardCharsets.UTF_16LE))).contains("the PFX password");
        assertThat(needles.foundIn("hint CAN, Q8~, " + Canaries.SECRET.substring(0, 20))).as("a cut secret").isEmpty();
        String random = Canaries.SECRET.substring(Canaries.SECRET.lastIndexOf('-') + 1);
        assertThat(needles.foundIn("keyId \"" + random.substring(5, 13) + "...\"")).as("8 characters of it, anywhere")
                .contains("the canary secret (8 characters of it)");
    }

    @Test
    void the_capture_hears_java_logging_slf4j_an_exception_and_the_process_streams() {
        String captured;
        try (CapturedOutput output = CapturedOutput.open()) {
            Logger.getLogger("jdk.probe").finest("jul " + Canaries.SECRET);
            LoggerFactory.getLogger("com.microsoft.aad.msal4j.Probe").trace("slf4j {}", Canaries.PASSWORD);
            LoggerFactory.getLogger("com.azure.identity.Probe").error("failed",
                    new IllegalStateException("outer", new RuntimeException("inner " + Canaries.WRONG_PASSWORD)));
            System.err.println("printed " + HexFormat.of().formatHex(RSA.getPrivateExponent().toByteArray()));
            captured = output.text();
        }

        assertThat(needles.foundIn(captured)).contains("the canary secret", "the PFX password", "the wrong password",
                "the canary key: hex of its private exponent");
    }

    @Test
    void closing_the_capture_puts_the_process_back_as_it_was() {
        PrintStream err = System.err;
        Handler[] handlers = Logger.getLogger("").getHandlers();
        try (CapturedOutput output = CapturedOutput.open()) {
            assertThat(System.err).isNotSameAs(err);
            assertThat(LoggerFactory.getLogger("com.microsoft.aad.msal4j.Probe").isTraceEnabled()).isTrue();
        }

        assertThat(System.err).isSameAs(err);
        assertThat(Logger.getLogger("").getHandlers()).containsExactly(handlers);
        assertThat(LoggerFactory.getLogger("com.microsoft.aad.msal4j.Probe").isTraceEnabled())
                .as("every level is heard only while captured").isFalse();
    }

    @Test
    void the_leaking_graph_sends_the_secret_as_secret_text_and_hint_and_links_back_through_itself() throws Exception {
        try (FakeGraphServer graph = FakeGraphServer.start(FakeTenant.create()
                .application("Payroll", a -> a.secret()).application("Reporting", a -> a.secret()).build());
                LeakyGraph leaky = LeakyGraph.start(graph.baseUrl(), Canaries.SECRET)) {
            HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(
                    URI.create(leaky.baseUrl() + "/v1.0/applications?$top=1")).build(), HttpResponse.BodyHandlers.ofString());

            JsonNode page = new ObjectMapper().readTree(answer.body());
            JsonNode password = page.path("value").path(0).path("passwordCredentials").path(0);
            assertThat(password.path("secretText").asText()).isEqualTo(Canaries.SECRET);
            assertThat(password.path("hint").asText()).isEqualTo(Canaries.SECRET);
            assertThat(page.path("@odata.nextLink").asText()).startsWith(leaky.baseUrl() + "/v1.0/applications");
        }
    }

    @Test
    void a_leak_anywhere_fails_the_check() throws IOException {
        LeakCheck check = new LeakCheck(needles, dir);
        assertThatThrownBy(() -> check.clean("a message", "wrong password " + Canaries.WRONG_PASSWORD))
                .hasMessageContaining("the wrong password");
        assertThatThrownBy(() -> check.clean("an exception", new IllegalStateException("cause",
                new IOException(Canaries.SECRET)))).hasMessageContaining("stack trace");

        check.filesClean("nothing yet");
        try (OutputStream state = new GZIPOutputStream(Files.newOutputStream(dir.resolve("state.json.gz")))) {
            state.write(("{\"secretText\": \"" + Canaries.SECRET + "\"}").getBytes(StandardCharsets.UTF_8));
        }
        assertThatThrownBy(() -> check.filesClean("a gzip state")).hasMessageContaining("state.json.gz");

        Files.delete(dir.resolve("state.json.gz"));
        try (OutputStream key = Files.newOutputStream(dir.resolve("app.key.pem"))) {
            KEY.writePemBundle(key);
        }
        check.filesClean("a private key file, whose purpose is to hold the key");
        Files.copy(dir.resolve("app.key.pem"), dir.resolve("report.txt"));
        assertThatThrownBy(() -> check.filesClean("a report")).hasMessageContaining("report.txt");
    }
}
