package dev.app09.graph.json;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.app09.core.model.Application;
import dev.app09.core.model.FederatedIdentityCredential;
import dev.app09.core.model.KeyCredential;
import dev.app09.core.model.KeyIdentifier;
import dev.app09.core.model.PasswordCredential;
import dev.app09.core.model.ServicePrincipal;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Writes core records back as the Graph JSON {@link GraphObjects} reads: the properties app09
 * selects, nothing else. Only what Graph itself shows is written: no secret value exists in the
 * model to write.
 */
final class GraphObjectWriter {

    private GraphObjectWriter() {
    }

    static void application(JsonGenerator json, Application a) throws IOException {
        json.writeStartObject();
        json.writeStringField("id", a.id().toString());
        json.writeStringField("appId", a.appId().toString());
        json.writeStringField("displayName", a.displayName());
        instant(json, "createdDateTime", a.createdDateTime());
        string(json, "signInAudience", a.signInAudience());
        passwords(json, a.passwordCredentials());
        keys(json, a.keyCredentials());
        json.writeArrayFieldStart("federatedIdentityCredentials");
        for (FederatedIdentityCredential f : a.federatedIdentityCredentials()) {
            json.writeStartObject();
            string(json, "id", f.id());
            json.writeStringField("name", f.name());
            json.writeStringField("issuer", f.issuer());
            json.writeStringField("subject", f.subject());
            json.writeArrayFieldStart("audiences");
            for (String audience : f.audiences()) {
                json.writeString(audience);
            }
            json.writeEndArray();
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    static void servicePrincipal(JsonGenerator json, ServicePrincipal s) throws IOException {
        json.writeStartObject();
        json.writeStringField("id", s.id().toString());
        json.writeStringField("appId", s.appId().toString());
        json.writeStringField("displayName", s.displayName());
        string(json, "servicePrincipalType", s.servicePrincipalType());
        uuid(json, "appOwnerOrganizationId", s.appOwnerOrganizationId());
        string(json, "preferredSingleSignOnMode", s.preferredSingleSignOnMode());
        string(json, "preferredTokenSigningKeyThumbprint", s.preferredTokenSigningKeyThumbprint());
        passwords(json, s.passwordCredentials());
        keys(json, s.keyCredentials());
        json.writeEndObject();
    }

    private static void passwords(JsonGenerator json, List<PasswordCredential> passwords) throws IOException {
        json.writeArrayFieldStart("passwordCredentials");
        for (PasswordCredential p : passwords) {
            json.writeStartObject();
            json.writeStringField("keyId", p.keyId().toString());
            string(json, "displayName", p.displayName());
            string(json, "hint", p.hint());
            keyIdentifier(json, p.customKeyIdentifier());
            instant(json, "startDateTime", p.startDateTime());
            instant(json, "endDateTime", p.endDateTime());
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    private static void keys(JsonGenerator json, List<KeyCredential> keys) throws IOException {
        json.writeArrayFieldStart("keyCredentials");
        for (KeyCredential k : keys) {
            json.writeStartObject();
            json.writeStringField("keyId", k.keyId().toString());
            string(json, "displayName", k.displayName());
            keyIdentifier(json, k.customKeyIdentifier());
            string(json, "type", k.type());
            string(json, "usage", k.usage());
            instant(json, "startDateTime", k.startDateTime());
            instant(json, "endDateTime", k.endDateTime());
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    private static void keyIdentifier(JsonGenerator json, @Nullable KeyIdentifier id) throws IOException {
        string(json, "customKeyIdentifier", id == null ? null : id.toBase64());
    }

    private static void instant(JsonGenerator json, String name, @Nullable Instant value) throws IOException {
        string(json, name, value == null ? null : value.toString());
    }

    private static void uuid(JsonGenerator json, String name, @Nullable UUID value) throws IOException {
        string(json, name, value == null ? null : value.toString());
    }

    private static void string(JsonGenerator json, String name, @Nullable String value) throws IOException {
        if (value == null) {
            json.writeNullField(name);
        } else {
            json.writeStringField(name, value);
        }
    }
}
