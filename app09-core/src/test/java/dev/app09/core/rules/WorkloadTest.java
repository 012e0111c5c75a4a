package dev.app09.core.rules;

import static dev.app09.core.Fixtures.app;
import static dev.app09.core.Fixtures.id;
import static dev.app09.core.Fixtures.liveSecret;
import static dev.app09.core.Fixtures.sp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.app09.core.model.TenantSnapshot;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** APP09-RULES.md section 1: the workload and its origin. */
final class WorkloadTest {

    private static final UUID OTHER_TENANT = UUID.fromString("11111111-2222-3333-4444-555555555555");

    @Test
    void applications_and_service_principals_are_joined_by_app_id() {
        TenantSnapshot snapshot = TenantSnapshot.of(
                List.of(app(id(1), "Payroll"), app(id(2), "Billing")),
                List.of(sp(id(2), "Billing SP", null), sp(id(3), "Office 365", Policy.MICROSOFT_SERVICES_TENANT)));

        List<Workload> workloads = Workload.joinAll(snapshot);

        assertThat(workloads).extracting(Workload::appId).containsExactly(id(1), id(2), id(3));
        assertThat(workloads.get(1).application()).isNotNull();
        assertThat(workloads.get(1).servicePrincipal()).isNotNull();
        assertThat(workloads.get(2).application()).isNull();
    }

    @Test
    void display_name_comes_from_the_application_when_there_is_one() {
        Workload w = new Workload(id(1), app(id(1), "App name"), sp(id(1), "SP name", null));
        assertThat(w.displayName()).isEqualTo("App name");
    }

    @Test
    void origin_is_tenant_when_an_application_object_exists() {
        assertThat(new Workload(id(1), app(id(1), "A"), sp(id(1), "A", OTHER_TENANT)).origin(Policy.defaults().microsoftTenantIds()))
                .isEqualTo(Origin.TENANT);
    }

    @Test
    void origin_is_microsoft_for_either_first_party_tenant() {
        Set<UUID> microsoft = Policy.defaults().microsoftTenantIds();
        assertThat(new Workload(id(1), null, sp(id(1), "Graph", Policy.MICROSOFT_SERVICES_TENANT)).origin(microsoft))
                .isEqualTo(Origin.MICROSOFT);
        assertThat(new Workload(id(2), null, sp(id(2), "Teams", Policy.MICROSOFT_CORPORATE_TENANT)).origin(microsoft))
                .isEqualTo(Origin.MICROSOFT);
    }

    @Test
    void origin_is_external_for_a_service_principal_owned_by_another_tenant_or_by_nobody_known() {
        Set<UUID> microsoft = Policy.defaults().microsoftTenantIds();
        assertThat(new Workload(id(1), null, sp(id(1), "Gallery app", OTHER_TENANT)).origin(microsoft))
                .isEqualTo(Origin.EXTERNAL);
        assertThat(new Workload(id(2), null, sp(id(2), "Orphan", null)).origin(microsoft)).isEqualTo(Origin.EXTERNAL);
    }

    @Test
    void microsoft_tenant_ids_are_configurable() {
        Policy policy = Policy.defaults().withMicrosoftTenantIds(Set.of(OTHER_TENANT));
        assertThat(new Workload(id(1), null, sp(id(1), "X", OTHER_TENANT)).origin(policy.microsoftTenantIds()))
                .isEqualTo(Origin.MICROSOFT);
        assertThat(new Workload(id(2), null, sp(id(2), "Y", Policy.MICROSOFT_SERVICES_TENANT))
                .origin(policy.microsoftTenantIds())).isEqualTo(Origin.EXTERNAL);
    }

    @Test
    void origin_is_managed_identity_whatever_the_owner() {
        Workload mi = new Workload(id(1), null, sp(id(1), "mi-func", "ManagedIdentity", Policy.MICROSOFT_SERVICES_TENANT,
                liveSecret()));
        assertThat(mi.origin(Policy.defaults().microsoftTenantIds())).isEqualTo(Origin.MANAGED_IDENTITY);
    }

    @Test
    void a_workload_refuses_objects_with_another_app_id() {
        assertThatThrownBy(() -> new Workload(id(1), app(id(2), "A"), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(id(1).toString());
    }

    @Test
    void a_snapshot_refuses_two_applications_with_one_app_id() {
        assertThatThrownBy(() -> TenantSnapshot.of(List.of(app(id(1), "A"), app(id(1), "B")), List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("two applications have appId " + id(1));
    }
}
