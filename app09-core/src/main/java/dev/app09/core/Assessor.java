package dev.app09.core;

import static java.util.Objects.requireNonNull;

import dev.app09.core.model.TenantSnapshot;
import dev.app09.core.report.Report;
import dev.app09.core.rules.Policy;
import dev.app09.core.rules.Workload;
import java.time.Instant;

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
                .problems(snapshot.problems());
        TenantJudge judge = TenantJudge.of(policy, asOf, snapshot.signInEvidence(), report::add);
        Workload.joinAll(snapshot).forEach(judge);
        return report.tenantFindings(judge.tenantFindings(snapshot.appManagementPolicy())).build();
    }

}
