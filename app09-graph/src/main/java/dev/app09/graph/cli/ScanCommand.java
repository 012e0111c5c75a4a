package dev.app09.graph.cli;

import com.azure.core.credential.TokenCredential;
import com.azure.identity.ClientCertificateCredentialBuilder;
import com.azure.identity.DefaultAzureCredentialBuilder;
import dev.app09.core.Assessor;
import dev.app09.core.model.Application;
import dev.app09.core.model.ScanProblem;
import dev.app09.core.model.ServicePrincipal;
import dev.app09.core.model.TenantSnapshot;
import dev.app09.core.report.CsvReport;
import dev.app09.core.report.Industry;
import dev.app09.core.report.MarkdownReport;
import dev.app09.core.report.Report;
import dev.app09.core.report.TextReport;
import dev.app09.core.rules.ExceptionEntry;
import dev.app09.core.rules.ExceptionRegister;
import dev.app09.core.rules.Policy;
import dev.app09.graph.BadInputException;
import dev.app09.graph.ExportReader;
import dev.app09.graph.GraphReader;
import dev.app09.graph.json.ExceptionsFile;
import dev.app09.graph.json.JsonReport;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code app09 scan}: read a tenant (export, local Graph or live), judge it, write the report. */
@Command(name = "scan", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Reads a tenant and reports which workloads fail APP-09.",
            "Give exactly one source: --export DIR, --graph-url URL, or --tenant-id with "
                    + "--client-id and --certificate, or with --default-credential."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {
            "0:the control passes",
            "1:at least one workload fails the control",
            "2:bad usage or bad input",
            "3:incomplete scan (report written, complete: false)",
            "4:internal error"})
final class ScanCommand implements Callable<Integer> {

