package dev.app09.core.report;

import static java.util.Objects.requireNonNull;

import dev.app09.core.rules.Verdict;
import dev.app09.core.rules.WorkloadAssessment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * Builds the {@link CsvReport} of a tenant too large to hold whole: each workload is counted and,
 * when the listing rule lists it, kept only as its finished CSV row (a few hundred bytes, where an
 * assessment with its credentials and findings costs kilobytes). The rows come out in the report's
 * priority order, byte for byte as {@link CsvReport#write} writes the same workloads.
 *
 * <pre>{@code
 * CsvReportBuilder csv = CsvReportBuilder.create(policy.listAllWorkloads());
 * WorkloadJoin join = WorkloadJoin.into(w -> csv.add(WorkloadRules.assess(w, policy, asOf, evidence)));
 * ... offer the tenant's objects, end both collections ...
 * csv.write(out);
 * boolean passes = complete && csv.summary().failing() == 0;
 * }</pre>
 *
 * <p>Not thread-safe (a {@code WorkloadJoin} calls its sink one workload at a time).
 */
public final class CsvReportBuilder {

    private static final Comparator<Row> PRIORITY = Comparator
            .comparing(Row::verdict)
            .thenComparing(Row::displayName, String.CASE_INSENSITIVE_ORDER)
            .thenComparing(Row::appId);

    private final Tally tally;
    private final List<Row> rows = new ArrayList<>();

    private CsvReportBuilder(boolean listAll) {
        this.tally = new Tally(listAll);
    }

    /**
     * @param listAll whether to list Microsoft and external workloads with no credential
     * @return an empty builder
     */
    public static CsvReportBuilder create(boolean listAll) {
        return new CsvReportBuilder(listAll);
    }

    /**
     * Counts a workload and keeps its row when the listing rule lists it.
     *
     * @param assessment the workload's assessment
     * @return this builder
     */
    public CsvReportBuilder add(WorkloadAssessment assessment) {
        if (tally.add(requireNonNull(assessment, "assessment"))) {
            rows.add(new Row(assessment.verdict(), assessment.displayName(), assessment.appId(),
                    CsvReport.line(assessment)));
        }
        return this;
    }

    /** @return the counts of every workload added so far */
    public Summary summary() {
        return tally.summary();
    }

    /**
     * Writes the header and the kept rows in priority order.
     *
     * @param out where to write
     * @throws UncheckedIOException when {@code out} fails
     */
    public void write(Appendable out) {
        rows.sort(PRIORITY);
        try {
            out.append(CsvReport.line(CsvReport.HEADER));
            for (Row row : rows) {
                out.append(row.line());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One listed workload: its sort keys and its finished row. */
    private record Row(Verdict verdict, String displayName, UUID appId, String line) {
    }
}
