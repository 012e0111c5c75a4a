package dev.app09.testkit.assertj;

import dev.app09.core.report.Report;
import dev.app09.core.rules.Finding;
import dev.app09.core.rules.FindingCode;
import dev.app09.core.rules.Verdict;
import dev.app09.core.rules.WorkloadAssessment;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.assertj.core.api.AbstractAssert;

/** Assertions on an APP-09 report; {@link #workload(String)} moves on to one workload. */
public final class ReportAssert extends AbstractAssert<ReportAssert, Report> {

    /**
     * @param actual the report under test
     */
    public ReportAssert(Report actual) {
        super(actual, ReportAssert.class);
    }

    /** @return this assertion, when the control passes for the tenant */
    public ReportAssert passes() {
        isNotNull();
        if (!actual.passes()) {
            failWithMessage("Expected the control to pass but %s; failing workloads: %s",
                    actual.complete() ? "it fails" : "the scan is incomplete", names(actual.failingWorkloads()));
        }
        return this;
    }

    /** @return this assertion, when the control fails for the tenant */
    public ReportAssert fails() {
        isNotNull();
        if (actual.passes()) {
            failWithMessage("Expected the control to fail but it passes");
        }
        return this;
    }

    /** @return this assertion, when the scan behind the report is complete */
    public ReportAssert isComplete() {
        isNotNull();
        if (!actual.complete()) {
            failWithMessage("Expected a complete report but it lists problems: %s", actual.problems());
        }
        return this;
    }

    /** @return this assertion, when the scan behind the report is incomplete */
    public ReportAssert isIncomplete() {
        isNotNull();
        if (actual.complete()) {
            failWithMessage("Expected an incomplete report but it is complete");
        }
        return this;
    }

    /**
     * @param code a tenant finding the report must hold
     * @return this assertion
     */
    public ReportAssert hasTenantFinding(FindingCode code) {
        isNotNull();
        if (actual.tenantFindings().stream().map(Finding::code).noneMatch(code::equals)) {
            failWithMessage("Expected tenant finding %s but the report has %s", code, actual.tenantFindings());
        }
        return this;
    }

    /**
     * @param verdict a verdict
     * @param expected how many workloads (listed or not) must have it
     * @return this assertion
     */
    public ReportAssert hasVerdictCount(Verdict verdict, int expected) {
        isNotNull();
        int count = actual.summary().byVerdict().getOrDefault(verdict, 0);
        if (count != expected) {
            failWithMessage("Expected %s workloads with verdict %s but there are %s", expected, verdict, count);
        }
        return this;
    }

    /**
     * Moves on to the listed workload of that display name.
     *
     * @param displayName its display name, exactly
     * @return assertions on it
     */
    public WorkloadAssert workload(String displayName) {
        isNotNull();
        List<WorkloadAssessment> named = actual.workloads().stream()
                .filter(w -> w.displayName().equals(displayName)).toList();
        if (named.size() != 1) {
            failWithMessage("Expected one listed workload named '%s' but found %s; listed: %s", displayName, named.size(),
                    names(actual.workloads()));
        }
        return new WorkloadAssert(named.get(0));
    }

    /**
     * Moves on to the listed workload of that appId.
     *
     * @param appId its appId
     * @return assertions on it
     */
    public WorkloadAssert workload(UUID appId) {
        isNotNull();
        Optional<WorkloadAssessment> workload = actual.workload(appId);
        if (workload.isEmpty()) {
            failWithMessage("Expected a listed workload with appId %s but there is none; listed: %s", appId,
                    names(actual.workloads()));
        }
        return new WorkloadAssert(workload.orElseThrow());
    }

    private static List<String> names(List<WorkloadAssessment> workloads) {
        return workloads.stream().map(WorkloadAssessment::displayName).toList();
    }
}
