package dev.app09.core.migration;

import static dev.app09.core.Fixtures.AS_OF;
import static dev.app09.core.Fixtures.app;
import static dev.app09.core.Fixtures.daysAgo;
import static dev.app09.core.Fixtures.liveSecret;
import static dev.app09.core.migration.MigrationPlannerTest.EVIDENCE;
import static dev.app09.core.migration.MigrationPlannerTest.POLICY;
import static dev.app09.core.migration.RetirementGuardTest.activeCert;
import static org.assertj.core.api.Assertions.assertThat;

import dev.app09.core.model.CredentialSignIn;
import dev.app09.core.model.PasswordCredential;
import dev.app09.core.model.ScanProblem;
import dev.app09.core.model.SignInEvidence;
import dev.app09.core.model.TenantSnapshot;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The plan as text for a terminal and as CSV for a spreadsheet (APP09-RULES.md section 6: RFC 4180,
 * cells neutralised against formula injection; untrusted text cleaned of control characters).
 */
final class MigrationPlanRenderersTest {

    private final MigrationPlannerTest.Tenant tenant = new MigrationPlannerTest.Tenant();

    private static MigrationPlan plan(TenantSnapshot snapshot) {
        return MigrationPlanner.plan(snapshot, POLICY, AS_OF, EVIDENCE);
    }

    private static String text(MigrationPlan plan) {
        StringBuilder out = new StringBuilder();
        MigrationPlanText.write(plan, out);
        return out.toString();
    }

    private static String csv(MigrationPlan plan) {
        StringBuilder out = new StringBuilder();
        MigrationPlanCsv.write(plan, out);
        return out.toString();
    }

    // ---- text ----------------------------------------------------------------------------------

    @Test
    void text_names_every_state_and_next_step() {
        MigrationPlan plan = plan(tenant.snapshot());
        String text = text(plan);
        assertThat(text).startsWith("APP-09 migration plan as of " + AS_OF);
        for (WorkloadMigration w : plan.workloads()) {
            assertThat(text).contains(w.state().name() + "  ").contains(w.displayName() + "  (" + w.appId() + ")")
                    .contains("  verdict: " + w.verdict().name())
                    .contains("  next:    " + w.nextStep());
        }
        assertThat(plan.workloads()).extracting(WorkloadMigration::state).containsAll(List.of(MigrationState.values()));
        assertThat(text).contains("secret " + tenant.inUseSecret.keyId() + " stays: SECRET_IN_USE")
                .contains("NEEDS_CERTIFICATE 2, CERTIFICATE_UNPROVEN 2, READY_TO_RETIRE_SECRET 1, DONE 1, EXCEPTION 1,"
                        + " NOTHING_TO_DO 1")
                .doesNotContain("INCOMPLETE");
    }

    @Test
    void text_ticks_done_open_and_manual() {
        String text = text(MigrationPlanner.plan(tenant.snapshot().withSignInEvidence(null), POLICY, AS_OF, EVIDENCE));
        assertThat(text)
                .contains("  [x] A certificate (public key only) or a federated credential is registered: ")
                .contains("  [ ] Client secrets are removed once certificate authentication works: 1 live secret(s)")
                .contains("  [?] The application authenticates successfully with its certificate: "
                        + "no saved verification and no sign-in evidence: run app09 migrate verify");
    }

    @Test
    void text_cleans_control_characters_from_tenant_text() {
        String hostile = "Evil\u001b[2J\u001b]0;pwned\u0007 app\r\nFAKE  DONE";
        TenantSnapshot snapshot = TenantSnapshot.of(List.of(app(MigrationPlannerTest.NEEDS, hostile, liveSecret())),
                List.of()).withProblems(List.of(ScanProblem.warning("sign\u001bIns", "HTTP\u001b 403")));
        String text = text(plan(snapshot));
        assertThat(text).doesNotContain("\u001b").doesNotContain("\u0007").doesNotContain("\r")
                .contains("Evil [2J ]0;pwned  app  FAKE  DONE")
                .contains("WARNING: sign Ins: HTTP  403");
        // every line but the header and the blank separators belongs to the plan layout
        assertThat(text.lines()).noneMatch(l -> l.startsWith("FAKE"));
    }

    @Test
    void text_says_an_incomplete_read_marks_nothing_ready() {
        String text = text(plan(tenant.snapshot().withProblems(List.of(ScanProblem.incomplete("applications", "HTTP 500")))));
        assertThat(text).contains("  INCOMPLETE: applications: HTTP 500")
                .contains("READY_TO_RETIRE_SECRET 0")
                .contains("; the read was INCOMPLETE: nothing is marked ready");
    }

    // ---- CSV -----------------------------------------------------------------------------------

