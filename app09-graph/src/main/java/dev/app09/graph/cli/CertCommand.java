package dev.app09.graph.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code app09 cert}: the certificate commands. */
@Command(name = "cert", mixinStandardHelpOptions = true,
        description = "Creates client certificates Entra and azure-identity accept, and inspects certificate files.",
        subcommands = {CertCreateCommand.class, CertInspectCommand.class})
final class CertCommand implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a command: app09 cert create or app09 cert inspect");
    }
}
