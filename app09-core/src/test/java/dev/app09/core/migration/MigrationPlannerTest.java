package dev.app09.core.migration;

import static dev.app09.core.Fixtures.AS_OF;
import static dev.app09.core.Fixtures.app;
import static dev.app09.core.Fixtures.daysAgo;
import static dev.app09.core.Fixtures.federated;
import static dev.app09.core.Fixtures.id;
import static dev.app09.core.Fixtures.inDays;
import static dev.app09.core.Fixtures.liveSecret;
import static dev.app09.core.Fixtures.samlTriple;
import static dev.app09.core.Fixtures.sp;
import static dev.app09.core.Fixtures.symmetricKey;
import static dev.app09.core.migration.RetirementGuardTest.activeCert;
import static dev.app09.core.migration.RetirementGuardTest.hex;
import static dev.app09.core.migration.RetirementGuardTest.oldSecret;
import static dev.app09.core.migration.RetirementGuardTest.thumbprintBytes;
import static org.assertj.core.api.Assertions.assertThat;

import dev.app09.core.Assessor;
import dev.app09.core.model.Application;
import dev.app09.core.model.CredentialSignIn;
import dev.app09.core.model.KeyCredential;
import dev.app09.core.model.KeyIdentifier;
import dev.app09.core.model.PasswordCredential;
import dev.app09.core.model.ScanProblem;
import dev.app09.core.model.ServicePrincipal;
import dev.app09.core.model.SignInEvidence;
import dev.app09.core.model.TenantSnapshot;
import dev.app09.core.report.ChecklistItem;
import dev.app09.core.report.ChecklistItem.State;
import dev.app09.core.report.Report;
import dev.app09.core.rules.ExceptionEntry;
import dev.app09.core.rules.ExceptionRegister;
import dev.app09.core.rules.Origin;
import dev.app09.core.rules.Policy;
import dev.app09.core.rules.Verdict;
import dev.app09.core.rules.WorkloadAssessment;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * MigrationPlanner: a state, a next step and a ticked checklist per listed workload, in work
 * order, never disagreeing with the scan (APP09-RULES.md section 3 verdicts and listing, section 5
 * exceptions, section 6 checklist).
 */
final class MigrationPlannerTest {

    static final UUID NEEDS = id(11);
    static final UUID UNPROVEN = id(12);
    static final UUID IN_USE = id(13);
    static final UUID READY = id(14);
    static final UUID DONE = id(15);
    static final UUID EXCEPTED = id(16);
    static final UUID MANAGED = id(17);
    static final UUID VENDOR = id(18);
    static final UUID MICROSOFT = id(19);
    static final UUID VENDOR_TENANT = UUID.fromString("0b0b0b0b-0000-4000-8000-000000000001");

    /**
     * The secrets of the small tenant, so that tests can name them. They were created before the
     * usage window, so that the sign-in evidence (not empty: Charlie's secret signed in) shows the
     * ones it does not name unused.
     */
    static final class Tenant {
        final PasswordCredential needsSecret = oldSecret();
        final PasswordCredential unprovenSecret = oldSecret();
        final PasswordCredential inUseSecret = oldSecret();
        final PasswordCredential readySecret = oldSecret();
        final PasswordCredential exceptedSecret = oldSecret();
        final PasswordCredential vendorSecret = oldSecret();
        final KeyCredential inUseCertificate = activeCert(13);
        final Application readyApp = app(READY, "Delta ready", readySecret, activeCert(14));

        /** One workload per state; names chosen so that the order needs case-insensitive sorting. */
        TenantSnapshot snapshot() {
            return TenantSnapshot.of(
                    List.of(
                            app(DONE, "Echo done", activeCert(15)),
                            readyApp,
                            app(IN_USE, "Charlie in use", inUseSecret, inUseCertificate),
                            app(UNPROVEN, "bravo unproven", unprovenSecret, activeCert(12)),
                            app(EXCEPTED, "Foxtrot excepted", exceptedSecret),
                            app(NEEDS, "alpha needs a certificate", needsSecret)),
                    List.of(
                            sp(MANAGED, "Golf managed identity", "ManagedIdentity", null),
                            sp(VENDOR, "Hotel vendor", VENDOR_TENANT, vendorSecret),
                            sp(MICROSOFT, "Microsoft Graph", Policy.MICROSOFT_SERVICES_TENANT)))
                    .withSignInEvidence(SignInEvidence.of(List.of(
                            new CredentialSignIn(inUseSecret.keyId(), IN_USE, "clientSecret", "application", daysAgo(3)))));
        }
    }

    static final Policy POLICY = Policy.defaults().withExceptions(ExceptionRegister.of(List.of(
            new ExceptionEntry(EXCEPTED, "legacy runtime without certificate support", "CISO", LocalDate.parse("2026-12-31")))));

    /** A verification of Delta's certificate (thumbprint seed 14), a day before asOf. */
    static final MigrationEvidence EVIDENCE = MigrationEvidence.of(List.of(new Verification(RetirementGuardTest.TENANT,
            READY, hex(thumbprintBytes(14)), daysAgo(1), "https://login.microsoftonline.com")));

