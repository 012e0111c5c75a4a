package dev.app09.testkit.assertj;

import dev.app09.core.rules.Finding;
import dev.app09.core.rules.FindingCode;
import dev.app09.core.rules.Origin;
import dev.app09.core.rules.Verdict;
import dev.app09.core.rules.WorkloadAssessment;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.assertj.core.api.AbstractAssert;

/** Assertions on one workload's assessment: verdict, findings, origin, counts. */
public final class WorkloadAssert extends AbstractAssert<WorkloadAssert, WorkloadAssessment> {

    /**
     * @param actual the assessment under test
     */
    public WorkloadAssert(WorkloadAssessment actual) {
        super(actual, WorkloadAssert.class);
    }

    /**
     * @param expected the verdict
     * @return this assertion
     */
    public WorkloadAssert hasVerdict(Verdict expected) {
        isNotNull();
        if (actual.verdict() != expected) {
            failWithMessage("Expected workload %s to have verdict %s but it has %s (findings: %s)", name(), expected,
                    actual.verdict(), codes());
        }
        return this;
    }

    /**
     * @param expected codes the workload must have, among others
     * @return this assertion
     */
    public WorkloadAssert hasFindings(FindingCode... expected) {
        isNotNull();
        Set<FindingCode> missing = EnumSet.noneOf(FindingCode.class);
        missing.addAll(Arrays.asList(expected));
        missing.removeAll(codes());
        if (!missing.isEmpty()) {
            failWithMessage("Expected workload %s to have findings %s but it lacks %s (it has %s)", name(),
                    Arrays.toString(expected), missing, codes());
        }
        return this;
    }

    /**
     * @param expected exactly the codes the workload has, in any order
     * @return this assertion
     */
    public WorkloadAssert hasOnlyFindings(FindingCode... expected) {
        isNotNull();
        Set<FindingCode> wanted = expected.length == 0 ? EnumSet.noneOf(FindingCode.class)
                : EnumSet.copyOf(Arrays.asList(expected));
        if (!wanted.equals(codes())) {
            failWithMessage("Expected workload %s to have exactly findings %s but it has %s", name(), wanted, codes());
        }
        return this;
    }

    /**
     * @param unexpected a code the workload must not have
     * @return this assertion
     */
    public WorkloadAssert doesNotHaveFinding(FindingCode unexpected) {
        isNotNull();
        if (codes().contains(unexpected)) {
            failWithMessage("Expected workload %s not to have finding %s but it has: %s", name(), unexpected,
                    actual.findings());
        }
        return this;
    }

    /** @return this assertion, when the verdict fails the control */
    public WorkloadAssert isFailing() {
        isNotNull();
        if (!actual.failing()) {
            failWithMessage("Expected workload %s to fail the control but its verdict is %s", name(), actual.verdict());
        }
        return this;
    }

    /** @return this assertion, when the verdict passes the control */
    public WorkloadAssert isPassing() {
        isNotNull();
        if (actual.failing()) {
            failWithMessage("Expected workload %s to pass the control but its verdict is %s", name(), actual.verdict());
        }
        return this;
    }

    /**
     * @param expected the origin
     * @return this assertion
     */
    public WorkloadAssert hasOrigin(Origin expected) {
        isNotNull();
        if (actual.origin() != expected) {
            failWithMessage("Expected workload %s to have origin %s but it has %s", name(), expected, actual.origin());
        }
        return this;
    }

    /**
     * @param expected the number of live secrets (the guidance's SecretCount)
     * @return this assertion
     */
    public WorkloadAssert hasSecretCount(int expected) {
        isNotNull();
        if (actual.secretCount() != expected) {
            failWithMessage("Expected workload %s to have %s live secrets but it has %s", name(), expected,
                    actual.secretCount());
        }
        return this;
    }

    /**
     * @param expected the number of active certificates (the guidance's CertCount)
     * @return this assertion
     */
    public WorkloadAssert hasCertificateCount(int expected) {
        isNotNull();
        if (actual.certificateCount() != expected) {
            failWithMessage("Expected workload %s to have %s active certificates but it has %s", name(), expected,
                    actual.certificateCount());
        }
        return this;
    }

    private String name() {
        return "'" + actual.displayName() + "' (" + actual.appId() + ")";
    }

    private Set<FindingCode> codes() {
        List<FindingCode> codes = actual.findings().stream().map(Finding::code).toList();
        return codes.isEmpty() ? EnumSet.noneOf(FindingCode.class) : EnumSet.copyOf(codes);
    }
}
