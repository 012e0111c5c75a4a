package dev.app09.core;

import static java.util.Objects.requireNonNull;

import dev.app09.core.model.AppManagementPolicy;
import dev.app09.core.model.Application;
import dev.app09.core.model.SignInEvidence;
import dev.app09.core.rules.ExceptionEntry;
import dev.app09.core.rules.Finding;
import dev.app09.core.rules.Policy;
import dev.app09.core.rules.TenantRules;
import dev.app09.core.rules.Workload;
import dev.app09.core.rules.WorkloadAssessment;
import dev.app09.core.rules.WorkloadJoin;
import dev.app09.core.rules.WorkloadRules;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Judges workloads one at a time, as a {@link WorkloadJoin} hands them on, and remembers the
 * little the tenant-wide findings need (the earliest application creation) and which exceptions
 * matched no workload: {@link Assessor}
 * for a tenant that is streamed rather than held. Not thread-safe (a join calls it one workload
 * at a time).
 *
 * <pre>{@code
 * CsvReportBuilder csv = CsvReportBuilder.create(policy.listAllWorkloads());
 * TenantJudge judge = TenantJudge.of(policy, asOf, evidence, csv::add);
 * WorkloadJoin join = WorkloadJoin.into(judge);
 * }</pre>
 */
public final class TenantJudge implements Consumer<Workload> {

    private final Policy policy;
    private final Instant asOf;
    private final @Nullable SignInEvidence evidence;
    private final Consumer<WorkloadAssessment> sink;
    private final Set<UUID> unmatchedExceptions = new HashSet<>();
    private @Nullable Instant earliestCreation;

    private TenantJudge(Policy policy, Instant asOf, @Nullable SignInEvidence evidence, Consumer<WorkloadAssessment> sink) {
        this.policy = requireNonNull(policy, "policy");
        this.asOf = requireNonNull(asOf, "asOf");
        this.evidence = evidence;
        this.sink = requireNonNull(sink, "sink");
        policy.exceptions().entries().forEach(entry -> unmatchedExceptions.add(entry.appId()));
    }

    /**
     * @param policy the policy
     * @param asOf the evaluation instant
     * @param evidence credential sign-in evidence, or null when none was read
     * @param sink receives each workload's assessment
     * @return a judge that has seen nothing yet
     */
    public static TenantJudge of(Policy policy, Instant asOf, @Nullable SignInEvidence evidence,
            Consumer<WorkloadAssessment> sink) {
        return new TenantJudge(policy, asOf, evidence, sink);
    }

    /**
     * Judges one workload and hands on its assessment.
     *
     * @param workload the workload
     */
    @Override
    public void accept(Workload workload) {
        Application application = workload.application();
        if (application != null) {
            earliestCreation = TenantRules.earlier(earliestCreation, application);
        }
        unmatchedExceptions.remove(workload.appId());
        sink.accept(WorkloadRules.assess(workload, policy, asOf, evidence));
    }

    /**
     * @param appManagementPolicy the default app management policy, or null when it was not read
     * @return the tenant-wide findings of the workloads judged so far (APP09-RULES.md section 4)
     */
    public List<Finding> tenantFindings(@Nullable AppManagementPolicy appManagementPolicy) {
        return TenantRules.assess(appManagementPolicy, earliestCreation);
    }

    /**
     * @return the policy's exceptions that name no workload judged so far (a typo, or an app that
     *     is gone), in register order
     */
    public List<ExceptionEntry> unmatchedExceptions() {
        return policy.exceptions().entries().stream().filter(e -> unmatchedExceptions.contains(e.appId())).toList();
    }
}