    /**
     * Sign-in evidence that was read and is not empty, but holds no sign-in of the planned workloads
     * (one of another application's secret): every secret created before the usage window is shown
     * unused, no certificate proven. Empty evidence would show nothing (USAGE_UNKNOWN).
     */
    static final SignInEvidence SIGNED_IN_ELSEWHERE = RetirementGuardTest.elsewhere();

    private final Tenant tenant = new Tenant();

    private MigrationPlan plan(TenantSnapshot snapshot) {
        return MigrationPlanner.plan(snapshot, POLICY, AS_OF, EVIDENCE);
    }

    private static WorkloadMigration workload(MigrationPlan plan, UUID appId) {
        return plan.workload(appId).orElseThrow(() -> new AssertionError(appId + " is not planned"));
    }

    private static State tick(WorkloadMigration w, String textStart) {
        return w.checklist().stream().filter(i -> i.text().startsWith(textStart)).map(ChecklistItem::state).findFirst()
                .orElseThrow(() -> new AssertionError("no checklist item " + textStart + " in " + w.checklist()));
    }

    private static State authentication(WorkloadMigration w) {
        return tick(w, "The application authenticates successfully");
    }

    // ---- states and next steps -----------------------------------------------------------------

    @Test
    void secrets_only_needs_a_certificate_and_names_upload_cert() {
        WorkloadMigration w = workload(plan(tenant.snapshot()), NEEDS);
        assertThat(w.verdict()).isEqualTo(Verdict.SECRETS_ONLY);
        assertThat(w.state()).isEqualTo(MigrationState.NEEDS_CERTIFICATE);
        assertThat(w.nextStep()).contains("app09 migrate upload-cert --app-id " + NEEDS);
        assertThat(w.secretsReady()).isEmpty();
        assertThat(w.secretsBlocked()).singleElement().satisfies(d -> {
            assertThat(d.keyId()).isEqualTo(tenant.needsSecret.keyId());
            assertThat(d.refusedBy(RetirementRule.NO_ALTERNATIVE)).isTrue();
        });
        assertThat(w.applicationObjectId()).isNotNull();
        assertThat(w.origin()).isEqualTo(Origin.TENANT);
    }

    @Test
    void a_secret_beside_an_unproven_certificate_names_migrate_verify() {
        WorkloadMigration w = workload(plan(tenant.snapshot()), UNPROVEN);
        assertThat(w.verdict()).isEqualTo(Verdict.MIGRATION_OVERDUE);
        assertThat(w.state()).isEqualTo(MigrationState.CERTIFICATE_UNPROVEN);
        assertThat(w.nextStep()).contains("app09 migrate verify").contains("--client-id " + UNPROVEN);
        assertThat(w.secretsBlocked()).singleElement().satisfies(d -> assertThat(d.refusals())
                .extracting(Refusal::rule).containsExactly(RetirementRule.CERTIFICATE_NOT_PROVEN));
    }

    @Test
    void a_secret_in_use_names_secret_in_use_and_the_secret() {
        WorkloadMigration w = workload(plan(tenant.snapshot()), IN_USE);
        assertThat(w.state()).isEqualTo(MigrationState.CERTIFICATE_UNPROVEN);
        assertThat(w.nextStep()).contains("SECRET_IN_USE").contains(tenant.inUseSecret.keyId().toString())
                .doesNotContain("retire-secret --app-id");
        assertThat(w.secretsReady()).isEmpty();
    }

    @Test
    void a_proven_certificate_makes_the_secret_ready_with_the_retire_command() {
        WorkloadMigration w = workload(plan(tenant.snapshot()), READY);
        UUID keyId = tenant.readySecret.keyId();
        assertThat(w.state()).isEqualTo(MigrationState.READY_TO_RETIRE_SECRET);
        assertThat(w.secretsReady()).containsExactly(keyId);
        assertThat(w.secretsBlocked()).isEmpty();
        assertThat(w.nextStep()).contains("app09 migrate retire-secret --app-id " + READY + " --key-id " + keyId)
                .doesNotContain("more secret");
        assertThat(w.applicationObjectId()).isEqualTo(tenant.readyApp.id());
    }

    @Test
    void a_certificate_only_workload_is_done() {
        WorkloadMigration w = workload(plan(tenant.snapshot()), DONE);
        assertThat(w.verdict()).isEqualTo(Verdict.CERTIFICATE);
        assertThat(w.state()).isEqualTo(MigrationState.DONE);
        assertThat(w.nextStep()).isEqualTo("Nothing: no client secret remains.");
        assertThat(w.secretsReady()).isEmpty();
        assertThat(w.secretsBlocked()).isEmpty();
    }

