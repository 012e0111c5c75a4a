package dev.app09.core.rules;

import static dev.app09.core.Fixtures.AS_OF;
import static org.assertj.core.api.Assertions.assertThat;

import dev.app09.core.model.Application;
import dev.app09.core.model.FederatedIdentityCredential;
import dev.app09.core.model.KeyCredential;
import dev.app09.core.model.KeyIdentifier;
import dev.app09.core.model.PasswordCredential;
import dev.app09.core.model.ServicePrincipal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Properties of the rules over generated credential sets (seeded, so a failure names its seed and
 * replays): monotonicity in secrets, indifference to expired credentials, independence from the
 * wall clock.
 */
final class PropertiesTest {

    private static final int CASES = 2_000;

    /** How bad a verdict is: adding a secret must never lower it. */
    private static final Map<Verdict, Integer> BADNESS = Map.of(
            Verdict.NOT_APPLICABLE, 0, Verdict.FEDERATED, 0, Verdict.CERTIFICATE, 0, Verdict.NO_CREDENTIALS, 0,
            Verdict.EXCEPTION, 1, Verdict.MIGRATING, 2, Verdict.MIGRATION_OVERDUE, 3, Verdict.SECRETS_ONLY, 4);

    static Stream<Long> seeds() {
        return Stream.of(1L, 2L, 3L, 20261126L);
    }

    /** A random workload: an application and/or a service principal with a mix of every credential shape. */
    private record Generated(@Nullable Application app, @Nullable ServicePrincipal sp, Policy policy) {

        WorkloadAssessment judge(Instant asOf) {
            UUID appId = app != null ? app.appId() : sp.appId();
            return WorkloadRules.assess(new Workload(appId, app, sp), policy, asOf, null);
        }
    }

    private static Generated generate(Random r) {
        UUID appId = new UUID(r.nextLong(), r.nextLong());
        boolean hasApp = r.nextInt(4) != 0;
        boolean hasSp = !hasApp || r.nextBoolean();
        Application app = null;
        if (hasApp) {
            List<PasswordCredential> passwords = passwords(r);
            app = new Application(UUID.randomUUID(), appId, "app", AS_OF.minus(Duration.ofDays(900)), null, passwords,
                    keys(r, passwords), federated(r));
        }
        ServicePrincipal sp = null;
        if (hasSp) {
            List<PasswordCredential> passwords = passwords(r);
            sp = new ServicePrincipal(UUID.randomUUID(), appId, "sp", r.nextInt(10) == 0 ? "ManagedIdentity" : "Application",
                    r.nextBoolean() ? Policy.MICROSOFT_SERVICES_TENANT : null, null, null, passwords, keys(r, passwords));
        }
        Policy policy = r.nextInt(3) == 0
                ? Policy.defaults().withExceptions(ExceptionRegister.of(List.of(new ExceptionEntry(appId, "legacy", "CISO",
                        LocalDate.ofInstant(AS_OF, ZoneOffset.UTC).plusDays(r.nextInt(20) - 10)))))
                : Policy.defaults();
        return new Generated(app, sp, policy);
    }

    private static @Nullable Instant date(Random r) {
        return r.nextInt(8) == 0 ? null : AS_OF.plus(Duration.ofDays(r.nextInt(800) - 400));
    }

    private static List<PasswordCredential> passwords(Random r) {
        List<PasswordCredential> out = new ArrayList<>();
        for (int i = r.nextInt(3); i > 0; i--) {
            out.add(secret(r));
        }
        return out;
    }

    private static PasswordCredential secret(Random r) {
        Instant start = date(r);
        Instant end = start == null || r.nextInt(8) == 0 ? date(r) : start.plus(Duration.ofDays(r.nextInt(800)));
        return new PasswordCredential(UUID.randomUUID(), null, null, null, start, end);
    }

    /** Random keys; a SAML triple's password goes into {@code passwords}. */
    private static List<KeyCredential> keys(Random r, List<PasswordCredential> passwords) {
        String[][] shapes = {{"AsymmetricX509Cert", "Verify"}, {"Symmetric", "Verify"}, {"Other", "Verify"},
            {"AsymmetricX509Cert", null}};
        List<KeyCredential> out = new ArrayList<>();
        for (int i = r.nextInt(4); i > 0; i--) {
            String[] shape = shapes[r.nextInt(shapes.length)];
            Instant start = date(r);
            out.add(new KeyCredential(UUID.randomUUID(), null, null, shape[0], shape[1], start,
                    start == null ? date(r) : start.plus(Duration.ofDays(r.nextInt(800)))));
        }
        if (r.nextInt(5) == 0) { // a SAML triple: Sign, Verify and password share identifier and dates
            KeyIdentifier thumbprint = KeyIdentifier.of(new byte[] {(byte) r.nextInt(), 1, 2});
            UUID signKeyId = UUID.randomUUID();
            Instant start = date(r);
            Instant end = date(r);
            out.add(new KeyCredential(signKeyId, null, thumbprint, "AsymmetricX509Cert", "Sign", start, end));
            out.add(new KeyCredential(UUID.randomUUID(), null, thumbprint, "AsymmetricX509Cert", "Verify", start, end));
            passwords.add(new PasswordCredential(signKeyId, null, null, thumbprint, start, end));
        }
        return out;
    }

