package dev.app09.graph.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.app09.core.model.TenantSnapshot;
import dev.app09.core.rules.Verdict;
import dev.app09.testkit.json.ExportFolder;
import dev.app09.testkit.tenant.SampleTenant;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The testkit's sample tenants as the command reads them: the export folders checked in beside
 * the testkit's sources, or written by {@link ExportFolder}; and their verdicts by appId. Public
 * because the JSON report's shape test in {@code dev.app09.graph.json} reads them too.
 */
public final class SampleExports {

    /** The samples' export folders in the testkit's sources, relative to this module's folder (Maven's working directory for tests). */
    private static final Path CHECKED_IN = Path.of("..", "app09-testkit", "src", "main", "resources");

    private SampleExports() {
    }

    /**
     * @param sample a sample
     * @return its checked-in export folder
     */
    public static Path checkedIn(SampleTenant sample) {
        Path folder = CHECKED_IN.resolve(sample.resourceFolder());
        if (!Files.isDirectory(folder)) {
            throw new IllegalStateException("no checked-in export at " + folder.toAbsolutePath()
                    + ": run the tests from the app09-graph module folder");
        }
        return folder;
    }

    /**
     * @param sample a sample
     * @return its checked-in exceptions register ({@code exceptions.json} in its export folder)
     */
    public static Path checkedInExceptions(SampleTenant sample) {
        return checkedIn(sample).resolve(ExportFolder.EXCEPTIONS);
    }

    /**
     * Writes a sample's tenant with {@link ExportFolder#write} and its exceptions register beside it.
     *
     * @param sample the sample
     * @param parent where to create the folder, named after the sample
     * @return the export folder (holding {@code exceptions.json} as well)
     */
    public static Path write(SampleTenant sample, Path parent) {
        return write(sample.tenant(), sample, parent.resolve(sample.name()));
    }

    /**
     * @param tenant the tenant to write (a sample's, perhaps changed)
     * @param sample the sample whose exceptions register to write beside it
     * @param folder the export folder to create
     * @return the export folder
     */
    public static Path write(TenantSnapshot tenant, SampleTenant sample, Path folder) {
        ExportFolder.write(tenant, folder);
        ExportFolder.writeExceptions(sample.exceptions(), folder.resolve(ExportFolder.EXCEPTIONS));
        return folder;
    }

    /**
     * @param sample a sample
     * @return the verdict it promises for each workload, by appId
     */
    static Map<UUID, Verdict> promisedByAppId(SampleTenant sample) {
        Map<String, UUID> appIds = new HashMap<>();
        Stream.concat(
                sample.tenant().applications().stream().map(app -> Map.entry(app.displayName(), app.appId())),
                sample.tenant().servicePrincipals().stream().map(sp -> Map.entry(sp.displayName(), sp.appId())))
                .forEach(entry -> appIds.merge(entry.getKey(), entry.getValue(), (a, b) -> {
                    if (!a.equals(b)) {
                        throw new IllegalStateException("two workloads named " + entry.getKey());
                    }
                    return a;
                }));
        Map<UUID, Verdict> promised = new HashMap<>();
        sample.promisedVerdicts().forEach((name, verdict) -> promised.put(appIds.get(name), verdict));
        return promised;
    }

    /**
     * @param report a JSON report
     * @return each listed workload's verdict, by appId
     */
    static Map<UUID, Verdict> verdictsByAppId(JsonNode report) {
        Map<UUID, Verdict> verdicts = new HashMap<>();
        for (JsonNode workload : report.get("workloads")) {
            Verdict previous = verdicts.put(UUID.fromString(workload.get("appId").asText()),
                    Verdict.valueOf(workload.get("verdict").asText()));
            if (previous != null) {
                throw new IllegalStateException("a workload listed twice: " + workload.get("appId"));
            }
        }
        return verdicts;
    }

    /**
     * @param report a JSON report
     * @return the listed workloads' display names, in report order
     */
    static List<String> displayNames(JsonNode report) {
        List<String> names = new ArrayList<>();
        report.get("workloads").forEach(workload -> names.add(workload.get("displayName").asText()));
        return names;
    }
}
