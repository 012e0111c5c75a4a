package dev.app09.core.report;

import static dev.app09.core.Fixtures.AS_OF;
import static org.assertj.core.api.Assertions.assertThat;

import dev.app09.core.Assessor;
import dev.app09.core.TenantJudge;
import dev.app09.core.model.TenantSnapshot;
import dev.app09.core.rules.Policy;
import dev.app09.core.rules.RandomTenants;
import dev.app09.core.rules.Workload;
import dev.app09.core.rules.WorkloadJoin;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The streamed CSV report is the held report's CSV, byte for byte, whatever order workloads come in. */
class CsvReportBuilderTest {

    @ParameterizedTest(name = "seed {0}, list all {1}")
    @CsvSource({"1, false", "2, true", "3, false", "4, true"})
    void workloadsInAnyOrderGiveTheSameCsvAndCountsAsTheHeldReport(long seed, boolean listAll) {
        TenantSnapshot tenant = RandomTenants.of(2_000, seed);
        Policy policy = Policy.defaults().withListAllWorkloads(listAll);
        Report held = Assessor.assess(tenant, policy, AS_OF);
        List<Workload> shuffled = new ArrayList<>(Workload.joinAll(tenant));
        Collections.shuffle(shuffled, new Random(seed));

        CsvReportBuilder streamed = CsvReportBuilder.create(listAll);
        WorkloadJoin join = WorkloadJoin.into(TenantJudge.of(policy, AS_OF, null, streamed::add));
        shuffled.forEach(w -> {
            if (w.application() != null) {
                join.application(w.application());
            }
            if (w.servicePrincipal() != null) {
                join.servicePrincipal(w.servicePrincipal());
            }
        });
        join.applicationsEnded();
        join.servicePrincipalsEnded();

        StringBuilder expected = new StringBuilder();
        CsvReport.write(held, expected);
        StringBuilder actual = new StringBuilder();
        streamed.write(actual);
        assertThat(actual.toString()).isEqualTo(expected.toString());
        assertThat(streamed.summary()).isEqualTo(held.summary());
        assertThat(held.summary().omitted() > 0).as("the tenants exercise the listing rule").isEqualTo(!listAll);
    }
}