    @Test
    void a_documented_exception_is_its_own_state() {
        // rules section 5
        WorkloadMigration w = workload(plan(tenant.snapshot()), EXCEPTED);
        assertThat(w.verdict()).isEqualTo(Verdict.EXCEPTION);
        assertThat(w.state()).isEqualTo(MigrationState.EXCEPTION);
        assertThat(w.nextStep()).contains("documented exception");
        // without the register it needs a certificate like any other
        WorkloadMigration without = workload(MigrationPlanner.plan(tenant.snapshot(), Policy.defaults(), AS_OF, EVIDENCE),
                EXCEPTED);
        assertThat(without.state()).isEqualTo(MigrationState.NEEDS_CERTIFICATE);
    }

    @Test
    void an_exception_keeps_its_state_but_a_secret_the_guard_allows_is_still_listed_as_ready() {
        // rules section 5: an exception covers an overdue migration too; the guard's answer is not lost
        PasswordCredential secret = oldSecret();
        TenantSnapshot snapshot = TenantSnapshot.of(List.of(app(EXCEPTED, "Foxtrot", secret, activeCert(16))), List.of())
                .withSignInEvidence(SIGNED_IN_ELSEWHERE);
        MigrationEvidence proof = MigrationEvidence.of(List.of(new Verification(RetirementGuardTest.TENANT, EXCEPTED,
                hex(thumbprintBytes(16)), daysAgo(1), "https://login.microsoftonline.com")));
        WorkloadMigration w = workload(MigrationPlanner.plan(snapshot, POLICY, AS_OF, proof), EXCEPTED);
        assertThat(w.verdict()).isEqualTo(Verdict.EXCEPTION);
        assertThat(w.state()).isEqualTo(MigrationState.EXCEPTION);
        assertThat(w.secretsReady()).containsExactly(secret.keyId());
    }

    @Test
    void a_managed_identity_is_listed_as_nothing_to_do_with_no_checklist() {
        // rules section 3, listing: only credential-less MICROSOFT and EXTERNAL workloads are left out;
        // a managed identity is listed (NOT_APPLICABLE), and the plan follows the scan's listing rule.
        WorkloadMigration w = workload(plan(tenant.snapshot()), MANAGED);
        assertThat(w.verdict()).isEqualTo(Verdict.NOT_APPLICABLE);
        assertThat(w.state()).isEqualTo(MigrationState.NOTHING_TO_DO);
        assertThat(w.nextStep()).isEqualTo("Nothing to migrate.");
        assertThat(w.checklist()).isEmpty();
    }

    @Test
    void a_credential_less_microsoft_service_principal_is_left_out_unless_all_are_listed() {
        assertThat(plan(tenant.snapshot()).workload(MICROSOFT)).isEmpty();
        MigrationPlan all = MigrationPlanner.plan(tenant.snapshot(), POLICY.withListAllWorkloads(true), AS_OF, EVIDENCE);
        assertThat(workload(all, MICROSOFT).state()).isEqualTo(MigrationState.NOTHING_TO_DO);
    }

    @Test
    void an_external_service_principal_with_a_secret_needs_its_publishers_certificate() {
        WorkloadMigration w = workload(plan(tenant.snapshot()), VENDOR);
        assertThat(w.origin()).isEqualTo(Origin.EXTERNAL);
        assertThat(w.state()).isEqualTo(MigrationState.NEEDS_CERTIFICATE);
        assertThat(w.applicationObjectId()).isNull();
        assertThat(w.nextStep()).contains("registered in another tenant").doesNotContain("upload-cert");
    }

    // ---- the plan as a whole -------------------------------------------------------------------

    @Test
    void workloads_come_in_work_order_state_then_name_ignoring_case() {
        assertThat(plan(tenant.snapshot()).workloads()).extracting(WorkloadMigration::appId)
                .containsExactly(NEEDS, VENDOR, UNPROVEN, IN_USE, READY, DONE, EXCEPTED, MANAGED);
    }

    @Test
    void counts_every_state_zeros_included() {
        MigrationPlan plan = plan(tenant.snapshot());
        assertThat(plan.counts()).containsExactlyInAnyOrderEntriesOf(Map.of(
                MigrationState.NEEDS_CERTIFICATE, 2,
                MigrationState.CERTIFICATE_UNPROVEN, 2,
                MigrationState.READY_TO_RETIRE_SECRET, 1,
                MigrationState.DONE, 1,
                MigrationState.EXCEPTION, 1,
                MigrationState.NOTHING_TO_DO, 1));
        assertThat(plan.complete()).isTrue();
        assertThat(plan.asOf()).isEqualTo(AS_OF);
        assertThat(MigrationPlanner.plan(TenantSnapshot.of(List.of(), List.of()), POLICY, AS_OF, EVIDENCE).counts())
                .hasSize(MigrationState.values().length).allSatisfy((state, count) -> assertThat(count).isZero());
    }

