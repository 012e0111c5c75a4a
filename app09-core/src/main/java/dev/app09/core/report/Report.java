package dev.app09.core.report;

import static java.util.Objects.requireNonNull;

import dev.app09.core.model.ScanProblem;
import dev.app09.core.rules.Finding;
import dev.app09.core.rules.WorkloadAssessment;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The APP-09 report of one tenant at one instant: the JSON of APP09-RULES.md section 6, field for
 * field. Workloads are listed in priority order (SECRETS_ONLY, MIGRATION_OVERDUE, MIGRATING,
 * EXCEPTION, then the passing ones; inside a verdict by display name ignoring case, then appId).
 *
 * @param control the control's metadata
 * @param tenantId the tenant's id, if known
 * @param asOf the evaluation instant
 * @param problems what went wrong while the tenant was read
 * @param summary the counts
 * @param tenantFindings the tenant-wide findings
 * @param workloads the listed workloads, in priority order
 */
public record Report(
        Control control,
        @Nullable UUID tenantId,
        Instant asOf,
        List<ScanProblem> problems,
        Summary summary,
        List<Finding> tenantFindings,
        List<WorkloadAssessment> workloads) {

    /** The report's order: verdict priority, display name ignoring case, appId. */
    public static final Comparator<WorkloadAssessment> PRIORITY = Comparator
            .comparing(WorkloadAssessment::verdict)
            .thenComparing(WorkloadAssessment::displayName, String.CASE_INSENSITIVE_ORDER)
            .thenComparing(WorkloadAssessment::appId);

    /** Validates and copies. */
    public Report {
        requireNonNull(control, "control");
        requireNonNull(asOf, "asOf");
        requireNonNull(summary, "summary");
        problems = List.copyOf(problems);
        tenantFindings = List.copyOf(tenantFindings);
        workloads = List.copyOf(workloads);
    }

    /**
     * Starts a report. Add every workload assessment, listed or not; the builder keeps only those
     * the listing rule lists, and counts them all.
     *
     * @param tenantId the tenant's id, if known
     * @param asOf the evaluation instant
     * @param listAll whether to list Microsoft and external workloads with no credential
     * @return a builder
     */
    public static Builder builder(@Nullable UUID tenantId, Instant asOf, boolean listAll) {
        return new Builder(tenantId, asOf, listAll);
    }

    /** @return whether every required collection was read whole; an incomplete report never passes */
    public boolean complete() {
        return ScanProblem.noneIncomplete(problems);
    }

    /** @return whether the control passes: the read was complete and no workload fails */
    public boolean passes() {
        return complete() && summary.failing() == 0;
    }

    /** @return the listed workloads that fail the control, in priority order */
    public List<WorkloadAssessment> failingWorkloads() {
        return workloads.stream().filter(WorkloadAssessment::failing).toList();
    }

    /**
     * @param appId an application (client) id
     * @return the listed workload with this appId, if any
     */
    public Optional<WorkloadAssessment> workload(UUID appId) {
        return workloads.stream().filter(w -> w.appId().equals(appId)).findFirst();
    }

    /** @return the guidance's effort estimate for the failing workloads */
    public EffortEstimate effort() {
        return new EffortEstimate(summary.failing());
    }

    /** @return the guidance's verification checklist, ticked from this report */
    public List<ChecklistItem> checklist() {
        return VerificationChecklist.of(this);
    }

    /** Collects workload assessments into a report; not thread-safe. */
    public static final class Builder {

        private @Nullable UUID tenantId;
        private final Instant asOf;
        private final Tally tally;
        private final List<WorkloadAssessment> listed = new ArrayList<>();
        private final List<ScanProblem> problems = new ArrayList<>();
        private final List<Finding> tenantFindings = new ArrayList<>();

        private Builder(@Nullable UUID tenantId, Instant asOf, boolean listAll) {
            this.tenantId = tenantId;
            this.asOf = requireNonNull(asOf, "asOf");
            this.tally = new Tally(listAll);
        }

        /**
         * Counts a workload and keeps it when the listing rule lists it.
         *
         * @param assessment the workload's assessment
         * @return this builder
         */
        public Builder add(WorkloadAssessment assessment) {
            if (tally.add(assessment)) {
                listed.add(assessment);
            }
            return this;
        }

        /**
         * @param id the tenant's id, when it is known only once the tenant has been read
         * @return this builder
         */
        public Builder tenantId(@Nullable UUID id) {
            this.tenantId = id;
            return this;
        }

        /**
         * @param found problems met while reading the tenant
         * @return this builder
         */
        public Builder problems(List<ScanProblem> found) {
            problems.addAll(found);
            return this;
        }

        /**
         * @param findings tenant-wide findings
         * @return this builder
         */
        public Builder tenantFindings(List<Finding> findings) {
            tenantFindings.addAll(findings);
            return this;
        }

        /** @return the report, workloads in priority order */
        public Report build() {
            List<WorkloadAssessment> sorted = new ArrayList<>(listed);
            sorted.sort(PRIORITY);
            return new Report(Control.APP_09, tenantId, asOf, problems,
                    tally.summary(), tenantFindings, sorted);
        }
    }
}
