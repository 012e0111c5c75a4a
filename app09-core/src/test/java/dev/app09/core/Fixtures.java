package dev.app09.core;

import dev.app09.core.model.Application;
import dev.app09.core.model.FederatedIdentityCredential;
import dev.app09.core.model.KeyCredential;
import dev.app09.core.model.KeyIdentifier;
import dev.app09.core.model.PasswordCredential;
import dev.app09.core.model.ServicePrincipal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Small, explicit builders for core's own tests (core cannot use app09-testkit, which depends on
 * it). Every date is relative to {@link #AS_OF}.
 */
public final class Fixtures {

    public static final Instant AS_OF = Instant.parse("2026-06-01T00:00:00Z");

    private Fixtures() {
    }

    public static Instant daysAgo(long days) {
        return AS_OF.minus(Duration.ofDays(days));
    }

    public static Instant inDays(long days) {
        return AS_OF.plus(Duration.ofDays(days));
    }

    public static UUID id(int n) {
        return new UUID(0x0A09L, n);
    }

    public static PasswordCredential secret(@Nullable Instant start, @Nullable Instant end) {
        return new PasswordCredential(UUID.randomUUID(), "secret", "abc", null, start, end);
    }

    /** A secret that started 10 days ago and ends in 80 (a 90-day lifetime). */
    public static PasswordCredential liveSecret() {
        return secret(daysAgo(10), inDays(80));
    }

    public static PasswordCredential expiredSecret() {
        return secret(daysAgo(100), daysAgo(10));
    }

    public static KeyCredential key(String type, String usage, @Nullable Instant start, @Nullable Instant end) {
        return new KeyCredential(UUID.randomUUID(), "key", null, type, usage, start, end);
    }

    public static KeyCredential certificate(@Nullable Instant start, @Nullable Instant end) {
        return key("AsymmetricX509Cert", "Verify", start, end);
    }

    /** A certificate that started 100 days ago and ends in a year. */
    public static KeyCredential activeCertificate() {
        return certificate(daysAgo(100), inDays(365));
    }

    public static KeyCredential expiredCertificate() {
        return certificate(daysAgo(400), daysAgo(35));
    }

    public static KeyCredential symmetricKey(@Nullable Instant start, @Nullable Instant end) {
        return key("Symmetric", "Verify", start, end);
    }

    public static FederatedIdentityCredential federated() {
        return new FederatedIdentityCredential(UUID.randomUUID().toString(), "github-main",
                "https://token.actions.githubusercontent.com", "repo:contoso/app:ref:refs/heads/main",
                List.of("api://AzureADTokenExchange"));
    }

    /** The three credentials Entra adds for a SAML signing certificate: all share customKeyIdentifier. */
    public static List<Object> samlTriple(Instant start, Instant end) {
        KeyIdentifier thumbprint = KeyIdentifier.of(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20});
        UUID signKeyId = UUID.randomUUID();
        return List.of(
                new KeyCredential(signKeyId, "CN=saml", thumbprint, "AsymmetricX509Cert", "Sign", start, end),
                new KeyCredential(UUID.randomUUID(), "CN=saml", thumbprint, "AsymmetricX509Cert", "Verify", start, end),
                new PasswordCredential(signKeyId, "CN=saml", null, thumbprint, start, end));
    }

    public static Application app(UUID appId, String name, Object... credentials) {
        return new Application(UUID.randomUUID(), appId, name, daysAgo(1000), "AzureADMyOrg",
                of(PasswordCredential.class, credentials), of(KeyCredential.class, credentials),
                of(FederatedIdentityCredential.class, credentials));
    }

    public static ServicePrincipal sp(UUID appId, String name, @Nullable UUID owner, Object... credentials) {
        return sp(appId, name, "Application", owner, credentials);
    }

    public static ServicePrincipal sp(UUID appId, String name, String type, @Nullable UUID owner, Object... credentials) {
        return new ServicePrincipal(UUID.randomUUID(), appId, name, type, owner, null, null,
                of(PasswordCredential.class, credentials), of(KeyCredential.class, credentials));
    }

    private static <T> List<T> of(Class<T> type, Object... credentials) {
        List<T> out = new ArrayList<>();
        for (Object c : credentials) {
            if (c instanceof List<?> list) {
                out.addAll(of(type, list.toArray()));
            } else if (type.isInstance(c)) {
                out.add(type.cast(c));
            }
        }
        return out;
    }
}
