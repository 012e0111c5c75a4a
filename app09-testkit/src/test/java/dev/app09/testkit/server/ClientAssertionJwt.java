package dev.app09.testkit.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.jspecify.annotations.Nullable;

/**
 * The client assertion MSAL4J sends, valid by default: RS256, {@code x5t#S256} of the signing
 * certificate in the header, {@code aud} the token endpoint, {@code iss} = {@code sub} = the client
 * id, {@code jti}, {@code nbf} now (wall clock) and {@code exp} ten minutes later. Each method spoils
 * or varies one thing. Immutable.
 */
final class ClientAssertionJwt {

    static final Duration LIFETIME = Duration.ofMinutes(10);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String audience;
    private final String issuer;
    private final String subject;
    private final Instant notBefore;
    private final Instant expires;
    private final @Nullable String x5tS256;
    private final String alg;

    private ClientAssertionJwt(String audience, String issuer, String subject, Instant notBefore, Instant expires,
            @Nullable String x5tS256, String alg) {
        this.audience = audience;
        this.issuer = issuer;
        this.subject = subject;
        this.notBefore = notBefore;
        this.expires = expires;
        this.x5tS256 = x5tS256;
        this.alg = alg;
    }

    /**
     * @param clientId the application's appId
     * @param tokenEndpoint the URL the assertion is addressed to
     * @param signer the DER of the certificate whose key signs it
     */
    static ClientAssertionJwt of(String clientId, String tokenEndpoint, byte[] signer) {
        Instant now = Instant.now();
        return new ClientAssertionJwt(tokenEndpoint, clientId, clientId, now, now.plus(LIFETIME),
                Base64.getUrlEncoder().withoutPadding().encodeToString(sha256(signer)), "RS256");
    }

    ClientAssertionJwt audience(String value) {
        return new ClientAssertionJwt(value, issuer, subject, notBefore, expires, x5tS256, alg);
    }

    /** @return a copy issued by someone else (the subject stays the client id) */
    ClientAssertionJwt issuer(String value) {
        return new ClientAssertionJwt(audience, value, subject, notBefore, expires, x5tS256, alg);
    }

    /** @return a copy valid for ten minutes from {@code start} */
    ClientAssertionJwt validFrom(Instant start) {
        return new ClientAssertionJwt(audience, issuer, subject, start, start.plus(LIFETIME), x5tS256, alg);
    }

    /** @return a copy whose header names the certificate by {@code x5t#S256} written exactly so */
    ClientAssertionJwt x5tS256(@Nullable String written) {
        return new ClientAssertionJwt(audience, issuer, subject, notBefore, expires, written, alg);
    }

    /** @return a copy whose header names the certificate as MSAL4J 1.23 does: standard base64, padded */
    ClientAssertionJwt x5tS256AsMsal4j(byte[] der) {
        return x5tS256(Base64.getEncoder().encodeToString(sha256(der)));
    }

    ClientAssertionJwt alg(String value) {
        return new ClientAssertionJwt(audience, issuer, subject, notBefore, expires, x5tS256, value);
    }

    String signedWith(PrivateKey key) {
        ObjectNode header = JSON.createObjectNode().put("alg", alg).put("typ", "JWT");
        if (x5tS256 != null) {
            header.put("x5t#S256", x5tS256);
        }
        ObjectNode claims = JSON.createObjectNode()
                .put("aud", audience)
                .put("iss", issuer)
                .put("sub", subject)
                .put("jti", java.util.UUID.randomUUID().toString())
                .put("nbf", notBefore.getEpochSecond())
                .put("exp", expires.getEpochSecond());
        String signed = encode(bytes(header)) + "." + encode(bytes(claims));
        try {
            Signature signer = Signature.getInstance("SHA256withRSA");
            signer.initSign(key);
            signer.update(signed.getBytes(StandardCharsets.US_ASCII));
            return signed + "." + encode(signer.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign a test assertion", e);
        }
    }

    static byte[] sha256(byte[] der) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(der);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static byte[] bytes(ObjectNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