    @Test
    void csv_has_the_header_crlf_lines_and_one_row_per_workload() {
        MigrationPlan plan = plan(tenant.snapshot());
        String csv = csv(plan);
        assertThat(MigrationPlanCsv.HEADER).containsExactly("DisplayName", "AppId", "State", "Verdict", "NextStep",
                "SecretsReady", "SecretsBlocked", "Checklist", "ApplicationObjectId", "Origin");
        assertThat(csv).endsWith("\r\n");
        assertThat(csv.replace("\r\n", "")).doesNotContain("\n").doesNotContain("\r");
        String[] lines = csv.split("\r\n");
        assertThat(lines[0]).isEqualTo(String.join(",", MigrationPlanCsv.HEADER));
        assertThat(lines).hasSize(1 + plan.workloads().size());
        for (int i = 0; i < plan.workloads().size(); i++) {
            WorkloadMigration w = plan.workloads().get(i);
            assertThat(lines[i + 1]).startsWith(w.displayName() + "," + w.appId() + "," + w.state() + "," + w.verdict() + ",")
                    .endsWith("," + (w.applicationObjectId() == null ? "" : w.applicationObjectId()) + "," + w.origin());
        }
    }

    @Test
    void csv_row_of_a_ready_workload() {
        String row = rowOf(csv(plan(tenant.snapshot())), MigrationPlannerTest.READY);
        UUID keyId = tenant.readySecret.keyId();
        // the next step holds no comma, so no cell of this row is quoted (RFC 4180 quotes only when needed)
        assertThat(row).isEqualTo("Delta ready," + MigrationPlannerTest.READY + ",READY_TO_RETIRE_SECRET,MIGRATION_OVERDUE,"
                + "Retire secret " + keyId + ": app09 migrate retire-secret --app-id " + MigrationPlannerTest.READY
                + " --key-id " + keyId + " (with --verification FILE if a saved verification proved the certificate;"
                + " a dry run until you add --confirm)," + keyId + ",,DONE DONE OPEN MANUAL,"
                + tenant.readyApp.id() + ",TENANT");
    }

    @Test
    void csv_neutralises_a_display_name_that_starts_a_formula() {
        TenantSnapshot snapshot = TenantSnapshot.of(List.of(app(MigrationPlannerTest.NEEDS,
                "=HYPERLINK(\"http://evil\",\"x\")", liveSecret()), app(MigrationPlannerTest.DONE, "@SUM(1)", activeCert(1)),
                app(MigrationPlannerTest.UNPROVEN, "+cmd", liveSecret(), activeCert(2))), List.of());
        String csv = csv(plan(snapshot));
        assertThat(rowOf(csv, MigrationPlannerTest.NEEDS))
                .startsWith("\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\"," + MigrationPlannerTest.NEEDS + ",");
        assertThat(rowOf(csv, MigrationPlannerTest.DONE)).startsWith("'@SUM(1),");
        assertThat(rowOf(csv, MigrationPlannerTest.UNPROVEN)).startsWith("'+cmd,");
        assertThat(Arrays.stream(csv.split("\r\n")).skip(1)).noneMatch(l -> l.startsWith("=") || l.startsWith("\"=")
                || l.startsWith("@") || l.startsWith("+"));
    }

    @Test
    void csv_secrets_blocked_lists_key_id_and_rules_joined_with_plus() {
        PasswordCredential used = liveSecret();
        TenantSnapshot snapshot = TenantSnapshot.of(List.of(app(MigrationPlannerTest.IN_USE, "Charlie", used,
                activeCert(13))), List.of()).withSignInEvidence(SignInEvidence.of(List.of(
                        new CredentialSignIn(used.keyId(), MigrationPlannerTest.IN_USE, "clientSecret", "application",
                                daysAgo(3)))));
        String row = rowOf(csv(plan(snapshot)), MigrationPlannerTest.IN_USE);
        assertThat(row).contains("," + used.keyId() + ":SECRET_IN_USE+CERTIFICATE_NOT_PROVEN,");
        assertThat(row).contains(",DONE OPEN OPEN MANUAL,");
    }

    @Test
    void csv_of_an_incomplete_read_blocks_with_scan_incomplete() {
        String row = rowOf(csv(plan(tenant.snapshot().withProblems(List.of(ScanProblem.incomplete("applications", "x"))))),
                MigrationPlannerTest.READY);
        assertThat(row).contains(",CERTIFICATE_UNPROVEN,")
                .contains("," + tenant.readySecret.keyId() + ":SCAN_INCOMPLETE,");
    }

    private static String rowOf(String csv, UUID appId) {
        return Arrays.stream(csv.split("\r\n")).filter(l -> l.contains("," + appId + ",")).findFirst()
                .orElseThrow(() -> new AssertionError("no row for " + appId + " in\n" + csv));
    }
}
