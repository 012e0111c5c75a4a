package dev.app09.graph.cli;

import dev.app09.core.migration.MigrationEvidence;
import dev.app09.core.migration.Refusal;
import dev.app09.core.migration.RetirementDecision;
import dev.app09.core.migration.RetirementGuard;
import dev.app09.core.migration.RetirementRule;
import dev.app09.core.migration.Verification;
import dev.app09.core.model.TenantSnapshot;
import dev.app09.core.report.PlainText;
import dev.app09.core.rules.Policy;
import dev.app09.graph.GraphCallFailed;
import dev.app09.graph.WriteResult;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/** {@code app09 migrate retire-secret}: removes one client secret, only when that cannot cause an outage. */
@Command(name = "retire-secret", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Removes one client secret, only when no rule refuses (a dry run unless --confirm).",
        description = {"Removes one client secret (removePassword), guarded. A dry run unless --confirm.",
            "Refused unless the workload keeps an ACTIVE certificate or a federated credential, and a saved",
            "verification (--verification) or the sign-in evidence (read by the command) shows a certificate",
            "works, and the evidence does not show the secret in use. Never removes a SAML signing password.",
            "The object is read back afterwards. Every refusal names its rule."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:removed, or (dry run) it would be", "2:bad usage, or refused by a rule", "3:the read was incomplete",
            "4:internal error", "5:Graph refused or failed the removal, or the read-back disagrees"})
final class MigrateRetireCommand implements Callable<Integer> {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    private SourceOptions.WithCertificate source;

    @Option(names = "--app-id", paramLabel = "APPID", required = true, description = "The application (client) id.")
    private UUID appId;

    @Option(names = "--key-id", paramLabel = "KEYID", required = true, description = "The secret's keyId (see scan or plan).")
    private UUID keyId;

    @Option(names = "--verification", paramLabel = "FILE",
            description = "A verification written by app09 migrate verify (repeatable).")
    private List<Path> verificationFiles = new ArrayList<>();

    @Option(names = "--usage-window", paramLabel = "DAYS",
            description = "How recent a sign-in must be to count as use (default: 30); a job that runs less often needs more.")
    private @Nullable Integer usageWindow;

    @Option(names = "--without-usage-evidence",
            description = "Accept the removal although no sign-in evidence could be read (you checked by hand that nothing uses the secret).")
    private boolean withoutUsageEvidence;

    @Option(names = "--confirm", description = "Remove it. Without this, only say whether it would be removed.")
    private boolean confirm;

    private final Console console;
    private final Clock clock;

    MigrateRetireCommand(Console console, Clock clock) {
        this.console = console;
        this.clock = clock;
    }

    @Override
    public Integer call() {
        source.connection(console); // an export is refused before anything is read
        if (usageWindow != null && usageWindow < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--usage-window " + usageWindow
                    + ": expected a number of days, 1 or more");
        }
        Policy policy = usageWindow == null ? Policy.defaults() : Policy.defaults().withUsageWindow(Duration.ofDays(usageWindow));
        List<Verification> verifications = VerificationFiles.read(verificationFiles);
        TenantSnapshot snapshot = source.read(console, true); // sign-in evidence is always asked for: it may show the secret in use
        MigrationEvidence evidence = VerificationFiles.evidence(verifications, snapshot, source.connection(console),
                source.retry(), clock, console);
        if (withoutUsageEvidence) {
            evidence = evidence.acceptingUnknownUsage();
        }
        // Judged after the reads: a certificate that ended while a large tenant was read does not count.
        RetirementDecision decision = RetirementGuard.check(snapshot, policy, clock.instant(), appId, keyId, evidence);
        PrintStream out = console.out();
        out.println("Secret   " + (decision.secret().isEmpty() ? keyId : PlainText.clean(decision.secret())));
        out.println("Workload " + appId + (decision.objectId() == null ? ""
                : " (" + decision.location() + " " + decision.objectId() + ")"));
        print(decision);
        if (!decision.allowed()) {
            return refused(decision);
        }
        if (!confirm) {
            out.println("Dry run: every rule passes; run again with --confirm to remove the secret.");
            return ExitCode.PASS;
        }
        // Just before the write, the workload's application and service principal are read again and
        // judged again: a certificate removed or expired since the tenant was read counts. The sign-in
        // evidence is the one read first (the report lags by hours anyway).
        RetirementDecision now;
        try {
            now = RetirementGuard.check(source.reread(console, snapshot, appId), policy, clock.instant(), appId, keyId,
                    evidence);
        } catch (GraphCallFailed e) {
            console.err().println("app09: nothing was sent: the workload could not be read again just before the removal: "
                    + PlainText.clean(Objects.toString(e.getMessage())));
            return ExitCode.STEP_FAILED;
        }
        if (!now.allowed()) {
            out.println("The workload changed since it was read:");
            print(now);
            return refused(now);
        }
        WriteResult result;
        try {
            result = source.writer(console, clock).removePassword(Objects.requireNonNull(now.location()),
                    Objects.requireNonNull(now.objectId()), keyId);
        } catch (GraphCallFailed e) {
            console.err().println("app09: nothing was sent: " + PlainText.clean(Objects.toString(e.getMessage())));
            return ExitCode.STEP_FAILED;
        }
        out.println(result.outcome() + ": " + PlainText.clean(result.message()));
        return result.outcome().succeeded() ? ExitCode.PASS : ExitCode.STEP_FAILED;
    }

    private void print(RetirementDecision decision) {
        PrintStream out = console.out();
        for (String ground : decision.grounds()) {
            out.println("  ok       " + PlainText.clean(ground));
        }
        for (String warning : decision.warnings()) {
            out.println("  WARNING  " + PlainText.clean(warning));
        }
        for (Refusal refusal : decision.refusals()) {
            out.println("  REFUSED  " + refusal.rule() + ": " + PlainText.clean(refusal.message()));
        }
    }

    /** Exit 3 when the read was incomplete (the refusals may be an artefact of it), else 2. */
    private int refused(RetirementDecision decision) {
        console.out().println("Nothing was removed.");
        return decision.refusedBy(RetirementRule.SCAN_INCOMPLETE) ? ExitCode.INCOMPLETE : ExitCode.BAD_INPUT;
    }
}