    private static List<FederatedIdentityCredential> federated(Random r) {
        return r.nextInt(6) == 0
                ? List.of(new FederatedIdentityCredential(null, "fic", "https://issuer", "sub", List.of("aud")))
                : List.of();
    }

    private static Generated withExtraSecret(Generated g, PasswordCredential secret, boolean onApp) {
        if (onApp && g.app() != null || g.sp() == null) {
            Application a = g.app();
            List<PasswordCredential> passwords = new ArrayList<>(a.passwordCredentials());
            passwords.add(secret);
            return new Generated(new Application(a.id(), a.appId(), a.displayName(), a.createdDateTime(),
                    a.signInAudience(), passwords, a.keyCredentials(), a.federatedIdentityCredentials()), g.sp(), g.policy());
        }
        ServicePrincipal s = g.sp();
        List<PasswordCredential> passwords = new ArrayList<>(s.passwordCredentials());
        passwords.add(secret);
        return new Generated(g.app(), new ServicePrincipal(s.id(), s.appId(), s.displayName(), s.servicePrincipalType(),
                s.appOwnerOrganizationId(), null, null, passwords, s.keyCredentials()), g.policy());
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void adding_a_live_secret_never_improves_a_verdict(long seed) {
        Random r = new Random(seed);
        for (int i = 0; i < CASES; i++) {
            Generated g = generate(r);
            Instant start = r.nextBoolean() ? AS_OF.minus(Duration.ofDays(r.nextInt(30))) : null;
            PasswordCredential live = new PasswordCredential(UUID.randomUUID(), null, null, null, start,
                    AS_OF.plus(Duration.ofDays(1 + r.nextInt(400))));
            Verdict before = g.judge(AS_OF).verdict();
            Verdict after = withExtraSecret(g, live, r.nextBoolean()).judge(AS_OF).verdict();
            assertThat(BADNESS.get(after)).as("seed %d case %d: %s -> %s for %s", seed, i, before, after, g)
                    .isGreaterThanOrEqualTo(BADNESS.get(before));
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void removing_an_expired_credential_never_changes_the_verdict(long seed) {
        Random r = new Random(seed);
        int removed = 0;
        for (int i = 0; i < CASES; i++) {
            Generated g = generate(r);
            Verdict before = g.judge(AS_OF).verdict();
            Predicate<Instant> expired = end -> end != null && !end.isAfter(AS_OF);
            Generated pruned = new Generated(
                    g.app() == null ? null : new Application(g.app().id(), g.app().appId(), "app", g.app().createdDateTime(), null,
                            g.app().passwordCredentials().stream().filter(p -> !expired.test(p.endDateTime())).toList(),
                            g.app().keyCredentials().stream().filter(k -> !expired.test(k.endDateTime())).toList(),
                            g.app().federatedIdentityCredentials()),
                    g.sp() == null ? null : new ServicePrincipal(g.sp().id(), g.sp().appId(), "sp", g.sp().servicePrincipalType(),
                            g.sp().appOwnerOrganizationId(), null, null,
                            g.sp().passwordCredentials().stream().filter(p -> !expired.test(p.endDateTime())).toList(),
                            g.sp().keyCredentials().stream().filter(k -> !expired.test(k.endDateTime())).toList()),
                    g.policy());
            if (!pruned.equals(g)) {
                removed++;
            }
            assertThat(pruned.judge(AS_OF).verdict()).as("seed %d case %d for %s", seed, i, g).isEqualTo(before);
        }
        assertThat(removed).as("the generator must produce expired credentials to remove").isGreaterThan(CASES / 4);
    }

    @Test
    void the_verdict_depends_on_as_of_not_on_the_wall_clock() {
        // A workload dated 120 years from now is judged by asOf alone: a rule that read the clock
        // would see every credential as not yet valid.
        Duration shift = Duration.ofDays(365L * 120);
        Application future = new Application(UUID.randomUUID(), UUID.randomUUID(), "far future", null, null,
                List.of(new PasswordCredential(UUID.randomUUID(), null, null, null, AS_OF.plus(shift).minus(Duration.ofDays(10)),
                        AS_OF.plus(shift).plus(Duration.ofDays(10)))),
                List.of(new KeyCredential(UUID.randomUUID(), null, null, "AsymmetricX509Cert", "Verify",
                        AS_OF.plus(shift).minus(Duration.ofDays(5)), AS_OF.plus(shift).plus(Duration.ofDays(300)))),
                List.of());
        assertThat(new Generated(future, null, Policy.defaults()).judge(AS_OF.plus(shift)).verdict())
                .isEqualTo(Verdict.MIGRATING);
        assertThat(new Generated(future, null, Policy.defaults()).judge(AS_OF.minus(shift)).verdict())
                .isEqualTo(Verdict.SECRETS_ONLY);
    }
}
