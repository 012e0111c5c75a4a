package dev.app09.testkit.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * The proof-of-possession JWT an addKey call carries, valid by default (GRAPH-FACTS.md: aud the
 * Azure AD Graph id, iss the application's object id, exp ten minutes after nbf, base64url without
 * padding, RS256); each method spoils one thing. Immutable.
 *
 * <pre>{@code
 * String proof = AddKeyProof.forApplication(app.id(), now).signedWith(held.privateKey());
 * }</pre>
 */
final class AddKeyProof {

    static final String GRAPH_AUDIENCE = "00000002-0000-0000-c000-000000000000";
    static final Duration LIFETIME = Duration.ofMinutes(10);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String audience;
    private final String issuer;
    private final Instant notBefore;
    private final Instant expires;
    private final boolean padded;

    private AddKeyProof(String audience, String issuer, Instant notBefore, Instant expires, boolean padded) {
        this.audience = audience;
        this.issuer = issuer;
        this.notBefore = notBefore;
        this.expires = expires;
        this.padded = padded;
    }

    static AddKeyProof forApplication(UUID objectId, Instant notBefore) {
        return new AddKeyProof(GRAPH_AUDIENCE, objectId.toString(), notBefore, notBefore.plus(LIFETIME), false);
    }

    AddKeyProof audience(String value) {
        return new AddKeyProof(value, issuer, notBefore, expires, padded);
    }

    AddKeyProof issuer(String value) {
        return new AddKeyProof(audience, value, notBefore, expires, padded);
    }

    AddKeyProof expires(Instant value) {
        return new AddKeyProof(audience, issuer, notBefore, value, padded);
    }

    /** @return a copy encoded with '=' padding, which Graph refuses */
    AddKeyProof padded() {
        return new AddKeyProof(audience, issuer, notBefore, expires, true);
    }

    String signedWith(PrivateKey key) {
        ObjectNode header = JSON.createObjectNode().put("alg", "RS256").put("typ", "JWT");
        ObjectNode claims = JSON.createObjectNode()
                .put("aud", audience)
                .put("iss", issuer)
                .put("nbf", notBefore.getEpochSecond())
                .put("exp", expires.getEpochSecond());
        String signed = encode(bytes(header)) + "." + encode(bytes(claims));
        try {
            Signature signer = Signature.getInstance("SHA256withRSA");
            signer.initSign(key);
            signer.update(signed.getBytes(StandardCharsets.US_ASCII));
            return signed + "." + encode(signer.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign a test proof", e);
        }
    }

    private String encode(byte[] bytes) {
        Base64.Encoder encoder = Base64.getUrlEncoder();
        return (padded ? encoder : encoder.withoutPadding()).encodeToString(bytes);
    }

    private static byte[] bytes(ObjectNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
