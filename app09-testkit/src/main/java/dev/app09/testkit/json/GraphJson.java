package dev.app09.testkit.json;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.app09.core.model.AppManagementPolicy;
import dev.app09.core.model.AppManagementRestrictions;
import dev.app09.core.model.Application;
import dev.app09.core.model.CredentialSignIn;
import dev.app09.core.model.FederatedIdentityCredential;
import dev.app09.core.model.KeyCredential;
import dev.app09.core.model.KeyIdentifier;
import dev.app09.core.model.PasswordCredential;
import dev.app09.core.model.PasswordCredentialRestriction;
import dev.app09.core.model.ServicePrincipal;
import java.io.IOException;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Writes core objects as the JSON Microsoft Graph returns for them: camelCase names, ISO-8601
 * instants, binaries in standard Base64, {@code secretText} always null. Each method writes one
 * object to a streaming generator, so a page of any size costs no more memory than one object.
 */
public final class GraphJson {

    /** The application properties app09 selects, in Graph's order. */
    public static final List<String> APPLICATION_PROPERTIES = List.of("id", "appId", "displayName",
            "createdDateTime", "signInAudience", "passwordCredentials", "keyCredentials");

    /** The service principal properties app09 selects, in Graph's order. */
    public static final List<String> SERVICE_PRINCIPAL_PROPERTIES = List.of("id", "appId", "displayName",
            "servicePrincipalType", "appOwnerOrganizationId", "preferredSingleSignOnMode",
            "preferredTokenSigningKeyThumbprint", "passwordCredentials", "keyCredentials");

    /** The relationship {@code $expand} can add to an application. */
    public static final String FEDERATED_IDENTITY_CREDENTIALS = "federatedIdentityCredentials";

    /** The id of the default app management policy (Graph uses the tenant's zero GUID). */
    public static final String DEFAULT_POLICY_ID = "00000000-0000-0000-0000-000000000000";

    private GraphJson() {
    }

    /**
     * Writes an application.
     *
     * @param out where to write
     * @param app the application
     * @param properties the properties to write ({@code $select}), in any order
     * @param expandFederated whether to add {@code federatedIdentityCredentials}
     * @param keyValues the certificate bytes of a key id, or null; Graph returns {@code key} only
     *     when asked, so null writes {@code "key": null}
     * @throws IOException when the generator cannot write
     */
    public static void application(JsonGenerator out, Application app, Collection<String> properties,
            boolean expandFederated, @Nullable Function<UUID, byte @Nullable []> keyValues) throws IOException {
        out.writeStartObject();
        for (String property : APPLICATION_PROPERTIES) {
            if (!properties.contains(property)) {
                continue;
            }
            switch (property) {
                case "id" -> out.writeStringField("id", app.id().toString());
                case "appId" -> out.writeStringField("appId", app.appId().toString());
                case "displayName" -> out.writeStringField("displayName", app.displayName());
                case "createdDateTime" -> instant(out, "createdDateTime", app.createdDateTime());
                case "signInAudience" -> string(out, "signInAudience", app.signInAudience());
                case "passwordCredentials" -> passwords(out, app.passwordCredentials());
                case "keyCredentials" -> keys(out, app.keyCredentials(), keyValues);
                default -> throw new IllegalStateException(property);
            }
        }
        if (expandFederated) {
            out.writeArrayFieldStart(FEDERATED_IDENTITY_CREDENTIALS);
            for (FederatedIdentityCredential credential : app.federatedIdentityCredentials()) {
                federated(out, credential);
            }
            out.writeEndArray();
        }
        out.writeEndObject();
    }