    @Test
    void an_incomplete_snapshot_marks_nothing_ready() {
        // rules section 7: a partial read is never treated as whole
        MigrationPlan plan = plan(tenant.snapshot()
                .withProblems(List.of(ScanProblem.incomplete("servicePrincipals", "HTTP 503"))));
        assertThat(plan.complete()).isFalse();
        assertThat(plan.counts().get(MigrationState.READY_TO_RETIRE_SECRET)).isZero();
        assertThat(plan.workloads()).allSatisfy(w -> assertThat(w.secretsReady()).isEmpty());
        WorkloadMigration delta = workload(plan, READY);
        assertThat(delta.state()).isEqualTo(MigrationState.CERTIFICATE_UNPROVEN);
        assertThat(delta.secretsBlocked()).singleElement().satisfies(d -> assertThat(d.refusals())
                .extracting(Refusal::rule).containsExactly(RetirementRule.SCAN_INCOMPLETE));
        assertThat(delta.nextStep()).contains("SCAN_INCOMPLETE").doesNotContain("retire-secret");
    }

    @Test
    void the_plan_and_the_scan_agree_on_every_verdict_and_on_what_is_listed() {
        for (TenantSnapshot snapshot : List.of(tenant.snapshot(), tenant.snapshot().withSignInEvidence(null),
                tenant.snapshot().withProblems(List.of(ScanProblem.incomplete("applications", "HTTP 500"))))) {
            for (Policy policy : List.of(POLICY, Policy.defaults(), POLICY.withListAllWorkloads(true),
                    POLICY.withMigrationWindow(java.time.Duration.ofDays(365)))) {
                Report report = Assessor.assess(snapshot, policy, AS_OF);
                MigrationPlan plan = MigrationPlanner.plan(snapshot, policy, AS_OF, EVIDENCE);
                Map<UUID, Verdict> scanned = report.workloads().stream()
                        .collect(Collectors.toMap(WorkloadAssessment::appId, WorkloadAssessment::verdict));
                Map<UUID, Verdict> planned = plan.workloads().stream()
                        .collect(Collectors.toMap(WorkloadMigration::appId, WorkloadMigration::verdict));
                assertThat(planned).isEqualTo(scanned);
            }
        }
    }

    @Test
    void the_planners_ready_secrets_are_exactly_those_the_guard_allows() {
        TenantSnapshot snapshot = tenant.snapshot();
        MigrationPlan plan = plan(snapshot);
        for (WorkloadMigration w : plan.workloads()) {
            for (UUID keyId : w.secretsReady()) {
                assertThat(RetirementGuard.check(snapshot, POLICY, AS_OF, w.appId(), keyId, EVIDENCE).allowed()).isTrue();
            }
            for (RetirementDecision blocked : w.secretsBlocked()) {
                assertThat(RetirementGuard.check(snapshot, POLICY, AS_OF, w.appId(), blocked.keyId(), EVIDENCE))
                        .isEqualTo(blocked);
            }
        }
    }

    // ---- several secrets, signing passwords, federation, symmetric keys ------------------------

    @Test
    void of_two_secrets_only_the_unused_one_is_ready() {
        PasswordCredential used = liveSecret();
        PasswordCredential unused = oldSecret();
        KeyCredential certificate = activeCert(14);
        TenantSnapshot snapshot = TenantSnapshot.of(List.of(app(READY, "Delta", used, unused, certificate)), List.of())
                .withSignInEvidence(SignInEvidence.of(List.of(
                        new CredentialSignIn(used.keyId(), READY, "clientSecret", "application", daysAgo(1)))));
        WorkloadMigration w = workload(plan(snapshot), READY);
        assertThat(w.state()).isEqualTo(MigrationState.READY_TO_RETIRE_SECRET);
        assertThat(w.secretsReady()).containsExactly(unused.keyId());
        assertThat(w.secretsBlocked()).extracting(RetirementDecision::keyId).containsExactly(used.keyId());
        assertThat(w.nextStep()).contains("--key-id " + unused.keyId());
    }

    @Test
    void two_ready_secrets_say_how_many_more() {
        PasswordCredential one = oldSecret();
        PasswordCredential two = oldSecret();
        TenantSnapshot snapshot = TenantSnapshot.of(List.of(app(READY, "Delta", one, two, activeCert(14))), List.of())
                .withSignInEvidence(SIGNED_IN_ELSEWHERE);
        WorkloadMigration w = workload(plan(snapshot), READY);
        assertThat(w.secretsReady()).containsExactly(one.keyId(), two.keyId());
        assertThat(w.nextStep()).contains("--key-id " + one.keyId()).contains("1 more secret(s) are ready");
    }

    @Test
    void a_saml_signing_password_is_neither_ready_nor_blocked() {
        // rules section 2: SIGNING credentials are never counted either way
        PasswordCredential clientSecret = oldSecret();
        List<Object> saml = samlTriple(daysAgo(10), inDays(355));
        ServicePrincipal servicePrincipal = sp(READY, "Delta", null, saml);
        TenantSnapshot snapshot = TenantSnapshot.of(List.of(app(READY, "Delta", clientSecret, activeCert(14))),
                List.of(servicePrincipal)).withSignInEvidence(SIGNED_IN_ELSEWHERE);
        WorkloadMigration w = workload(plan(snapshot), READY);
        PasswordCredential samlPassword = (PasswordCredential) saml.get(2);
        assertThat(w.secretsReady()).containsExactly(clientSecret.keyId()).doesNotContain(samlPassword.keyId());
        assertThat(w.secretsBlocked()).isEmpty();
    }

