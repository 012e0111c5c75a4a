package dev.app09.graph.cli;

import com.azure.core.http.HttpClient;
import dev.app09.certs.CertificateAndKey;
import dev.app09.core.migration.Verification;
import dev.app09.core.report.PlainText;
import dev.app09.graph.CertificateVerifier;
import dev.app09.graph.json.VerificationFile;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code app09 migrate verify}: proves an application authenticates with its certificate, and records it. */
@Command(name = "verify", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Proves an application signs in with its certificate, and records it.",
        description = {"Signs in as the application with its certificate (a client-credentials token for Graph,",
            "through azure-identity) and records the success for retire-secret and for auditors.",
            "The token is dropped at once: it is never stored or printed."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:a token was issued; the verification was written", "2:bad usage or bad input",
            "4:internal error, or the file could not be written", "5:no token was issued"})
final class MigrateVerifyCommand implements Callable<Integer> {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--tenant-id", paramLabel = "TENANT", required = true, description = "The tenant id (a GUID).")
    private String tenantId;

    @Option(names = "--client-id", paramLabel = "APPID", required = true, description = "The application (client) id.")
    private UUID clientId;

    @Option(names = "--certificate", paramLabel = "FILE", required = true,
            description = "The application's certificate with its private key: PFX/PKCS#12 or PEM bundle.")
    private Path certificate;

    @Option(names = "--certificate-password-env", paramLabel = "NAME",
            defaultValue = MigrateUploadCommand.DEFAULT_PROOF_PASSWORD_VARIABLE,
            description = "The environment variable holding the PFX password (default: ${DEFAULT-VALUE}).")
    private String passwordVariable = MigrateUploadCommand.DEFAULT_PROOF_PASSWORD_VARIABLE;

    @Option(names = "--out", paramLabel = "FILE",
            description = "Write the verification here (JSON, never overwritten) instead of standard output.")
    private @Nullable Path out;

    @Option(names = "--authority-host", paramLabel = "URL",
            description = "The identity endpoint (https): a national cloud's, or a local fake (default: https://login.microsoftonline.com).")
    private @Nullable URI authorityHost;

    @Option(names = "--scope", paramLabel = "SCOPE",
            description = "The scope to ask a token for (default: the cloud's Graph, e.g. https://graph.microsoft.com/.default).")
    private @Nullable String scope;

    private final Console console;
    private final Clock clock;
    private final @Nullable HttpClient identityHttp;

    MigrateVerifyCommand(Console console, Clock clock, @Nullable HttpClient identityHttp) {
        this.console = console;
        this.clock = clock;
        this.identityHttp = identityHttp;
    }

    @Override
    public Integer call() {
        try {
            UUID.fromString(tenantId);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--tenant-id " + tenantId + ": give the tenant's id "
                    + "(a GUID, as the Entra admin center shows it): retire-secret matches a verification to the tenant by it");
        }
        if (out != null && java.nio.file.Files.exists(out)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--out " + out
                    + " exists; app09 never overwrites a file: choose another name");
        }
        CertificateVerifier verifier = CertificateVerifier.create(clock);
        if (authorityHost != null) {
            try {
                verifier = verifier.withAuthorityHost(authorityHost);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--authority-host: " + e.getMessage());
            }
        }
        if (scope != null) {
            verifier = verifier.withScope(scope);
        }
        if (identityHttp != null) {
            verifier = verifier.withHttpClient(identityHttp);
        }
        CertificateAndKey key = KeyFiles.read(spec, console, "--certificate", certificate, passwordVariable);
        Verification verification;
        try {
            verification = verifier.verify(tenantId, clientId, key);
        } catch (CertificateVerifier.VerificationFailed e) {
            console.err().println("app09: not verified: " + PlainText.clean(Objects.toString(e.getMessage())));
            return ExitCode.STEP_FAILED;
        }
        Output.bytes(spec, console, "--out", out, stream -> VerificationFile.write(verification, stream));
        console.err().println("app09: verified: client " + clientId + " signed in to " + PlainText.clean(tenantId)
                + " with certificate " + verification.thumbprint() + " at " + verification.verifiedAt()
                + (out == null ? "" : "; recorded in " + out));
        return ExitCode.PASS;
    }
}
