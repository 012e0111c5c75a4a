package dev.app09.graph.json;

import com.fasterxml.jackson.core.JsonToken;
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
import dev.app09.graph.BadInputException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Maps one Graph object at the cursor to a core record. Unknown properties are skipped (Graph adds
 * them over time); PowerShell's {@code AdditionalProperties} are read as if they stood beside the
 * others; {@code secretText} and {@code key} are skipped unread.
 */
final class GraphObjects {

    private static final String ADDITIONAL_PROPERTIES = "additionalproperties";

    private GraphObjects() {
    }

    static Application application(JsonCursor in) {
        JsonCursor.Position at = in.position();
        var a = new DirectoryObject("application") {
            @Nullable Instant created;
            @Nullable String audience;
            List<FederatedIdentityCredential> federated = List.of();
        };
        JsonCursor.FieldHandler fields = new JsonCursor.FieldHandler() {
            @Override
            public void field(String name) {
                switch (name) {
                    case "createddatetime" -> a.created = in.instant("createdDateTime");
                    case "signinaudience" -> a.audience = in.string("signInAudience");
                    case "federatedidentitycredentials" ->
                            a.federated = in.array("federatedIdentityCredentials", () -> federated(in));
                    case "federatedidentitycredentials@odata.nextlink" -> throw pagedFederated(in);
                    case ADDITIONAL_PROPERTIES -> additional(in, this);
                    default -> a.field(in, name);
                }
            }
        };
        in.object("an application", fields);
        return new Application(a.id(in, at), a.appId(in, at), a.displayName(), a.created, a.audience,
                a.passwords, a.keys, a.federated);
    }

    static ServicePrincipal servicePrincipal(JsonCursor in) {
        JsonCursor.Position at = in.position();
        var s = new DirectoryObject("service principal") {
            @Nullable String type;
            @Nullable UUID owner;
            @Nullable String ssoMode;
            @Nullable String signingThumbprint;
        };
        JsonCursor.FieldHandler fields = new JsonCursor.FieldHandler() {
            @Override
            public void field(String name) {
                switch (name) {
                    case "serviceprincipaltype" -> s.type = in.string("servicePrincipalType");
                    case "appownerorganizationid" -> s.owner = in.uuid("appOwnerOrganizationId");
                    case "preferredsinglesignonmode" -> s.ssoMode = in.string("preferredSingleSignOnMode");
                    case "preferredtokensigningkeythumbprint" ->
                            s.signingThumbprint = in.string("preferredTokenSigningKeyThumbprint");
                    case ADDITIONAL_PROPERTIES -> additional(in, this);
                    default -> s.field(in, name);
                }
            }
        };
        in.object("a service principal", fields);
        return new ServicePrincipal(s.id(in, at), s.appId(in, at), s.displayName(), s.type, s.owner, s.ssoMode,
                s.signingThumbprint, s.passwords, s.keys);
    }

    /** What applications and service principals share: ids, name and the two credential lists. */
    private static class DirectoryObject {
        private final String what;
        @Nullable UUID id;
        @Nullable UUID appId;
        @Nullable String displayName;
        List<PasswordCredential> passwords = List.of();
        List<KeyCredential> keys = List.of();

        DirectoryObject(String what) {
            this.what = what;
        }

        /** Reads a shared property, or skips one nobody needs. */
        void field(JsonCursor in, String name) {
            switch (name) {
                case "id" -> id = in.uuid("the " + what + "'s id");
                case "appid" -> appId = in.uuid("the " + what + "'s appId");
                case "displayname" -> displayName = in.string("the " + what + "'s displayName");
                case "passwordcredentials" -> passwords = in.array("passwordCredentials", () -> password(in));
                case "keycredentials" -> keys = in.array("keyCredentials", () -> key(in));
                default -> in.skip();
            }
        }

        UUID id(JsonCursor in, JsonCursor.Position at) {
            return required(in, at, id, "id", what);
        }

        UUID appId(JsonCursor in, JsonCursor.Position at) {
            return required(in, at, appId, "appId", what);
        }

        /** Graph requires a display name; an export without one still names the workload by appId. */
        String displayName() {
            return displayName != null ? displayName : String.valueOf(appId);
        }
    }