    @Test
    void federation_beside_a_secret_is_unproven_and_says_remove_by_hand() {
        TenantSnapshot snapshot = TenantSnapshot.of(List.of(app(UNPROVEN, "Pipeline", liveSecret(), federated())), List.of());
        WorkloadMigration w = workload(plan(snapshot), UNPROVEN);
        assertThat(w.verdict()).isEqualTo(Verdict.MIGRATING);
        assertThat(w.state()).isEqualTo(MigrationState.CERTIFICATE_UNPROVEN);
        assertThat(w.nextStep()).contains("Federation is in place").doesNotContain("app09 migrate verify");
        assertThat(tick(w, "A certificate (public key only) or a federated credential")).isEqualTo(State.DONE);
    }

    @Test
    void a_live_symmetric_key_beside_a_certificate_is_removed_by_hand() {
        TenantSnapshot snapshot = TenantSnapshot.of(List.of(app(UNPROVEN, "Legacy",
                symmetricKey(daysAgo(10), inDays(80)), activeCert(12))), List.of());
        WorkloadMigration w = workload(plan(snapshot), UNPROVEN);
        assertThat(w.state()).isEqualTo(MigrationState.CERTIFICATE_UNPROVEN);
        assertThat(w.secretsReady()).isEmpty();
        assertThat(w.secretsBlocked()).isEmpty();
        assertThat(w.nextStep()).contains("symmetric keys by hand");
    }

    // ---- the checklist -------------------------------------------------------------------------

    @Test
    void authentication_is_manual_without_evidence_or_verification() {
        MigrationPlan plan = MigrationPlanner.plan(tenant.snapshot().withSignInEvidence(null), POLICY, AS_OF,
                MigrationEvidence.none());
        WorkloadMigration w = workload(plan, UNPROVEN);
        assertThat(authentication(w)).isEqualTo(State.MANUAL);
        assertThat(w.checklist()).filteredOn(i -> i.text().startsWith("The application authenticates successfully"))
                .singleElement().satisfies(i -> assertThat(i.basis()).contains("run app09 migrate verify"));
        // the only other item for a person: monitoring the expiry of the active certificate
        assertThat(w.checklist()).filteredOn(i -> i.state() == State.MANUAL).extracting(ChecklistItem::text)
                .containsExactly("The application authenticates successfully with its certificate",
                        "Certificate expiry is monitored and a renewal registered before expiry");
    }

    @Test
    void authentication_is_open_with_evidence_but_no_certificate_sign_in() {
        WorkloadMigration w = workload(plan(tenant.snapshot()), UNPROVEN);
        assertThat(authentication(w)).isEqualTo(State.OPEN);
        assertThat(w.checklist()).extracting(ChecklistItem::state)
                .containsExactly(State.DONE, State.OPEN, State.OPEN, State.MANUAL);
    }

    @Test
    void authentication_is_done_with_a_verification() {
        WorkloadMigration w = workload(plan(tenant.snapshot().withSignInEvidence(null)), READY);
        assertThat(authentication(w)).isEqualTo(State.DONE);
        assertThat(w.checklist()).extracting(ChecklistItem::state)
                .containsExactly(State.DONE, State.DONE, State.OPEN, State.MANUAL);
        assertThat(w.checklist().get(1).basis()).contains(hex(thumbprintBytes(14))).contains("saved verification");
    }

    @Test
    void authentication_is_done_with_a_certificate_sign_in() {
        KeyCredential certificate = activeCert(12);
        TenantSnapshot snapshot = TenantSnapshot.of(List.of(app(UNPROVEN, "Bravo", oldSecret(), certificate)), List.of())
                .withSignInEvidence(SignInEvidence.of(List.of(
                        new CredentialSignIn(certificate.keyId(), UNPROVEN, "certificate", "application", daysAgo(2)))));
        WorkloadMigration w = workload(MigrationPlanner.plan(snapshot, POLICY, AS_OF, MigrationEvidence.none()), UNPROVEN);
        assertThat(authentication(w)).isEqualTo(State.DONE);
        assertThat(w.state()).isEqualTo(MigrationState.READY_TO_RETIRE_SECRET);
    }