    static final String DEFAULT_PASSWORD_VARIABLE = "APP09_CERTIFICATE_PASSWORD";
    private static final String PEM_BEGIN = "-----BEGIN ";

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--export", paramLabel = "DIR",
            description = "Read an export folder (applications.json, servicePrincipals.json, optional "
                    + "defaultAppManagementPolicy.json and appCredentialSignInActivities.json).")
    private @Nullable Path export;

    @Option(names = "--graph-url", paramLabel = "URL",
            description = "Read a local Graph-compatible endpoint (the root of /v1.0 and /beta), anonymously; loopback only.")
    private @Nullable String graphUrl;

    @Option(names = "--tenant-id", paramLabel = "TENANT", description = "Read this tenant from Microsoft Graph.")
    private @Nullable String tenantId;

    @Option(names = "--client-id", paramLabel = "APPID", description = "The app registration app09 signs in as.")
    private @Nullable String clientId;

    @Option(names = "--certificate", paramLabel = "FILE",
            description = "Its certificate: PEM (certificate and unencrypted PKCS#8 private key) or PFX/PKCS#12 (.pfx, .p12).")
    private @Nullable Path certificate;

    @Option(names = "--certificate-password-env", paramLabel = "NAME", defaultValue = DEFAULT_PASSWORD_VARIABLE,
            description = "The environment variable holding the PFX password (default: ${DEFAULT-VALUE}).")
    private String passwordVariable = DEFAULT_PASSWORD_VARIABLE;

    @Option(names = "--default-credential",
            description = "Sign in with DefaultAzureCredential (managed identity, workload identity federation, Azure CLI, ...).")
    private boolean defaultCredential;

    @Option(names = "--as-of", paramLabel = "INSTANT",
            description = "Judge as of this instant (2026-06-01T00:00:00Z) or date (2026-06-01, midnight UTC); default: now.")
    private @Nullable String asOf;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "table, csv, json or markdown (default: ${DEFAULT-VALUE}).")
    private String format = "table";

    @Option(names = "--output", paramLabel = "FILE", description = "Write the report here (never overwritten) instead of standard output.")
    private @Nullable Path output;

    @Option(names = "--exceptions", paramLabel = "FILE",
            description = "The exceptions register: a JSON array of {appId, reason, approvedBy, expires}.")
    private @Nullable Path exceptions;

    @Option(names = "--sign-in-evidence",
            description = "Live: read the beta credential sign-in report (AuditLog.Read.All). "
                    + "An export's appCredentialSignInActivities.json turns it on by itself.")
    private boolean signInEvidence;

    @Option(names = "--industry", paramLabel = "INDUSTRY",
            description = "Add an industry profile to the markdown report: financial-services, technology, manufacturing, healthcare.")
    private @Nullable String industry;

    @Option(names = "--migration-window", paramLabel = "DAYS",
            description = "Days a secret may live beside an active certificate before the workload fails (default: 30).")
    private @Nullable Integer migrationWindow;

    @Option(names = "--list-all", description = "Also list Microsoft and external workloads that carry no credential.")
    private boolean listAll;

    private final Console console;
    private final Clock clock;

    ScanCommand(Console console, Clock clock) {
        this.console = console;
        this.clock = clock;
    }

    @Override
    public Integer call() {
        Format chosen = format();
        Instant instant = asOf();
        Policy policy = policy();
        @Nullable Industry profile = industry();
        Path target = output;
        if (target != null && Files.exists(target)) {
            throw usage("--output " + target + " exists; app09 never overwrites a file: choose another name");
        }
        ProgressPrinter progress = new ProgressPrinter(console.err(), console.terminal());
        TenantSnapshot snapshot;
        try {
            snapshot = read(progress);
        } finally {
            progress.finish();
        }
        List<ScanProblem> unusedExceptions = unusedExceptions(snapshot, policy.exceptions());
        if (export != null) {
            snapshot.problems().forEach(progress::problem); // a live read has told the listener already
        }
        unusedExceptions.forEach(progress::problem);
        snapshot = snapshot.withProblems(Stream.concat(snapshot.problems().stream(), unusedExceptions.stream()).toList());
        Report report = Assessor.assess(snapshot, policy, instant);
        write(report, chosen, profile, target);
        if (!report.complete()) {
            console.err().println("app09: the scan was incomplete; the report lists the problems");
            return ExitCode.INCOMPLETE;
        }
        return report.passes() ? ExitCode.PASS : ExitCode.FAILING;
    }

    private TenantSnapshot read(ProgressPrinter progress) {
        long sources = Stream.of(export != null, graphUrl != null, tenantId != null).filter(b -> b).count();
        if (sources != 1) {
            throw usage("give exactly one source: --export DIR, --graph-url URL, or --tenant-id TENANT "
                    + "(with --client-id and --certificate, or --default-credential)");
        }
        if (tenantId == null && (clientId != null || certificate != null || defaultCredential)) {
            throw usage("--client-id, --certificate and --default-credential go with --tenant-id");
        }
        if (export != null) {
            if (signInEvidence && !Files.exists(export.resolve(ExportReader.SIGN_INS))) {
                throw usage("--sign-in-evidence: the export has no " + ExportReader.SIGN_INS
                        + " (in an export, that file's presence turns evidence on)");
            }
            return ExportReader.read(export);
        }
        GraphReader.Builder reader = GraphReader.builder().signInEvidence(signInEvidence).listener(progress);
        if (graphUrl != null) {
            try {
                reader.graphRoot(localGraph(graphUrl));
            } catch (IllegalArgumentException e) {
                throw usage("--graph-url: " + e.getMessage());
            }
        } else {
            reader.credential(credential()).tenantId(guidOrNull(tenantId));
        }
        return reader.build().read();
    }

    private URI localGraph(String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw usage("--graph-url " + url + " is not a URL");
        }
        if (!GraphReader.isLoopback(uri)) {
            throw usage("--graph-url must be a loopback address (http or https on 127.0.0.1, [::1] or localhost): it "
                    + "is read anonymously, for local fakes; to read a tenant, use --tenant-id");
        }
        return uri;
    }

    private TokenCredential credential() {
        if (defaultCredential == (certificate != null)) {
            throw usage("--tenant-id needs either --client-id with --certificate, or --default-credential");
        }
        if (defaultCredential) {
            return new DefaultAzureCredentialBuilder().tenantId(tenantId).build();
        }
        if (clientId == null) {
            throw usage("--certificate needs --client-id (the app registration app09 signs in as)");
        }
        Path file = certificate;
        if (!Files.isReadable(file)) {
            throw usage("--certificate " + file + " is not a readable file");
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        ClientCertificateCredentialBuilder builder = new ClientCertificateCredentialBuilder()
                .tenantId(tenantId).clientId(clientId);
        if (name.endsWith(".pfx") || name.endsWith(".p12")) {
            String password = console.environment().get(passwordVariable);
            if (password == null) {
                throw usage("--certificate " + file + " is a PFX: put its password in the environment variable "
                        + passwordVariable + " (app09 takes no password on the command line)");
            }
            return builder.pfxCertificate(file.toString()).clientCertificatePassword(password).build();
        }
        requirePemWithKey(file);
        return builder.pemCertificate(file.toString()).build();
    }

    /**
     * azure-identity reads only a certificate beside an unencrypted PKCS#8 key: say so before it
     * fails obscurely. Only the labels of the PEM blocks are looked at, never their content.
     */
    private void requirePemWithKey(Path file) {
        Set<String> labels;
        try (Stream<String> lines = Files.lines(file, StandardCharsets.US_ASCII)) {
            labels = lines.map(String::trim)
                    .filter(line -> line.startsWith(PEM_BEGIN) && line.endsWith("-----"))
                    .map(line -> line.substring(PEM_BEGIN.length(), line.length() - "-----".length()))
                    .collect(Collectors.toSet());
        } catch (IOException | java.io.UncheckedIOException e) {
            throw usage("--certificate " + file + " is not a PEM file (for a PFX, name it .pfx or .p12)");
        }
        String needs = "--certificate " + file + " needs a CERTIFICATE block and an unencrypted PKCS#8 PRIVATE KEY block";
        if (!labels.contains("CERTIFICATE")) {
            throw usage(needs + "; it has no certificate");
        }
        if (labels.contains("ENCRYPTED PRIVATE KEY") || labels.contains("RSA PRIVATE KEY")) {
            throw usage(needs + "; its key is " + (labels.contains("RSA PRIVATE KEY") ? "PKCS#1" : "encrypted")
                    + " (convert it with: openssl pkcs8 -topk8 -nocrypt -in key.pem)");
        }
        if (!labels.contains("PRIVATE KEY")) {
            throw usage(needs + "; it has no private key");
        }
    }

    private static @Nullable UUID guidOrNull(@Nullable String text) {
        try {
            return text == null ? null : UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            return null; // a domain name: the tenant is still named by it, the report just has no id
        }
    }

    private Format format() {
        try {
            return Format.valueOf(format.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw usage("--format " + format + ": expected table, csv, json or markdown");
        }
    }

    private Instant asOf() {
        try {
            return AsOf.parse(asOf, clock);
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
    }

    private @Nullable Industry industry() {
        if (industry == null) {
            return null;
        }
        return Industry.byId(industry).orElseThrow(() -> usage("--industry " + industry + ": expected one of "
                + Stream.of(Industry.values()).map(Industry::id).collect(Collectors.joining(", "))));
    }

    private Policy policy() {
        Policy policy = Policy.defaults().withListAllWorkloads(listAll);
        if (migrationWindow != null) {
            if (migrationWindow < 0) {
                throw usage("--migration-window " + migrationWindow + ": expected a number of days, 0 or more");
            }
            policy = policy.withMigrationWindow(Duration.ofDays(migrationWindow));
        }
        if (exceptions != null) {
            try (InputStream in = Files.newInputStream(exceptions)) {
                policy = policy.withExceptions(ExceptionsFile.read(in, exceptions.toString()));
            } catch (java.nio.file.NoSuchFileException e) {
                throw new BadInputException(exceptions.toString(), 0, 0, "no such file (--exceptions)", e);
            } catch (IOException e) {
                throw new BadInputException(exceptions.toString(), 0, 0, "cannot be read: " + e.getMessage(), e);
            }
        }
        return policy;
    }

    /** An exception whose appId matches no workload is a typo or a stale entry: say so. */
    private static List<ScanProblem> unusedExceptions(TenantSnapshot snapshot, ExceptionRegister register) {
        Set<UUID> appIds = new HashSet<>();
        snapshot.applications().stream().map(Application::appId).forEach(appIds::add);
        snapshot.servicePrincipals().stream().map(ServicePrincipal::appId).forEach(appIds::add);
        List<ScanProblem> problems = new ArrayList<>();
        for (ExceptionEntry entry : register.entries()) {
            if (!appIds.contains(entry.appId())) {
                problems.add(ScanProblem.warning("exceptions", "the exception for appId " + entry.appId()
                        + " matches no workload in the tenant (a typo, or the app is gone)"));
            }
        }
        return problems;
    }

    private void write(Report report, Format chosen, @Nullable Industry profile, @Nullable Path target) {
        try (OutputStream out = target == null ? new Unclosed(console.out())
                : Files.newOutputStream(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            if (chosen == Format.JSON) {
                JsonReport.write(report, out);
            } else {
                Writer text = new OutputStreamWriter(out, StandardCharsets.UTF_8);
                switch (chosen) {
                    case CSV -> CsvReport.write(report, text);
                    case MARKDOWN -> MarkdownReport.write(report, profile, text);
                    default -> TextReport.write(report, text);
                }
                text.flush();
            }
            out.flush();
        } catch (FileAlreadyExistsException e) {
            throw usage("--output " + target + " exists; app09 never overwrites a file: choose another name");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("could not write the report to "
                    + (target == null ? "standard output" : target) + ": " + e.getMessage(), e);
        }
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }

    /** The report formats. */
    private enum Format { TABLE, CSV, JSON, MARKDOWN }

    /** Standard output stays open after the report is written. */
    private static final class Unclosed extends java.io.FilterOutputStream {
        Unclosed(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
