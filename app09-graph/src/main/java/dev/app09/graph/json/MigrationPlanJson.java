package dev.app09.graph.json;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import dev.app09.core.migration.MigrationPlan;
import dev.app09.core.migration.MigrationState;
import dev.app09.core.migration.Refusal;
import dev.app09.core.migration.RetirementDecision;
import dev.app09.core.migration.WorkloadMigration;
import dev.app09.core.report.ChecklistItem;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.UUID;

/**
 * Writes a {@link MigrationPlan} as JSON: tenantId, asOf, complete, problems, counts (per state,
 * zeros included) and workloads[] with appId, displayName, origin, applicationObjectId, verdict,
 * state, nextStep, secretsReady[], secretsBlocked[] ({keyId, refusals[{rule, message}]}) and
 * checklist[] ({text, state, basis}). Every property is always written (null when unknown).
 */
public final class MigrationPlanJson {

    private static final JsonFactory FACTORY = JsonFactory.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();

    private MigrationPlanJson() {
    }

    /**
     * @param plan the plan
     * @param out where to write UTF-8 JSON; flushed, not closed
     * @throws UncheckedIOException when writing fails
     */
    public static void write(MigrationPlan plan, OutputStream out) {
        requireNonNull(plan, "plan");
        requireNonNull(out, "out");
        try (JsonGenerator json = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
            json.useDefaultPrettyPrinter();
            json.writeStartObject();
            JsonReport.uuid(json, "tenantId", plan.tenantId());
            json.writeStringField("asOf", plan.asOf().toString());
            json.writeBooleanField("complete", plan.complete());
            JsonReport.problems(json, plan.problems());
            json.writeObjectFieldStart("counts");
            for (Map.Entry<MigrationState, Integer> count : plan.counts().entrySet()) {
                json.writeNumberField(count.getKey().name(), count.getValue());
            }
            json.writeEndObject();
            json.writeArrayFieldStart("workloads");
            for (WorkloadMigration workload : plan.workloads()) {
                workload(json, workload);
            }
            json.writeEndArray();
            json.writeEndObject();
            json.writeRaw('\n');
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the JSON plan: " + e.getMessage(), e);
        }
    }

    private static void workload(JsonGenerator json, WorkloadMigration w) throws IOException {
        json.writeStartObject();
        json.writeStringField("appId", w.appId().toString());
        json.writeStringField("displayName", w.displayName());
        json.writeStringField("origin", w.origin().name());
        JsonReport.uuid(json, "applicationObjectId", w.applicationObjectId());
        json.writeStringField("verdict", w.verdict().name());
        json.writeStringField("state", w.state().name());
        json.writeStringField("nextStep", w.nextStep());
        json.writeArrayFieldStart("secretsReady");
        for (UUID keyId : w.secretsReady()) {
            json.writeString(keyId.toString());
        }
        json.writeEndArray();
        json.writeArrayFieldStart("secretsBlocked");
        for (RetirementDecision blocked : w.secretsBlocked()) {
            json.writeStartObject();
            json.writeStringField("keyId", blocked.keyId().toString());
            json.writeArrayFieldStart("refusals");
            for (Refusal refusal : blocked.refusals()) {
                json.writeStartObject();
                json.writeStringField("rule", refusal.rule().name());
                json.writeStringField("message", refusal.message());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeArrayFieldStart("checklist");
        for (ChecklistItem item : w.checklist()) {
            json.writeStartObject();
            json.writeStringField("text", item.text());
            json.writeStringField("state", item.state().name());
            json.writeStringField("basis", item.basis());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
    }
}