    @Test
    void checklist_ticks_for_each_state() {
        MigrationPlan plan = plan(tenant.snapshot());
        Map<UUID, List<State>> ticks = new java.util.HashMap<>();
        for (WorkloadMigration w : plan.workloads()) {
            ticks.put(w.appId(), new ArrayList<>(w.checklist().stream().map(ChecklistItem::state).toList()));
        }
        // alternative registered, authenticates, secrets removed, expiry monitored (OPEN without a
        // certificate to renew, MANUAL beside an active certificate that does not end soon)
        assertThat(ticks.get(NEEDS)).containsExactly(State.OPEN, State.OPEN, State.OPEN, State.OPEN);
        assertThat(ticks.get(IN_USE)).containsExactly(State.DONE, State.OPEN, State.OPEN, State.MANUAL);
        assertThat(ticks.get(READY)).containsExactly(State.DONE, State.DONE, State.OPEN, State.MANUAL);
        assertThat(ticks.get(DONE)).containsExactly(State.DONE, State.OPEN, State.DONE, State.MANUAL);
        assertThat(ticks.get(EXCEPTED)).containsExactly(State.OPEN, State.OPEN, State.OPEN, State.OPEN);
        assertThat(ticks.get(MANAGED)).isEmpty();
    }

    @Test
    void an_expiring_certificate_leaves_the_expiry_item_open() {
        // rules section 4: CERTIFICATE_EXPIRING_SOON within the 30-day warning, no successor
        KeyCredential ending = RetirementGuardTest.cert(null, daysAgo(300), inDays(10));
        TenantSnapshot snapshot = TenantSnapshot.of(List.of(app(DONE, "Echo", ending)), List.of());
        WorkloadMigration w = workload(plan(snapshot), DONE);
        assertThat(w.state()).isEqualTo(MigrationState.DONE);
        assertThat(tick(w, "Certificate expiry is monitored")).isEqualTo(State.OPEN);
    }

    // ---- USAGE_UNKNOWN and ALTERNATIVE_ENDS_SOON in the plan -----------------------------------

    /** A verification of certificate {@code seed} of {@code appId}, a day before asOf. */
    private static MigrationEvidence verifiedFor(UUID appId, int seed) {
        return MigrationEvidence.of(List.of(new Verification(RetirementGuardTest.TENANT, appId, hex(thumbprintBytes(seed)),
                daysAgo(1), "https://login.microsoftonline.com")));
    }

    @Test
    void a_proven_certificate_without_sign_in_evidence_names_without_usage_evidence() {
        PasswordCredential secret = liveSecret();
        TenantSnapshot snapshot = TenantSnapshot.of(List.of(app(READY, "Delta", secret, activeCert(14))), List.of());
        WorkloadMigration w = workload(plan(snapshot), READY);
        assertThat(w.state()).isEqualTo(MigrationState.CERTIFICATE_UNPROVEN);
        assertThat(w.secretsReady()).isEmpty();
        assertThat(w.secretsBlocked()).singleElement().satisfies(d -> assertThat(d.refusals())
                .extracting(Refusal::rule).containsExactly(RetirementRule.USAGE_UNKNOWN));
        assertThat(w.nextStep()).contains("check by hand that no client uses secret " + secret.keyId())
                .contains("app09 migrate retire-secret --app-id " + READY + " --key-id " + secret.keyId()
                        + " --without-usage-evidence");
        assertThat(authentication(w)).isEqualTo(State.DONE);
    }

    @Test
    void an_unproven_certificate_without_sign_in_evidence_names_migrate_verify_first() {
        PasswordCredential secret = liveSecret();
        TenantSnapshot snapshot = TenantSnapshot.of(List.of(app(UNPROVEN, "Bravo", secret, activeCert(12))), List.of());
        WorkloadMigration w = workload(plan(snapshot), UNPROVEN);
        assertThat(w.secretsBlocked()).singleElement().satisfies(d -> assertThat(d.refusals()).extracting(Refusal::rule)
                .containsExactly(RetirementRule.USAGE_UNKNOWN, RetirementRule.CERTIFICATE_NOT_PROVEN));
        assertThat(w.nextStep()).contains("app09 migrate verify").doesNotContain("--without-usage-evidence");
    }

    @Test
    void a_plan_that_accepts_unknown_usage_marks_the_proven_secret_ready() {
        PasswordCredential secret = liveSecret();
        TenantSnapshot snapshot = TenantSnapshot.of(List.of(app(READY, "Delta", secret, activeCert(14))), List.of());
        WorkloadMigration w = workload(MigrationPlanner.plan(snapshot, POLICY, AS_OF, EVIDENCE.acceptingUnknownUsage()),
                READY);
        assertThat(w.state()).isEqualTo(MigrationState.READY_TO_RETIRE_SECRET);
        assertThat(w.secretsReady()).containsExactly(secret.keyId());
    }