    /**
     * Writes a service principal.
     *
     * @param out where to write
     * @param sp the service principal
     * @param properties the properties to write ({@code $select}), in any order
     * @throws IOException when the generator cannot write
     */
    public static void servicePrincipal(JsonGenerator out, ServicePrincipal sp, Collection<String> properties)
            throws IOException {
        out.writeStartObject();
        for (String property : SERVICE_PRINCIPAL_PROPERTIES) {
            if (!properties.contains(property)) {
                continue;
            }
            switch (property) {
                case "id" -> out.writeStringField("id", sp.id().toString());
                case "appId" -> out.writeStringField("appId", sp.appId().toString());
                case "displayName" -> out.writeStringField("displayName", sp.displayName());
                case "servicePrincipalType" -> string(out, "servicePrincipalType", sp.servicePrincipalType());
                case "appOwnerOrganizationId" -> uuid(out, "appOwnerOrganizationId", sp.appOwnerOrganizationId());
                case "preferredSingleSignOnMode" ->
                        string(out, "preferredSingleSignOnMode", sp.preferredSingleSignOnMode());
                case "preferredTokenSigningKeyThumbprint" ->
                        string(out, "preferredTokenSigningKeyThumbprint", sp.preferredTokenSigningKeyThumbprint());
                case "passwordCredentials" -> passwords(out, sp.passwordCredentials());
                case "keyCredentials" -> keys(out, sp.keyCredentials(), null);
                default -> throw new IllegalStateException(property);
            }
        }
        out.writeEndObject();
    }

    /**
     * Writes a federated identity credential.
     *
     * @param out where to write
     * @param credential the credential
     * @throws IOException when the generator cannot write
     */
    public static void federated(JsonGenerator out, FederatedIdentityCredential credential) throws IOException {
        out.writeStartObject();
        string(out, "id", credential.id());
        out.writeStringField("name", credential.name());
        out.writeStringField("issuer", credential.issuer());
        out.writeStringField("subject", credential.subject());
        out.writeNullField("description");
        out.writeArrayFieldStart("audiences");
        for (String audience : credential.audiences()) {
            out.writeString(audience);
        }
        out.writeEndArray();
        out.writeEndObject();
    }

    /**
     * Writes the default app management policy.
     *
     * @param out where to write
     * @param policy the policy
     * @throws IOException when the generator cannot write
     */
    public static void appManagementPolicy(JsonGenerator out, AppManagementPolicy policy) throws IOException {
        out.writeStartObject();
        out.writeStringField("id", DEFAULT_POLICY_ID);
        out.writeStringField("displayName", "Default app management policy");
        out.writeBooleanField("isEnabled", policy.isEnabled());
        restrictions(out, "applicationRestrictions", policy.applicationRestrictions());
        restrictions(out, "servicePrincipalRestrictions", policy.servicePrincipalRestrictions());
        out.writeEndObject();
    }

    /**
     * Writes one row of the beta {@code appCredentialSignInActivities} report.
     *
     * @param out where to write
     * @param signIn the row
     * @throws IOException when the generator cannot write
     */
    public static void signInActivity(JsonGenerator out, CredentialSignIn signIn) throws IOException {
        out.writeStartObject();
        out.writeStringField("id", signIn.keyId().toString());
        out.writeStringField("keyId", signIn.keyId().toString());
        string(out, "keyType", signIn.keyType());
        out.writeStringField("keyUsage", "verify");
        uuid(out, "appId", signIn.appId());
        string(out, "credentialOrigin", signIn.credentialOrigin());
        out.writeObjectFieldStart("signInActivity");
        instant(out, "lastSignInDateTime", signIn.lastSignIn());
        out.writeEndObject();
        out.writeEndObject();
    }

