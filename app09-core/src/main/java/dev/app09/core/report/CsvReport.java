package dev.app09.core.report;

import dev.app09.core.rules.Finding;
import dev.app09.core.rules.WorkloadAssessment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Writes a report's workloads as CSV (RFC 4180, CRLF line ends). The first five columns are those
 * of the guidance's own inventory, in its order: DisplayName, AppId, SecretCount, CertCount,
 * SecretsOnly; then FederatedCount, Verdict, Findings (codes separated by {@code ;}), Origin,
 * ApplicationObjectId, ServicePrincipalObjectId.
 *
 * <p>A cell that starts with {@code = + - @}, a tab or a carriage return is prefixed with an
 * apostrophe, so that a spreadsheet shows it as text instead of running it as a formula.
 */
public final class CsvReport {

    /** The header row's cells. */
    public static final List<String> HEADER = List.of("DisplayName", "AppId", "SecretCount", "CertCount",
            "SecretsOnly", "FederatedCount", "Verdict", "Findings", "Origin", "ApplicationObjectId",
            "ServicePrincipalObjectId");

    private CsvReport() {
    }

    /**
     * @param report the report
     * @param out where to write
     * @throws UncheckedIOException when {@code out} fails
     */
    public static void write(Report report, Appendable out) {
        try {
            out.append(line(HEADER));
            for (WorkloadAssessment w : report.workloads()) {
                out.append(line(w));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param w a workload's assessment
     * @return its row, CRLF included
     */
    static String line(WorkloadAssessment w) {
        return line(List.of(w.displayName(), w.appId().toString(), Integer.toString(w.secretCount()),
                Integer.toString(w.certificateCount()), w.secretsOnly() ? "True" : "False",
                Integer.toString(w.federatedCount()), w.verdict().name(),
                codes(w.findings()),
                w.origin().name(), id(w.applicationObjectId()), id(w.servicePrincipalObjectId())));
    }

    /**
     * Makes one value safe as a CSV cell: neutralised against formula injection, then quoted when
     * it holds a comma, a quote or a line break.
     *
     * @param value the raw value
     * @return the cell as written
     */
    public static String cell(String value) {
        String safe = value;
        if (!safe.isEmpty() && "=+-@\t\r".indexOf(safe.charAt(0)) >= 0) {
            safe = "'" + safe;
        }
        if (safe.indexOf(',') >= 0 || safe.indexOf('"') >= 0 || safe.indexOf('\n') >= 0 || safe.indexOf('\r') >= 0) {
            safe = '"' + safe.replace("\"", "\"\"") + '"';
        }
        return safe;
    }

    static String line(List<String> values) {
        StringBuilder row = new StringBuilder(256);
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                row.append(',');
            }
            row.append(cell(values.get(i)));
        }
        return row.append("\r\n").toString();
    }

    private static String id(@Nullable UUID id) {
        return id == null ? "" : id.toString();
    }

    static String codes(List<Finding> findings) {
        return findings.stream().map(f -> f.code().name()).distinct().collect(Collectors.joining(";"));
    }
}