    @Test
    void a_proven_certificate_that_ends_soon_leaves_the_workload_unproven() {
        PasswordCredential secret = oldSecret();
        KeyCredential ending = RetirementGuardTest.cert(KeyIdentifier.of(thumbprintBytes(12)), daysAgo(300), inDays(10));
        TenantSnapshot snapshot = TenantSnapshot.of(List.of(app(UNPROVEN, "Bravo", secret, ending)), List.of())
                .withSignInEvidence(SIGNED_IN_ELSEWHERE);
        WorkloadMigration w = workload(MigrationPlanner.plan(snapshot, POLICY, AS_OF, verifiedFor(UNPROVEN, 12)), UNPROVEN);
        assertThat(w.state()).isEqualTo(MigrationState.CERTIFICATE_UNPROVEN);
        assertThat(w.secretsReady()).isEmpty();
        assertThat(w.secretsBlocked()).singleElement().satisfies(d -> {
            assertThat(d.keyId()).isEqualTo(secret.keyId());
            assertThat(d.refusals()).extracting(Refusal::rule).containsExactly(RetirementRule.ALTERNATIVE_ENDS_SOON);
        });
        assertThat(w.nextStep()).contains("ALTERNATIVE_ENDS_SOON").doesNotContain("retire-secret");
        assertThat(authentication(w)).isEqualTo(State.DONE);
        assertThat(tick(w, "Certificate expiry is monitored")).isEqualTo(State.OPEN);
    }

    // ---- the second review's rules in the plan --------------------------------------------------

    @Test
    void empty_sign_in_evidence_leaves_a_proven_secret_unknown_and_the_next_step_says_why() {
        PasswordCredential secret = oldSecret();
        TenantSnapshot snapshot = TenantSnapshot.of(List.of(app(READY, "Delta", secret, activeCert(14))), List.of())
                .withSignInEvidence(SignInEvidence.of(List.of()));
        WorkloadMigration w = workload(plan(snapshot), READY);
        assertThat(w.state()).isEqualTo(MigrationState.CERTIFICATE_UNPROVEN);
        assertThat(w.secretsReady()).isEmpty();
        assertThat(w.secretsBlocked()).singleElement().satisfies(d -> {
            assertThat(d.refusals()).extracting(Refusal::rule).containsExactly(RetirementRule.USAGE_UNKNOWN);
            assertThat(d.refusals().get(0).message()).contains("the sign-in evidence shows no sign-in at all");
        });
        // the evidence was read: the next step does not say it could not be
        assertThat(w.nextStep()).contains("Whether a client still uses secret " + secret.keyId() + " is not known")
                .contains("--key-id " + secret.keyId() + " --without-usage-evidence")
                .doesNotContain("could not be read");
        assertThat(workload(MigrationPlanner.plan(snapshot, POLICY, AS_OF, EVIDENCE.acceptingUnknownUsage()), READY)
                .secretsReady()).containsExactly(secret.keyId());
    }

    @Test
    void a_secret_created_inside_the_usage_window_is_not_ready_until_it_is_older() {
        PasswordCredential young = liveSecret();
        TenantSnapshot snapshot = TenantSnapshot.of(List.of(app(READY, "Delta", young, activeCert(14))), List.of())
                .withSignInEvidence(SIGNED_IN_ELSEWHERE);
        WorkloadMigration w = workload(plan(snapshot), READY);
        assertThat(w.state()).isEqualTo(MigrationState.CERTIFICATE_UNPROVEN);
        assertThat(w.secretsBlocked()).singleElement().satisfies(d -> assertThat(d.refusals())
                .extracting(Refusal::rule).containsExactly(RetirementRule.USAGE_UNKNOWN));
        assertThat(w.nextStep()).contains("--without-usage-evidence");
        // the same secret 21 days later is older than the 30-day window (the verification is renewed)
        MigrationEvidence renewed = MigrationEvidence.of(List.of(new Verification(RetirementGuardTest.TENANT, READY,
                hex(thumbprintBytes(14)), inDays(20), "https://login.microsoftonline.com")));
        assertThat(workload(MigrationPlanner.plan(snapshot, POLICY, inDays(21), renewed), READY).secretsReady())
                .containsExactly(young.keyId());
    }

    @Test
    void a_long_usage_window_does_not_tick_authentication_with_an_old_verification() {
        MigrationEvidence fortyDays = MigrationEvidence.of(List.of(new Verification(RetirementGuardTest.TENANT, READY,
                hex(thumbprintBytes(14)), daysAgo(40), "https://login.microsoftonline.com")));
        Policy yearly = POLICY.withUsageWindow(java.time.Duration.ofDays(365));
        WorkloadMigration w = workload(MigrationPlanner.plan(tenant.snapshot(), yearly, AS_OF, fortyDays), READY);
        assertThat(authentication(w)).isEqualTo(State.OPEN);
        assertThat(w.state()).isEqualTo(MigrationState.CERTIFICATE_UNPROVEN);
        assertThat(w.secretsBlocked()).singleElement().satisfies(d -> assertThat(d.refusedBy(
                RetirementRule.CERTIFICATE_NOT_PROVEN)).isTrue());
    }

