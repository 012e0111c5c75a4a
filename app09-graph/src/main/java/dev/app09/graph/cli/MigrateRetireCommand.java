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
import dev.app09.graph.GraphConnection;
import dev.app09.graph.GraphWriter;
import dev.app09.graph.WriteResult;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

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
        GraphConnection connection = source.connection(console);
        List<Verification> verifications = VerificationFiles.read(verificationFiles);
        Instant now = clock.instant();
        TenantSnapshot snapshot = source.read(console, true); // sign-in evidence is always asked for: it may show the secret in use
        GraphWriter writer = GraphWriter.create(connection, clock);
        MigrationEvidence evidence = VerificationFiles.evidence(verifications, snapshot, writer, console);
        RetirementDecision decision = RetirementGuard.check(snapshot, Policy.defaults(), now, appId, keyId, evidence);
        PrintStream out = console.out();
        out.println("Secret   " + (decision.secret().isEmpty() ? keyId : PlainText.clean(decision.secret())));
        out.println("Workload " + appId + (decision.objectId() == null ? ""
                : " (" + decision.location() + " " + decision.objectId() + ")"));
        for (String ground : decision.grounds()) {
            out.println("  ok       " + PlainText.clean(ground));
        }
        for (Refusal refusal : decision.refusals()) {
            out.println("  REFUSED  " + refusal.rule() + ": " + PlainText.clean(refusal.message()));
        }
        if (!decision.allowed()) {
            out.println("Nothing was removed.");
            return decision.refusals().stream().allMatch(r -> r.rule() == RetirementRule.SCAN_INCOMPLETE)
                    ? ExitCode.INCOMPLETE : ExitCode.BAD_INPUT;
        }
        if (!confirm) {
            out.println("Dry run: every rule passes; run again with --confirm to remove the secret.");
            return ExitCode.PASS;
        }
        WriteResult result;
        try {
            result = writer.removePassword(Objects.requireNonNull(decision.location()),
                    Objects.requireNonNull(decision.objectId()), keyId);
        } catch (GraphCallFailed e) {
            console.err().println("app09: nothing was sent: " + PlainText.clean(Objects.toString(e.getMessage())));
            return ExitCode.STEP_FAILED;
        }
        out.println(result.outcome() + ": " + PlainText.clean(result.message()));
        return result.outcome().succeeded() ? ExitCode.PASS : ExitCode.STEP_FAILED;
    }
}
