package dev.app09.graph;

import static org.assertj.core.api.Assertions.assertThat;

import dev.app09.core.model.ServicePrincipal;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A delta round's entries applied in Graph's order, found by appId, removed by object id. */
class DeltaChangesTest {

    private static final UUID APP_ID = UUID.fromString("0a090000-0000-0000-0000-000000000001");

    private static ServicePrincipal sp(String name) {
        return new ServicePrincipal(UUID.randomUUID(), APP_ID, name, "Application", null, null, null, List.of(),
                List.of());
    }

    private static DeltaChanges<ServicePrincipal> changes() {
        return new DeltaChanges<>(ServicePrincipal::id);
    }

    @Test
    void removed_then_restored_in_one_round_is_present() {
        ServicePrincipal saved = sp("saved");
        DeltaChanges<ServicePrincipal> changes = changes();

        changes.removed(saved.id());
        changes.changed(APP_ID, saved);

        assertThat(changes.now(APP_ID, saved)).isEqualTo(saved);
    }

    @Test
    void changed_then_removed_in_one_round_is_gone() {
        ServicePrincipal saved = sp("saved");
        DeltaChanges<ServicePrincipal> changes = changes();

        changes.changed(APP_ID, sp("ignored"));
        changes.changed(APP_ID, saved);
        changes.removed(saved.id());

        assertThat(changes.now(APP_ID, saved)).isNull();
    }

    @Test
    void a_removal_drops_only_its_own_object_not_the_one_that_took_its_app_id() {
        ServicePrincipal first = sp("first");
        ServicePrincipal second = sp("second");
        DeltaChanges<ServicePrincipal> changes = changes();

        changes.changed(APP_ID, first);
        changes.changed(APP_ID, second);
        changes.removed(first.id());

        assertThat(changes.now(APP_ID, first)).as("the saved first is gone; the new second stands").isEqualTo(second);
    }

    @Test
    void a_new_object_no_saved_workload_takes_is_left_over() {
        ServicePrincipal created = sp("created");
        DeltaChanges<ServicePrincipal> changes = changes();
        changes.changed(APP_ID, created);

        assertThat(changes.left()).containsExactly(created);
        assertThat(changes.now(UUID.randomUUID(), null)).isNull();
        assertThat(changes.now(APP_ID, null)).isEqualTo(created);
        assertThat(changes.left()).isEmpty();
    }
}
