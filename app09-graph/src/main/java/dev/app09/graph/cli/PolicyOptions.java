package dev.app09.graph.cli;

import dev.app09.core.model.Application;
import dev.app09.core.model.ScanProblem;
import dev.app09.core.model.ServicePrincipal;
import dev.app09.core.model.TenantSnapshot;
import dev.app09.core.rules.ExceptionEntry;
import dev.app09.core.rules.ExceptionRegister;
import dev.app09.core.rules.Policy;
import dev.app09.graph.BadInputException;
import dev.app09.graph.json.ExceptionsFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/** The policy knobs {@code scan} and {@code migrate plan} share: exceptions, migration and usage windows, listing. */
final class PolicyOptions {

    /** The largest exceptions register read: thousands of entries are a few hundred kilobytes. */
    static final long MAX_REGISTER_BYTES = 16L * 1024 * 1024;

    @CommandLine.Spec(CommandLine.Spec.Target.MIXEE)
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--exceptions", paramLabel = "FILE",
            description = "The exceptions register: a JSON array of {appId, reason, approvedBy, expires}.")
    private @Nullable Path exceptions;

    @Option(names = "--migration-window", paramLabel = "DAYS",
            description = "Days a secret may live beside an active certificate before the workload fails (default: 30).")
    private @Nullable Integer migrationWindow;

    @Option(names = "--usage-window", paramLabel = "DAYS",
            description = "How recent a sign-in must be to count as use (default: 30).")
    private @Nullable Integer usageWindow;

    @Option(names = "--list-all", description = "Also list Microsoft and external workloads that carry no credential.")
    private boolean listAll;

    /** @return the policy these options describe */
    Policy policy() {
        Policy policy = Policy.defaults().withListAllWorkloads(listAll);
        if (migrationWindow != null) {
            if (migrationWindow < 0) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--migration-window " + migrationWindow
                        + ": expected a number of days, 0 or more");
            }
            policy = policy.withMigrationWindow(Duration.ofDays(migrationWindow));
        }
        if (usageWindow != null) {
            if (usageWindow < 1) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--usage-window " + usageWindow
                        + ": expected a number of days, 1 or more");
            }
            policy = policy.withUsageWindow(Duration.ofDays(usageWindow));
        }
        if (exceptions != null) {
            policy = policy.withExceptions(register(exceptions));
        }
        return policy;
    }

    /**
     * A folder or a named pipe is refused before it is opened (opening a pipe waits for a writer),
     * and so is a register larger than {@value #MAX_REGISTER_BYTES} bytes: it is held whole.
     */
    private static ExceptionRegister register(Path file) {
        try {
            if (!Files.isRegularFile(file)) {
                throw new BadInputException(file.toString(), 0, 0, Files.exists(file)
                        ? "is not a regular file (--exceptions)" : "no such file (--exceptions)");
            }
            long size = Files.size(file);
            if (size > MAX_REGISTER_BYTES) {
                throw new BadInputException(file.toString(), 0, 0, String.format(Locale.ROOT,
                        "is %,d bytes; an exceptions register is read up to %d MiB (--exceptions)", size,
                        MAX_REGISTER_BYTES / (1024 * 1024)));
            }
            try (InputStream in = Files.newInputStream(file)) {
                return ExceptionsFile.read(in, file.toString());
            }
        } catch (java.nio.file.NoSuchFileException e) {
            throw new BadInputException(file.toString(), 0, 0, "no such file (--exceptions)", e);
        } catch (IOException | UncheckedIOException e) {
            throw new BadInputException(file.toString(), 0, 0, "cannot be read: " + e.getMessage(), e);
        }
    }

    /**
     * An exception whose appId matches no workload is a typo or a stale entry: say so.
     *
     * @return the snapshot with a warning per such exception
     */
    static TenantSnapshot withUnusedExceptions(TenantSnapshot snapshot, ExceptionRegister register, Console console) {
        Set<UUID> appIds = new HashSet<>();
        snapshot.applications().stream().map(Application::appId).forEach(appIds::add);
        snapshot.servicePrincipals().stream().map(ServicePrincipal::appId).forEach(appIds::add);
        List<ScanProblem> problems = new ArrayList<>(snapshot.problems());
        problems.addAll(unusedExceptions(register, appIds::contains, console));
        return snapshot.withProblems(problems);
    }

    /**
     * Warns, on standard error, of each exception that names an appId the tenant does not have.
     *
     * @param seen whether the tenant has a workload with an appId
     * @return a warning per such exception
     */
    static List<ScanProblem> unusedExceptions(ExceptionRegister register, Predicate<UUID> seen, Console console) {
        List<ScanProblem> problems = new ArrayList<>();
        for (ExceptionEntry entry : register.entries()) {
            if (!seen.test(entry.appId())) {
                problems.add(unmatchedException(entry, console));
            }
        }
        return problems;
    }

    /**
     * Warns, on standard error, of an exception that names an appId the tenant does not have.
     *
     * @return the warning
     */
    static ScanProblem unmatchedException(ExceptionEntry entry, Console console) {
        ScanProblem unused = ScanProblem.warning("exceptions", "the exception for appId " + entry.appId()
                + " matches no workload in the tenant (a typo, or the app is gone)");
        new ProgressPrinter(console.err(), false).problem(unused);
        return unused;
    }
}
