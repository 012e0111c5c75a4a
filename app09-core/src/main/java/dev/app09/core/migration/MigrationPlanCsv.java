package dev.app09.core.migration;

import dev.app09.core.report.ChecklistItem;
import dev.app09.core.report.CsvReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Writes a migration plan as CSV (RFC 4180, CRLF, cells neutralised against formula injection as
 * in {@link CsvReport}): one row per planned workload.
 */
public final class MigrationPlanCsv {

    /** The columns, in order. */
    public static final List<String> HEADER = List.of("DisplayName", "AppId", "State", "Verdict", "NextStep",
            "SecretsReady", "SecretsBlocked", "Checklist", "ApplicationObjectId", "Origin");

    private MigrationPlanCsv() {
    }

    /**
     * @param plan the plan
     * @param out where to write
     * @throws UncheckedIOException when {@code out} fails
     */
    public static void write(MigrationPlan plan, Appendable out) {
        try {
            row(out, HEADER);
            for (WorkloadMigration w : plan.workloads()) {
                row(out, List.of(w.displayName(), w.appId().toString(), w.state().name(), w.verdict().name(), w.nextStep(),
                        w.secretsReady().stream().map(UUID::toString).collect(Collectors.joining(" ")),
                        w.secretsBlocked().stream().map(d -> d.keyId() + ":" + d.refusals().stream()
                                .map(r -> r.rule().name()).collect(Collectors.joining("+"))).collect(Collectors.joining(" ")),
                        w.checklist().stream().map(ChecklistItem::state).map(Enum::name).collect(Collectors.joining(" ")),
                        w.applicationObjectId() == null ? "" : w.applicationObjectId().toString(), w.origin().name()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void row(Appendable out, List<String> cells) throws IOException {
        out.append(cells.stream().map(CsvReport::cell).collect(Collectors.joining(","))).append("\r\n");
    }
}
