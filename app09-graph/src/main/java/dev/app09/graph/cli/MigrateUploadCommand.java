package dev.app09.graph.cli;

import dev.app09.certs.CertificateAndKey;
import dev.app09.certs.inspect.CertificateInspector;
import dev.app09.certs.inspect.Inspection;
import dev.app09.certs.inspect.Refusal;
import dev.app09.certs.inspect.UploadCheck;
import dev.app09.certs.inspect.UploadVerdict;
import dev.app09.certs.inspect.Warning;
import dev.app09.core.model.Application;
import dev.app09.core.model.KeyCredentialPayload;
import dev.app09.core.model.TenantSnapshot;
import dev.app09.core.report.PlainText;
import dev.app09.graph.GraphCallFailed;
import dev.app09.graph.WriteResult;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code app09 migrate upload-cert}: registers a certificate's public key on an application, keeping every key it holds. */
@Command(name = "upload-cert", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Registers a certificate on an application, keeping every key it holds.",
        description = {"Registers a certificate's public key (.cer) on an application.",
            "With --proof-key (a current certificate of the application, with its key) it calls addKey;",
            "without, it PATCHes the key list, sending back every registered key with its bytes (a key whose",
            "bytes Graph does not return refuses the PATCH, which would delete it). The application is read",
            "back afterwards: every earlier key must still be there and the new one present."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:registered (or already registered)", "2:bad usage, or refused before anything was sent",
            "3:the application was not found and the read was incomplete", "4:internal error", "5:Graph refused or failed the write, or the read-back disagrees"})
final class MigrateUploadCommand implements Callable<Integer> {

    static final String DEFAULT_PROOF_PASSWORD_VARIABLE = "APP09_PFX_PASSWORD";

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    private SourceOptions.WithSignInCertificate source;

    @Option(names = "--app-id", paramLabel = "APPID", required = true, description = "The application (client) id.")
    private UUID appId;

    @Option(names = "--certificate", paramLabel = "FILE.cer", required = true,
            description = "The public certificate to register (DER or PEM; a file with a private key is refused).")
    private Path certificate;

    @Option(names = "--proof-key", paramLabel = "FILE",
            description = "A certificate of the application valid now, with its private key (PFX or PEM bundle), to sign addKey's proof.")
    private @Nullable Path proofKey;

    @Option(names = "--proof-key-password-env", paramLabel = "NAME", defaultValue = DEFAULT_PROOF_PASSWORD_VARIABLE,
            description = "The environment variable holding the proof key's PFX password (default: ${DEFAULT-VALUE}).")
    private String proofPasswordVariable = DEFAULT_PROOF_PASSWORD_VARIABLE;

    private final Console console;
    private final Clock clock;

    MigrateUploadCommand(Console console, Clock clock) {
        this.console = console;
        this.clock = clock;
    }

    @Override
    public Integer call() {
        source.connection(console); // an export is refused before anything is read
        KeyCredentialPayload payload = payload();
        CertificateAndKey proof = proofKey == null ? null
                : KeyFiles.read(spec, console, "--proof-key", proofKey, proofPasswordVariable);
        TenantSnapshot snapshot = source.read(console, false);
        Application application = snapshot.applications().stream().filter(a -> a.appId().equals(appId)).findFirst()
                .orElse(null);
        if (application == null && !snapshot.complete()) {
            console.err().println("app09: no application with appId " + appId + " was read, and the read was incomplete: "
                    + "nothing was sent; try again");
            return ExitCode.INCOMPLETE;
        }
        if (application == null) {
            throw usage("no application with appId " + appId + " in the tenant; certificates are registered on the "
                    + "application object, in the tenant that owns it");
        }
        WriteResult result;
        try {
            result = source.writer(console, clock).uploadCertificate(application.id(), payload, proof);
        } catch (GraphCallFailed e) {
            console.err().println("app09: nothing was sent: " + PlainText.clean(Objects.toString(e.getMessage())));
            return ExitCode.STEP_FAILED;
        }
        console.out().println(result.outcome() + ": " + PlainText.clean(result.message()));
        return switch (result.outcome()) {
            case DONE, ALREADY_DONE -> ExitCode.PASS;
            case REFUSED -> ExitCode.BAD_INPUT;
            default -> ExitCode.STEP_FAILED;
        };
    }

    /** The certificate, checked as Entra would check it before anything is sent. */
    private KeyCredentialPayload payload() {
        Inspection inspection;
        try {
            inspection = CertificateInspector.inspect(certificate);
        } catch (NoSuchFileException e) {
            throw usage("--certificate " + certificate + ": no such file");
        } catch (IOException e) {
            throw usage("--certificate " + certificate + " cannot be read: " + e.getMessage());
        }
        UploadVerdict verdict = UploadCheck.check(inspection, clock.instant(), UploadCheck.DEFAULT_MAX_VALIDITY);
        for (Warning warning : verdict.warnings()) {
            console.err().println("app09: warning: " + warning.reason() + ": " + PlainText.clean(warning.detail()));
        }
        if (verdict.payload() == null) {
            StringBuilder why = new StringBuilder("--certificate " + certificate + " cannot be registered:");
            for (Refusal refusal : verdict.refusals()) {
                why.append(System.lineSeparator()).append("  ").append(refusal.reason()).append(": ")
                        .append(PlainText.clean(refusal.detail()));
            }
            throw usage(why.toString());
        }
        return verdict.payload();
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }
}
