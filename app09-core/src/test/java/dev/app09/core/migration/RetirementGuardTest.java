package dev.app09.core.migration;

import static dev.app09.core.Fixtures.AS_OF;
import static dev.app09.core.Fixtures.app;
import static dev.app09.core.Fixtures.daysAgo;
import static dev.app09.core.Fixtures.expiredCertificate;
import static dev.app09.core.Fixtures.federated;
import static dev.app09.core.Fixtures.id;
import static dev.app09.core.Fixtures.inDays;
import static dev.app09.core.Fixtures.liveSecret;
import static dev.app09.core.Fixtures.samlTriple;
import static dev.app09.core.Fixtures.sp;
import static org.assertj.core.api.Assertions.assertThat;

import dev.app09.core.model.Application;
import dev.app09.core.model.CredentialSignIn;
import dev.app09.core.model.KeyCredential;
import dev.app09.core.model.KeyIdentifier;
import dev.app09.core.model.PasswordCredential;
import dev.app09.core.model.ScanProblem;
import dev.app09.core.model.ServicePrincipal;
import dev.app09.core.model.SignInEvidence;
import dev.app09.core.model.TenantSnapshot;
import dev.app09.core.rules.CredentialLocation;
import dev.app09.core.rules.Policy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * RetirementGuard: a secret is retired only when it is safe (APP09-RULES.md sections 2-4; the
 * Javadoc of {@link RetirementGuard} and {@link RetirementRule}). Every unsafe case is refused and
 * names its rule; the safe ones are allowed.
 */
final class RetirementGuardTest {

    static final UUID APP_ID = id(1);
    static final String TENANT = "7a3f9c10-0000-4000-8000-000000000001";

    // ---- helpers -------------------------------------------------------------------------------

