package dev.app09.graph.cli;

import dev.app09.certs.CertificateAndKey;
import dev.app09.certs.CertificateFiles;
import dev.app09.certs.CertificateRequest;
import dev.app09.certs.RsaKeySize;
import dev.app09.certs.SelfSignedCertificates;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code app09 cert create}: a self-signed client certificate, as the files Entra and azure-identity read. */
@Command(name = "create", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Creates a self-signed RSA client certificate (SHA256withRSA) and writes:",
            "  DIR/NAME.cer      the public certificate (DER): the file to upload to Entra",
            "  DIR/NAME.pem      the same certificate in PEM",
            "  DIR/NAME.pfx      key and certificate, password-protected PKCS#12 (owner-only)",
            "  DIR/NAME.key.pem  with --pem-bundle: the unencrypted key and the certificate (owner-only)",
            "No file is ever overwritten."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:the files were written", "2:bad usage, or a file exists", "4:the files could not be written"})
final class CertCreateCommand implements Callable<Integer> {

    static final String DEFAULT_PASSWORD_VARIABLE = "APP09_PFX_PASSWORD";
    private static final int SHORT_PASSWORD = 12;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--subject", paramLabel = "DN", required = true,
            description = "The subject, with a common name: \"CN=MyApp-Auth-Cert\".")
    private String subject = "";

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "The directory to write to (created if missing).")
    private Path out = Path.of(".");

    @Option(names = "--name", paramLabel = "NAME",
            description = "The file name without extension (default: the common name, with unsafe characters replaced).")
    private @Nullable String name;

    @Option(names = "--key-size", paramLabel = "BITS", defaultValue = "2048",
            description = "RSA key size: 2048, 3072 or 4096 (default: ${DEFAULT-VALUE}).")
    private int keySize = 2048;

    @Option(names = "--validity-months", paramLabel = "N", defaultValue = "12",
            description = "Months of validity, 1 to 120 (default: ${DEFAULT-VALUE}).")
    private int validityMonths = 12;

    @Option(names = "--pfx-password-env", paramLabel = "NAME", defaultValue = DEFAULT_PASSWORD_VARIABLE,
            description = "The environment variable holding the PFX password (default: ${DEFAULT-VALUE}).")
    private String passwordVariable = DEFAULT_PASSWORD_VARIABLE;

    @Option(names = "--pem-bundle",
            description = "Also write NAME.key.pem (unencrypted PKCS#8 key + certificate) for azure-identity's pemCertificate.")
    private boolean pemBundle;

    private final Console console;
    private final Clock clock;

    CertCreateCommand(Console console, Clock clock) {
        this.console = console;
        this.clock = clock;
    }

    @Override
    public Integer call() {
        CertificateRequest request = request();
        String fileName = name != null ? name : CertificateFiles.nameFor(request.commonName());
        CertificateFiles planned;
        try {
            planned = CertificateFiles.in(out, fileName, pemBundle);
        } catch (IllegalArgumentException e) {
            throw usage("--name " + e.getMessage());
        }
        String value = console.environment().get(passwordVariable);
        if (value == null || value.isEmpty()) {
            throw usage("put the PFX password in the environment variable " + passwordVariable
                    + " (or name another with --pfx-password-env); the password is never taken on the command line");
        }
        try {
            return EnvironmentPassword.use(console, passwordVariable, password -> {
                checkPassword(password);
                if (Files.exists(out) && !Files.isDirectory(out)) {
                    throw usage("--out " + out + " is not a directory");
                }
                Files.createDirectories(out);
                CertificateAndKey created = SelfSignedCertificates.create(request, clock);
                CertificateFiles files = CertificateFiles.write(out, fileName, created, password, pemBundle);
                describe(created, files);
                return ExitCode.PASS;
            });
        } catch (FileAlreadyExistsException e) {
            throw usage(e.getFile() + " " + (e.getReason() != null ? e.getReason()
                    : "already exists; app09 never overwrites a file"));
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the certificate files " + planned.all() + ": " + e, e);
        }
    }

    private CertificateRequest request() {
        try {
            return CertificateRequest.of(subject).withKeySize(RsaKeySize.ofBits(keySize)).withValidityMonths(validityMonths);
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
    }

    /** Refuses a password a PFX cannot be opened with, and warns of a short one; names the variable, never the value. */
    private void checkPassword(char[] password) {
        try {
            CertificateAndKey.checkPkcs12Password(password);
        } catch (IllegalArgumentException e) {
            throw usage("$" + passwordVariable + ": " + e.getMessage());
        }
        if (password.length < SHORT_PASSWORD) {
            console.err().println("app09: warning: the PFX password is shorter than " + SHORT_PASSWORD
                    + " characters; anyone who gets the .pfx can try to guess it");
        }
    }

    private void describe(CertificateAndKey created, CertificateFiles files) {
        X509Certificate certificate = created.certificate();
        PrintStream stdout = console.out();
        stdout.println("Created " + certificate.getSubjectX500Principal().getName());
        stdout.println("  thumbprint  " + created.thumbprints().sha1Hex() + "  (SHA-1, as the Entra admin center shows it)");
        stdout.println("  valid       " + certificate.getNotBefore().toInstant() + " to " + certificate.getNotAfter().toInstant());
        stdout.println("  key         RSA " + keySize + ", signed SHA256withRSA");
        stdout.println("Files:");
        stdout.println("  " + files.cer() + "  upload this one (public): Entra admin center > Entra ID > App registrations > your app >"
                + " Certificates & secrets > Certificates > Upload certificate");
        stdout.println("  " + files.pem() + "  the same certificate in PEM (public)");
        stdout.println("  " + files.pfx() + "  key and certificate for the application, password in $" + passwordVariable
                + " (owner-only): azure-identity pfxCertificate");
        if (files.keyPem() != null) {
            stdout.println("  " + files.keyPem() + "  key and certificate, unencrypted (owner-only): azure-identity pemCertificate");
            console.err().println("app09: warning: " + files.keyPem() + " holds the private key unencrypted: store it like a "
                    + "secret (a vault, or an owner-only file where the application runs), never in source control");
        }
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }
}
