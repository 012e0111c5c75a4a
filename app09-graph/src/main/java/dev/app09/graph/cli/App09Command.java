package dev.app09.graph.cli;

import com.azure.core.http.HttpClient;
import dev.app09.core.App09Exception;
import dev.app09.core.report.PlainText;
import java.time.Clock;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code app09} command: its subcommands, and how failures become exit statuses. */
@Command(name = "app09", mixinStandardHelpOptions = true, versionProvider = App09Command.Version.class,
        description = "Finds Microsoft Entra workloads that still authenticate with client secrets (control APP-09).",
        subcommands = {ScanCommand.class, CertCommand.class, MigrateCommand.class},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {
            "0:success (scan: the control passes; cert inspect: the file can be uploaded; migrate: the step is done)",
            "1:scan: at least one workload fails the control",
            "2:bad usage or bad input (cert inspect: the file would be refused; migrate: a rule refused the step)",
            "3:scan, migrate: the tenant was read incompletely (a report is still written, complete: false)",
            "4:an internal error, or the output could not be written",
            "5:migrate: Graph or Entra refused or failed the step, or the read-back disagrees"})
final class App09Command implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    /**
     * @param args the command line
     * @param console where output, progress and errors go, and the environment
     * @param clock the clock {@code --as-of} defaults to
     * @return the exit status
     */
    static int run(String[] args, Console console, Clock clock) {
        return run(args, console, clock, null);
    }

    /**
     * As {@link #run(String[], Console, Clock)}, with the HTTP client azure-identity uses for
     * {@code migrate verify} (a test's, trusting its local token endpoint).
     */
    static int run(String[] args, Console console, Clock clock, @Nullable HttpClient identityHttp) {
        return run(args, console, clock, identityHttp, GraphPacing.defaults());
    }

    /**
     * As {@link #run(String[], Console, Clock, HttpClient)}, with how long to wait on Graph (a
     * test's, that waits less than Graph's pacing asks of a real client).
     */
    static int run(String[] args, Console console, Clock clock, @Nullable HttpClient identityHttp, GraphPacing pacing) {
        CommandLine command = new CommandLine(new App09Command(), new Factory(console, clock, identityHttp, pacing));
        command.setOut(new java.io.PrintWriter(console.out(), true));
        command.setErr(new java.io.PrintWriter(console.err(), true));
        command.setParameterExceptionHandler((e, arguments) -> {
            CommandLine failed = e.getCommandLine();
            failed.getErr().println("app09: " + printable(e.getMessage()));
            failed.getErr().println("Try '" + failed.getCommandSpec().qualifiedName() + " --help'.");
            return ExitCode.BAD_INPUT;
        });
        command.setExecutionExceptionHandler((e, line, parsed) -> {
            if (e instanceof App09Exception) {
                line.getErr().println("app09: " + printable(e.getMessage()));
                return ExitCode.BAD_INPUT;
            }
            if (e instanceof java.io.UncheckedIOException) {
                line.getErr().println("app09: " + printable(e.getMessage())); // the report could not be written
                return ExitCode.INTERNAL_ERROR;
            }
            line.getErr().println("app09: internal error (please report it): " + e);
            return ExitCode.INTERNAL_ERROR;
        });
        try {
            return command.execute(args);
        } catch (StackOverflowError | OutOfMemoryError e) {
            // The inputs are bounded, so this is a bug or too small a heap; either way, no stack trace at the user.
            console.err().println("app09: internal error (please report it): " + e
                    + (e instanceof OutOfMemoryError ? "; or give the JVM more memory (-Xmx)" : ""));
            return ExitCode.INTERNAL_ERROR;
        }
    }

    /** A message for the terminal: each of its lines without control characters (it may quote a hostile file). */
    static String printable(@Nullable String message) {
        return String.valueOf(message).lines().map(PlainText::clean)
                .collect(java.util.stream.Collectors.joining(System.lineSeparator()));
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a command, e.g. app09 scan --help");
    }

    /** Hands the console and clock to subcommands, and the pacing to their Graph sources. */
    private record Factory(Console console, Clock clock, @Nullable HttpClient identityHttp, GraphPacing pacing)
            implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> type) throws Exception {
            if (type == ScanCommand.class) {
                return type.cast(new ScanCommand(console, clock));
            }
            if (type == CertCreateCommand.class) {
                return type.cast(new CertCreateCommand(console, clock));
            }
            if (type == CertInspectCommand.class) {
                return type.cast(new CertInspectCommand(console, clock));
            }
            if (type == MigratePlanCommand.class) {
                return type.cast(new MigratePlanCommand(console, clock));
            }
            if (type == MigrateUploadCommand.class) {
                return type.cast(new MigrateUploadCommand(console, clock));
            }
            if (type == MigrateVerifyCommand.class) {
                return type.cast(new MigrateVerifyCommand(console, clock, identityHttp));
            }
            if (type == MigrateRetireCommand.class) {
                return type.cast(new MigrateRetireCommand(console, clock));
            }
            K created = CommandLine.defaultFactory().create(type);
            if (created instanceof SourceOptions source) {
                source.pacing(pacing);
            }
            return created;
        }
    }

    /** The version from the jar's manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = App09Command.class.getPackage().getImplementationVersion();
            return new String[] {"app09 " + (version == null ? "(development build)" : version)};
        }
    }
}
