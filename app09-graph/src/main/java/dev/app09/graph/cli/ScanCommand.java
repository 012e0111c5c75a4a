package dev.app09.graph.cli;

import static java.util.Objects.requireNonNull;

import dev.app09.core.TenantJudge;
import dev.app09.core.model.ScanProblem;
import dev.app09.core.model.SignInEvidence;
import dev.app09.core.report.CsvReportBuilder;
import dev.app09.core.report.Industry;
import dev.app09.core.report.MarkdownReport;
import dev.app09.core.report.Report;
import dev.app09.core.report.TextReport;
import dev.app09.core.rules.ExceptionEntry;
import dev.app09.core.rules.Policy;
import dev.app09.core.rules.Workload;
import dev.app09.graph.BadInputException;
import dev.app09.graph.StreamedTenant;
import dev.app09.graph.json.JsonReport;
import dev.app09.graph.json.ScanStateFile;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

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

    @Option(names = "--state", paramLabel = "DIR",
            description = "Keep Graph's delta links and the last scan in DIR (owner-only); the next scan with the "
                    + "same DIR reads only what changed. Live or local Graph only.")
    private @Nullable Path state;

    @Option(names = "--fresh-state",
            description = "With --state: ignore the saved state (a full scan) and replace it.")
    private boolean freshState;

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
        Judging judging = new Judging(chosen == Format.CSV, policy, instant);
        if (freshState && state == null) {
            throw usage("--fresh-state goes with --state DIR");
        }
        StreamedTenant read;
        try {
            read = source.stream(console, clock, judging::sinkFor, state, freshState);
        } catch (BadInputException e) {
            if (state != null && e.source().equals(ScanStateFile.in(state).toString())) {
                console.err().println("app09: " + App09Command.printable(e.getMessage()));
                if (!e.getMessage().contains("a state folder of its own") && !e.getMessage().contains("scan again")) {
                    // Another source's state is never offered for overwriting: it belongs to that source.
                    console.err().println("app09: the saved state is not used; to start over, run the same scan with "
                            + "--fresh-state (a full scan that replaces it)");
                }
                return ExitCode.BAD_INPUT;
            }
            throw e;
        } catch (UncheckedIOException e) {
            if (state == null) {
                throw e;
            }
            // The state folder cannot be created, read or checked: no report is written.
            console.err().println("app09: --state " + App09Command.printable(state.toString()) + ": "
                    + App09Command.printable(e.getMessage()));
            return ExitCode.BAD_INPUT;
        }
        List<ScanProblem> problems = new ArrayList<>(read.problems());
        for (ExceptionEntry unmatched : judging.judge().unmatchedExceptions()) {
            problems.add(PolicyOptions.unmatchedException(unmatched, console));
        }
        int failing;
        if (chosen == Format.CSV) {
            Output.text(spec, console, "--output", target, judging.csv::write);
            failing = judging.csv.summary().failing();
        } else {
            Report report = judging.held.tenantId(read.tenantId()).problems(problems)
                    .tenantFindings(judging.judge().tenantFindings(read.appManagementPolicy())).build();
            write(report, chosen, profile, target);
            failing = report.summary().failing();
        }
        if (!ScanProblem.noneIncomplete(problems)) {
            console.err().println("app09: the scan was incomplete; the report lists the problems");
            return ExitCode.INCOMPLETE;
        }
        return failing == 0 ? ExitCode.PASS : ExitCode.FAILING;
    }

    /**
     * Where the judged workloads go: CSV keeps one finished row per listed workload (so a tenant of
     * a million objects fits in a small heap); the other formats need the whole report.
     */
    private static final class Judging {

        private final boolean csvOnly;
        private final Policy policy;
        private final Instant asOf;
        private final CsvReportBuilder csv;
        private final Report.Builder held;
        private @Nullable TenantJudge judge;

        Judging(boolean csvOnly, Policy policy, Instant asOf) {
            this.csvOnly = csvOnly;
            this.policy = policy;
            this.asOf = asOf;
            this.csv = CsvReportBuilder.create(policy.listAllWorkloads());
            this.held = Report.builder(null, asOf, policy.listAllWorkloads());
        }

        Consumer<Workload> sinkFor(@Nullable SignInEvidence evidence) {
            judge = TenantJudge.of(policy, asOf, evidence, csvOnly ? csv::add : held::add);
            return judge;
        }

        TenantJudge judge() {
            return requireNonNull(judge, "the source never asked for a sink");
        }
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
