package dev.app09.testkit.tenant;

import static java.util.Objects.requireNonNull;

import dev.app09.core.model.AppManagementPolicy;
import dev.app09.core.model.Application;
import dev.app09.core.model.FederatedIdentityCredential;
import dev.app09.core.model.KeyCredential;
import dev.app09.core.model.KeyIdentifier;
import dev.app09.core.model.PasswordCredential;
import dev.app09.core.model.ServicePrincipal;
import dev.app09.core.model.SignInEvidence;
import dev.app09.core.rules.Policy;
import dev.app09.testkit.TestClock;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * A large tenant for benchmarks and scale tests, computed object by object from a seed and a
 * position: nothing is held in memory, so a million applications cost what one does. The same
 * seed gives the same tenant. Object ids encode the position, so lookups by id are O(1).
 *
 * <p>The mix, per application: 30% secrets only, 15% a certificate, 10% a certificate beside a
 * secret, 10% federated, 5% federated beside a secret, 5% a SAML application, 5% only expired
 * credentials, 3% a secret on the service principal, the rest no credential. Service principals
 * beyond the applications are Microsoft's (60%, no credentials), external (30%, a tenth of them
 * with a secret) or managed identities (10%).
 *
 * <pre>{@code
 * GeneratedTenant tenant = GeneratedTenant.of(1_000_000, 1_200_000, 42);
 * try (FakeGraphServer graph = FakeGraphServer.start(tenant)) { ... }
 * }</pre>
 */
public final class GeneratedTenant implements TenantSource {

    private static final long APPLICATION = 0x0A09_0001L << 32;
    private static final long APP_ID = 0x0A09_0002L << 32;
    private static final long SERVICE_PRINCIPAL = 0x0A09_0003L << 32;
    private static final long KEY = 0x0A09_0004L << 32;

    private final int applications;
    private final int servicePrincipals;
    private final long seed;
    private final Instant now;
    private final UUID tenantId;
    private final boolean shuffled;
    private final long multiplier;

    private GeneratedTenant(int applications, int servicePrincipals, long seed, Instant now) {
        this(applications, servicePrincipals, seed, now, false);
    }

    private GeneratedTenant(int applications, int servicePrincipals, long seed, Instant now, boolean shuffled) {
        if (applications < 0 || servicePrincipals < 0) {
            throw new IllegalArgumentException("counts cannot be negative");
        }
        this.applications = applications;
        this.servicePrincipals = servicePrincipals;
        this.seed = seed;
        this.now = requireNonNull(now, "now");
        this.tenantId = new UUID(0x0A09_0000L << 32 | (seed & 0xFFFF_FFFFL), seed);
        this.shuffled = shuffled;
        long a = 1_000_003L;
        while (servicePrincipals > 1 && BigInteger.valueOf(a).gcd(BigInteger.valueOf(servicePrincipals)).intValue() != 1) {
            a += 2;
        }
        this.multiplier = a;
    }

    /**
     * @param applications how many applications (each also gets a service principal, while there
     *     are enough)
     * @param servicePrincipals how many service principals in all
     * @param seed the seed
     * @return the tenant, dated at {@link TestClock#DEFAULT_INSTANT}
     */
    public static GeneratedTenant of(int applications, int servicePrincipals, long seed) {
        return new GeneratedTenant(applications, servicePrincipals, seed, TestClock.DEFAULT_INSTANT);
    }

    /**
     * @param instant the instant every relative date is counted from
     * @return the same tenant dated elsewhere
     */
    public GeneratedTenant at(Instant instant) {
        return new GeneratedTenant(applications, servicePrincipals, seed, instant, shuffled);
    }

    /**
     * The same tenant with its service principals listed in another order, unrelated to their
     * applications' (as Graph lists both by object id): position {@code p} holds the service
     * principal that is otherwise at {@code (a * p + 7) mod n}, for a multiplier {@code a} prime
     * to {@code n}. What a scan that joins the two collections must hold then peaks.
     *
     * @return the tenant, service principals reordered
     */
    public GeneratedTenant shuffledServicePrincipals() {
        return new GeneratedTenant(applications, servicePrincipals, seed, now, true);
    }

