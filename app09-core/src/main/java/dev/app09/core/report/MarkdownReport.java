package dev.app09.core.report;

import dev.app09.core.model.ScanProblem;
import dev.app09.core.rules.Finding;
import dev.app09.core.rules.Verdict;
import dev.app09.core.rules.WorkloadAssessment;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.jspecify.annotations.Nullable;

/**
 * Writes a report as a Markdown summary for people and auditors: the result, the counts,
 * problems, tenant findings, the workload table, the verification checklist, the effort estimate,
 * the control's metadata and, when given, an industry profile. Names from the tenant are escaped.
 */
public final class MarkdownReport {

    private MarkdownReport() {
    }

    /**
     * @param report the report
     * @param industry an industry profile to include, or null
     * @param out where to write
     * @throws UncheckedIOException when {@code out} fails
     */
    public static void write(Report report, @Nullable Industry industry, Appendable out) {
        try {
            writeTo(report, industry, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeTo(Report report, @Nullable Industry industry, Appendable out) throws IOException {
        Control control = report.control();
        Summary s = report.summary();
        out.append("# ").append(control.id()).append(": ").append(control.title()).append("\n\n");
        out.append("- Result: **").append(TextReport.result(report)).append("** (")
                .append(Integer.toString(s.failing())).append(" failing of ")
                .append(Integer.toString(s.workloads())).append(" workloads)\n");
        out.append("- Tenant: ").append(report.tenantId() == null ? "unknown" : report.tenantId().toString()).append('\n');
        out.append("- As of: ").append(report.asOf().toString()).append('\n');
        out.append("- Scan: ").append(report.complete() ? "complete" : "INCOMPLETE, objects may be missing").append("\n\n");

        out.append("## Summary\n\n| Verdict | Workloads |\n|---|---:|\n");
        for (Verdict verdict : Verdict.values()) {
            out.append("| ").append(verdict.name()).append(verdict.failing() ? " (failing)" : "").append(" | ")
                    .append(Integer.toString(s.count(verdict))).append(" |\n");
        }
        out.append("\nNot listed: ").append(Integer.toString(s.omitted()))
                .append(" Microsoft and external service principals without any credential.\n\n");

        if (!report.problems().isEmpty()) {
            out.append("## Problems\n\n");
            for (ScanProblem p : report.problems()) {
                out.append("- ").append(p.impact().name()).append(" · ").append(PlainText.markdown(p.source()))
                        .append(": ").append(PlainText.markdown(p.message())).append('\n');
            }
            out.append('\n');
        }
        out.append("## Tenant findings\n\n");
        if (report.tenantFindings().isEmpty()) {
            out.append("None (the default app management policy was not read).\n\n");
        } else {
            for (Finding f : report.tenantFindings()) {
                out.append("- ").append(f.code().name()).append(" (").append(f.severity().name()).append("): ")
                        .append(PlainText.markdown(f.message())).append('\n');
            }
            out.append('\n');
        }

        out.append("## Workloads\n\n| Verdict | Display name | App ID | Origin | Secrets | Certificates | Federated | Findings |\n")
                .append("|---|---|---|---|---:|---:|---:|---|\n");
        for (WorkloadAssessment w : report.workloads()) {
            out.append("| ").append(w.verdict().name()).append(" | ").append(PlainText.markdown(w.displayName()))
                    .append(" | ").append(w.appId().toString()).append(" | ").append(w.origin().name())
                    .append(" | ").append(Integer.toString(w.secretCount()))
                    .append(" | ").append(Integer.toString(w.certificateCount()))
                    .append(" | ").append(Integer.toString(w.federatedCount()))
                    .append(" | ").append(CsvReport.codes(w.findings()).replace(";", ", ")).append(" |\n");
        }
        out.append('\n');

        out.append("## Verification checklist\n\n");
        for (ChecklistItem item : report.checklist()) {
            out.append(switch (item.state()) {
                case DONE -> "- [x] ";
                case OPEN -> "- [ ] ";
                case MANUAL -> "- [ ] (check by hand) ";
            }).append(item.text()).append(": ").append(PlainText.markdown(item.basis())).append('\n');
        }
        EffortEstimate effort = report.effort();
        out.append("\n## Effort estimate\n\n")
                .append("Inventory once: ").append(Integer.toString(EffortEstimate.INVENTORY_MIN)).append('-')
                .append(Integer.toString(EffortEstimate.INVENTORY_MAX)).append(" min. Per failing workload: ")
                .append("30-60 min migration, 15-30 min testing, 5-10 min secret removal. ")
                .append("For ").append(Integer.toString(effort.failingWorkloads())).append(" failing workload(s): ")
                .append(hours(effort.minMinutes())).append(" to ").append(hours(effort.maxMinutes())).append(".\n");

        if (industry != null) {
            out.append("\n## Industry profile: ").append(industry.title()).append("\n\nFrameworks: ")
                    .append(String.join(", ", industry.frameworks())).append("\n\nCommon threats:\n");
            for (String threat : industry.commonThreats()) {
                out.append("- ").append(threat).append('\n');
            }
        }

        out.append("\n## Control\n\n")
                .append("- ID: ").append(control.id()).append('\n')
                .append("- Category: ").append(control.category()).append('\n')
                .append("- Level: ").append(control.level()).append('\n')
                .append("- Severity: ").append(control.severity()).append('\n')
                .append("- Advisory: ").append(control.advisory() ? "yes" : "no")
                .append(", manual remediation: ").append(control.manual() ? "yes" : "no").append('\n')
                .append("- Related controls: ");
        for (int i = 0; i < control.relatedControls().size(); i++) {
            Control.RelatedControl related = control.relatedControls().get(i);
            out.append(i == 0 ? "" : "; ").append(related.id()).append(" (").append(related.title()).append(')');
        }
        out.append("\n- Required roles: ").append(String.join("; ", control.requiredRoles())).append('\n');
    }

    private static String hours(long minutes) {
        return minutes % 60 == 0 ? minutes / 60 + " h" : minutes / 60 + " h " + minutes % 60 + " min";
    }
}
