package dev.app09.graph.cli;

import dev.app09.certs.CertificateAndKey;
import dev.app09.certs.CertificateKeyFile;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import picocli.CommandLine;

/**
 * Reads a certificate with its private key named on the command line, its password from the
 * environment (as {@link EnvironmentPassword} hands it: wiped once the file is read).
 */
final class KeyFiles {

    private KeyFiles() {
    }

    /**
     * @param option the option that named the file, for messages
     * @param passwordVariable the environment variable that holds a PFX password (unset is fine for PEM)
     * @throws CommandLine.ParameterException when the file cannot be read as a certificate with its key
     */
    static CertificateAndKey read(CommandLine.Model.CommandSpec spec, Console console, String option, Path file,
            String passwordVariable) {
        try {
            return EnvironmentPassword.use(console, passwordVariable, password -> CertificateKeyFile.read(file, password));
        } catch (NoSuchFileException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), option + " " + file + ": no such file");
        } catch (IOException e) {
            String message = e.getMessage();
            if (console.environment().get(passwordVariable) == null && message != null
                    && message.contains("needs its password")) {
                message += ": put it in the environment variable " + passwordVariable;
            }
            throw new CommandLine.ParameterException(spec.commandLine(), option + " " + message);
        }
    }
}