    /** @return the applications, computed as the stream is consumed */
    public Stream<Application> applications() {
        return IntStream.range(0, applications).mapToObj(this::application);
    }

    /** @return the service principals, computed as the stream is consumed */
    public Stream<ServicePrincipal> servicePrincipals() {
        return IntStream.range(0, servicePrincipals).mapToObj(this::servicePrincipal);
    }

    @Override
    public UUID tenantId() {
        return tenantId;
    }

    @Override
    public int applicationCount() {
        return applications;
    }

    @Override
    public int servicePrincipalCount() {
        return servicePrincipals;
    }

    @Override
    public Application application(int index) {
        checkIndex(index, applications);
        Shape shape = Shape.of(random(index, 1));
        SplittableRandom random = random(index, 2);
        List<PasswordCredential> passwords = new ArrayList<>(2);
        List<KeyCredential> keys = new ArrayList<>(1);
        List<FederatedIdentityCredential> federated = new ArrayList<>(1);
        int key = 0;
        switch (shape) {
            case SECRETS -> {
                passwords.add(secret(index, key++, random));
                if (random.nextInt(3) == 0) {
                    passwords.add(secret(index, key++, random));
                }
            }
            case CERTIFICATE -> keys.add(certificate(index, key++, 30 + random.nextInt(300)));
            case MIGRATING -> {
                keys.add(certificate(index, key++, random.nextInt(90)));
                passwords.add(secret(index, key++, random));
            }
            case FEDERATED -> federated.add(federated(index));
            case FEDERATED_AND_SECRET -> {
                federated.add(federated(index));
                passwords.add(secret(index, key++, random));
            }
            case EXPIRED -> {
                passwords.add(password(index, key++, days(400), days(-30)));
                keys.add(key(index, key++, "AsymmetricX509Cert", "Verify", days(500), days(-100)));
            }
            default -> { }
        }
        return new Application(new UUID(APPLICATION | seedBits(), index), appId(index), "app-" + index,
                days(700 + random.nextInt(2000)), "AzureADMyOrg", passwords, keys, federated);
    }

    @Override
    public ServicePrincipal servicePrincipal(int position) {
        checkIndex(position, servicePrincipals);
        int index = shuffled ? (int) ((multiplier * position + 7) % servicePrincipals) : position;
        UUID id = new UUID(SERVICE_PRINCIPAL | seedBits(), index);
        SplittableRandom random = random(index, 3);
        if (index < applications) {
            Shape shape = Shape.of(random(index, 1));
            List<PasswordCredential> passwords = new ArrayList<>(1);
            List<KeyCredential> keys = new ArrayList<>(3);
            String mode = null;
            if (shape == Shape.SAML) {
                mode = "saml";
                UUID signKeyId = keyId(index, 10);
                KeyIdentifier thumbprint = KeyIdentifier.of(KeySpec.thumbprintOf(signKeyId));
                keys.add(new KeyCredential(signKeyId, "CN=app-" + index, thumbprint, "AsymmetricX509Cert", "Sign",
                        days(60), days(-1000)));
                keys.add(new KeyCredential(keyId(index, 11), "CN=app-" + index, thumbprint, "AsymmetricX509Cert",
                        "Verify", days(60), days(-1000)));
                passwords.add(new PasswordCredential(signKeyId, "CN=app-" + index, null, thumbprint, days(60),
                        days(-1000)));
            } else if (shape == Shape.SECRET_ON_SERVICE_PRINCIPAL) {
                passwords.add(secret(index, 12, random));
            }
            return new ServicePrincipal(id, appId(index), "app-" + index, "Application", tenantId, mode, null,
                    passwords, keys);
        }
        int kind = random.nextInt(10);
        UUID appId = new UUID(APP_ID | seedBits() | 0x8000L, index);
        if (kind < 6) {
            return new ServicePrincipal(id, appId, "microsoft-" + index, "Application", Policy.MICROSOFT_SERVICES_TENANT,
                    null, null, List.of(), List.of());
        }
        if (kind < 9) {
            List<PasswordCredential> passwords = random.nextInt(10) == 0 ? List.of(secret(index, 13, random)) : List.of();
            return new ServicePrincipal(id, appId, "external-" + index, "Application",
                    FakeTenant.EXTERNAL_PUBLISHER_TENANT, null, null, passwords, List.of());
        }
        return new ServicePrincipal(id, appId, "identity-" + index, "ManagedIdentity", null, null, null, List.of(),
                List.of(certificate(index, 14, 10)));
    }

