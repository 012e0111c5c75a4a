package dev.app09.graph.cli;

import dev.app09.core.Assessor;
import dev.app09.core.model.TenantSnapshot;
import dev.app09.core.report.CsvReport;
import dev.app09.core.report.Industry;
import dev.app09.core.report.MarkdownReport;
import dev.app09.core.report.Report;
import dev.app09.core.report.TextReport;
import dev.app09.core.rules.Policy;
import dev.app09.graph.json.JsonReport;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code app09 scan}: read a tenant (export, local Graph or live), judge it, write the report. */
@Command(name = "scan", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Reads a tenant and reports which workloads fail APP-09.",
            "Give exactly one source: --export DIR, --graph-url URL, or --tenant-id with "
                    + "--client-id and --certificate, or with --default-credential."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {
            "0:the control passes",
            "1:at least one workload fails the control",
            "2:bad usage or bad input",
            "3:incomplete scan (report written, complete: false)",
            "4:internal error"})
final class ScanCommand implements Callable<Integer> {

        @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    private SourceOptions.WithCertificate source;

    @CommandLine.Mixin
    private PolicyOptions policyOptions;

    @CommandLine.Mixin
    private AsOf asOf;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "table, csv, json or markdown (default: ${DEFAULT-VALUE}).")
    private String format = "table";

    @Option(names = "--output", paramLabel = "FILE", description = "Write the report here (never overwritten) instead of standard output.")
    private @Nullable Path output;

    @Option(names = "--industry", paramLabel = "INDUSTRY",
            description = "Add an industry profile to the markdown report: financial-services, technology, manufacturing, healthcare.")
    private @Nullable String industry;

    private final Console console;
    private final Clock clock;

    ScanCommand(Console console, Clock clock) {
        this.console = console;
        this.clock = clock;
    }

    @Override
    public Integer call() {
        Format chosen = format();
        Instant instant = asOf.instant(clock);
        Policy policy = policyOptions.policy();
        @Nullable Industry profile = industry();
        Path target = output;
        if (target != null && Files.exists(target)) {
            throw usage("--output " + target + " exists; app09 never overwrites a file: choose another name");
        }
        TenantSnapshot snapshot = source.read(console, false);
        snapshot = PolicyOptions.withUnusedExceptions(snapshot, policy.exceptions(), console);
        Report report = Assessor.assess(snapshot, policy, instant);
        write(report, chosen, profile, target);
        if (!report.complete()) {
            console.err().println("app09: the scan was incomplete; the report lists the problems");
            return ExitCode.INCOMPLETE;
        }
        return report.passes() ? ExitCode.PASS : ExitCode.FAILING;
    }

    private Format format() {
        try {
            return Format.valueOf(format.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw usage("--format " + format + ": expected table, csv, json or markdown");
        }
    }

    private @Nullable Industry industry() {
        if (industry == null) {
            return null;
        }
        return Industry.byId(industry).orElseThrow(() -> usage("--industry " + industry + ": expected one of "
                + Stream.of(Industry.values()).map(Industry::id).collect(Collectors.joining(", "))));
    }

    private void write(Report report, Format chosen, @Nullable Industry profile, @Nullable Path target) {
        if (chosen == Format.JSON) {
            Output.bytes(spec, console, "--output", target, out -> JsonReport.write(report, out));
            return;
        }
        Output.text(spec, console, "--output", target, text -> {
            switch (chosen) {
                case CSV -> CsvReport.write(report, text);
                case MARKDOWN -> MarkdownReport.write(report, profile, text);
                default -> TextReport.write(report, text);
            }
        });
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }

    /** The report formats. */
    private enum Format { TABLE, CSV, JSON, MARKDOWN }
}
