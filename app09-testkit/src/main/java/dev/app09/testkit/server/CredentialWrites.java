package dev.app09.testkit.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.app09.core.model.Application;
import dev.app09.core.model.KeyCredential;
import dev.app09.core.model.KeyIdentifier;
import dev.app09.core.model.PasswordCredential;
import dev.app09.core.model.ServicePrincipal;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Graph's credential writes, with the semantics a migration tool must survive: {@code PATCH}
 * replaces the whole {@code keyCredentials} list (a key left out is deleted), every key sent needs
 * its {@code key} bytes, secrets cannot be added by PATCH; {@code addKey} appends and needs a
 * proof signed by a valid certificate of the application; {@code removePassword} removes one.
 */
final class CredentialWrites {

    private static final String CERTIFICATE = "AsymmetricX509Cert";
    private static final String CERTIFICATE_AND_PASSWORD = "X509CertAndPassword";

    private final FakeDirectory directory;
    private final Clock clock;
    private final ObjectMapper json;

    CredentialWrites(FakeDirectory directory, Clock clock, ObjectMapper json) {
        this.directory = directory;
        this.clock = clock;
        this.json = json;
    }

    /**
     * {@code PATCH /applications/{id}}: displayName and keyCredentials. OData annotations, such as
     * the {@code @odata.type} the Graph SDK sends, are not properties: ignored here and in key items.
     */
    void patchApplication(int index, byte[] body) {
        JsonNode patch = object(body);
        for (Iterator<String> names = patch.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!name.startsWith("@odata.") && !name.equals("displayName") && !name.equals("keyCredentials")) {
                throw GraphError.badRequest(name.equals("passwordCredentials")
                        ? "Property 'passwordCredentials' cannot be set with PATCH: use addPassword."
                        : "The fake Graph does not update '" + name + "'; it updates displayName and keyCredentials.");
            }
        }
        // The whole check-and-replace runs under the directory's lock: concurrent writes never
        // interleave, and a refused patch changes nothing (key bytes included).
        directory.updateApplication(index, current -> {
            List<KeyCredential> keys = current.keyCredentials();
            Map<UUID, byte[]> values = new HashMap<>();
            if (patch.has("keyCredentials")) {
                keys = replacementKeys(patch.get("keyCredentials"), current.keyCredentials(), values);
            }
            String displayName = patch.has("displayName") ? patch.get("displayName").asText() : current.displayName();
            values.forEach(directory::storeKeyValue);
            return new Application(current.id(), current.appId(), displayName, current.createdDateTime(),
                    current.signInAudience(), current.passwordCredentials(), keys, current.federatedIdentityCredentials());
        });
    }

    private List<KeyCredential> replacementKeys(JsonNode list, List<KeyCredential> held, Map<UUID, byte[]> values) {
        if (!list.isArray()) {
            throw GraphError.badRequest("keyCredentials must be an array.");
        }
        List<KeyCredential> keys = new ArrayList<>();
        Set<UUID> seen = new HashSet<>();
        for (JsonNode node : list) {
            KeyCredential key = keyCredential(node, held, values);
            if (!seen.add(key.keyId())) {
                throw GraphError.badRequest("keyCredentials holds keyId " + key.keyId() + " twice.");
            }
            keys.add(key);
        }
        return List.copyOf(keys);
    }

    /** {@code POST /applications/{id}/addKey}: appends a key when the proof holds. */
    KeyCredential addKey(int index, byte[] body) {
        JsonNode request = object(body);
        JsonNode password = request.path("passwordCredential");
        if (!password.isMissingNode() && !password.isNull()) {
            throw GraphError.badRequest("The fake Graph's addKey takes no passwordCredential.");
        }
        String proof = text(request, "proof");
        List<KeyCredential> added = new ArrayList<>(1);
        directory.updateApplication(index, current -> {
            ProofOfPossession.verify(proof, current.id(), validCertificates(current), clock.instant(), json);
            Map<UUID, byte[]> values = new HashMap<>();
            KeyCredential key = keyCredential(request.path("keyCredential"), List.of(), values);
            if (current.keyCredentials().stream().anyMatch(k -> k.keyId().equals(key.keyId()))) {
                throw GraphError.badRequest("The application already has a key with keyId " + key.keyId() + ".");
            }
            values.forEach(directory::storeKeyValue);
            added.add(key);
            return new Application(current.id(), current.appId(), current.displayName(), current.createdDateTime(),
                    current.signInAudience(), current.passwordCredentials(), append(current.keyCredentials(), key),
                    current.federatedIdentityCredentials());
        });
        return added.get(0);
    }

    /** {@code POST /applications/{id}/removePassword}. */
    void removeApplicationPassword(int index, byte[] body) {
        UUID keyId = uuid(object(body), "keyId");
        directory.updateApplication(index, app -> new Application(app.id(), app.appId(), app.displayName(),
                app.createdDateTime(), app.signInAudience(), without(app.passwordCredentials(), app.keyCredentials(), keyId),
                app.keyCredentials(), app.federatedIdentityCredentials()));
    }

    /** {@code POST /servicePrincipals/{id}/removePassword}. */
    void removeServicePrincipalPassword(int index, byte[] body) {
        UUID keyId = uuid(object(body), "keyId");
        directory.updateServicePrincipal(index, sp -> new ServicePrincipal(sp.id(), sp.appId(), sp.displayName(),
                sp.servicePrincipalType(), sp.appOwnerOrganizationId(), sp.preferredSingleSignOnMode(),
                sp.preferredTokenSigningKeyThumbprint(), without(sp.passwordCredentials(), sp.keyCredentials(), keyId),
                sp.keyCredentials()));
    }

    private List<X509Certificate> validCertificates(Application app) {
        return directory.clientCertificates(app).stream().filter(c -> c.activeAt(clock.instant()))
                .map(ClientCertificate::certificate).toList();
    }

    /**
     * A key sent by the client: an existing key sent back with its bytes, or a new one, whose
     * bytes go to {@code values} for the caller to store once the whole request is accepted.
     */
    private KeyCredential keyCredential(JsonNode node, List<KeyCredential> existing, Map<UUID, byte[]> values) {
        if (!node.isObject()) {
            throw GraphError.badRequest("A keyCredential must be an object.");
        }
        String keyText = optionalText(node, "key");
        if (keyText == null || keyText.isEmpty()) {
            throw GraphError.badRequest("Property 'key' of a keyCredential is required: send the certificate of every key,"
                    + " the list replaces the one Graph holds.");
        }
        byte[] value = base64(keyText, "key");
        UUID keyId = node.hasNonNull("keyId") ? uuid(node, "keyId") : UUID.randomUUID();
        String type = text(node, "type");
        String usage = text(node, "usage");
        String displayName = optionalText(node, "displayName");
        Instant start = instant(node, "startDateTime");
        Instant end = instant(node, "endDateTime");
        String customKeyIdentifier = optionalText(node, "customKeyIdentifier");
        KeyIdentifier identifier = customKeyIdentifier == null ? null : KeyIdentifier.of(base64(customKeyIdentifier,
                "customKeyIdentifier"));
        for (KeyCredential old : existing) {
            if (old.keyId().equals(keyId) && Arrays.equals(directory.keyValue(keyId), value)) {
                // A key sent back is stored as sent, as Graph stores it: a client that drops a property
                // (a display name, a date, the customKeyIdentifier) changes the key.
                return new KeyCredential(keyId, displayName, identifier, type, usage, start, end);
            }
        }
        if (type.equals(CERTIFICATE) || type.equals(CERTIFICATE_AND_PASSWORD)) {
            X509Certificate certificate = certificate(value);
            Instant notBefore = certificate.getNotBefore().toInstant();
            Instant notAfter = certificate.getNotAfter().toInstant();
            if ((start != null && start.isBefore(notBefore)) || (end != null && end.isAfter(notAfter))) {
                throw GraphError.badRequest("Key credential dates must lie within the certificate's validity ("
                        + notBefore + " to " + notAfter + ").");
            }
            start = start != null ? start : notBefore;
            end = end != null ? end : notAfter;
            displayName = displayName != null ? displayName : certificate.getSubjectX500Principal().getName();
            identifier = identifier != null ? identifier : KeyIdentifier.of(sha1(value));
        } else if (!type.equals("Symmetric")) {
            throw GraphError.badRequest("Unknown keyCredential type '" + type + "'.");
        }
        values.put(keyId, value);
        return new KeyCredential(keyId, displayName, identifier, type, usage, start, end);
    }

    private static X509Certificate certificate(byte[] der) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der));
        } catch (GeneralSecurityException e) {
            throw GraphError.badRequest("Property 'key' is not a DER X.509 certificate: " + e.getMessage());
        }
    }

    private static byte[] sha1(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-1").digest(bytes);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-1 is part of every JDK", e);
        }
    }

    private JsonNode object(byte[] body) {
        try {
            JsonNode node = json.readTree(body);
            if (node == null || !node.isObject()) {
                throw GraphError.badRequest("The request body must be a JSON object.");
            }
            return node;
        } catch (IOException e) {
            throw GraphError.badRequest("The request body is not JSON.");
        }
    }

    private static String text(JsonNode node, String name) {
        String value = optionalText(node, name);
        if (value == null) {
            throw GraphError.badRequest("Property '" + name + "' is required.");
        }
        return value;
    }

    private static @Nullable String optionalText(JsonNode node, String name) {
        JsonNode value = node.get(name);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static UUID uuid(JsonNode node, String name) {
        String text = text(node, name);
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw GraphError.badRequest("Property '" + name + "' is not a GUID: '" + text + "'.");
        }
    }

    private static @Nullable Instant instant(JsonNode node, String name) {
        String text = optionalText(node, name);
        try {
            return text == null ? null : Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw GraphError.badRequest("Property '" + name + "' is not an ISO-8601 instant: '" + text + "'.");
        }
    }

    private static byte[] base64(String text, String name) {
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw GraphError.badRequest("Property '" + name + "' is not Base64.");
        }
    }

    private static List<KeyCredential> append(List<KeyCredential> keys, KeyCredential key) {
        List<KeyCredential> all = new ArrayList<>(keys);
        all.add(key);
        return all;
    }

    /**
     * The passwords without the one removed. The password of a token-signing certificate is
     * refused: Graph reportedly fails that call (unverified), and a test double should fail loudly
     * where Graph may.
     */
    private static List<PasswordCredential> without(List<PasswordCredential> passwords, List<KeyCredential> keys,
            UUID keyId) {
        PasswordCredential removed = passwords.stream().filter(p -> p.keyId().equals(keyId)).findFirst()
                .orElseThrow(() -> new GraphError(404, "Request_ResourceNotFound",
                        "No password credential with keyId " + keyId + "."));
        boolean signing = keys.stream().filter(k -> "Sign".equals(k.usage())).anyMatch(k -> k.keyId().equals(keyId)
                || (removed.customKeyIdentifier() != null && !removed.customKeyIdentifier().isEmpty()
                        && removed.customKeyIdentifier().equals(k.customKeyIdentifier())));
        if (signing) {
            throw GraphError.badRequest("Password " + keyId + " opens a token-signing certificate: it is not a client"
                    + " secret and is removed with its key, not by removePassword.");
        }
        return passwords.stream().filter(p -> !p.keyId().equals(keyId)).toList();
    }
}
