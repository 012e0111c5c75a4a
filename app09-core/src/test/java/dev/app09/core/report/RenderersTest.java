package dev.app09.core.report;

import static dev.app09.core.Fixtures.AS_OF;
import static dev.app09.core.Fixtures.app;
import static dev.app09.core.Fixtures.id;
import static dev.app09.core.Fixtures.liveSecret;
import static org.assertj.core.api.Assertions.assertThat;

import dev.app09.core.Assessor;
import dev.app09.core.model.ScanProblem;
import dev.app09.core.model.TenantSnapshot;
import dev.app09.core.rules.Policy;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Markdown and text renderers: what a person reads. */
final class RenderersTest {

    private static Report report(TenantSnapshot snapshot) {
        return Assessor.assess(snapshot, Policy.defaults(), AS_OF);
    }

    private static String markdown(Report report, Industry industry) {
        StringBuilder out = new StringBuilder();
        MarkdownReport.write(report, industry, out);
        return out.toString();
    }

    private static String text(Report report) {
        StringBuilder out = new StringBuilder();
        TextReport.write(report, out);
        return out.toString();
    }

    @Test
    void markdown_states_result_counts_checklist_effort_control_and_industry() {
        String md = markdown(report(TenantSnapshot.of(List.of(app(id(1), "Payroll", liveSecret())), List.of())),
                Industry.HEALTHCARE);
        assertThat(md).contains("Result: **FAIL** (1 failing of 1 workloads)")
                .contains("| SECRETS_ONLY (failing) | 1 |")
                .contains("| SECRETS_ONLY | Payroll | " + id(1))
                .contains("- [ ] No application relies solely on client secrets")
                .contains("For 1 failing workload(s): 1 h 20 min to 2 h 40 min")
                .contains("Industry profile: Healthcare & life sciences")
                .contains("hipaa, soc2, nist-800-53")
                .contains("Related controls: APP-01");
    }

    @Test
    void markdown_escapes_names_that_would_break_the_table_or_inject_html() {
        String md = markdown(report(TenantSnapshot.of(List.of(app(id(1), "a|b <script>", liveSecret())), List.of())), null);
        assertThat(md).contains("a\\|b \\<script\\>").doesNotContain("<script>");
    }

    @Test
    void an_incomplete_scan_says_incomplete_never_pass() {
        Report report = report(TenantSnapshot.of(List.of(), List.of())
                .withProblems(List.of(ScanProblem.incomplete("applications", "HTTP 500"))));
        assertThat(markdown(report, null)).contains("Result: **INCOMPLETE**").contains("INCOMPLETE · applications: HTTP 500");
        assertThat(text(report)).contains("INCOMPLETE: 0 failing").doesNotContain("PASS");
    }

    @Test
    void text_lists_each_workload_and_the_result() {
        String out = text(report(TenantSnapshot.of(List.of(app(id(1), "Payroll", liveSecret())), List.of())));
        assertThat(out).contains("SECRETS_ONLY").contains("Payroll").contains(id(1).toString())
                .contains("FAIL: 1 failing of 1 workloads");
    }

    @Test
    void text_replaces_terminal_escape_sequences_in_names() {
        String out = text(report(TenantSnapshot.of(List.of(app(id(1), "evil\u001b[2Jname", liveSecret())), List.of())));
        assertThat(out).doesNotContain("\u001b").contains("evil [2Jname");
    }
}