    /** A password credential; no value of it is quoted beyond three characters in an error (any could be a secret). */
    static PasswordCredential password(JsonCursor in) {
        return in.quotingAsAHint(() -> readPassword(in));
    }

    private static PasswordCredential readPassword(JsonCursor in) {
        JsonCursor.Position at = in.position();
        var p = new Credential("password credential") {
            @Nullable String hint;
        };
        JsonCursor.FieldHandler fields = new JsonCursor.FieldHandler() {
            @Override
            public void field(String name) {
                switch (name) {
                    case "hint" -> p.hint = in.string("hint");
                    case ADDITIONAL_PROPERTIES -> additional(in, this);
                    default -> p.field(in, name); // secretText among them: skipped, never read
                }
            }
        };
        in.object("a password credential", fields);
        return new PasswordCredential(p.keyId(in, at), p.displayName, p.hint, p.customKeyIdentifier(), p.start, p.end);
    }

    static KeyCredential key(JsonCursor in) {
        JsonCursor.Position at = in.position();
        var k = new Credential("key credential") {
            @Nullable String type;
            @Nullable String usage;
        };
        JsonCursor.FieldHandler fields = new JsonCursor.FieldHandler() {
            @Override
            public void field(String name) {
                switch (name) {
                    case "type" -> k.type = in.string("a key credential's type");
                    case "usage" -> k.usage = in.string("a key credential's usage");
                    case ADDITIONAL_PROPERTIES -> additional(in, this);
                    default -> k.field(in, name); // the certificate itself ("key") is not needed to judge
                }
            }
        };
        in.object("a key credential", fields);
        return new KeyCredential(k.keyId(in, at), k.displayName, k.customKeyIdentifier(), k.type, k.usage, k.start, k.end);
    }

    /** What password and key credentials share: keyId, name, key identifier and dates. */
    private static class Credential {
        private final String what;
        @Nullable UUID keyId;
        @Nullable String displayName;
        byte @Nullable [] customKeyIdentifier;
        @Nullable Instant start;
        @Nullable Instant end;

        Credential(String what) {
            this.what = what;
        }

        /** Reads a shared property, or skips one nobody needs. */
        void field(JsonCursor in, String name) {
            switch (name) {
                case "keyid" -> keyId = in.uuid("a " + what + "'s keyId");
                case "displayname" -> displayName = in.string("a " + what + "'s displayName");
                case "customkeyidentifier" -> customKeyIdentifier = in.binary("customKeyIdentifier");
                case "startdatetime" -> start = in.instant("startDateTime");
                case "enddatetime" -> end = in.instant("endDateTime");
                default -> in.skip();
            }
        }

        UUID keyId(JsonCursor in, JsonCursor.Position at) {
            return required(in, at, keyId, "keyId", what);
        }

        @Nullable KeyIdentifier customKeyIdentifier() {
            return customKeyIdentifier == null ? null : KeyIdentifier.of(customKeyIdentifier);
        }
    }

    static FederatedIdentityCredential federated(JsonCursor in) {
        JsonCursor.Position at = in.position();
        var f = new Object() {
            @Nullable String id;
            @Nullable String name;
            @Nullable String issuer;
            @Nullable String subject;
            List<String> audiences = List.of();
        };
        JsonCursor.FieldHandler fields = new JsonCursor.FieldHandler() {
            @Override
            public void field(String field) {
                switch (field) {
                    case "id" -> f.id = in.string("a federated credential's id");
                    case "name" -> f.name = in.string("a federated credential's name");
                    case "issuer" -> f.issuer = in.string("issuer");
                    case "subject" -> f.subject = in.string("subject");
                    case "audiences" -> f.audiences = in.strings("audiences");
                    case ADDITIONAL_PROPERTIES -> additional(in, this);
                    default -> in.skip();
                }
            }
        };
        in.object("a federated identity credential", fields);
        String what = "federated identity credential";
        return new FederatedIdentityCredential(f.id, required(in, at, f.name, "name", what),
                required(in, at, f.issuer, "issuer", what), required(in, at, f.subject, "subject", what), f.audiences);
    }

