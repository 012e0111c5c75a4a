package dev.app09.core.report;

import dev.app09.core.rules.WorkloadAssessment;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Writes a report as a plain-text table for a terminal: one line per listed workload, then the
 * result. Control characters in names from the tenant are replaced, so a display name cannot
 * send escape sequences to the terminal.
 */
public final class TextReport {

    private static final int NAME_WIDTH = 40;

    private TextReport() {
    }

    /**
     * @param report the report
     * @param out where to write
     * @throws UncheckedIOException when {@code out} fails
     */
    public static void write(Report report, Appendable out) {
        try {
            out.append(String.format("%-17s  %-40s  %-36s  %7s  %5s  %9s  %s%n", "VERDICT", "DISPLAY NAME", "APP ID",
                    "SECRETS", "CERTS", "FEDERATED", "FINDINGS"));
            for (WorkloadAssessment w : report.workloads()) {
                out.append(String.format("%-17s  %-40s  %-36s  %7d  %5d  %9d  %s%n", w.verdict().name(),
                        fit(PlainText.clean(w.displayName())), w.appId(), w.secretCount(), w.certificateCount(),
                        w.federatedCount(), CsvReport.codes(w.findings()).replace(";", ",")));
            }
            Summary s = report.summary();
            out.append(String.format("%n%s: %d failing of %d workloads (%d not listed); as of %s%s%n",
                    result(report), s.failing(), s.workloads(), s.omitted(), report.asOf(),
                    report.complete() ? "" : "; the scan is INCOMPLETE (" + report.problems().size() + " problem(s))"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** PASS, FAIL or INCOMPLETE: an incomplete scan never says PASS. */
    static String result(Report report) {
        if (!report.complete()) {
            return "INCOMPLETE";
        }
        return report.passes() ? "PASS" : "FAIL";
    }

    private static String fit(String name) {
        return name.length() <= NAME_WIDTH ? name : name.substring(0, NAME_WIDTH - 1) + "…";
    }
}