    /**
     * Writes Graph's error body: {@code {"error":{"code", "message", "innerError":{...}}}}.
     *
     * @param out where to write
     * @param code Graph's error code (for example {@code Request_BadRequest})
     * @param message the message
     * @param requestId the server's request id, echoed in {@code innerError}
     * @param clientRequestId the client's request id (the server's when the client sent none)
     * @param date when the error happened
     * @throws IOException when the generator cannot write
     */
    public static void error(JsonGenerator out, String code, String message, String requestId, String clientRequestId,
            Instant date) throws IOException {
        out.writeStartObject();
        out.writeObjectFieldStart("error");
        out.writeStringField("code", code);
        out.writeStringField("message", message);
        out.writeObjectFieldStart("innerError");
        out.writeStringField("date", date.toString());
        out.writeStringField("request-id", requestId);
        out.writeStringField("client-request-id", clientRequestId);
        out.writeEndObject();
        out.writeEndObject();
        out.writeEndObject();
    }

    private static void passwords(JsonGenerator out, List<PasswordCredential> passwords) throws IOException {
        out.writeArrayFieldStart("passwordCredentials");
        for (PasswordCredential password : passwords) {
            out.writeStartObject();
            keyIdentifier(out, password.customKeyIdentifier());
            string(out, "displayName", password.displayName());
            instant(out, "endDateTime", password.endDateTime());
            string(out, "hint", password.hint());
            out.writeStringField("keyId", password.keyId().toString());
            out.writeNullField("secretText");
            instant(out, "startDateTime", password.startDateTime());
            out.writeEndObject();
        }
        out.writeEndArray();
    }

    private static void keys(JsonGenerator out, List<KeyCredential> keys,
            @Nullable Function<UUID, byte @Nullable []> keyValues) throws IOException {
        out.writeArrayFieldStart("keyCredentials");
        for (KeyCredential key : keys) {
            keyCredential(out, key, keyValues == null ? null : keyValues.apply(key.keyId()));
        }
        out.writeEndArray();
    }

    /**
     * Writes one key credential.
     *
     * @param out where to write
     * @param key the key credential
     * @param value its certificate bytes, or null to write {@code "key": null} as Graph does on lists
     * @throws IOException when the generator cannot write
     */
    public static void keyCredential(JsonGenerator out, KeyCredential key, byte @Nullable [] value) throws IOException {
        out.writeStartObject();
        keyIdentifier(out, key.customKeyIdentifier());
        string(out, "displayName", key.displayName());
        instant(out, "endDateTime", key.endDateTime());
        string(out, "key", value == null ? null : Base64.getEncoder().encodeToString(value));
        out.writeStringField("keyId", key.keyId().toString());
        instant(out, "startDateTime", key.startDateTime());
        string(out, "type", key.type());
        string(out, "usage", key.usage());
        out.writeEndObject();
    }

    private static void restrictions(JsonGenerator out, String name, AppManagementRestrictions restrictions)
            throws IOException {
        out.writeObjectFieldStart(name);
        out.writeArrayFieldStart("passwordCredentials");
        for (PasswordCredentialRestriction restriction : restrictions.passwordCredentials()) {
            out.writeStartObject();
            out.writeStringField("restrictionType", restriction.restrictionType());
            string(out, "state", restriction.state());
            string(out, "maxLifetime", restriction.maxLifetime());
            instant(out, "restrictForAppsCreatedAfterDateTime", restriction.restrictForAppsCreatedAfterDateTime());
            out.writeEndObject();
        }
        out.writeEndArray();
        out.writeArrayFieldStart("keyCredentials");
        out.writeEndArray();
        out.writeEndObject();
    }

    private static void keyIdentifier(JsonGenerator out, @Nullable KeyIdentifier identifier) throws IOException {
        string(out, "customKeyIdentifier", identifier == null ? null : identifier.toBase64());
    }

    private static void string(JsonGenerator out, String name, @Nullable String value) throws IOException {
        if (value == null) {
            out.writeNullField(name);
        } else {
            out.writeStringField(name, value);
        }
    }

    private static void uuid(JsonGenerator out, String name, @Nullable UUID value) throws IOException {
        string(out, name, value == null ? null : value.toString());
    }

    private static void instant(JsonGenerator out, String name, @Nullable Instant value) throws IOException {
        string(out, name, value == null ? null : value.toString());
    }
}
