package dev.app09.graph;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.app09.certs.CertificateAndKey;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * The proof of possession {@code addKey} asks for (GRAPH-FACTS.md): a JWT signed RS256 with the
 * private key of one of the application's valid certificates; {@code aud} the Azure AD Graph id,
 * {@code iss} the application's object id, {@code exp} ten minutes after {@code nbf}; every part
 * base64url without {@code =} padding.
 */
final class AddKeyProof {

    static final String AUDIENCE = "00000002-0000-0000-c000-000000000000";
    static final Duration LIFETIME = Duration.ofMinutes(10);
    private static final JsonFactory JSON = new JsonFactory();
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private AddKeyProof() {
    }

    static String create(UUID applicationObjectId, CertificateAndKey signer, Instant now) {
        long notBefore = now.getEpochSecond();
        String header = part(json -> {
            json.writeStringField("alg", "RS256");
            json.writeStringField("typ", "JWT");
            json.writeStringField("x5t", signer.thumbprints().x5t());
        });
        String claims = part(json -> {
            json.writeStringField("aud", AUDIENCE);
            json.writeStringField("iss", applicationObjectId.toString());
            json.writeNumberField("nbf", notBefore);
            json.writeNumberField("exp", notBefore + LIFETIME.toSeconds());
        });
        String signed = header + "." + claims;
        try {
            Signature rs256 = Signature.getInstance("SHA256withRSA");
            rs256.initSign(signer.privateKey());
            rs256.update(signed.getBytes(StandardCharsets.US_ASCII));
            return signed + "." + BASE64URL.encodeToString(rs256.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the proof could not be signed with the certificate's key: " + e.getMessage(), e);
        }
    }

    private static String part(Fields fields) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            fields.write(json);
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return BASE64URL.encodeToString(out.toByteArray());
    }

    /** The fields of one JSON object. */
    private interface Fields {
        void write(JsonGenerator json) throws IOException;
    }
}