    /** An object's id alone: what the federated-credential filter query selects. */
    static UUID objectId(JsonCursor in) {
        JsonCursor.Position at = in.position();
        var o = new Object() {
            @Nullable UUID id;
        };
        in.object("an object with an id", name -> {
            if (name.equals("id")) {
                o.id = in.uuid("the object's id");
            } else {
                in.skip();
            }
        });
        return required(in, at, o.id, "id", "object");
    }

    /** An expansion Graph paged: the credentials beyond its first page would be missed. */
    private static BadInputException pagedFederated(JsonCursor in) {
        return in.error("this application's federatedIdentityCredentials are paged (a nested @odata.nextLink): "
                + "app09 cannot read them whole this way, and would miss federated credentials");
    }

    /** An application's id with its expanded federated credentials: what the federated cross-check reads. */
    static Map.Entry<UUID, List<FederatedIdentityCredential>> federation(JsonCursor in) {
        JsonCursor.Position at = in.position();
        var o = new Object() {
            @Nullable UUID id;
            @Nullable List<FederatedIdentityCredential> federated;
        };
        in.object("an application with its federated credentials", name -> {
            switch (name) {
                case "id" -> o.id = in.uuid("the application's id");
                case "federatedidentitycredentials" ->
                        o.federated = in.array("federatedIdentityCredentials", () -> federated(in));
                case "federatedidentitycredentials@odata.nextlink" -> throw pagedFederated(in);
                default -> in.skip();
            }
        });
        return Map.entry(required(in, at, o.id, "id", "application"),
                required(in, at, o.federated, "federatedIdentityCredentials", "application"));
    }

    /**
     * A row of the beta credential sign-in report, read leniently: Graph's documented examples
     * disagree with its schema (keyType "secret" or "clientSecret", expirationDate or
     * expirationDateTime), and the last sign-in may sit in {@code signInActivity} or beside it.
     */
    static CredentialSignIn signIn(JsonCursor in) {
        JsonCursor.Position at = in.position();
        var r = new Object() {
            @Nullable UUID keyId;
            @Nullable UUID appId;
            @Nullable String keyType;
            @Nullable String origin;
            @Nullable Instant lastSignIn;
        };
        JsonCursor.FieldHandler fields = new JsonCursor.FieldHandler() {
            @Override
            public void field(String name) {
                switch (name) {
                    case "keyid" -> r.keyId = in.uuid("a sign-in row's keyId");
                    case "appid" -> r.appId = in.uuid("a sign-in row's appId");
                    case "keytype" -> r.keyType = in.string("keyType");
                    case "credentialorigin" -> r.origin = in.string("credentialOrigin");
                    case "lastsignindatetime" -> r.lastSignIn = latest(r.lastSignIn, in.instant("lastSignInDateTime"));
                    case "signinactivity" -> {
                        if (in.token() == JsonToken.VALUE_NULL) {
                            return;
                        }
                        in.object("signInActivity", inner -> {
                            if (inner.equals("lastsignindatetime")) {
                                r.lastSignIn = latest(r.lastSignIn, in.instant("lastSignInDateTime"));
                            } else {
                                in.skip();
                            }
                        });
                    }
                    case ADDITIONAL_PROPERTIES -> additional(in, this);
                    default -> in.skip();
                }
            }
        };
        in.object("a credential sign-in row", fields);
        return new CredentialSignIn(required(in, at, r.keyId, "keyId", "credential sign-in row"), r.appId,
                normaliseKeyType(r.keyType), r.origin, r.lastSignIn);
    }

    /** Graph's error body: {@code {"error": {"code": ..., "message": ...}}}. */
    static Optional<String> error(JsonCursor in) {
        var e = new Object() {
            @Nullable String code;
            @Nullable String message;
        };
        in.object("an error body", name -> {
            if (name.equals("error") && in.token() == JsonToken.START_OBJECT) {
                in.object("an error", inner -> {
                    switch (inner) {
                        case "code" -> e.code = in.string("code");
                        case "message" -> e.message = in.string("message");
                        default -> in.skip();
                    }
                });
            } else {
                in.skip();
            }
        });
        if (e.code == null && e.message == null) {
            return Optional.empty();
        }
        return Optional.of(e.code == null ? e.message : e.message == null ? e.code : e.code + ": " + e.message);
    }

