package dev.app09.testkit.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.app09.core.Assessor;
import dev.app09.core.model.Application;
import dev.app09.core.model.ServicePrincipal;
import dev.app09.core.model.TenantSnapshot;
import dev.app09.core.report.Report;
import dev.app09.core.rules.Policy;
import dev.app09.core.rules.Verdict;
import dev.app09.core.rules.WorkloadAssessment;
import dev.app09.testkit.TestClock;
import java.util.EnumSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.UUID;
import org.junit.jupiter.api.Test;

final class GeneratedTenantTest {

    @Test
    void the_same_seed_gives_the_same_objects() {
        GeneratedTenant a = GeneratedTenant.of(50, 80, 7);
        GeneratedTenant b = GeneratedTenant.of(50, 80, 7);

        assertThat(a.applications().toList()).isEqualTo(b.applications().toList());
        assertThat(a.servicePrincipals().toList()).isEqualTo(b.servicePrincipals().toList());
    }

    @Test
    void another_seed_gives_other_ids() {
        assertThat(GeneratedTenant.of(1, 1, 1).application(0).id()).isNotEqualTo(GeneratedTenant.of(1, 1, 2).application(0).id());
    }

    @Test
    void object_ids_lead_back_to_their_position_in_a_million_object_tenant() {
        GeneratedTenant tenant = GeneratedTenant.of(1_000_000, 1_000_000, 42);

        assertThat(tenant.applicationIndex(tenant.application(987_654).id())).hasValue(987_654);
        assertThat(tenant.servicePrincipalIndex(tenant.servicePrincipal(999_999).id())).hasValue(999_999);
        assertThat(tenant.applicationIndex(tenant.servicePrincipal(5).id())).isEqualTo(OptionalInt.empty());
        assertThat(tenant.applicationIndex(UUID.randomUUID())).isEqualTo(OptionalInt.empty());
    }

    @Test
    void shuffled_service_principals_are_the_same_set_in_another_order_and_ids_still_lead_back() {
        GeneratedTenant tenant = GeneratedTenant.of(1_000, 1_200, 7);
        GeneratedTenant shuffled = tenant.shuffledServicePrincipals();

        List<ServicePrincipal> aligned = tenant.servicePrincipals().toList();
        List<ServicePrincipal> reordered = shuffled.servicePrincipals().toList();

        assertThat(reordered).containsExactlyInAnyOrderElementsOf(aligned).isNotEqualTo(aligned);
        assertThat(reordered.subList(0, 100)).extracting(ServicePrincipal::appId)
                .as("no longer in the applications' order")
                .isNotEqualTo(tenant.applications().limit(100).map(Application::appId).toList());
        for (int position = 0; position < reordered.size(); position++) {
            assertThat(shuffled.servicePrincipalIndex(reordered.get(position).id())).hasValue(position);
        }
        assertThat(shuffled.applications().toList()).isEqualTo(tenant.applications().toList());
    }

    @Test
    void service_principals_join_their_applications_by_app_id_and_ids_are_unique() {
        TenantSnapshot snapshot = snapshot(GeneratedTenant.of(300, 500, 3));

        assertThat(snapshot.servicePrincipals().subList(0, 300)).extracting(sp -> sp.appId())
                .isEqualTo(snapshot.applications().stream().map(app -> app.appId()).toList());
        assertThat(snapshot.servicePrincipals()).extracting(sp -> sp.appId()).doesNotHaveDuplicates();
    }

    @Test
    void the_mix_produces_every_verdict_but_exception() {
        Report report = Assessor.assess(snapshot(GeneratedTenant.of(2_000, 2_500, 11)),
                Policy.defaults().withListAllWorkloads(true), TestClock.DEFAULT_INSTANT);

        assertThat(report.workloads()).extracting(WorkloadAssessment::verdict)
                .containsAll(EnumSet.complementOf(EnumSet.of(Verdict.EXCEPTION)));
        assertThat(report.workloads()).hasSize(2_500);
    }

    @Test
    void a_position_outside_the_tenant_is_refused() {
        assertThatThrownBy(() -> GeneratedTenant.of(3, 3, 1).application(3)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> GeneratedTenant.of(-1, 0, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    private static TenantSnapshot snapshot(GeneratedTenant tenant) {
        return TenantSnapshot.of(tenant.applications().toList(), tenant.servicePrincipals().toList())
                .withTenantId(tenant.tenantId());
    }
}
