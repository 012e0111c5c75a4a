package dev.app09.core.report;

import dev.app09.core.rules.Verdict;
import dev.app09.core.rules.WorkloadAssessment;
import java.util.EnumMap;
import java.util.Map;

/** Counts workload assessments into a {@link Summary}; not thread-safe. */
final class Tally {

    private final boolean listAll;
    private final Map<Verdict, Integer> byVerdict = new EnumMap<>(Verdict.class);
    private int workloads;
    private int failing;
    private int omitted;

    Tally(boolean listAll) {
        this.listAll = listAll;
    }

    /**
     * Counts a workload.
     *
     * @param assessment the workload's assessment
     * @return whether the listing rule lists it
     */
    boolean add(WorkloadAssessment assessment) {
        workloads++;
        byVerdict.merge(assessment.verdict(), 1, Integer::sum);
        if (assessment.failing()) {
            failing++;
        }
        boolean listed = assessment.listed(listAll);
        if (!listed) {
            omitted++;
        }
        return listed;
    }

    Summary summary() {
        return new Summary(byVerdict, workloads, failing, omitted);
    }
}