    static AppManagementPolicy policy(JsonCursor in) {
        var p = new Object() {
            boolean enabled;
            AppManagementRestrictions application = AppManagementRestrictions.NONE;
            AppManagementRestrictions servicePrincipal = AppManagementRestrictions.NONE;
        };
        JsonCursor.FieldHandler fields = new JsonCursor.FieldHandler() {
            @Override
            public void field(String name) {
                switch (name) {
                    case "isenabled" -> p.enabled = in.bool("isEnabled");
                    case "applicationrestrictions" -> p.application = restrictions(in, "applicationRestrictions");
                    case "serviceprincipalrestrictions" ->
                            p.servicePrincipal = restrictions(in, "servicePrincipalRestrictions");
                    case ADDITIONAL_PROPERTIES -> additional(in, this);
                    default -> in.skip();
                }
            }
        };
        in.object("the default app management policy", fields);
        return new AppManagementPolicy(p.enabled, p.application, p.servicePrincipal);
    }

    private static AppManagementRestrictions restrictions(JsonCursor in, String what) {
        if (in.token() == JsonToken.VALUE_NULL) {
            return AppManagementRestrictions.NONE;
        }
        List<PasswordCredentialRestriction> passwords = new ArrayList<>();
        in.object(what, name -> {
            if (name.equals("passwordcredentials")) {
                passwords.addAll(in.array(what + ".passwordCredentials", () -> restriction(in)));
            } else {
                in.skip();
            }
        });
        return new AppManagementRestrictions(passwords);
    }

    private static PasswordCredentialRestriction restriction(JsonCursor in) {
        JsonCursor.Position at = in.position();
        var r = new Object() {
            @Nullable String type;
            @Nullable String state;
            @Nullable String maxLifetime;
            @Nullable Instant after;
        };
        in.object("a password credential restriction", name -> {
            switch (name) {
                case "restrictiontype" -> r.type = in.string("restrictionType");
                case "state" -> r.state = in.string("state");
                case "maxlifetime" -> r.maxLifetime = lifetime(in);
                case "restrictforappscreatedafterdatetime" -> r.after = in.instant("restrictForAppsCreatedAfterDateTime");
                default -> in.skip();
            }
        });
        return new PasswordCredentialRestriction(required(in, at, r.type, "restrictionType", "restriction"),
                r.state, r.maxLifetime, r.after);
    }

    /** An ISO-8601 duration as Graph writes it, or the TimeSpan object PowerShell writes ({@code {"Ticks": ...}}). */
    private static @Nullable String lifetime(JsonCursor in) {
        if (in.token() != JsonToken.START_OBJECT) {
            return in.string("maxLifetime");
        }
        JsonCursor.Position at = in.position();
        var span = new Object() {
            @Nullable Long ticks;
        };
        in.object("maxLifetime", name -> {
            if (name.equals("ticks")) {
                span.ticks = in.integer("maxLifetime's Ticks");
            } else {
                in.skip();
            }
        });
        long ticks = required(in, at, span.ticks, "Ticks", "TimeSpan");
        // A tick is 100 ns.
        return Duration.ofSeconds(ticks / 10_000_000, ticks % 10_000_000 * 100).toString();
    }

    /** PowerShell's bag of properties its model lacks: read as if they stood beside the others. */
    private static void additional(JsonCursor in, JsonCursor.FieldHandler fields) {
        if (in.token() == JsonToken.VALUE_NULL) {
            return;
        }
        in.mergedObject("AdditionalProperties", fields);
    }

    private static <T> T required(JsonCursor in, JsonCursor.Position at, @Nullable T value, String property, String what) {
        if (value == null) {
            throw in.error(at, "expected \"" + property + "\" on this " + what + "; it is missing or null");
        }
        return value;
    }

    private static @Nullable Instant latest(@Nullable Instant a, @Nullable Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }

    private static @Nullable String normaliseKeyType(@Nullable String keyType) {
        return "secret".equalsIgnoreCase(keyType) ? "clientSecret" : keyType;
    }
}