    @Override
    public OptionalInt applicationIndex(UUID id) {
        return indexOf(id, APPLICATION, applications);
    }

    @Override
    public OptionalInt servicePrincipalIndex(UUID id) {
        OptionalInt index = indexOf(id, SERVICE_PRINCIPAL, servicePrincipals);
        if (!shuffled || index.isEmpty()) {
            return index;
        }
        // position = (index - 7) / multiplier, mod n
        BigInteger n = BigInteger.valueOf(servicePrincipals);
        return OptionalInt.of(BigInteger.valueOf(index.getAsInt() - 7L).multiply(BigInteger.valueOf(multiplier).modInverse(n))
                .mod(n).intValue());
    }

    @Override
    public @Nullable AppManagementPolicy appManagementPolicy() {
        return null;
    }

    @Override
    public @Nullable SignInEvidence signInEvidence() {
        return null;
    }

    private enum Shape {
        SECRETS(30), CERTIFICATE(15), MIGRATING(10), FEDERATED(10), FEDERATED_AND_SECRET(5), SAML(5), EXPIRED(5),
        SECRET_ON_SERVICE_PRINCIPAL(3), NONE(17);

        private final int percent;

        Shape(int percent) {
            this.percent = percent;
        }

        static Shape of(SplittableRandom random) {
            int roll = random.nextInt(100);
            for (Shape shape : values()) {
                roll -= shape.percent;
                if (roll < 0) {
                    return shape;
                }
            }
            return NONE;
        }
    }

    private PasswordCredential secret(int index, int key, SplittableRandom random) {
        return password(index, key, days(random.nextInt(200)), days(-30 - random.nextInt(400)));
    }

    private PasswordCredential password(int index, int key, Instant start, Instant end) {
        return new PasswordCredential(keyId(index, key), "secret", "Q8~", null, start, end);
    }

    private KeyCredential certificate(int index, int key, int ageDays) {
        return key(index, key, "AsymmetricX509Cert", "Verify", days(ageDays), days(ageDays - 730));
    }

    private KeyCredential key(int index, int key, String type, String usage, Instant start, Instant end) {
        UUID keyId = keyId(index, key);
        return new KeyCredential(keyId, "CN=app-" + index, KeyIdentifier.of(KeySpec.thumbprintOf(keyId)), type, usage,
                start, end);
    }

    private FederatedIdentityCredential federated(int index) {
        return new FederatedIdentityCredential(keyId(index, 15).toString(), "github-main", FederatedSpec.GITHUB_ISSUER,
                "repo:generated/app-" + index + ":ref:refs/heads/main", List.of(FederatedSpec.TOKEN_EXCHANGE_AUDIENCE));
    }

    /** @return the instant {@code daysAgo} days before now (negative: after) */
    private Instant days(long daysAgo) {
        return now.minus(Duration.ofDays(daysAgo));
    }

    private UUID appId(int index) {
        return new UUID(APP_ID | seedBits(), index);
    }

    private UUID keyId(int index, int key) {
        return new UUID(KEY | seedBits(), (long) index << 8 | key);
    }

    private long seedBits() {
        return seed & 0x7FFFL;
    }

    private SplittableRandom random(int index, int stream) {
        return new SplittableRandom(seed * 0x9E3779B97F4A7C15L + index * 31L + stream);
    }

    private OptionalInt indexOf(UUID id, long tag, int count) {
        long index = id.getLeastSignificantBits();
        return id.getMostSignificantBits() == (tag | seedBits()) && index >= 0 && index < count
                ? OptionalInt.of((int) index) : OptionalInt.empty();
    }

    private static void checkIndex(int index, int count) {
        if (index < 0 || index >= count) {
            throw new IndexOutOfBoundsException("index " + index + " of " + count);
        }
    }
}
