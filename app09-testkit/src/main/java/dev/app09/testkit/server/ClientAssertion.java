package dev.app09.testkit.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A client assertion as Entra reads it (GRAPH-FACTS.md, MSAL4J): a JWT signed RS256, with {@code
 * aud} the token endpoint, {@code iss} and {@code sub} the client id, numeric {@code nbf} and
 * {@code exp}, and in its header the thumbprint of the certificate that signed it: {@code x5t#S256}
 * (SHA-256 of the DER) or {@code x5t} (SHA-1). Thumbprints are read in base64 or base64url, padded
 * or not: MSAL4J 1.23 writes {@code x5t#S256} in standard base64 with padding. Never kept after the
 * request that carried it.
 */
final class ClientAssertion {

    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private final JsonNode header;
    private final JsonNode claims;
    private final byte[] signed;
    private final byte[] signature;

    private ClientAssertion(JsonNode header, JsonNode claims, byte[] signed, byte[] signature) {
        this.header = header;
        this.claims = claims;
        this.signed = signed;
        this.signature = signature;
    }

    static ClientAssertion parse(String jwt, ObjectMapper json) {
        String[] parts = jwt.split("\\.", -1);
        if (parts.length != 3) {
            throw malformed("it is not a JWT of three parts");
        }
        JsonNode header = object(parts[0], json);
        JsonNode claims = object(parts[1], json);
        if (!"RS256".equals(header.path("alg").asText())) {
            throw malformed("alg is " + header.path("alg") + "; the fake Entra verifies RS256");
        }
        if (!claims.path("nbf").canConvertToLong() || !claims.path("exp").canConvertToLong()) {
            throw malformed("nbf and exp must be numbers of seconds");
        }
        return new ClientAssertion(header, claims, (parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII),
                base64Url(parts[2]));
    }

    /**
     * Checks issuer, subject, audience and lifetime.
     *
     * @param clientId the {@code client_id} of the request
     * @param audiences the token endpoint URLs the assertion may be addressed to
     * @param now the wall clock: MSAL stamps assertions with it
     */
    void checkClaims(String clientId, Set<String> audiences, Instant now) {
        String issuer = claims.path("iss").asText();
        String subject = claims.path("sub").asText();
        if (!clientId.equalsIgnoreCase(issuer) || !clientId.equalsIgnoreCase(subject)) {
            throw EntraError.invalidClient(700021, "Client assertion application identifier doesn't match 'client_id'"
                    + " parameter. [iss '" + issuer + "', sub '" + subject + "', client_id '" + clientId + "']");
        }
        if (!addressedTo(audiences)) {
            throw EntraError.invalidClient(700023, "Client assertion audience claim does not match Realm issuer."
                    + " [aud " + claims.path("aud") + ", expected '" + audiences.iterator().next() + "']");
        }
        Instant notBefore = Instant.ofEpochSecond(claims.path("nbf").asLong());
        Instant expires = Instant.ofEpochSecond(claims.path("exp").asLong());
        if (now.isAfter(expires.plus(CLOCK_SKEW)) || now.isBefore(notBefore.minus(CLOCK_SKEW))) {
            throw EntraError.invalidClient(700024, "Client assertion is not within its valid time range. Current time: "
                    + now + ", assertion valid from " + notBefore + ", expiry time of assertion " + expires + ".");
        }
    }

    /** Hosts and tenants are not case-sensitive; MSAL may lower-case the authority. */
    private boolean addressedTo(Set<String> audiences) {
        JsonNode aud = claims.path("aud");
        List<String> named = new ArrayList<>();
        if (aud.isTextual()) {
            named.add(aud.asText());
        }
        aud.forEach(one -> named.add(one.asText()));
        return named.stream().anyMatch(one -> audiences.stream().anyMatch(one::equalsIgnoreCase));
    }

    /**
     * @param certificates the application's client certificates
     * @return those the header names by thumbprint; all of them when it names none
     */
    List<ClientCertificate> named(List<ClientCertificate> certificates) {
        byte[] sha256 = thumbprint("x5t#S256");
        byte[] sha1 = thumbprint("x5t");
        List<ClientCertificate> named = new ArrayList<>();
        for (ClientCertificate certificate : certificates) {
            byte[] der = der(certificate.certificate());
            if ((sha256 == null || Arrays.equals(sha256, digest("SHA-256", der)))
                    && (sha1 == null || Arrays.equals(sha1, digest("SHA-1", der)))) {
                named.add(certificate);
            }
        }
        return named;
    }

    /** @return whether the certificate's public key verifies the signature */
    boolean signedBy(X509Certificate certificate) {
        try {
            Signature verifier = Signature.getInstance("SHA256withRSA");
            verifier.initVerify(certificate.getPublicKey());
            verifier.update(signed);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false; // not an RSA key, or a signature of the wrong length: not verified
        }
    }

    /** @return the header's thumbprint in upper-case hex, as Entra quotes it, or a phrase when there is none */
    String quotedThumbprint() {
        byte[] sha256 = thumbprint("x5t#S256");
        byte[] sha1 = thumbprint("x5t");
        byte[] shown = sha256 != null ? sha256 : sha1;
        return shown == null ? "none in the header" : HexFormat.of().withUpperCase().formatHex(shown);
    }

    private byte @Nullable [] thumbprint(String name) {
        JsonNode value = header.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        try {
            // base64url and standard base64 differ in two letters; the decoder takes padding or none.
            return Base64.getDecoder().decode(value.asText().replace('-', '+').replace('_', '/'));
        } catch (IllegalArgumentException e) {
            throw malformed("the header's " + name + " is not base64");
        }
    }

    private static byte[] der(X509Certificate certificate) {
        try {
            return certificate.getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a parsed certificate has its encoding", e);
        }
    }

    private static byte[] digest(String algorithm, byte[] bytes) {
        try {
            return MessageDigest.getInstance(algorithm).digest(bytes);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm + " is part of every JDK", e);
        }
    }

    private static JsonNode object(String part, ObjectMapper json) {
        try {
            JsonNode node = json.readTree(base64Url(part));
            if (node == null || !node.isObject()) {
                throw malformed("a part is not a JSON object");
            }
            return node;
        } catch (IOException e) {
            throw malformed("a part is not JSON");
        }
    }

    private static byte[] base64Url(String part) {
        try {
            return Base64.getUrlDecoder().decode(part); // takes '=' padding too
        } catch (IllegalArgumentException e) {
            throw malformed("a part is not base64url");
        }
    }

    private static EntraError malformed(String why) {
        return EntraError.invalidRequest(50027, "JWT token is invalid or malformed. [client assertion: " + why + "]");
    }
}