    /** 20 distinct bytes: a stand-in SHA-1 thumbprint. */
    static byte[] thumbprintBytes(int seed) {
        byte[] bytes = new byte[20];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (seed * 31 + i * 7 + 0x80);
        }
        return bytes;
    }

    static String hex(byte[] bytes) {
        return HexFormat.of().withUpperCase().formatHex(bytes);
    }

    static KeyCredential cert(@Nullable KeyIdentifier customKeyIdentifier, @Nullable Instant start, @Nullable Instant end) {
        return new KeyCredential(UUID.randomUUID(), "CN=client", customKeyIdentifier, "AsymmetricX509Cert", "Verify",
                start, end);
    }

    /** An ACTIVE certificate whose customKeyIdentifier is the raw 20-byte thumbprint of {@code seed}. */
    static KeyCredential activeCert(int seed) {
        return cert(KeyIdentifier.of(thumbprintBytes(seed)), daysAgo(100), inDays(365));
    }

    static Verification verification(UUID clientId, String thumbprint, Instant at) {
        return new Verification(TENANT, clientId, thumbprint, at, "https://login.microsoftonline.com");
    }

    /** A valid verification of certificate {@code seed} of {@link #APP_ID}, made a day before asOf. */
    static MigrationEvidence verified(int seed) {
        return MigrationEvidence.of(List.of(verification(APP_ID, hex(thumbprintBytes(seed)), daysAgo(1))));
    }

    /**
     * {@link #verified(int)}, and the removal accepted although no sign-in evidence was read (what
     * {@code --without-usage-evidence} gives): for the cases about proving the certificate, not about usage.
     */
    static MigrationEvidence verifiedAcceptingUnknownUsage(int seed) {
        return verified(seed).acceptingUnknownUsage();
    }

    /**
     * A client secret created 100 days ago, before the 30-day usage window: its absence from sign-in
     * evidence that is not empty shows it unused ({@link dev.app09.core.Fixtures#liveSecret()} was
     * created 10 days ago, inside the window, where absence says nothing yet).
     */
    static PasswordCredential oldSecret() {
        return dev.app09.core.Fixtures.secret(daysAgo(100), inDays(80));
    }

    /**
     * Sign-in evidence that was read and is not empty but shows nothing of {@link #APP_ID}: one
     * sign-in of another application's secret.
     */
    static SignInEvidence elsewhere() {
        return SignInEvidence.of(List.of(new CredentialSignIn(id(999), id(998), "clientSecret", "application", daysAgo(1))));
    }

    static SignInEvidence signIns(Object... keyIdAndInstant) {
        List<CredentialSignIn> rows = new java.util.ArrayList<>();
        for (int i = 0; i < keyIdAndInstant.length; i += 2) {
            rows.add(new CredentialSignIn((UUID) keyIdAndInstant[i], APP_ID, null, null, (Instant) keyIdAndInstant[i + 1]));
        }
        return SignInEvidence.of(rows);
    }

    static TenantSnapshot tenant(Application app) {
        return TenantSnapshot.of(List.of(app), List.of());
    }

    static RetirementDecision check(TenantSnapshot snapshot, UUID keyId, MigrationEvidence evidence) {
        return RetirementGuard.check(snapshot, Policy.defaults(), AS_OF, APP_ID, keyId, evidence);
    }

    static RetirementDecision check(TenantSnapshot snapshot, Instant asOf, UUID keyId, MigrationEvidence evidence) {
        return RetirementGuard.check(snapshot, Policy.defaults(), asOf, APP_ID, keyId, evidence);
    }

    static List<RetirementRule> rules(RetirementDecision decision) {
        return decision.refusals().stream().map(Refusal::rule).toList();
    }

    static String message(RetirementDecision decision, RetirementRule rule) {
        return decision.refusals().stream().filter(r -> r.rule() == rule).findFirst()
                .map(Refusal::message).orElseThrow(() -> new AssertionError(rule + " did not refuse: " + decision));
    }

    // ---- the safe cases ------------------------------------------------------------------------

    @Nested
    @DisplayName("safe: the secret is allowed to go")
    final class Safe {

        @Test
        void a_verification_of_the_active_certificate_allows_the_secret_on_the_application() {
            PasswordCredential secret = liveSecret();
            Application app = app(APP_ID, "Payroll", secret, activeCert(1));
            RetirementDecision decision = check(tenant(app), secret.keyId(), verifiedAcceptingUnknownUsage(1));

            assertThat(decision.refusals()).isEmpty();
            assertThat(decision.allowed()).isTrue();
            assertThat(decision.appId()).isEqualTo(APP_ID);
            assertThat(decision.keyId()).isEqualTo(secret.keyId());
            assertThat(decision.location()).isEqualTo(CredentialLocation.APPLICATION);
            assertThat(decision.objectId()).isEqualTo(app.id());
            assertThat(decision.secret()).contains(secret.keyId().toString()).contains("hint abc");
            assertThat(decision.grounds()).anySatisfy(g -> assertThat(g)
                    .contains("certificate " + hex(thumbprintBytes(1))).contains("saved verification")
                    .contains(daysAgo(1).toString()));
            assertThat(decision.grounds()).anySatisfy(g -> assertThat(g).startsWith("it keeps certificate"));
            // without evidence the decision says so: whether a client still uses the secret is unknown,
            // and that was accepted: a warning, not a ground; and the proof is a verification alone,
            // which does not show the deployed client uses the certificate: a warning too
            assertThat(decision.warnings()).hasSize(2)
                    .anySatisfy(w -> assertThat(w).contains("no sign-in evidence was read").contains("accepted without it"))
                    .anySatisfy(w -> assertThat(w).startsWith("a verification shows Entra accepts the certificate, not "
                            + "that the deployed client uses it"));
            assertThat(decision.grounds()).noneSatisfy(g -> assertThat(g).contains("no sign-in evidence"));
        }

        @Test
        void a_certificate_sign_in_and_an_old_secret_sign_in_allow_without_a_verification() {
            PasswordCredential secret = oldSecret();
            KeyCredential certificate = activeCert(1);
            TenantSnapshot snapshot = tenant(app(APP_ID, "Payroll", secret, certificate))
                    .withSignInEvidence(signIns(certificate.keyId(), daysAgo(2), secret.keyId(), daysAgo(40)));

            RetirementDecision decision = check(snapshot, secret.keyId(), MigrationEvidence.none());

            assertThat(decision.refusals()).isEmpty();
            assertThat(decision.grounds())
                    .anySatisfy(g -> assertThat(g).contains("last signed in on " + daysAgo(40)).contains("not within 30 days"))
                    .anySatisfy(g -> assertThat(g).contains(certificate.keyId().toString())
                            .contains("signed in on " + daysAgo(2)).contains("(sign-in evidence)"));
            assertThat(decision.warnings()).isEmpty();
        }

        @Test
        void a_certificate_sign_in_allows_a_secret_that_never_signed_in() {
            // created before the usage window: its absence from the evidence shows it unused
            PasswordCredential secret = oldSecret();
            KeyCredential certificate = activeCert(1);
            TenantSnapshot snapshot = tenant(app(APP_ID, "Payroll", secret, certificate))
                    .withSignInEvidence(signIns(certificate.keyId(), daysAgo(2)));

            RetirementDecision decision = check(snapshot, secret.keyId(), MigrationEvidence.none());

            assertThat(decision.allowed()).isTrue();
            assertThat(decision.grounds()).anySatisfy(g -> assertThat(g).contains("the secret never signed in"));
        }

        @Test
        void a_verification_just_inside_the_usage_window_and_the_clock_skew_counts() {
            PasswordCredential secret = liveSecret();
            TenantSnapshot snapshot = tenant(app(APP_ID, "Payroll", secret, activeCert(1)));
            String thumbprint = hex(thumbprintBytes(1));
            for (Instant at : List.of(daysAgo(30), AS_OF, AS_OF.plus(Duration.ofMinutes(5)))) {
                MigrationEvidence evidence = MigrationEvidence.of(List.of(verification(APP_ID, thumbprint, at)))
                        .acceptingUnknownUsage();
                assertThat(check(snapshot, secret.keyId(), evidence).allowed()).as("verified at " + at).isTrue();
            }
        }

        @Test
        void a_verification_of_the_same_tenant_counts() {
            PasswordCredential secret = liveSecret();
            TenantSnapshot snapshot = tenant(app(APP_ID, "Payroll", secret, activeCert(1)))
                    .withTenantId(UUID.fromString(TENANT));
            assertThat(check(snapshot, secret.keyId(), verifiedAcceptingUnknownUsage(1)).allowed()).isTrue();
        }

        @Test
        void an_expired_secret_may_go_too_when_the_certificate_is_proven() {
            // Clean-up of an expired secret (APP-05) passes the same rules.
            PasswordCredential old = dev.app09.core.Fixtures.expiredSecret();
            RetirementDecision decision = check(tenant(app(APP_ID, "Payroll", old, activeCert(1))), old.keyId(),
                    verifiedAcceptingUnknownUsage(1));
            assertThat(decision.allowed()).isTrue();
        }
    }

    // ---- NO_ALTERNATIVE ------------------------------------------------------------------------

    @Nested
    @DisplayName("NO_ALTERNATIVE: no ACTIVE certificate and no federated credential (rules section 2)")
    final class NoAlternative {

        @Test
        void no_certificate_at_all() {
            PasswordCredential secret = liveSecret();
            RetirementDecision decision = check(tenant(app(APP_ID, "Payroll", secret)), secret.keyId(), verified(1));
            assertThat(decision.refusedBy(RetirementRule.NO_ALTERNATIVE)).isTrue();
            assertThat(message(decision, RetirementRule.NO_ALTERNATIVE)).contains("Payroll")
                    .contains("no ACTIVE certificate and no federated credential")
                    .contains("upload a certificate first");
            assertThat(decision.allowed()).isFalse();
        }

        @Test
        void only_an_expired_certificate() {
            PasswordCredential secret = liveSecret();
            KeyCredential expired = cert(KeyIdentifier.of(thumbprintBytes(1)), daysAgo(400), daysAgo(1));
            RetirementDecision decision = check(tenant(app(APP_ID, "Payroll", secret, expired)), secret.keyId(), verified(1));
            assertThat(rules(decision)).contains(RetirementRule.NO_ALTERNATIVE);
            assertThat(message(decision, RetirementRule.NO_ALTERNATIVE)).contains("expired or not yet valid");
        }

        @Test
        void a_certificate_that_ends_exactly_at_as_of_is_expired() {
            // rules section 2: EXPIRED when end <= asOf
            PasswordCredential secret = liveSecret();
            KeyCredential ending = cert(KeyIdentifier.of(thumbprintBytes(1)), daysAgo(400), AS_OF);
            RetirementDecision decision = check(tenant(app(APP_ID, "Payroll", secret, ending)), secret.keyId(), verified(1));
            assertThat(rules(decision)).contains(RetirementRule.NO_ALTERNATIVE, RetirementRule.CERTIFICATE_NOT_PROVEN);
        }

        @Test
        void only_a_not_yet_valid_certificate() {
            PasswordCredential secret = liveSecret();
            KeyCredential future = cert(KeyIdentifier.of(thumbprintBytes(1)), inDays(1), inDays(400));
            RetirementDecision decision = check(tenant(app(APP_ID, "Payroll", secret, future)), secret.keyId(), verified(1));
            assertThat(rules(decision)).contains(RetirementRule.NO_ALTERNATIVE);
            assertThat(message(decision, RetirementRule.NO_ALTERNATIVE)).contains("expired or not yet valid");
            // and a verification of it does not prove anything: it is not ACTIVE
            assertThat(message(decision, RetirementRule.CERTIFICATE_NOT_PROVEN)).contains("not an ACTIVE certificate");
        }

        @Test
        void only_a_saml_signing_verify_key_is_not_a_client_certificate() {
            // rules section 2: a Verify key paired with a Sign key is SIGNING, never counted
            PasswordCredential secret = liveSecret();
            List<Object> saml = samlTriple(daysAgo(10), inDays(355));
            ServicePrincipal servicePrincipal = sp(APP_ID, "Saml app", null, secret, saml);
            TenantSnapshot snapshot = TenantSnapshot.of(List.of(), List.of(servicePrincipal));
            // the verification names the Verify key's customKeyIdentifier (bytes 1..20 in the fixture)
            byte[] samlThumbprint = ((KeyCredential) saml.get(1)).customKeyIdentifier().bytes();
            MigrationEvidence evidence = MigrationEvidence.of(List.of(verification(APP_ID, hex(samlThumbprint), daysAgo(1))))
                    .acceptingUnknownUsage();

            RetirementDecision decision = check(snapshot, secret.keyId(), evidence);

            assertThat(rules(decision)).containsExactly(RetirementRule.NO_ALTERNATIVE, RetirementRule.CERTIFICATE_NOT_PROVEN);
            assertThat(message(decision, RetirementRule.NO_ALTERNATIVE)).contains("upload a certificate first");
        }

        @Test
        void a_certificate_on_the_service_principal_counts_as_the_alternative() {
            // rules section 1: credentials on either object authenticate the same client; section 2: a
            // usable alternative is an ACTIVE CERTIFICATE wherever it sits. The code agrees with the spec.
            PasswordCredential secret = liveSecret();
            KeyCredential spCertificate = activeCert(1);
            Application app = app(APP_ID, "Payroll", secret);
            ServicePrincipal servicePrincipal = sp(APP_ID, "Payroll", null, spCertificate);
            TenantSnapshot snapshot = TenantSnapshot.of(List.of(app), List.of(servicePrincipal));

            RetirementDecision decision = check(snapshot, secret.keyId(), verifiedAcceptingUnknownUsage(1));

            assertThat(decision.refusals()).isEmpty();
            assertThat(decision.location()).isEqualTo(CredentialLocation.APPLICATION);
            assertThat(decision.objectId()).isEqualTo(app.id());
            assertThat(decision.grounds()).anySatisfy(g -> assertThat(g).contains(spCertificate.keyId().toString()));
        }

        @Test
        void a_federated_credential_is_an_alternative() {
            PasswordCredential secret = liveSecret();
            RetirementDecision decision = check(tenant(app(APP_ID, "Payroll", secret, federated())), secret.keyId(),
                    MigrationEvidence.none());
            assertThat(rules(decision)).doesNotContain(RetirementRule.NO_ALTERNATIVE);
        }
    }

    // ---- ALTERNATIVE_ENDS_SOON -----------------------------------------------------------------

    @Nested
    @DisplayName("ALTERNATIVE_ENDS_SOON: every alternative kept is a certificate ending within the expiry warning")
    final class AlternativeEndsSoon {

        private final PasswordCredential secret = oldSecret();

        /** Certificate {@code seed} (the one {@link #verified(int)} proves), ACTIVE, ending at {@code end}. */
        private KeyCredential ending(int seed, @Nullable Instant end) {
            return cert(KeyIdentifier.of(thumbprintBytes(seed)), daysAgo(100), end);
        }

        /** Proven, removal accepted without sign-in evidence: only the certificates' ends are in question. */
        private RetirementDecision decide(Object... credentials) {
            return decide(verifiedAcceptingUnknownUsage(1), credentials);
        }

        /** As {@link #decide(Object...)}, with these verifications instead. */
        private RetirementDecision decide(MigrationEvidence evidence, Object... credentials) {
            Object[] all = new Object[credentials.length + 1];
            all[0] = secret;
            System.arraycopy(credentials, 0, all, 1, credentials.length);
            return check(tenant(app(APP_ID, "Payroll", all)), secret.keyId(), evidence);
        }

        /** Verifications of certificates {@code seeds}, a day before asOf, removal accepted without sign-in evidence. */
        private MigrationEvidence provingAll(int... seeds) {
            return MigrationEvidence.of(java.util.Arrays.stream(seeds)
                    .mapToObj(seed -> verification(APP_ID, hex(thumbprintBytes(seed)), daysAgo(1))).toList())
                    .acceptingUnknownUsage();
        }

        @Test
        void the_only_certificate_ends_in_ten_days() {
            KeyCredential certificate = ending(1, inDays(10));
            RetirementDecision decision = decide(certificate);
            assertThat(rules(decision)).containsExactly(RetirementRule.ALTERNATIVE_ENDS_SOON);
            assertThat(decision.allowed()).isFalse();
            assertThat(message(decision, RetirementRule.ALTERNATIVE_ENDS_SOON)).contains("Payroll")
                    .contains("within 30 days").contains(certificate.keyId().toString()).contains(inDays(10).toString())
                    .contains("register a successor that is valid before then");
            // the certificate is there: this is not NO_ALTERNATIVE, and it is still proven
            assertThat(decision.refusedBy(RetirementRule.NO_ALTERNATIVE)).isFalse();
            assertThat(decision.grounds()).anySatisfy(g -> assertThat(g).contains("saved verification"));
        }

        @Test
        void a_certificate_ending_in_thirty_one_days_lasts() {
            RetirementDecision decision = decide(ending(1, inDays(31)));
            assertThat(decision.refusals()).isEmpty();
            assertThat(decision.grounds()).anySatisfy(g -> assertThat(g).startsWith("it keeps certificate"));
        }

        @Test
        void the_boundary_an_end_exactly_at_as_of_plus_the_warning_is_soon() {
            assertThat(rules(decide(ending(1, inDays(30))))).containsExactly(RetirementRule.ALTERNATIVE_ENDS_SOON);
            assertThat(decide(ending(1, inDays(30).plusSeconds(1))).allowed()).isTrue();
        }

        @Test
        void an_unproven_second_certificate_ending_later_does_not_lift_it() {
            // the proof is of the certificate that ends soon: nothing shows the later one works, so
            // the workload may stop signing in when the proven one ends
            KeyCredential proven = ending(1, inDays(10));
            KeyCredential successor = cert(KeyIdentifier.of(thumbprintBytes(2)), daysAgo(1), inDays(400));
            RetirementDecision decision = decide(proven, successor);
            assertThat(rules(decision)).containsExactly(RetirementRule.ALTERNATIVE_ENDS_SOON);
            assertThat(message(decision, RetirementRule.ALTERNATIVE_ENDS_SOON))
                    .contains("the proven certificate(s) of Payroll").contains(proven.keyId().toString())
                    .doesNotContain(successor.keyId().toString())
                    .contains("register a successor that is valid before then and prove it");
        }

        @Test
        void a_proven_second_certificate_ending_later_lifts_it() {
            KeyCredential successor = cert(KeyIdentifier.of(thumbprintBytes(2)), daysAgo(1), inDays(400));
            RetirementDecision decision = decide(provingAll(1, 2), ending(1, inDays(10)), successor);
            assertThat(decision.refusals()).isEmpty();
            assertThat(decision.grounds()).anySatisfy(g -> assertThat(g).contains(successor.keyId().toString()));
            // the successor alone proven is enough too
            assertThat(decide(provingAll(2), ending(1, inDays(10)), successor).refusals()).isEmpty();
        }

        @Test
        void a_second_proven_certificate_ending_soon_too_does_not() {
            KeyCredential first = ending(1, inDays(10));
            KeyCredential second = cert(KeyIdentifier.of(thumbprintBytes(2)), daysAgo(1), inDays(20));
            RetirementDecision decision = decide(provingAll(1, 2), first, second);
            assertThat(rules(decision)).containsExactly(RetirementRule.ALTERNATIVE_ENDS_SOON);
            assertThat(message(decision, RetirementRule.ALTERNATIVE_ENDS_SOON))
                    .contains(first.keyId().toString()).contains(second.keyId().toString());
        }

        @Test
        void a_federated_credential_beside_the_proven_certificate_does_not_lift_it() {
            // federation is not proven (app09 cannot prove it): the proven certificate is what the
            // workload is known to sign in with, and it ends soon
            KeyCredential proven = ending(1, inDays(10));
            RetirementDecision decision = decide(proven, federated());
            assertThat(rules(decision)).containsExactly(RetirementRule.ALTERNATIVE_ENDS_SOON);
            assertThat(message(decision, RetirementRule.ALTERNATIVE_ENDS_SOON)).contains(proven.keyId().toString());
        }

        @Test
        void a_proven_certificate_ending_in_ten_days_beside_an_unproven_one_ending_in_a_year_is_refused() {
            KeyCredential proven = ending(1, inDays(10));
            KeyCredential unproven = ending(2, inDays(365));
            RetirementDecision decision = decide(proven, unproven);
            assertThat(rules(decision)).containsExactly(RetirementRule.ALTERNATIVE_ENDS_SOON);
            assertThat(message(decision, RetirementRule.ALTERNATIVE_ENDS_SOON)).contains(proven.keyId().toString())
                    .contains(inDays(10).toString()).doesNotContain(unproven.keyId().toString());
            // and with a federated credential besides, still
            assertThat(rules(decide(proven, unproven, federated()))).containsExactly(RetirementRule.ALTERNATIVE_ENDS_SOON);
        }

        @Test
        void a_certificate_sign_in_of_the_lasting_certificate_proves_it_beside_the_verified_ending_one() {
            // the verification proves the ending certificate, the sign-in evidence the lasting one
            KeyCredential endingSoon = ending(1, inDays(10));
            KeyCredential lasting = ending(2, inDays(365));
            TenantSnapshot snapshot = tenant(app(APP_ID, "Payroll", secret, endingSoon, lasting))
                    .withSignInEvidence(signIns(lasting.keyId(), daysAgo(1)));
            RetirementDecision decision = check(snapshot, secret.keyId(), verified(1));
            assertThat(decision.refusals()).isEmpty();
            assertThat(decision.grounds()).anySatisfy(g -> assertThat(g).contains("saved verification"))
                    .anySatisfy(g -> assertThat(g).contains(lasting.keyId().toString()).contains("(sign-in evidence)"));
        }

        @Test
        void a_sign_in_proof_of_the_ending_certificate_alone_is_refused_too() {
            KeyCredential endingSoon = ending(1, inDays(10));
            KeyCredential lasting = ending(2, inDays(365));
            TenantSnapshot snapshot = tenant(app(APP_ID, "Payroll", secret, endingSoon, lasting))
                    .withSignInEvidence(signIns(endingSoon.keyId(), daysAgo(1)));
            RetirementDecision decision = check(snapshot, secret.keyId(), MigrationEvidence.none());
            assertThat(rules(decision)).containsExactly(RetirementRule.ALTERNATIVE_ENDS_SOON);
            assertThat(message(decision, RetirementRule.ALTERNATIVE_ENDS_SOON)).contains(endingSoon.keyId().toString())
                    .doesNotContain(lasting.keyId().toString());
        }

        @Test
        void without_a_proof_every_alternative_ending_soon_is_refused_beside_not_proven() {
            KeyCredential first = ending(1, inDays(10));
            KeyCredential second = ending(2, inDays(20));
            RetirementDecision decision = decide(MigrationEvidence.none().acceptingUnknownUsage(), first, second);
            assertThat(rules(decision)).containsExactly(RetirementRule.ALTERNATIVE_ENDS_SOON,
                    RetirementRule.CERTIFICATE_NOT_PROVEN);
            assertThat(message(decision, RetirementRule.ALTERNATIVE_ENDS_SOON))
                    .contains("every certificate Payroll would keep ends within 30 days")
                    .contains(first.keyId().toString()).contains(second.keyId().toString());
        }

        @Test
        void without_a_proof_one_alternative_that_lasts_leaves_only_not_proven() {
            MigrationEvidence nothing = MigrationEvidence.none().acceptingUnknownUsage();
            assertThat(rules(decide(nothing, ending(1, inDays(10)), ending(2, inDays(365)))))
                    .containsExactly(RetirementRule.CERTIFICATE_NOT_PROVEN);
            assertThat(rules(decide(nothing, ending(1, inDays(10)), federated())))
                    .containsExactly(RetirementRule.CERTIFICATE_NOT_PROVEN);
            // a rejected verification proves nothing: the same
            MigrationEvidence stale = MigrationEvidence.of(List.of(verification(APP_ID, hex(thumbprintBytes(1)),
                    daysAgo(40)))).acceptingUnknownUsage();
            assertThat(rules(decide(stale, ending(1, inDays(10)))))
                    .containsExactly(RetirementRule.ALTERNATIVE_ENDS_SOON, RetirementRule.CERTIFICATE_NOT_PROVEN);
        }

        @Test
        void a_certificate_without_an_end_lasts() {
            assertThat(decide(ending(1, null)).refusals()).isEmpty();
        }

        @Test
        void a_successor_that_is_not_valid_yet_is_no_alternative_today() {
            KeyCredential notYet = cert(KeyIdentifier.of(thumbprintBytes(2)), inDays(5), inDays(400));
            assertThat(rules(decide(ending(1, inDays(10)), notYet))).containsExactly(RetirementRule.ALTERNATIVE_ENDS_SOON);
        }

        @Test
        void an_expired_certificate_beside_the_ending_one_changes_nothing() {
            assertThat(rules(decide(ending(1, inDays(10)), expiredCertificate())))
                    .containsExactly(RetirementRule.ALTERNATIVE_ENDS_SOON);
        }

        @Test
        void the_warning_comes_from_the_policy() {
            TenantSnapshot snapshot = tenant(app(APP_ID, "Payroll", secret, ending(1, inDays(10))));
            MigrationEvidence evidence = verifiedAcceptingUnknownUsage(1);
            assertThat(RetirementGuard.check(snapshot, Policy.defaults().withExpiryWarning(Duration.ofDays(7)), AS_OF,
                    APP_ID, secret.keyId(), evidence).allowed()).isTrue();
            RetirementDecision sixtyDays = RetirementGuard.check(snapshot,
                    Policy.defaults().withExpiryWarning(Duration.ofDays(60)), AS_OF, APP_ID, secret.keyId(), evidence);
            assertThat(rules(sixtyDays)).containsExactly(RetirementRule.ALTERNATIVE_ENDS_SOON);
            assertThat(message(sixtyDays, RetirementRule.ALTERNATIVE_ENDS_SOON)).contains("within 60 days");
        }

        @Test
        void with_sign_in_evidence_it_refuses_as_well() {
            KeyCredential certificate = ending(1, inDays(10));
            TenantSnapshot snapshot = tenant(app(APP_ID, "Payroll", secret, certificate))
                    .withSignInEvidence(signIns(certificate.keyId(), daysAgo(1)));
            assertThat(rules(check(snapshot, secret.keyId(), MigrationEvidence.none())))
                    .containsExactly(RetirementRule.ALTERNATIVE_ENDS_SOON);
        }
    }

    // ---- CERTIFICATE_NOT_PROVEN ----------------------------------------------------------------

    @Nested
    @DisplayName("CERTIFICATE_NOT_PROVEN: nothing shows a certificate works (RetirementRule Javadoc)")
    final class NotProven {

        /** Created before the usage window, so that sign-in evidence that does not show it shows it unused. */
        private final PasswordCredential secret = oldSecret();
        private final KeyCredential certificate = activeCert(1);
        private final TenantSnapshot snapshot = tenant(app(APP_ID, "Payroll", secret, certificate));
        private final String thumbprint = hex(thumbprintBytes(1));

        /** The removal accepted without sign-in evidence, so that only the proof of the certificate is in question. */
        private RetirementDecision withVerification(TenantSnapshot s, Verification v) {
            return check(s, secret.keyId(), MigrationEvidence.of(List.of(v)).acceptingUnknownUsage());
        }

        @Test
        void no_verification_and_no_sign_in_evidence() {
            assertThat(rules(check(snapshot, secret.keyId(), MigrationEvidence.none())))
                    .containsExactly(RetirementRule.USAGE_UNKNOWN, RetirementRule.CERTIFICATE_NOT_PROVEN);
            // accepting the unknown usage proves no certificate
            RetirementDecision decision = check(snapshot, secret.keyId(), MigrationEvidence.none().acceptingUnknownUsage());
            assertThat(rules(decision)).containsExactly(RetirementRule.CERTIFICATE_NOT_PROVEN);
            assertThat(message(decision, RetirementRule.CERTIFICATE_NOT_PROVEN))
                    .contains("no saved verification of client " + APP_ID)
                    .contains("no sign-in evidence was read")
                    .contains("app09 migrate verify");
            assertThat(decision.location()).isEqualTo(CredentialLocation.APPLICATION);
        }

        @Test
        void the_certificates_last_sign_in_is_older_than_the_usage_window() {
            TenantSnapshot s = snapshot.withSignInEvidence(signIns(certificate.keyId(), daysAgo(31)));
            RetirementDecision decision = check(s, secret.keyId(), MigrationEvidence.none());
            assertThat(rules(decision)).containsExactly(RetirementRule.CERTIFICATE_NOT_PROVEN);
            assertThat(message(decision, RetirementRule.CERTIFICATE_NOT_PROVEN))
                    .contains("no active certificate signed in since " + daysAgo(30));
        }

        @Test
        void evidence_without_any_certificate_sign_in() {
            // A report whose only row never signed in holds no sign-in at all: it says nothing about use either.
            TenantSnapshot s = snapshot.withSignInEvidence(signIns(certificate.keyId(), null));
            assertThat(rules(check(s, secret.keyId(), MigrationEvidence.none())))
                    .containsExactlyInAnyOrder(RetirementRule.CERTIFICATE_NOT_PROVEN, RetirementRule.USAGE_UNKNOWN);
        }

        @Test
        void a_sign_in_of_an_expired_certificate_proves_nothing() {
            KeyCredential expired = expiredCertificate();
            TenantSnapshot s = tenant(app(APP_ID, "Payroll", secret, certificate, expired))
                    .withSignInEvidence(signIns(expired.keyId(), daysAgo(36)));
            assertThat(rules(check(s, secret.keyId(), MigrationEvidence.none())))
                    .containsExactly(RetirementRule.CERTIFICATE_NOT_PROVEN);
        }

        @Test
        void a_certificate_sign_in_dated_after_as_of_proves_nothing_at_as_of() {
            // RetirementGuard Javadoc: a sign-in "within the usage window", as for a verification "not
            // after asOf". A plan made as of an earlier instant with evidence read later must not take
            // a later sign-in as proof; the same clock skew as for verifications is tolerated.
            TenantSnapshot later = snapshot.withSignInEvidence(signIns(certificate.keyId(), inDays(2)));
            RetirementDecision decision = check(later, secret.keyId(), MigrationEvidence.none());
            assertThat(rules(decision)).containsExactly(RetirementRule.CERTIFICATE_NOT_PROVEN);

            TenantSnapshot withinSkew = snapshot.withSignInEvidence(
                    signIns(certificate.keyId(), AS_OF.plus(Duration.ofMinutes(5))));
            assertThat(check(withinSkew, secret.keyId(), MigrationEvidence.none()).allowed()).isTrue();
        }

        @Test
        void a_verification_for_another_client_id() {
            RetirementDecision decision = withVerification(snapshot, verification(id(2), thumbprint, daysAgo(1)));
            assertThat(rules(decision)).containsExactly(RetirementRule.CERTIFICATE_NOT_PROVEN);
            assertThat(message(decision, RetirementRule.CERTIFICATE_NOT_PROVEN))
                    .contains("no saved verification of client " + APP_ID)
                    .contains("1 verification was for other applications");
        }

        @Test
        void a_verification_older_than_the_usage_window() {
            RetirementDecision decision = withVerification(snapshot, verification(APP_ID, thumbprint, daysAgo(31)));
            assertThat(rules(decision)).containsExactly(RetirementRule.CERTIFICATE_NOT_PROVEN);
            assertThat(message(decision, RetirementRule.CERTIFICATE_NOT_PROVEN))
                    .contains("the verification of " + daysAgo(31))
                    .contains("is older than " + daysAgo(30) + "; verify again");
        }

        @Test
        void the_usage_window_comes_from_the_policy() {
            Verification twentyDays = verification(APP_ID, thumbprint, daysAgo(20));
            MigrationEvidence evidence = MigrationEvidence.of(List.of(twentyDays)).acceptingUnknownUsage();
            assertThat(RetirementGuard.check(snapshot, Policy.defaults(), AS_OF, APP_ID, secret.keyId(), evidence)
                    .allowed()).isTrue();
            assertThat(RetirementGuard.check(snapshot, Policy.defaults().withUsageWindow(Duration.ofDays(14)), AS_OF,
                    APP_ID, secret.keyId(), evidence).refusedBy(RetirementRule.CERTIFICATE_NOT_PROVEN)).isTrue();
        }

        @Test
        void a_longer_usage_window_accepts_no_older_verification() {
            // --usage-window 365: stricter about use, never laxer about proof (at most 30 days old)
            Policy yearly = Policy.defaults().withUsageWindow(Duration.ofDays(365));
            MigrationEvidence fortyDays = MigrationEvidence.of(List.of(verification(APP_ID, thumbprint, daysAgo(40))))
                    .acceptingUnknownUsage();
            RetirementDecision decision = RetirementGuard.check(snapshot, yearly, AS_OF, APP_ID, secret.keyId(), fortyDays);
            assertThat(rules(decision)).containsExactly(RetirementRule.CERTIFICATE_NOT_PROVEN);
            assertThat(message(decision, RetirementRule.CERTIFICATE_NOT_PROVEN))
                    .contains("the verification of " + daysAgo(40) + " is older than " + daysAgo(30) + "; verify again");

            MigrationEvidence twentyNineDays = MigrationEvidence.of(List.of(verification(APP_ID, thumbprint, daysAgo(29))))
                    .acceptingUnknownUsage();
            assertThat(RetirementGuard.check(snapshot, yearly, AS_OF, APP_ID, secret.keyId(), twentyNineDays).allowed())
                    .isTrue();
            assertThat(RetirementGuard.MAX_PROOF_AGE).isEqualTo(Duration.ofDays(30));
        }

        @Test
        void a_longer_usage_window_accepts_no_older_certificate_sign_in() {
            Policy yearly = Policy.defaults().withUsageWindow(Duration.ofDays(365));
            // older than the 365-day window, and not in the evidence: unused
            PasswordCredential veryOld = dev.app09.core.Fixtures.secret(daysAgo(400), inDays(80));
            TenantSnapshot base = tenant(app(APP_ID, "Payroll", veryOld, certificate));
            RetirementDecision fortyDays = RetirementGuard.check(
                    base.withSignInEvidence(signIns(certificate.keyId(), daysAgo(40))), yearly, AS_OF, APP_ID,
                    veryOld.keyId(), MigrationEvidence.none());
            assertThat(rules(fortyDays)).containsExactly(RetirementRule.CERTIFICATE_NOT_PROVEN);
            assertThat(message(fortyDays, RetirementRule.CERTIFICATE_NOT_PROVEN))
                    .contains("no active certificate signed in since " + daysAgo(30));

            RetirementDecision twentyNineDays = RetirementGuard.check(
                    base.withSignInEvidence(signIns(certificate.keyId(), daysAgo(29))), yearly, AS_OF, APP_ID,
                    veryOld.keyId(), MigrationEvidence.none());
            assertThat(twentyNineDays.allowed()).isTrue();
        }

        @Test
        void a_verification_dated_before_the_certificate_started_is_not_counted() {
            // the verification cannot be of this key: it was made before the key was registered
            KeyCredential recent = cert(KeyIdentifier.of(thumbprintBytes(3)), daysAgo(5), inDays(365));
            TenantSnapshot s = tenant(app(APP_ID, "Payroll", secret, recent));
            String recentThumbprint = hex(thumbprintBytes(3));
            RetirementDecision decision = withVerification(s, verification(APP_ID, recentThumbprint, daysAgo(6)));
            assertThat(rules(decision)).containsExactly(RetirementRule.CERTIFICATE_NOT_PROVEN);
            assertThat(message(decision, RetirementRule.CERTIFICATE_NOT_PROVEN))
                    .contains("the verification of " + daysAgo(6) + " is of certificate " + recentThumbprint)
                    .contains("registered before the verification");
            assertThat(withVerification(s, verification(APP_ID, recentThumbprint, daysAgo(4))).allowed()).isTrue();
        }

        @Test
        void a_verification_up_to_the_clock_skew_before_the_certificate_started_counts() {
            Instant start = daysAgo(5);
            KeyCredential recent = cert(KeyIdentifier.of(thumbprintBytes(3)), start, inDays(365));
            TenantSnapshot s = tenant(app(APP_ID, "Payroll", secret, recent));
            String recentThumbprint = hex(thumbprintBytes(3));
            assertThat(withVerification(s, verification(APP_ID, recentThumbprint, start.minus(Duration.ofMinutes(5))))
                    .allowed()).isTrue();
            assertThat(rules(withVerification(s, verification(APP_ID, recentThumbprint,
                    start.minus(Duration.ofMinutes(5)).minusSeconds(1)))))
                    .containsExactly(RetirementRule.CERTIFICATE_NOT_PROVEN);
        }

        @Test
        void a_verification_of_a_certificate_without_a_start_counts() {
            KeyCredential noStart = cert(KeyIdentifier.of(thumbprintBytes(3)), null, inDays(365));
            TenantSnapshot s = tenant(app(APP_ID, "Payroll", secret, noStart));
            assertThat(withVerification(s, verification(APP_ID, hex(thumbprintBytes(3)), daysAgo(1))).allowed()).isTrue();
        }

        @Test
        void a_verification_before_one_certificate_started_counts_for_another_with_the_same_thumbprint() {
            // the same certificate registered twice (on the application and on the service principal):
            // the verification counts for the key that was there when it was made
            KeyCredential early = cert(KeyIdentifier.of(thumbprintBytes(3)), daysAgo(100), inDays(365));
            KeyCredential late = cert(KeyIdentifier.of(thumbprintBytes(3)), daysAgo(2), inDays(365));
            TenantSnapshot s = TenantSnapshot.of(List.of(app(APP_ID, "Payroll", secret, late)),
                    List.of(sp(APP_ID, "Payroll", null, early)));
            RetirementDecision decision = withVerification(s, verification(APP_ID, hex(thumbprintBytes(3)), daysAgo(3)));
            assertThat(decision.allowed()).isTrue();
        }

        @Test
        void a_verification_dated_after_as_of_beyond_the_clock_skew() {
            Instant future = AS_OF.plus(Duration.ofMinutes(5)).plusSeconds(1);
            RetirementDecision decision = withVerification(snapshot, verification(APP_ID, thumbprint, future));
            assertThat(rules(decision)).containsExactly(RetirementRule.CERTIFICATE_NOT_PROVEN);
            assertThat(message(decision, RetirementRule.CERTIFICATE_NOT_PROVEN)).contains("is dated after " + AS_OF);
        }

        @Test
        void a_verification_of_a_thumbprint_that_is_no_active_certificate() {
            KeyCredential expired = cert(KeyIdentifier.of(thumbprintBytes(9)), daysAgo(400), daysAgo(35));
            TenantSnapshot s = tenant(app(APP_ID, "Payroll", secret, certificate, expired));
            String expiredThumbprint = hex(thumbprintBytes(9));
            RetirementDecision decision = withVerification(s, verification(APP_ID, expiredThumbprint, daysAgo(1)));
            assertThat(rules(decision)).containsExactly(RetirementRule.CERTIFICATE_NOT_PROVEN);
            assertThat(message(decision, RetirementRule.CERTIFICATE_NOT_PROVEN))
                    .contains("is of certificate " + expiredThumbprint)
                    .contains("not an ACTIVE certificate");
        }

        @Test
        void a_verification_of_an_unregistered_thumbprint() {
            RetirementDecision decision = withVerification(snapshot, verification(APP_ID, hex(thumbprintBytes(2)), daysAgo(1)));
            assertThat(rules(decision)).containsExactly(RetirementRule.CERTIFICATE_NOT_PROVEN);
        }

        @Test
        void a_verification_for_another_tenant() {
            UUID otherTenant = UUID.fromString("7a3f9c10-0000-4000-8000-000000000099");
            TenantSnapshot s = snapshot.withTenantId(otherTenant);
            RetirementDecision decision = withVerification(s, verification(APP_ID, thumbprint, daysAgo(1)));
            assertThat(rules(decision)).containsExactly(RetirementRule.CERTIFICATE_NOT_PROVEN);
            assertThat(message(decision, RetirementRule.CERTIFICATE_NOT_PROVEN))
                    .contains("is for tenant " + TENANT + ", not " + otherTenant);
        }

        @Test
        void a_federated_only_workload_cannot_be_proven_and_the_message_says_federation() {
            PasswordCredential s = oldSecret();
            TenantSnapshot federatedOnly = tenant(app(APP_ID, "Pipeline", s, federated()))
                    .withSignInEvidence(elsewhere());
            RetirementDecision decision = check(federatedOnly, s.keyId(), MigrationEvidence.none());
            assertThat(rules(decision)).containsExactly(RetirementRule.CERTIFICATE_NOT_PROVEN);
            assertThat(message(decision, RetirementRule.CERTIFICATE_NOT_PROVEN))
                    .contains("federation, which app09 cannot prove")
                    .doesNotContain("app09 migrate verify");
        }

        @Test
        void one_valid_verification_among_rejected_ones_is_enough() {
            MigrationEvidence evidence = MigrationEvidence.of(List.of(
                    verification(APP_ID, thumbprint, daysAgo(60)),
                    verification(id(2), thumbprint, daysAgo(1)),
                    verification(APP_ID, thumbprint, daysAgo(2)))).acceptingUnknownUsage();
            assertThat(check(snapshot, secret.keyId(), evidence).allowed()).isTrue();
        }
    }

    // ---- the identity endpoint of a verification -----------------------------------------------

    @Nested
    @DisplayName("a verification issued by another identity endpoint than the expected one does not count")
    final class Authority {

        static final String GLOBAL = "https://login.microsoftonline.com";

        private final PasswordCredential secret = oldSecret();
        /**
         * A live tenant, whose id is known: with an expected identity endpoint, no verification counts
         * for a tenant whose id is not known.
         */
        private final TenantSnapshot snapshot = tenant(app(APP_ID, "Payroll", secret, activeCert(1)))
                .withTenantId(UUID.fromString(TENANT));

        private Verification from(String authorityHost) {
            return new Verification(TENANT, APP_ID, hex(thumbprintBytes(1)), daysAgo(1), authorityHost);
        }

        private RetirementDecision expecting(@Nullable String expected, Verification... verifications) {
            MigrationEvidence evidence = MigrationEvidence.of(List.of(verifications)).acceptingUnknownUsage();
            return check(snapshot, secret.keyId(), expected == null ? evidence : evidence.withExpectedAuthority(expected));
        }

        @Test
        void a_local_token_endpoint_is_refused_when_the_global_one_is_expected() {
            RetirementDecision decision = expecting(GLOBAL, from("https://127.0.0.1:8443"));
            assertThat(rules(decision)).containsExactly(RetirementRule.CERTIFICATE_NOT_PROVEN);
            assertThat(message(decision, RetirementRule.CERTIFICATE_NOT_PROVEN))
                    .contains("the verification of " + daysAgo(1) + " was issued by https://127.0.0.1:8443")
                    .contains(GLOBAL);
        }

        @Test
        void the_same_endpoint_in_another_case_or_with_a_path_counts() {
            assertThat(expecting(GLOBAL, from("HTTPS://Login.MicrosoftOnline.COM")).allowed()).isTrue();
            assertThat(expecting("https://LOGIN.microsoftonline.com", from(GLOBAL)).allowed()).isTrue();
            assertThat(expecting(GLOBAL, from(GLOBAL + "/")).allowed()).isTrue();
            assertThat(expecting(GLOBAL, from("https://login.microsoftonline.com:443")).allowed()).as("https's own port")
                    .isTrue();
        }

        @Test
        void another_scheme_port_or_host_is_refused() {
            for (String other : List.of("http://login.microsoftonline.com", "https://login.microsoftonline.com:8443",
                    "https://login.microsoftonline.us", "https://login.microsoftonline.com.evil.example",
                    "login.microsoftonline.com")) {
                RetirementDecision decision = expecting(GLOBAL, from(other));
                assertThat(rules(decision)).as(other).containsExactly(RetirementRule.CERTIFICATE_NOT_PROVEN);
                assertThat(message(decision, RetirementRule.CERTIFICATE_NOT_PROVEN)).as(other)
                        .contains("was issued by " + other + ", not by this tenant's identity endpoint " + GLOBAL);
            }
        }

        @Test
        void no_expected_endpoint_accepts_any() {
            assertThat(expecting(null, from("https://127.0.0.1:8443")).allowed()).isTrue();
        }

        @Test
        void one_verification_from_the_expected_endpoint_is_enough() {
            assertThat(expecting(GLOBAL, from("https://127.0.0.1:8443"), from(GLOBAL)).allowed()).isTrue();
        }

        @Test
        void a_certificate_sign_in_still_proves_it() {
            KeyCredential certificate = activeCert(1);
            TenantSnapshot withSignIn = tenant(app(APP_ID, "Payroll", secret, certificate))
                    .withTenantId(UUID.fromString(TENANT))
                    .withSignInEvidence(signIns(certificate.keyId(), daysAgo(2)));
            MigrationEvidence evidence = MigrationEvidence.of(List.of(from("https://127.0.0.1:8443")))
                    .withExpectedAuthority(GLOBAL);
            RetirementDecision decision = check(withSignIn, secret.keyId(), evidence);
            assertThat(decision.allowed()).isTrue();
            assertThat(decision.grounds()).noneSatisfy(g -> assertThat(g).contains("saved verification"));
        }
    }

    // ---- the tenant of a verification ----------------------------------------------------------

    @Nested
    @DisplayName("a verification counts only for a tenant matched by its id")
    final class TenantOfAVerification {

        static final String GLOBAL = "https://login.microsoftonline.com";

        private final PasswordCredential secret = oldSecret();
        /** Read offline: the tenant's id is not known. */
        private final TenantSnapshot unknownId = tenant(app(APP_ID, "Payroll", secret, activeCert(1)));
        private final TenantSnapshot knownId = unknownId.withTenantId(UUID.fromString(TENANT));

        /** A verification of certificate 1 of {@link #APP_ID} from the global endpoint, naming the tenant so. */
        private MigrationEvidence naming(String tenant) {
            return MigrationEvidence.of(List.of(new Verification(tenant, APP_ID, hex(thumbprintBytes(1)), daysAgo(1),
                    GLOBAL))).acceptingUnknownUsage();
        }

        @Test
        void a_verification_naming_its_tenant_by_domain_is_rejected_when_the_tenant_id_is_known() {
            RetirementDecision decision = check(knownId, secret.keyId(), naming("contoso.onmicrosoft.com"));
            assertThat(rules(decision)).containsExactly(RetirementRule.CERTIFICATE_NOT_PROVEN);
            assertThat(message(decision, RetirementRule.CERTIFICATE_NOT_PROVEN))
                    .contains("names its tenant 'contoso.onmicrosoft.com' by name")
                    .contains("cannot be matched to tenant " + TENANT)
                    .contains("verify again with the tenant id");
            // the same verification naming the tenant by its id counts, in either case
            assertThat(check(knownId, secret.keyId(), naming(TENANT)).allowed()).isTrue();
            assertThat(check(knownId, secret.keyId(), naming(TENANT.toUpperCase(java.util.Locale.ROOT))).allowed())
                    .isTrue();
        }

        @Test
        void a_domain_named_verification_is_rejected_from_the_expected_endpoint_too() {
            RetirementDecision decision = check(knownId, secret.keyId(),
                    naming("contoso.onmicrosoft.com").withExpectedAuthority(GLOBAL));
            assertThat(rules(decision)).containsExactly(RetirementRule.CERTIFICATE_NOT_PROVEN);
            assertThat(message(decision, RetirementRule.CERTIFICATE_NOT_PROVEN)).contains("by name");
        }

        @Test
        void with_an_expected_endpoint_and_an_unknown_tenant_id_every_verification_is_rejected() {
            // a live read knows the tenant's id: without it nothing ties the verification to this tenant
            for (String tenant : List.of(TENANT, "contoso.onmicrosoft.com")) {
                RetirementDecision decision = check(unknownId, secret.keyId(), naming(tenant).withExpectedAuthority(GLOBAL));
                assertThat(rules(decision)).as(tenant).containsExactly(RetirementRule.CERTIFICATE_NOT_PROVEN);
                assertThat(message(decision, RetirementRule.CERTIFICATE_NOT_PROVEN)).as(tenant)
                        .contains("cannot be matched to this tenant, whose id is not known");
            }
            // the id known, the same verification counts
            assertThat(check(knownId, secret.keyId(), naming(TENANT).withExpectedAuthority(GLOBAL)).allowed()).isTrue();
        }

        @Test
        void a_certificate_sign_in_proves_it_when_the_tenant_id_is_not_known() {
            KeyCredential certificate = activeCert(1);
            TenantSnapshot snapshot = tenant(app(APP_ID, "Payroll", secret, certificate))
                    .withSignInEvidence(signIns(certificate.keyId(), daysAgo(2)));
            RetirementDecision decision = check(snapshot, secret.keyId(),
                    MigrationEvidence.none().withExpectedAuthority(GLOBAL));
            assertThat(decision.allowed()).isTrue();
        }

        @Test
        void offline_without_an_expected_endpoint_a_verification_is_not_matched_to_a_tenant() {
            // an export read offline: no tenant id and no endpoint to compare with, as before
            assertThat(check(unknownId, secret.keyId(), naming("contoso.onmicrosoft.com")).allowed()).isTrue();
            assertThat(check(unknownId, secret.keyId(), naming(TENANT)).allowed()).isTrue();
        }
    }

    // ---- a removal resting on verifications alone ----------------------------------------------

    @Nested
    @DisplayName("a verification shows Entra accepts the certificate, not that the deployed client uses it")
    final class VerificationOnly {

        static final String WARNING = "a verification shows Entra accepts the certificate, not that the deployed "
                + "client uses it; the sign-in evidence will show that";

        private final PasswordCredential secret = oldSecret();
        private final KeyCredential certificate = activeCert(1);

        @Test
        void a_removal_proven_by_a_verification_alone_warns() {
            TenantSnapshot snapshot = tenant(app(APP_ID, "Payroll", secret, certificate)).withSignInEvidence(elsewhere());
            RetirementDecision decision = check(snapshot, secret.keyId(), verified(1));
            assertThat(decision.allowed()).isTrue();
            assertThat(decision.warnings()).containsExactly(WARNING);
            assertThat(decision.grounds()).anySatisfy(g -> assertThat(g).contains("saved verification"));
        }

        @Test
        void a_certificate_sign_in_beside_the_verification_gives_no_such_warning() {
            TenantSnapshot snapshot = tenant(app(APP_ID, "Payroll", secret, certificate))
                    .withSignInEvidence(signIns(certificate.keyId(), daysAgo(2)));
            RetirementDecision decision = check(snapshot, secret.keyId(), verified(1));
            assertThat(decision.allowed()).isTrue();
            assertThat(decision.warnings()).isEmpty();
            assertThat(decision.grounds()).anySatisfy(g -> assertThat(g).contains("saved verification"))
                    .anySatisfy(g -> assertThat(g).contains("(sign-in evidence)"));
        }

        @Test
        void a_certificate_sign_in_too_old_to_prove_anything_does_not_lift_the_warning() {
            TenantSnapshot snapshot = tenant(app(APP_ID, "Payroll", secret, certificate))
                    .withSignInEvidence(signIns(certificate.keyId(), daysAgo(31)));
            RetirementDecision decision = check(snapshot, secret.keyId(), verified(1));
            assertThat(decision.allowed()).isTrue();
            assertThat(decision.warnings()).containsExactly(WARNING);
        }

        @Test
        void a_refusal_that_rests_on_no_proof_has_no_such_warning() {
            TenantSnapshot snapshot = tenant(app(APP_ID, "Payroll", secret, certificate)).withSignInEvidence(elsewhere());
            RetirementDecision decision = check(snapshot, secret.keyId(), MigrationEvidence.none());
            assertThat(rules(decision)).containsExactly(RetirementRule.CERTIFICATE_NOT_PROVEN);
            assertThat(decision.warnings()).isEmpty();
        }

        @Test
        void proofs_name_their_certificate_and_whether_they_are_verifications() {
            KeyCredential signedIn = activeCert(2);
            TenantSnapshot snapshot = tenant(app(APP_ID, "Payroll", secret, certificate, signedIn))
                    .withSignInEvidence(signIns(signedIn.keyId(), daysAgo(2)));
            dev.app09.core.rules.Workload workload = RetirementGuard.find(snapshot, APP_ID).orElseThrow();
            List<String> rejected = new java.util.ArrayList<>();
            List<RetirementGuard.Proof> proofs = RetirementGuard.proofs(workload,
                    dev.app09.core.rules.CredentialClassifier.classify(workload, AS_OF), snapshot, Policy.defaults(), AS_OF,
                    verified(1), rejected);
            assertThat(proofs).extracting(RetirementGuard.Proof::keyId, RetirementGuard.Proof::verification)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(certificate.keyId(), true),
                            org.assertj.core.groups.Tuple.tuple(signedIn.keyId(), false));
            assertThat(proofs.get(0).text()).contains("certificate " + hex(thumbprintBytes(1))).contains("saved verification");
            assertThat(proofs.get(1).text()).contains(signedIn.keyId().toString()).contains("(sign-in evidence)");
            assertThat(rejected).isEmpty();
        }
    }

    // ---- USAGE_UNKNOWN -------------------------------------------------------------------------

    @Nested
    @DisplayName("USAGE_UNKNOWN: no sign-in evidence was read, unless the removal is accepted without it")
    final class UsageUnknown {

        /** Created before the usage window, so that evidence that does not show it shows it unused. */
        private final PasswordCredential secret = oldSecret();

        @Test
        void refused_without_sign_in_evidence_even_with_a_proven_certificate() {
            RetirementDecision decision = check(tenant(app(APP_ID, "Payroll", secret, activeCert(1))), secret.keyId(),
                    verified(1));
            assertThat(rules(decision)).containsExactly(RetirementRule.USAGE_UNKNOWN);
            assertThat(decision.allowed()).isFalse();
            assertThat(message(decision, RetirementRule.USAGE_UNKNOWN)).contains("no sign-in evidence was read")
                    .contains("--without-usage-evidence");
            // nothing was accepted, so nothing about usage is a warning; the one warning is that the
            // proof is a verification alone
            assertThat(decision.warnings()).singleElement()
                    .satisfies(w -> assertThat(w).startsWith("a verification shows Entra accepts the certificate"));
        }

        @Test
        void accepting_unknown_usage_lifts_it_and_warns() {
            RetirementDecision decision = check(tenant(app(APP_ID, "Payroll", secret, activeCert(1))), secret.keyId(),
                    verifiedAcceptingUnknownUsage(1));
            assertThat(decision.allowed()).isTrue();
            assertThat(decision.warnings()).hasSize(2)
                    .anySatisfy(w -> assertThat(w).contains("no sign-in evidence was read").contains("not known"))
                    .anySatisfy(w -> assertThat(w).startsWith("a verification shows Entra accepts the certificate"));
            assertThat(decision.grounds()).anySatisfy(g -> assertThat(g).contains("saved verification"));
        }

        @Test
        void accepting_unknown_usage_lifts_no_other_rule() {
            RetirementDecision decision = check(tenant(app(APP_ID, "Payroll", secret)), secret.keyId(),
                    verifiedAcceptingUnknownUsage(1));
            assertThat(rules(decision)).containsExactly(RetirementRule.NO_ALTERNATIVE, RetirementRule.CERTIFICATE_NOT_PROVEN);
            assertThat(decision.warnings()).hasSize(1);

            RetirementDecision endingSoon = check(tenant(app(APP_ID, "Payroll", secret,
                    cert(KeyIdentifier.of(thumbprintBytes(1)), daysAgo(100), inDays(10)))), secret.keyId(),
                    verifiedAcceptingUnknownUsage(1));
            assertThat(rules(endingSoon)).containsExactly(RetirementRule.ALTERNATIVE_ENDS_SOON);
        }

        @Test
        void without_evidence_it_is_reported_beside_the_other_rules() {
            RetirementDecision decision = check(tenant(app(APP_ID, "Payroll", secret)), secret.keyId(), verified(1));
            assertThat(rules(decision)).containsExactly(RetirementRule.NO_ALTERNATIVE, RetirementRule.USAGE_UNKNOWN,
                    RetirementRule.CERTIFICATE_NOT_PROVEN);
            assertThat(decision.warnings()).isEmpty();
        }

        @Test
        void sign_in_evidence_that_shows_the_secret_unused_needs_no_acceptance_and_gives_no_warning() {
            // evidence that is not empty (the certificate signed in) and a secret older than the usage
            // window that is not in it: the secret never signed in
            KeyCredential certificate = activeCert(1);
            TenantSnapshot snapshot = tenant(app(APP_ID, "Payroll", secret, certificate))
                    .withSignInEvidence(signIns(certificate.keyId(), daysAgo(1)));
            RetirementDecision decision = check(snapshot, secret.keyId(), verified(1));
            assertThat(decision.allowed()).isTrue();
            assertThat(decision.warnings()).isEmpty();
            assertThat(decision.grounds()).anySatisfy(g -> assertThat(g).contains("the secret never signed in"));
        }

        @Test
        void acceptance_does_not_override_evidence_that_the_secret_is_in_use() {
            TenantSnapshot snapshot = tenant(app(APP_ID, "Payroll", secret, activeCert(1)))
                    .withSignInEvidence(signIns(secret.keyId(), daysAgo(2)));
            RetirementDecision decision = check(snapshot, secret.keyId(), verifiedAcceptingUnknownUsage(1));
            assertThat(rules(decision)).containsExactly(RetirementRule.SECRET_IN_USE);
            // no warning about usage (it is known); the one warning is that the proof is a verification alone
            assertThat(decision.warnings()).singleElement()
                    .satisfies(w -> assertThat(w).startsWith("a verification shows Entra accepts the certificate"));
        }

        @Test
        void an_incomplete_read_without_evidence_reports_both() {
            TenantSnapshot snapshot = tenant(app(APP_ID, "Payroll", secret, activeCert(1)))
                    .withProblems(List.of(ScanProblem.incomplete("applications", "HTTP 500")));
            assertThat(rules(check(snapshot, secret.keyId(), verified(1))))
                    .containsExactly(RetirementRule.SCAN_INCOMPLETE, RetirementRule.USAGE_UNKNOWN);
        }

        @Test
        void empty_sign_in_evidence_shows_nothing_and_is_refused() {
            // the report was read and holds no row at all: that says it holds nothing yet, not that
            // nothing signs in; even a secret older than the usage window is not shown unused
            TenantSnapshot snapshot = tenant(app(APP_ID, "Payroll", secret, activeCert(1)))
                    .withSignInEvidence(SignInEvidence.of(List.of()));
            RetirementDecision decision = check(snapshot, secret.keyId(), verified(1));
            assertThat(rules(decision)).containsExactly(RetirementRule.USAGE_UNKNOWN);
            assertThat(message(decision, RetirementRule.USAGE_UNKNOWN)).contains("the sign-in evidence shows no sign-in at all")
                    .doesNotContain("no sign-in evidence was read").contains("--without-usage-evidence");
            assertThat(decision.grounds()).noneSatisfy(g -> assertThat(g).contains("never signed in"));
            assertThat(decision.warnings()).noneSatisfy(w -> assertThat(w).contains("accepted without it"));
        }

        @Test
        void empty_sign_in_evidence_accepted_allows_with_a_warning() {
            TenantSnapshot snapshot = tenant(app(APP_ID, "Payroll", secret, activeCert(1)))
                    .withSignInEvidence(SignInEvidence.of(List.of()));
            RetirementDecision decision = check(snapshot, secret.keyId(), verifiedAcceptingUnknownUsage(1));
            assertThat(decision.allowed()).isTrue();
            assertThat(decision.warnings()).anySatisfy(w -> assertThat(w).startsWith("the sign-in evidence shows no sign-in at all")
                    .contains("not known").contains("accepted without it"));
            assertThat(decision.grounds()).noneSatisfy(g -> assertThat(g).contains("never signed in"));
        }

        @Test
        void empty_sign_in_evidence_does_not_lift_the_other_rules_when_accepted() {
            TenantSnapshot snapshot = tenant(app(APP_ID, "Payroll", secret, activeCert(1)))
                    .withSignInEvidence(SignInEvidence.of(List.of()));
            RetirementDecision decision = check(snapshot, secret.keyId(), MigrationEvidence.none().acceptingUnknownUsage());
            assertThat(rules(decision)).containsExactly(RetirementRule.CERTIFICATE_NOT_PROVEN);
            assertThat(message(decision, RetirementRule.CERTIFICATE_NOT_PROVEN))
                    .contains("no active certificate signed in since " + daysAgo(30));
        }

        /** The workload with {@code s} and a certificate that signed in yesterday: the evidence is not empty. */
        private TenantSnapshot withCertificateSignIn(PasswordCredential s) {
            KeyCredential certificate = activeCert(1);
            return tenant(app(APP_ID, "Payroll", s, certificate)).withSignInEvidence(signIns(certificate.keyId(), daysAgo(1)));
        }

        @Test
        void a_secret_created_ten_days_ago_and_absent_from_the_evidence_is_not_known_to_be_unused() {
            PasswordCredential young = dev.app09.core.Fixtures.secret(daysAgo(10), inDays(80));
            RetirementDecision decision = check(withCertificateSignIn(young), young.keyId(), MigrationEvidence.none());
            assertThat(rules(decision)).containsExactly(RetirementRule.USAGE_UNKNOWN);
            assertThat(message(decision, RetirementRule.USAGE_UNKNOWN))
                    .contains("the secret was created on " + daysAgo(10) + ", inside the usage window of 30 days")
                    .contains("--without-usage-evidence");
            assertThat(decision.grounds()).noneSatisfy(g -> assertThat(g).contains("never signed in"));

            RetirementDecision accepted = check(withCertificateSignIn(young), young.keyId(),
                    MigrationEvidence.none().acceptingUnknownUsage());
            assertThat(accepted.allowed()).isTrue();
            assertThat(accepted.warnings()).singleElement().satisfies(w -> assertThat(w)
                    .contains("was created on " + daysAgo(10)).contains("accepted without it"));
        }

        @Test
        void a_secret_created_forty_days_ago_and_absent_from_the_evidence_is_unused() {
            PasswordCredential older = dev.app09.core.Fixtures.secret(daysAgo(40), inDays(50));
            RetirementDecision decision = check(withCertificateSignIn(older), older.keyId(), MigrationEvidence.none());
            assertThat(decision.allowed()).isTrue();
            assertThat(decision.grounds()).anySatisfy(g -> assertThat(g)
                    .isEqualTo("sign-in evidence: the secret never signed in, not within 30 days"));
            assertThat(decision.warnings()).isEmpty();
        }

        @Test
        void a_secret_created_exactly_at_the_start_of_the_usage_window_is_old_enough_and_a_second_later_is_not() {
            PasswordCredential atTheEdge = dev.app09.core.Fixtures.secret(daysAgo(30), inDays(50));
            assertThat(check(withCertificateSignIn(atTheEdge), atTheEdge.keyId(), MigrationEvidence.none()).allowed())
                    .isTrue();
            PasswordCredential justInside = dev.app09.core.Fixtures.secret(daysAgo(30).plusSeconds(1), inDays(50));
            assertThat(rules(check(withCertificateSignIn(justInside), justInside.keyId(), MigrationEvidence.none())))
                    .containsExactly(RetirementRule.USAGE_UNKNOWN);
        }

        @Test
        void a_secret_without_a_start_and_absent_from_the_evidence_is_unused() {
            PasswordCredential noStart = dev.app09.core.Fixtures.secret(null, inDays(80));
            assertThat(check(withCertificateSignIn(noStart), noStart.keyId(), MigrationEvidence.none()).allowed()).isTrue();
        }

        @Test
        void the_window_a_secret_must_predate_comes_from_the_policy() {
            PasswordCredential young = dev.app09.core.Fixtures.secret(daysAgo(10), inDays(80));
            TenantSnapshot snapshot = withCertificateSignIn(young);
            assertThat(RetirementGuard.check(snapshot, Policy.defaults().withUsageWindow(Duration.ofDays(7)), AS_OF, APP_ID,
                    young.keyId(), MigrationEvidence.none()).allowed()).isTrue();
            RetirementDecision fourteen = RetirementGuard.check(snapshot,
                    Policy.defaults().withUsageWindow(Duration.ofDays(14)), AS_OF, APP_ID, young.keyId(),
                    MigrationEvidence.none());
            assertThat(rules(fourteen)).containsExactly(RetirementRule.USAGE_UNKNOWN);
            assertThat(message(fourteen, RetirementRule.USAGE_UNKNOWN)).contains("inside the usage window of 14 days");
        }

        @Test
        void a_young_secret_that_signed_in_is_in_use_not_unknown() {
            PasswordCredential young = dev.app09.core.Fixtures.secret(daysAgo(10), inDays(80));
            KeyCredential certificate = activeCert(1);
            TenantSnapshot snapshot = tenant(app(APP_ID, "Payroll", young, certificate))
                    .withSignInEvidence(signIns(certificate.keyId(), daysAgo(1), young.keyId(), daysAgo(2)));
            RetirementDecision decision = check(snapshot, young.keyId(), MigrationEvidence.none().acceptingUnknownUsage());
            assertThat(rules(decision)).containsExactly(RetirementRule.SECRET_IN_USE);
            assertThat(decision.warnings()).isEmpty();
        }

        @Test
        void the_decision_keeps_a_copy_of_its_warnings() {
            List<String> warnings = new java.util.ArrayList<>(List.of("w"));
            RetirementDecision decision = new RetirementDecision(APP_ID, secret.keyId(), null, null, "", List.of(),
                    List.of(), warnings);
            warnings.add("later");
            assertThat(decision.warnings()).containsExactly("w");
        }
    }

    // ---- SECRET_IN_USE -------------------------------------------------------------------------

    @Nested
    @DisplayName("SECRET_IN_USE: the secret signed in within the usage window")
    final class InUse {

        @Test
        void refused_even_with_a_valid_verification() {
            PasswordCredential secret = liveSecret();
            KeyCredential certificate = activeCert(1);
            TenantSnapshot snapshot = tenant(app(APP_ID, "Payroll", secret, certificate))
                    .withSignInEvidence(signIns(secret.keyId(), daysAgo(3), certificate.keyId(), daysAgo(1)));

            RetirementDecision decision = check(snapshot, secret.keyId(), verified(1));

            assertThat(rules(decision)).containsExactly(RetirementRule.SECRET_IN_USE);
            assertThat(message(decision, RetirementRule.SECRET_IN_USE))
                    .contains("signed in on " + daysAgo(3)).contains("30 days").contains("a client still uses it");
            assertThat(decision.location()).isEqualTo(CredentialLocation.APPLICATION);
        }

        @Test
        void a_sign_in_exactly_at_the_window_edge_is_use_and_just_before_it_is_not() {
            // created before the usage window: a sign-in just before it shows the secret unused since
            PasswordCredential secret = oldSecret();
            TenantSnapshot base = tenant(app(APP_ID, "Payroll", secret, activeCert(1)));
            assertThat(check(base.withSignInEvidence(signIns(secret.keyId(), daysAgo(30))), secret.keyId(), verified(1))
                    .refusedBy(RetirementRule.SECRET_IN_USE)).isTrue();
            assertThat(check(base.withSignInEvidence(signIns(secret.keyId(), daysAgo(30).minusSeconds(1))), secret.keyId(),
                    verified(1)).allowed()).isTrue();
        }

        @Test
        void the_latest_of_several_rows_counts() {
            PasswordCredential secret = liveSecret();
            TenantSnapshot snapshot = tenant(app(APP_ID, "Payroll", secret, activeCert(1)))
                    .withSignInEvidence(signIns(secret.keyId(), daysAgo(90), secret.keyId(), daysAgo(2), secret.keyId(), null));
            assertThat(rules(check(snapshot, secret.keyId(), verified(1)))).containsExactly(RetirementRule.SECRET_IN_USE);
        }
    }

    // ---- SIGNING_PASSWORD ----------------------------------------------------------------------

    @Nested
    @DisplayName("SIGNING_PASSWORD: the password of a SAML signing certificate (rules section 2)")
    final class SigningPassword {

        @Test
        void the_saml_password_is_refused_and_never_allowed_whatever_else_holds() {
            // created before the usage window and absent from evidence that is not empty: unused
            List<Object> saml = samlTriple(daysAgo(100), inDays(265));
            PasswordCredential samlPassword = (PasswordCredential) saml.get(2);
            KeyCredential certificate = activeCert(1);
            ServicePrincipal servicePrincipal = sp(APP_ID, "Saml app", null, saml, certificate);
            TenantSnapshot snapshot = TenantSnapshot.of(List.of(), List.of(servicePrincipal))
                    .withSignInEvidence(signIns(certificate.keyId(), daysAgo(1)));

            RetirementDecision decision = check(snapshot, samlPassword.keyId(), verified(1));

            assertThat(rules(decision)).containsExactly(RetirementRule.SIGNING_PASSWORD);
            assertThat(decision.allowed()).isFalse();
            assertThat(message(decision, RetirementRule.SIGNING_PASSWORD))
                    .contains(samlPassword.keyId().toString()).contains("SAML token-signing").contains("Saml app");
            assertThat(decision.location()).isEqualTo(CredentialLocation.SERVICE_PRINCIPAL);
            assertThat(decision.objectId()).isEqualTo(servicePrincipal.id());
        }

        @Test
        void a_password_paired_only_by_custom_key_identifier_is_a_signing_password_too() {
            KeyIdentifier shared = KeyIdentifier.of(thumbprintBytes(7));
            KeyCredential sign = new KeyCredential(UUID.randomUUID(), "CN=saml", shared, "X509CertAndPassword", "Sign",
                    daysAgo(10), inDays(355));
            PasswordCredential password = new PasswordCredential(UUID.randomUUID(), "CN=saml", null, shared, daysAgo(10),
                    inDays(355));
            ServicePrincipal servicePrincipal = sp(APP_ID, "Saml app", null, sign, password, activeCert(1));
            RetirementDecision decision = check(TenantSnapshot.of(List.of(), List.of(servicePrincipal)), password.keyId(),
                    verifiedAcceptingUnknownUsage(1));
            assertThat(rules(decision)).containsExactly(RetirementRule.SIGNING_PASSWORD);
        }
    }

    // ---- NO_SUCH_SECRET ------------------------------------------------------------------------

    @Nested
    @DisplayName("NO_SUCH_SECRET: the workload or the password is not in the tenant")
    final class NoSuchSecret {

        @Test
        void an_unknown_app_id() {
            PasswordCredential secret = liveSecret();
            TenantSnapshot snapshot = tenant(app(APP_ID, "Payroll", secret, activeCert(1)));
            RetirementDecision decision = RetirementGuard.check(snapshot, Policy.defaults(), AS_OF, id(42), secret.keyId(),
                    verified(1));
            assertThat(rules(decision)).containsExactly(RetirementRule.NO_SUCH_SECRET);
            assertThat(message(decision, RetirementRule.NO_SUCH_SECRET)).contains("no application or service principal with appId " + id(42)).contains("is in the tenant");
            assertThat(decision.location()).isNull();
            assertThat(decision.objectId()).isNull();
            assertThat(decision.secret()).isEmpty();
            assertThat(decision.appId()).isEqualTo(id(42));
        }

        @Test
        void an_unknown_key_id_lists_the_apps_secrets() {
            PasswordCredential one = liveSecret();
            PasswordCredential two = liveSecret();
            UUID unknown = UUID.fromString("00000000-dead-beef-0000-000000000001");
            RetirementDecision decision = check(tenant(app(APP_ID, "Payroll", one, two, activeCert(1))), unknown, verified(1));
            assertThat(rules(decision)).containsExactly(RetirementRule.NO_SUCH_SECRET);
            assertThat(message(decision, RetirementRule.NO_SUCH_SECRET))
                    .contains("Payroll has no password credential " + unknown)
                    .contains(one.keyId().toString()).contains(two.keyId().toString());
            assertThat(decision.location()).isNull();
        }

        @Test
        void an_unknown_key_id_on_an_app_without_secrets_says_so() {
            UUID unknown = UUID.randomUUID();
            RetirementDecision decision = check(tenant(app(APP_ID, "Payroll", activeCert(1))), unknown, verified(1));
            assertThat(message(decision, RetirementRule.NO_SUCH_SECRET)).contains("it has no client secret");
        }

        @Test
        void the_key_id_of_a_certificate_is_not_a_password_credential() {
            KeyCredential certificate = activeCert(1);
            RetirementDecision decision = check(tenant(app(APP_ID, "Payroll", liveSecret(), certificate)), certificate.keyId(),
                    verified(1));
            assertThat(rules(decision)).containsExactly(RetirementRule.NO_SUCH_SECRET);
            assertThat(message(decision, RetirementRule.NO_SUCH_SECRET))
                    .contains(certificate.keyId() + " is a certificate of Payroll, not a password credential");
        }

        @Test
        void the_secret_of_another_application_is_not_found_under_this_app_id() {
            PasswordCredential othersSecret = liveSecret();
            TenantSnapshot snapshot = TenantSnapshot.of(List.of(app(APP_ID, "Payroll", liveSecret(), activeCert(1)),
                    app(id(2), "Billing", othersSecret, activeCert(2))), List.of());
            RetirementDecision decision = check(snapshot, othersSecret.keyId(), verified(1));
            assertThat(rules(decision)).containsExactly(RetirementRule.NO_SUCH_SECRET);
        }
    }

    // ---- SCAN_INCOMPLETE -----------------------------------------------------------------------

    @Nested
    @DisplayName("SCAN_INCOMPLETE: the tenant was not read whole (rules section 7)")
    final class ScanIncomplete {

        @Test
        void refused_even_when_everything_else_is_fine() {
            PasswordCredential secret = liveSecret();
            TenantSnapshot snapshot = tenant(app(APP_ID, "Payroll", secret, activeCert(1)))
                    .withProblems(List.of(ScanProblem.incomplete("servicePrincipals", "HTTP 503 after 3 retries")));
            RetirementDecision decision = check(snapshot, secret.keyId(), verifiedAcceptingUnknownUsage(1));
            assertThat(rules(decision)).containsExactly(RetirementRule.SCAN_INCOMPLETE);
            assertThat(message(decision, RetirementRule.SCAN_INCOMPLETE)).contains("not read whole").contains("1 problem");
            assertThat(decision.allowed()).isFalse();
        }

        @Test
        void a_warning_does_not_refuse() {
            PasswordCredential secret = liveSecret();
            TenantSnapshot snapshot = tenant(app(APP_ID, "Payroll", secret, activeCert(1)))
                    .withProblems(List.of(ScanProblem.warning("signInEvidence", "HTTP 403")));
            // the evidence could not be read: that is USAGE_UNKNOWN, never SCAN_INCOMPLETE
            assertThat(rules(check(snapshot, secret.keyId(), verified(1)))).containsExactly(RetirementRule.USAGE_UNKNOWN);
            assertThat(check(snapshot, secret.keyId(), verifiedAcceptingUnknownUsage(1)).allowed()).isTrue();
        }

        @Test
        void an_incomplete_read_is_reported_beside_an_unknown_app_id() {
            TenantSnapshot snapshot = TenantSnapshot.of(List.of(), List.of())
                    .withProblems(List.of(ScanProblem.incomplete("applications", "page 3 failed")));
            RetirementDecision decision = check(snapshot, UUID.randomUUID(), MigrationEvidence.none());
            assertThat(rules(decision)).containsExactly(RetirementRule.SCAN_INCOMPLETE, RetirementRule.NO_SUCH_SECRET);
        }
    }

    // ---- location: the service principal -------------------------------------------------------

    @Nested
    @DisplayName("a secret on the service principal (rules section 1: one workload)")
    final class OnServicePrincipal {

        @Test
        void the_decision_targets_the_service_principal_and_a_certificate_on_the_application_counts() {
            PasswordCredential spSecret = liveSecret();
            Application app = app(APP_ID, "Payroll", activeCert(1));
            ServicePrincipal servicePrincipal = sp(APP_ID, "Payroll", null, spSecret);
            TenantSnapshot snapshot = TenantSnapshot.of(List.of(app), List.of(servicePrincipal));

            RetirementDecision decision = check(snapshot, spSecret.keyId(), verifiedAcceptingUnknownUsage(1));

            assertThat(decision.refusals()).isEmpty();
            assertThat(decision.location()).isEqualTo(CredentialLocation.SERVICE_PRINCIPAL);
            assertThat(decision.objectId()).isEqualTo(servicePrincipal.id()).isNotEqualTo(app.id());
        }

        @Test
        void a_service_principal_only_workload_with_its_own_certificate() {
            PasswordCredential spSecret = liveSecret();
            ServicePrincipal servicePrincipal = sp(APP_ID, "Vendor app", id(77), spSecret, activeCert(1));
            RetirementDecision decision = check(TenantSnapshot.of(List.of(), List.of(servicePrincipal)), spSecret.keyId(),
                    verifiedAcceptingUnknownUsage(1));
            assertThat(decision.refusals()).isEmpty();
            assertThat(decision.location()).isEqualTo(CredentialLocation.SERVICE_PRINCIPAL);
            assertThat(decision.objectId()).isEqualTo(servicePrincipal.id());
        }

        @Test
        void a_service_principal_secret_without_any_alternative() {
            PasswordCredential spSecret = liveSecret();
            TenantSnapshot snapshot = TenantSnapshot.of(List.of(app(APP_ID, "Payroll")),
                    List.of(sp(APP_ID, "Payroll", null, spSecret)));
            assertThat(rules(check(snapshot, spSecret.keyId(), MigrationEvidence.none())))
                    .containsExactly(RetirementRule.NO_ALTERNATIVE, RetirementRule.USAGE_UNKNOWN,
                            RetirementRule.CERTIFICATE_NOT_PROVEN);
        }
    }

    // ---- several refusals ----------------------------------------------------------------------

    @Test
    void every_refusing_rule_is_reported_at_once() {
        PasswordCredential secret = liveSecret();
        TenantSnapshot snapshot = tenant(app(APP_ID, "Payroll", secret, expiredCertificate()))
                .withSignInEvidence(signIns(secret.keyId(), daysAgo(1)))
                .withProblems(List.of(ScanProblem.incomplete("applications", "HTTP 500")));

        RetirementDecision decision = check(snapshot, secret.keyId(), MigrationEvidence.none());

        assertThat(rules(decision)).containsExactly(RetirementRule.SCAN_INCOMPLETE, RetirementRule.NO_ALTERNATIVE,
                RetirementRule.SECRET_IN_USE, RetirementRule.CERTIFICATE_NOT_PROVEN);
        assertThat(decision.location()).isEqualTo(CredentialLocation.APPLICATION);
        for (RetirementRule rule : rules(decision)) {
            assertThat(decision.refusedBy(rule)).isTrue();
        }
        assertThat(decision.refusedBy(RetirementRule.SIGNING_PASSWORD)).isFalse();
        assertThat(decision.refusedBy(RetirementRule.NO_SUCH_SECRET)).isFalse();
    }

    // ---- thumbprint matching -------------------------------------------------------------------

    @Nested
    @DisplayName("a verification is matched to a certificate (GRAPH-FACTS: customKeyIdentifier has no single encoding)")
    final class Thumbprints {

        private final byte[] raw = thumbprintBytes(5);
        private final String thumbprint = hex(raw);

        private RetirementDecision verifyAgainst(KeyCredential certificate, String verified, MigrationEvidence extra) {
            PasswordCredential secret = liveSecret();
            TenantSnapshot snapshot = tenant(app(APP_ID, "Payroll", secret, certificate));
            // the removal is accepted without sign-in evidence: only the match of the verification is in question
            MigrationEvidence evidence = MigrationEvidence.of(List.of(verification(APP_ID, verified, daysAgo(1))))
                    .withThumbprints(extra.thumbprints()).acceptingUnknownUsage();
            return check(snapshot, secret.keyId(), evidence);
        }

        @Test
        void raw_twenty_bytes() {
            KeyCredential certificate = cert(KeyIdentifier.of(raw), daysAgo(100), inDays(100));
            assertThat(verifyAgainst(certificate, thumbprint, MigrationEvidence.none()).allowed()).isTrue();
        }

        @Test
        void ascii_hex_text_in_either_case() {
            KeyCredential upper = cert(KeyIdentifier.of(thumbprint.getBytes(StandardCharsets.US_ASCII)), daysAgo(100),
                    inDays(100));
            KeyCredential lower = cert(KeyIdentifier.of(thumbprint.toLowerCase().getBytes(StandardCharsets.US_ASCII)),
                    daysAgo(100), inDays(100));
            assertThat(verifyAgainst(upper, thumbprint, MigrationEvidence.none()).allowed()).isTrue();
            assertThat(verifyAgainst(lower, thumbprint, MigrationEvidence.none()).allowed()).isTrue();
        }

        @Test
        void hex_text_decoded_as_base64() {
            KeyCredential certificate = cert(KeyIdentifier.ofBase64(thumbprint), daysAgo(100), inDays(100));
            assertThat(certificate.customKeyIdentifier().bytes()).hasSize(30);
            assertThat(verifyAgainst(certificate, thumbprint, MigrationEvidence.none()).allowed()).isTrue();
        }

        @Test
        void a_different_thumbprint_in_any_encoding_does_not_match() {
            String other = hex(thumbprintBytes(6));
            for (KeyIdentifier identifier : List.of(KeyIdentifier.of(raw),
                    KeyIdentifier.of(thumbprint.getBytes(StandardCharsets.US_ASCII)), KeyIdentifier.ofBase64(thumbprint))) {
                KeyCredential certificate = cert(identifier, daysAgo(100), inDays(100));
                assertThat(rules(verifyAgainst(certificate, other, MigrationEvidence.none())))
                        .as(identifier.toString()).containsExactly(RetirementRule.CERTIFICATE_NOT_PROVEN);
            }
        }

        @Test
        void no_or_empty_custom_key_identifier_matches_nothing() {
            for (KeyIdentifier identifier : Arrays.asList(null, KeyIdentifier.of(new byte[0]))) {
                KeyCredential certificate = cert(identifier, daysAgo(100), inDays(100));
                assertThat(rules(verifyAgainst(certificate, thumbprint, MigrationEvidence.none())))
                        .containsExactly(RetirementRule.CERTIFICATE_NOT_PROVEN);
            }
        }

        @Test
        void a_computed_thumbprint_matches_a_certificate_without_custom_key_identifier() {
            KeyCredential certificate = cert(null, daysAgo(100), inDays(100));
            MigrationEvidence computed = MigrationEvidence.none()
                    .withThumbprints(Map.of(certificate.keyId(), thumbprint.toLowerCase()));
            assertThat(verifyAgainst(certificate, thumbprint, computed).allowed()).isTrue();
        }

        @Test
        void the_computed_thumbprint_wins_over_a_misleading_custom_key_identifier() {
            // customKeyIdentifier claims X, the certificate's bytes hash to Y
            String claimed = thumbprint;
            String actual = hex(thumbprintBytes(6));
            KeyCredential certificate = cert(KeyIdentifier.of(raw), daysAgo(100), inDays(100));
            MigrationEvidence computed = MigrationEvidence.none().withThumbprints(Map.of(certificate.keyId(), actual));

            RetirementDecision ofClaimed = verifyAgainst(certificate, claimed, computed);
            assertThat(rules(ofClaimed)).containsExactly(RetirementRule.CERTIFICATE_NOT_PROVEN);
            assertThat(message(ofClaimed, RetirementRule.CERTIFICATE_NOT_PROVEN)).contains("is of certificate " + claimed);

            assertThat(verifyAgainst(certificate, actual, computed).allowed()).isTrue();
        }

        @Test
        void a_verification_of_a_certificate_on_the_service_principal_is_matched_there() {
            PasswordCredential secret = liveSecret();
            KeyCredential spCertificate = cert(KeyIdentifier.of(raw), daysAgo(100), inDays(100));
            TenantSnapshot snapshot = TenantSnapshot.of(List.of(app(APP_ID, "Payroll", secret)),
                    List.of(sp(APP_ID, "Payroll", null, spCertificate)));
            MigrationEvidence evidence = MigrationEvidence.of(List.of(verification(APP_ID, thumbprint, daysAgo(1))))
                    .acceptingUnknownUsage();
            assertThat(check(snapshot, secret.keyId(), evidence).allowed()).isTrue();
        }
    }

    // ---- purity --------------------------------------------------------------------------------

    @Nested
    @DisplayName("a pure function of its arguments: asOf, never the clock (RetirementGuard Javadoc)")
    final class Purity {

        @Test
        void the_same_inputs_give_equal_decisions() {
            PasswordCredential secret = oldSecret();
            KeyCredential certificate = activeCert(1);
            TenantSnapshot snapshot = tenant(app(APP_ID, "Payroll", secret, certificate))
                    .withSignInEvidence(signIns(secret.keyId(), daysAgo(3)));
            RetirementDecision first = check(snapshot, secret.keyId(), verified(1));
            RetirementDecision second = check(snapshot, secret.keyId(), verified(1));
            assertThat(second).isEqualTo(first);
            assertThat(first.refusals()).hasSize(1);
            TenantSnapshot unused = tenant(app(APP_ID, "Payroll", secret, certificate))
                    .withSignInEvidence(signIns(secret.keyId(), daysAgo(40)));
            RetirementDecision allowed = check(unused, secret.keyId(), verified(1));
            assertThat(allowed).isEqualTo(check(unused, secret.keyId(), verified(1))).isNotEqualTo(first);
            assertThat(allowed.allowed()).isTrue();
        }

        @Test
        void as_of_drives_certificate_expiry() {
            // the certificate ends 30 days and 12 hours after AS_OF: it lasts beyond the expiry warning
            // at AS_OF, ends within it a day later, and is expired 31 days later
            PasswordCredential secret = secret(daysAgo(10), inDays(300));
            KeyCredential certificate = cert(KeyIdentifier.of(thumbprintBytes(1)), daysAgo(100),
                    inDays(30).plus(Duration.ofHours(12)));
            TenantSnapshot snapshot = tenant(app(APP_ID, "Payroll", secret, certificate));
            MigrationEvidence evidence = verifiedAcceptingUnknownUsage(1);

            assertThat(check(snapshot, AS_OF, secret.keyId(), evidence).allowed()).isTrue();

            RetirementDecision dayLater = check(snapshot, inDays(1), secret.keyId(), evidence);
            assertThat(rules(dayLater)).containsExactly(RetirementRule.ALTERNATIVE_ENDS_SOON);

            RetirementDecision afterTheEnd = check(snapshot, inDays(31), secret.keyId(), evidence);
            assertThat(rules(afterTheEnd)).containsExactly(RetirementRule.NO_ALTERNATIVE, RetirementRule.CERTIFICATE_NOT_PROVEN);
        }

        @Test
        void as_of_drives_the_usage_window_of_a_verification() {
            PasswordCredential secret = secret(daysAgo(10), inDays(300));
            TenantSnapshot snapshot = tenant(app(APP_ID, "Payroll", secret, activeCert(1)));
            MigrationEvidence evidence = verifiedAcceptingUnknownUsage(1);
            assertThat(check(snapshot, inDays(28), secret.keyId(), evidence).allowed()).isTrue();
            assertThat(rules(check(snapshot, inDays(30), secret.keyId(), evidence)))
                    .containsExactly(RetirementRule.CERTIFICATE_NOT_PROVEN);
        }

        private static PasswordCredential secret(Instant start, Instant end) {
            return dev.app09.core.Fixtures.secret(start, end);
        }
    }
}
