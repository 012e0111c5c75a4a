package dev.app09.testkit.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * Checks the proof an {@code addKey} call carries, as GRAPH-FACTS.md documents it: a JWT without
 * Base64 padding, signed RS256 by the private key of one of the application's valid certificates,
 * with {@code aud} the Azure AD Graph id, {@code iss} the application's object id, and {@code exp}
 * at most ten minutes after {@code nbf}.
 */
final class ProofOfPossession {

    static final String AUDIENCE = "00000002-0000-0000-c000-000000000000";
    private static final Duration MAX_LIFETIME = Duration.ofMinutes(10);
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private ProofOfPossession() {
    }

    static void verify(String proof, UUID applicationObjectId, List<X509Certificate> certificates, Instant now,
            ObjectMapper json) {
        if (proof.indexOf('=') >= 0) {
            throw invalid("it contains '=' padding");
        }
        String[] parts = proof.split("\\.", -1);
        if (parts.length != 3) {
            throw invalid("it is not a JWT of three parts");
        }
        JsonNode header = decode(parts[0], json);
        JsonNode claims = decode(parts[1], json);
        if (!"RS256".equals(header.path("alg").asText())) {
            throw invalid("alg is " + header.path("alg") + ", not RS256");
        }
        if (!AUDIENCE.equals(claims.path("aud").asText())) {
            throw invalid("aud is " + claims.path("aud") + ", not " + AUDIENCE);
        }
        if (!applicationObjectId.toString().equalsIgnoreCase(claims.path("iss").asText())) {
            throw invalid("iss is " + claims.path("iss") + ", not the application's object id");
        }
        if (!claims.path("nbf").canConvertToLong() || !claims.path("exp").canConvertToLong()) {
            throw invalid("nbf and exp must be numbers of seconds");
        }
        Instant notBefore = Instant.ofEpochSecond(claims.path("nbf").asLong());
        Instant expires = Instant.ofEpochSecond(claims.path("exp").asLong());
        if (expires.isAfter(notBefore.plus(MAX_LIFETIME))) {
            throw invalid("exp is more than 10 minutes after nbf");
        }
        if (now.isBefore(notBefore.minus(CLOCK_SKEW)) || now.isAfter(expires.plus(CLOCK_SKEW))) {
            throw invalid("it is not valid now (" + now + "): nbf " + notBefore + ", exp " + expires);
        }
        if (certificates.isEmpty()) {
            throw invalid("the application has no valid certificate to verify it with");
        }
        byte[] signed = (parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII);
        byte[] signature = base64Url(parts[2]);
        for (X509Certificate certificate : certificates) {
            try {
                Signature verifier = Signature.getInstance("SHA256withRSA");
                verifier.initVerify(certificate.getPublicKey());
                verifier.update(signed);
                if (verifier.verify(signature)) {
                    return;
                }
            } catch (GeneralSecurityException e) {
                // not this certificate (an EC key, say): try the next
            }
        }
        throw invalid("no valid certificate of the application verifies its signature");
    }

    private static JsonNode decode(String part, ObjectMapper json) {
        try {
            JsonNode node = json.readTree(base64Url(part));
            if (node == null || !node.isObject()) {
                throw invalid("a part is not a JSON object");
            }
            return node;
        } catch (IOException e) {
            throw invalid("a part is not JSON");
        }
    }

    private static byte[] base64Url(String part) {
        try {
            return Base64.getUrlDecoder().decode(part);
        } catch (IllegalArgumentException e) {
            throw invalid("a part is not base64url");
        }
    }

    private static GraphError invalid(String why) {
        return GraphError.badRequest("Invalid proof of possession: " + why + ".");
    }
}
