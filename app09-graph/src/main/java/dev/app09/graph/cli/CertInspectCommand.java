package dev.app09.graph.cli;

import dev.app09.certs.inspect.CertificateFacts;
import dev.app09.certs.inspect.CertificateInspector;
import dev.app09.certs.inspect.Inspection;
import dev.app09.certs.inspect.Refusal;
import dev.app09.certs.inspect.UploadCheck;
import dev.app09.certs.inspect.UploadVerdict;
import dev.app09.certs.inspect.Warning;
import dev.app09.core.report.PlainText;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code app09 cert inspect}: what a certificate file holds, and whether Entra would accept it for upload. */
@Command(name = "inspect", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Shows what a certificate file holds (DER or PEM certificate or chain, PKCS#12, PEM with a key) and",
            "whether Entra would accept it as an application's certificate: refused when it holds a private key,",
            "is not X.509, is expired or not yet valid, or is not RSA of 2048 bits or more."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:the file can be uploaded", "2:the file would be refused, or bad usage"})
final class CertInspectCommand implements Callable<Integer> {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The file to inspect (.cer, .crt, .pem, .pfx, ...).")
    private Path file = Path.of("");

    @CommandLine.Mixin
    private AsOf asOf;

    @Option(names = "--max-validity-months", paramLabel = "N", defaultValue = "12",
            description = "Warn when the certificate is valid longer than this (default: ${DEFAULT-VALUE}).")
    private int maxValidityMonths = 12;

    @Option(names = "--password-env", paramLabel = "NAME",
            description = "For a PFX: the environment variable holding its password, to list its certificates.")
    private @Nullable String passwordVariable;

    private final Console console;
    private final Clock clock;

    CertInspectCommand(Console console, Clock clock) {
        this.console = console;
        this.clock = clock;
    }

    @Override
    public Integer call() {
        Instant instant = asOf.instant(clock);
        if (maxValidityMonths < 1) {
            throw usage("--max-validity-months " + maxValidityMonths + ": expected a number of months, 1 or more");
        }
        if (passwordVariable != null && console.environment().get(passwordVariable) == null) {
            throw usage("--password-env " + passwordVariable + ": the environment variable is not set");
        }
        Inspection inspection;
        try {
            inspection = EnvironmentPassword.use(console, passwordVariable, password -> CertificateInspector.inspect(file,
                    password));
        } catch (NoSuchFileException e) {
            throw usage(file + ": no such file");
        } catch (IOException e) {
            throw usage(file + " cannot be read: " + e.getMessage());
        }
        UploadVerdict verdict = UploadCheck.check(inspection, instant, Period.ofMonths(maxValidityMonths));
        print(inspection, verdict);
        return verdict.acceptable() ? ExitCode.PASS : ExitCode.BAD_INPUT;
    }

    private void print(Inspection inspection, UploadVerdict verdict) {
        PrintStream out = console.out();
        out.println("File         " + file + " (" + inspection.format() + ")");
        if (inspection.containsPrivateKey()) {
            out.println("Private key  yes: this file must never be uploaded or shared");
        }
        List<CertificateFacts> facts = inspection.facts();
        for (int i = 0; i < facts.size(); i++) {
            CertificateFacts certificate = facts.get(i);
            out.println("Certificate  " + (i + 1) + " of " + facts.size() + (i == 0 ? " (the one Entra would take)" : ""));
            // Subjects, issuers and details carry the file's own text: no terminal escapes get through.
            out.println("  subject      " + PlainText.clean(certificate.subject()));
            out.println("  issuer       " + PlainText.clean(certificate.issuer()) + (certificate.selfSigned() ? " (self-signed)" : ""));
            out.println("  serial       " + certificate.serialHex());
            out.println("  not before   " + certificate.notBefore());
            out.println("  not after    " + certificate.notAfter());
            out.println("  key          " + certificate.keyAlgorithm()
                    + (certificate.keySize() > 0 ? " " + certificate.keySize() : ""));
            out.println("  signature    " + certificate.signatureAlgorithm());
            out.println("  thumbprint   " + certificate.thumbprints().sha1Hex() + "  (SHA-1, as Entra shows it)");
            out.println("  x5t          " + certificate.thumbprints().x5t());
            out.println("  x5t#S256     " + certificate.thumbprints().x5tS256());
        }
        out.println("Upload       " + (verdict.acceptable() ? "accepted" : "REFUSED"));
        for (Refusal refusal : verdict.refusals()) {
            out.println("  refused  " + refusal.reason() + ": " + PlainText.clean(refusal.detail()));
        }
        for (Warning warning : verdict.warnings()) {
            out.println("  warning  " + warning.reason() + ": " + PlainText.clean(warning.detail()));
        }
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }
}
