package dev.app09.core.migration;

import dev.app09.core.model.ScanProblem;
import dev.app09.core.report.ChecklistItem;
import dev.app09.core.report.PlainText;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.stream.Collectors;

/**
 * Writes a migration plan for a terminal: per workload its state, verdict, next step and checklist
 * ({@code [x]} done, {@code [ ]} open, {@code [?]} to check by hand), then the counts per state.
 * Text from the tenant is cleaned of control characters.
 */
public final class MigrationPlanText {

    private MigrationPlanText() {
    }

    /**
     * @param plan the plan
     * @param out where to write
     * @throws UncheckedIOException when {@code out} fails
     */
    public static void write(MigrationPlan plan, Appendable out) {
        try {
            out.append("APP-09 migration plan as of ").append(plan.asOf().toString())
                    .append(plan.tenantId() == null ? "" : " for tenant " + plan.tenantId()).append(System.lineSeparator());
            for (ScanProblem problem : plan.problems()) {
                out.append("  ").append(problem.impact().name()).append(": ").append(PlainText.clean(problem.source()))
                        .append(": ").append(PlainText.clean(problem.message())).append(System.lineSeparator());
            }
            for (WorkloadMigration w : plan.workloads()) {
                out.append(System.lineSeparator())
                        .append(String.format(java.util.Locale.ROOT, "%-22s  %s  (%s)%n", w.state().name(), PlainText.clean(w.displayName()), w.appId()))
                        .append("  verdict: ").append(w.verdict().name()).append(System.lineSeparator())
                        .append("  next:    ").append(PlainText.clean(w.nextStep())).append(System.lineSeparator());
                for (RetirementDecision blocked : w.secretsBlocked()) {
                    out.append("  secret ").append(blocked.keyId().toString()).append(" stays: ")
                            .append(blocked.refusals().stream().map(r -> r.rule().name()).collect(Collectors.joining(", ")))
                            .append(System.lineSeparator());
                }
                for (ChecklistItem item : w.checklist()) {
                    out.append("  ").append(box(item.state())).append(' ').append(item.text()).append(": ")
                            .append(PlainText.clean(item.basis())).append(System.lineSeparator());
                }
            }
            out.append(System.lineSeparator()).append(plan.counts().entrySet().stream()
                    .map(e -> e.getKey().name() + " " + e.getValue()).collect(Collectors.joining(", ")))
                    .append(plan.complete() ? "" : "; the read was INCOMPLETE: nothing is marked ready")
                    .append(System.lineSeparator());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String box(ChecklistItem.State state) {
        return switch (state) {
            case DONE -> "[x]";
            case OPEN -> "[ ]";
            case MANUAL -> "[?]";
        };
    }
}
