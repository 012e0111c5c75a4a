package dev.app09.graph.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.app09.core.model.Application;
import dev.app09.graph.BadInputException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** One page of a delta round: changed objects whole, removed ones by id, and the links. */
class DeltaPageTest {

    private static final String APP = "{\"id\": \"11111111-1111-1111-1111-111111111111\", "
            + "\"appId\": \"22222222-2222-2222-2222-222222222222\", \"displayName\": \"Payroll\", "
            + "\"passwordCredentials\": [], \"keyCredentials\": []}";

    private static final List<String> SELECT = List.of("id", "appId", "displayName", "passwordCredentials",
            "keyCredentials");

    private static GraphJsonReader.Links read(String json, List<Application> changed, List<UUID> removed) {
        return read(json, changed, removed, new ArrayList<>());
    }

    private static GraphJsonReader.Links read(String json, List<Application> changed, List<UUID> removed,
            List<UUID> partial) {
        return GraphJsonReader.APPLICATIONS.readDelta(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)),
                "delta page 1", SELECT, changed::add, removed::add, partial::add);
    }

    @Test
    void changed_objects_come_whole_and_removed_ones_by_id_wherever_removed_stands() {
        List<Application> changed = new ArrayList<>();
        List<UUID> removed = new ArrayList<>();

        GraphJsonReader.Links links = read("{\"@odata.deltaLink\": \"http://127.0.0.1/v1.0/applications/delta?$deltatoken=2\", "
                + "\"value\": [" + APP + ", {\"@removed\": {\"reason\": \"deleted\"}, "
                + "\"id\": \"33333333-3333-3333-3333-333333333333\"}, {\"id\": \"44444444-4444-4444-4444-444444444444\", "
                + "\"@removed\": {\"reason\": \"changed\"}}]}", changed, removed);

        assertThat(changed).singleElement().satisfies(a -> assertThat(a.displayName()).isEqualTo("Payroll"));
        assertThat(removed).containsExactly(UUID.fromString("33333333-3333-3333-3333-333333333333"),
                UUID.fromString("44444444-4444-4444-4444-444444444444"));
        assertThat(links.deltaLink()).endsWith("$deltatoken=2");
        assertThat(links.nextLink()).isNull();
    }

    @Test
    void a_changed_object_without_every_selected_property_is_named_to_be_read_again_not_read_as_having_none() {
        String partial = "{\"id\": \"11111111-1111-1111-1111-111111111111\", \"passwordCredentials\": []}";
        List<Application> changed = new ArrayList<>();
        List<UUID> again = new ArrayList<>();

        read("{\"value\": [" + partial + ", " + APP + "]}", changed, new ArrayList<>(), again);

        assertThat(again).containsExactly(UUID.fromString("11111111-1111-1111-1111-111111111111"));
        assertThat(changed).singleElement().satisfies(a -> assertThat(a.displayName()).isEqualTo("Payroll"));
    }

    @Test
    void an_entry_without_an_id_is_refused() {
        assertThatThrownBy(() -> read("{\"value\": [{\"@removed\": {\"reason\": \"deleted\"}}]}", new ArrayList<>(),
                new ArrayList<>())).isInstanceOf(BadInputException.class).hasMessageContaining("without its id");
    }
}