    @Test
    void a_verification_naming_the_tenant_by_domain_ticks_nothing_when_the_tenant_id_is_known() {
        MigrationEvidence byDomain = MigrationEvidence.of(List.of(new Verification("contoso.onmicrosoft.com", READY,
                hex(thumbprintBytes(14)), daysAgo(1), "https://login.microsoftonline.com")));
        TenantSnapshot snapshot = tenant.snapshot().withTenantId(UUID.fromString(RetirementGuardTest.TENANT));
        WorkloadMigration w = workload(MigrationPlanner.plan(snapshot, POLICY, AS_OF, byDomain), READY);
        assertThat(authentication(w)).isEqualTo(State.OPEN);
        assertThat(w.secretsReady()).isEmpty();
        assertThat(w.nextStep()).contains("app09 migrate verify --tenant-id TENANT");
        // by id it counts
        assertThat(workload(MigrationPlanner.plan(snapshot, POLICY, AS_OF, EVIDENCE), READY).state())
                .isEqualTo(MigrationState.READY_TO_RETIRE_SECRET);
    }

    @Test
    void an_unproven_later_certificate_does_not_make_a_proven_ending_one_ready() {
        PasswordCredential secret = oldSecret();
        KeyCredential ending = RetirementGuardTest.cert(KeyIdentifier.of(thumbprintBytes(14)), daysAgo(300), inDays(10));
        KeyCredential later = RetirementGuardTest.cert(KeyIdentifier.of(thumbprintBytes(15)), daysAgo(1), inDays(365));
        TenantSnapshot snapshot = TenantSnapshot.of(List.of(app(READY, "Delta", secret, ending, later)), List.of())
                .withSignInEvidence(SIGNED_IN_ELSEWHERE);
        WorkloadMigration w = workload(plan(snapshot), READY);
        assertThat(w.state()).isEqualTo(MigrationState.CERTIFICATE_UNPROVEN);
        assertThat(w.secretsBlocked()).singleElement().satisfies(d -> assertThat(d.refusals())
                .extracting(Refusal::rule).containsExactly(RetirementRule.ALTERNATIVE_ENDS_SOON));
        assertThat(w.nextStep()).contains("ALTERNATIVE_ENDS_SOON");
    }

    // ---- the expiry item of the checklist ------------------------------------------------------

    private WorkloadMigration planned(UUID appId, Object... credentials) {
        TenantSnapshot snapshot = TenantSnapshot.of(List.of(app(appId, "Workload", credentials)), List.of())
                .withSignInEvidence(SIGNED_IN_ELSEWHERE);
        return workload(plan(snapshot), appId);
    }

    private static ChecklistItem expiryItem(WorkloadMigration w) {
        return w.checklist().stream().filter(i -> i.text().startsWith("Certificate expiry is monitored")).findFirst()
                .orElseThrow(() -> new AssertionError("no expiry item in " + w.checklist()));
    }

    @Test
    void expiry_is_open_when_a_certificate_is_still_needed() {
        WorkloadMigration w = planned(NEEDS, liveSecret());
        assertThat(w.state()).isEqualTo(MigrationState.NEEDS_CERTIFICATE);
        assertThat(expiryItem(w).state()).isEqualTo(State.OPEN);
        assertThat(expiryItem(w).basis()).contains("no active certificate");
    }

    @Test
    void expiry_is_manual_beside_an_active_certificate_that_does_not_end_soon() {
        for (WorkloadMigration w : List.of(planned(UNPROVEN, liveSecret(), activeCert(12)), planned(DONE, activeCert(15)),
                planned(UNPROVEN, liveSecret(), activeCert(12), federated()))) {
            assertThat(expiryItem(w).state()).as(w.state().name()).isEqualTo(State.MANUAL);
            assertThat(expiryItem(w).basis()).contains("check that expiry is monitored");
        }
    }

    @Test
    void expiry_is_manual_when_an_ending_certificate_has_a_successor() {
        KeyCredential ending = RetirementGuardTest.cert(null, daysAgo(300), inDays(10));
        KeyCredential successor = RetirementGuardTest.cert(null, daysAgo(1), inDays(400));
        assertThat(expiryItem(planned(DONE, ending, successor)).state()).isEqualTo(State.MANUAL);
    }

    @Test
    void expiry_is_done_for_federation_only() {
        WorkloadMigration beside = planned(UNPROVEN, liveSecret(), federated());
        WorkloadMigration done = planned(DONE, federated());
        assertThat(done.state()).isEqualTo(MigrationState.DONE);
        for (WorkloadMigration w : List.of(beside, done)) {
            assertThat(expiryItem(w).state()).as(w.state().name()).isEqualTo(State.DONE);
            assertThat(expiryItem(w).basis()).contains("federated credentials do not expire");
        }
    }

    @Test
    void expiry_is_open_when_a_certificate_ends_soon_or_has_ended() {
        KeyCredential ending = RetirementGuardTest.cert(null, daysAgo(300), inDays(10));
        KeyCredential ended = RetirementGuardTest.cert(null, daysAgo(400), daysAgo(5));
        for (WorkloadMigration w : List.of(planned(UNPROVEN, liveSecret(), ending), planned(NEEDS, liveSecret(), ended),
                planned(UNPROVEN, liveSecret(), ending, federated()))) {
            assertThat(expiryItem(w).state()).as(w.state() + " " + w.secretsBlocked()).isEqualTo(State.OPEN);
            assertThat(expiryItem(w).basis()).contains("expired or ends soon");
        }
    }
}
