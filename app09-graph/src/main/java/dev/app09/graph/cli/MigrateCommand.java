package dev.app09.graph.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code app09 migrate}: the guarded steps from client secrets to certificates. */
@Command(name = "migrate", mixinStandardHelpOptions = true,
        description = {"Moves workloads from client secrets to certificates, one guarded step at a time:",
            "plan (where every workload stands), upload-cert, verify, retire-secret."},
        subcommands = {MigratePlanCommand.class, MigrateUploadCommand.class, MigrateVerifyCommand.class,
            MigrateRetireCommand.class})
final class MigrateCommand implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "name a step: app09 migrate plan, upload-cert, verify or retire-secret");
    }
}
