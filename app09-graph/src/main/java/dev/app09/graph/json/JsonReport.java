package dev.app09.graph.json;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import dev.app09.core.model.ScanProblem;
import dev.app09.core.report.Control;
import dev.app09.core.report.Report;
import dev.app09.core.rules.AssessedCredential;
import dev.app09.core.rules.Finding;
import dev.app09.core.rules.Verdict;
import dev.app09.core.rules.WorkloadAssessment;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Writes a {@link Report} as the JSON report of APP09-RULES.md section 6, the shape the README
 * documents: control, tenantId, asOf, complete, problems, summary, tenantFindings and workloads,
 * with findings and credentials per workload. Every documented property is always written (null
 * when unknown), instants in ISO-8601 UTC, enums by name. It streams: the report is never held as
 * text.
 *
 * <pre>{@code
 * JsonReport.write(report, System.out);
 * }</pre>
 */
public final class JsonReport {

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .build();

    private JsonReport() {
    }

    /**
     * @param report the report
     * @param out where to write UTF-8 JSON; flushed, not closed
     * @throws UncheckedIOException when writing fails
     */
    public static void write(Report report, OutputStream out) {
        requireNonNull(report, "report");
        requireNonNull(out, "out");
        try (JsonGenerator json = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
            json.useDefaultPrettyPrinter();
            json.writeStartObject();
            control(json, report.control());
            uuid(json, "tenantId", report.tenantId());
            instant(json, "asOf", report.asOf());
            json.writeBooleanField("complete", report.complete());
            problems(json, report.problems());
            summary(json, report);
            findings(json, "tenantFindings", report.tenantFindings());
            json.writeArrayFieldStart("workloads");
            for (WorkloadAssessment workload : report.workloads()) {
                workload(json, workload);
            }
            json.writeEndArray();
            json.writeEndObject();
            json.writeRaw('\n');
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the JSON report: " + e.getMessage(), e);
        }
    }

    private static void control(JsonGenerator json, Control control) throws IOException {
        json.writeObjectFieldStart("control");
        json.writeStringField("id", control.id());
        json.writeStringField("title", control.title());
        json.writeStringField("category", control.category());
        json.writeStringField("level", control.level());
        json.writeStringField("severity", control.severity());
        json.writeBooleanField("advisory", control.advisory());
        json.writeBooleanField("manual", control.manual());
        json.writeEndObject();
    }

    private static void summary(JsonGenerator json, Report report) throws IOException {
        json.writeObjectFieldStart("summary");
        json.writeNumberField("workloads", report.summary().workloads());
        json.writeNumberField("failing", report.summary().failing());
        json.writeNumberField("omitted", report.summary().omitted());
        json.writeObjectFieldStart("byVerdict");
        for (Verdict verdict : Verdict.values()) {
            json.writeNumberField(verdict.name(), report.summary().count(verdict));
        }
        json.writeEndObject();
        json.writeEndObject();
    }

    private static void workload(JsonGenerator json, WorkloadAssessment workload) throws IOException {
        json.writeStartObject();
        uuid(json, "appId", workload.appId());
        json.writeStringField("displayName", workload.displayName());
        json.writeStringField("origin", workload.origin().name());
        uuid(json, "applicationObjectId", workload.applicationObjectId());
        uuid(json, "servicePrincipalObjectId", workload.servicePrincipalObjectId());
        json.writeStringField("verdict", workload.verdict().name());
        json.writeBooleanField("failing", workload.failing());
        findings(json, "findings", workload.findings());
        json.writeArrayFieldStart("credentials");
        for (AssessedCredential credential : workload.credentials()) {
            json.writeStartObject();
            json.writeStringField("location", credential.location().name());
            json.writeStringField("kind", credential.kind().name());
            json.writeStringField("keyId", credential.keyId());
            json.writeStringField("displayName", credential.displayName());
            json.writeStringField("hint", credential.hint());
            instant(json, "start", credential.start());
            instant(json, "end", credential.end());
            json.writeStringField("status", credential.status().name());
            json.writeStringField("type", credential.type());
            json.writeStringField("usage", credential.usage());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    private static void findings(JsonGenerator json, String name, List<Finding> findings) throws IOException {
        json.writeArrayFieldStart(name);
        for (Finding finding : findings) {
            json.writeStartObject();
            json.writeStringField("code", finding.code().name());
            json.writeStringField("severity", finding.severity().name());
            json.writeStringField("message", finding.message());
            json.writeStringField("keyId", finding.keyId());
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    /** Writes {@code "problems": [{impact, source, message}]}, as the report and the migration plan show them. */
    static void problems(JsonGenerator json, List<ScanProblem> problems) throws IOException {
        json.writeArrayFieldStart("problems");
        for (ScanProblem problem : problems) {
            json.writeStartObject();
            json.writeStringField("impact", problem.impact().name());
            json.writeStringField("source", problem.source());
            json.writeStringField("message", problem.message());
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    static void uuid(JsonGenerator json, String name, @Nullable UUID value) throws IOException {
        json.writeStringField(name, value == null ? null : value.toString());
    }

    private static void instant(JsonGenerator json, String name, @Nullable Instant value) throws IOException {
        json.writeStringField(name, value == null ? null : value.toString());
    }
}
