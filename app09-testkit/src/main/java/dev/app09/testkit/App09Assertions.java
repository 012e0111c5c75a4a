package dev.app09.testkit;

import dev.app09.core.report.Report;
import dev.app09.core.rules.WorkloadAssessment;
import dev.app09.testkit.assertj.ReportAssert;
import dev.app09.testkit.assertj.WorkloadAssert;
import org.assertj.core.api.Assertions;

/**
 * The one entry point for assertions in tests that use app09: everything of AssertJ's {@link
 * Assertions}, plus reports and workloads.
 *
 * <pre>{@code
 * import static dev.app09.testkit.App09Assertions.assertThat;
 *
 * assertThat(report).isComplete().fails();
 * assertThat(report).workload("Payroll").hasVerdict(SECRETS_ONLY).hasFindings(SECRET_IN_USE);
 * }</pre>
 */
public class App09Assertions extends Assertions {

    /** For subclassing only, as AssertJ's own entry points. */
    protected App09Assertions() {
    }

    /**
     * @param report a report
     * @return assertions on it
     */
    public static ReportAssert assertThat(Report report) {
        return new ReportAssert(report);
    }

    /**
     * @param workload a workload's assessment
     * @return assertions on it
     */
    public static WorkloadAssert assertThat(WorkloadAssessment workload) {
        return new WorkloadAssert(workload);
    }
}
