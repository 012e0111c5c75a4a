package dev.app09.graph.cli;

import dev.app09.core.migration.MigrationEvidence;
import dev.app09.core.migration.MigrationPlan;
import dev.app09.core.migration.MigrationPlanCsv;
import dev.app09.core.migration.MigrationPlanText;
import dev.app09.core.migration.MigrationPlanner;
import dev.app09.core.migration.Verification;
import dev.app09.core.model.TenantSnapshot;
import dev.app09.core.rules.Policy;
import dev.app09.graph.json.MigrationPlanJson;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code app09 migrate plan}: where every workload stands, and its next step. */
@Command(name = "plan", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Shows where every workload stands and its next step; changes nothing.",
        description = {"Shows each workload's migration state (NEEDS_CERTIFICATE, CERTIFICATE_UNPROVEN,",
            "READY_TO_RETIRE_SECRET, DONE, EXCEPTION, NOTHING_TO_DO), its next step and the guidance's",
            "verification checklist ticked from evidence. Sign-in evidence is always asked for, as retire-secret",
            "asks for it, so that the plan and the step agree. Reads only; changes nothing."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:the plan was written", "2:bad usage or bad input", "3:the read was incomplete (plan written)",
            "4:internal error"})
final class MigratePlanCommand implements Callable<Integer> {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    private SourceOptions.WithCertificate source;

    @CommandLine.Mixin
    private PolicyOptions policyOptions;

    @Option(names = "--verification", paramLabel = "FILE",
            description = "A verification written by app09 migrate verify (repeatable); it ticks the authentication step.")
    private List<Path> verificationFiles = new ArrayList<>();

    @CommandLine.Mixin
    private AsOf asOf;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "table, csv or json (default: ${DEFAULT-VALUE}).")
    private String format = "table";

    @Option(names = "--output", paramLabel = "FILE", description = "Write the plan here (never overwritten) instead of standard output.")
    private @Nullable Path output;

    private final Console console;
    private final Clock clock;

    MigratePlanCommand(Console console, Clock clock) {
        this.console = console;
        this.clock = clock;
    }

    @Override
    public Integer call() {
        String chosen = format.toLowerCase(Locale.ROOT);
        if (!List.of("table", "csv", "json").contains(chosen)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--format " + format + ": expected table, csv or json");
        }
        Instant instant = asOf.instant(clock);
        Policy policy = policyOptions.policy();
        List<Verification> verifications = VerificationFiles.read(verificationFiles);
        TenantSnapshot snapshot = source.read(console, true); // as retire-secret reads it: the plan and the step agree
        snapshot = PolicyOptions.withUnusedExceptions(snapshot, policy.exceptions(), console);
        MigrationEvidence evidence = VerificationFiles.evidence(verifications, snapshot,
                source.isExport() ? null : source.connection(console), source.retry(), clock, console);
        MigrationPlan plan = MigrationPlanner.plan(snapshot, policy, instant, evidence);
        switch (chosen) {
            case "json" -> Output.bytes(spec, console, "--output", output, out -> MigrationPlanJson.write(plan, out));
            case "csv" -> Output.text(spec, console, "--output", output, out -> MigrationPlanCsv.write(plan, out));
            default -> Output.text(spec, console, "--output", output, out -> MigrationPlanText.write(plan, out));
        }
        if (!plan.complete()) {
            console.err().println("app09: the read was incomplete; nothing is marked ready");
            return ExitCode.INCOMPLETE;
        }
        return ExitCode.PASS;
    }
}
