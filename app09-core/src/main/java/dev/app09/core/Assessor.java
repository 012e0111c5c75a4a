package dev.app09.core;

import static java.util.Objects.requireNonNull;

import dev.app09.core.model.SignInEvidence;
import dev.app09.core.model.TenantSnapshot;
import dev.app09.core.report.Report;
import dev.app09.core.rules.Policy;
import dev.app09.core.rules.TenantRules;
import dev.app09.core.rules.Workload;
import dev.app09.core.rules.WorkloadAssessment;
import dev.app09.core.rules.WorkloadJoin;
import dev.app09.core.rules.WorkloadRules;
import java.time.Instant;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Judges a tenant against APP-09: a pure function of the snapshot, the policy and the
 * evaluation instant, which is always given (the rules never read a clock).
 *
 * <pre>{@code
 * Report report = Assessor.assess(snapshot, Policy.defaults(), Instant.parse("2026-11-26T00:00:00Z"));
 * if (!report.passes()) {
 *     report.failingWorkloads().forEach(w -> System.out.println(w.displayName() + " " + w.verdict()));
 * }
 * }</pre>
 */
public final class Assessor {

    private Assessor() {
    }

    /**
     * @param snapshot the tenant as read
     * @param policy the policy (windows, exceptions, listing rule)
     * @param asOf the evaluation instant
     * @return the report: every workload judged, the listed ones in priority order
     */
    public static Report assess(TenantSnapshot snapshot, Policy policy, Instant asOf) {
        requireNonNull(snapshot, "snapshot");
        requireNonNull(policy, "policy");
        requireNonNull(asOf, "asOf");
        Report.Builder report = Report.builder(snapshot.tenantId(), asOf, policy.listAllWorkloads())
                .problems(snapshot.problems())
                .tenantFindings(TenantRules.assess(snapshot));
        for (Workload workload : Workload.joinAll(snapshot)) {
            report.add(WorkloadRules.assess(workload, policy, asOf, snapshot.signInEvidence()));
        }
        return report.build();
    }

    /**
     * The streaming form of {@link #assess}, for tenants too large to hold: a join that judges
     * each workload as soon as it is whole and hands on its assessment. Offer every application
     * and service principal, then end both collections; tenant-wide findings are not part of it
     * (see {@link TenantRules}).
     *
     * @param policy the policy
     * @param asOf the evaluation instant
     * @param evidence credential sign-in evidence, or null when none was read
     * @param sink receives each assessment, one at a time
     * @return the join to offer the tenant's objects to
     */
    public static WorkloadJoin judging(Policy policy, Instant asOf, @Nullable SignInEvidence evidence,
            Consumer<WorkloadAssessment> sink) {
        requireNonNull(policy, "policy");
        requireNonNull(asOf, "asOf");
        requireNonNull(sink, "sink");
        return WorkloadJoin.into(workload -> sink.accept(WorkloadRules.assess(workload, policy, asOf, evidence)));
    }
}
