package dev.app09.graph.cli;

import com.azure.core.credential.TokenCredential;
import com.azure.identity.ClientCertificateCredentialBuilder;
import com.azure.identity.DefaultAzureCredentialBuilder;
import dev.app09.certs.inspect.CertificateInspector;
import dev.app09.core.model.SignInEvidence;
import dev.app09.core.model.TenantSnapshot;
import dev.app09.core.rules.Workload;
import dev.app09.core.rules.WorkloadJoin;
import dev.app09.graph.ExportReader;
import dev.app09.graph.GraphConnection;
import dev.app09.graph.GraphReader;
import dev.app09.graph.GraphWriter;
import dev.app09.graph.IncrementalScan;
import dev.app09.graph.RetryPolicy;
import dev.app09.graph.ScanListener;
import dev.app09.graph.StreamedTenant;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/**
 * Where a command reads the tenant from (and, for the migration steps, writes to): an export
 * folder, a local Graph-compatible endpoint, or a live tenant signed in with a certificate or
 * {@code DefaultAzureCredential}. Shared by {@code scan} and {@code migrate}, so that every
 * command takes the same source options. app09 takes no client secret for itself. app09's own
 * certificate is {@code --certificate} ({@link WithCertificate}), except where a command uploads
 * a certificate: there it is {@code --sign-in-certificate} ({@link WithSignInCertificate}).
 */
abstract class SourceOptions {

    static final String DEFAULT_PASSWORD_VARIABLE = "APP09_CERTIFICATE_PASSWORD";
    private static final String PEM_BEGIN = "-----BEGIN ";

    @CommandLine.Spec(CommandLine.Spec.Target.MIXEE)
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--export", paramLabel = "DIR",
            description = "Read an export folder (applications.json, servicePrincipals.json, optional "
                    + "defaultAppManagementPolicy.json and appCredentialSignInActivities.json).")
    private @Nullable Path export;

    @Option(names = "--graph-url", paramLabel = "URL",
            description = "Use a local Graph-compatible endpoint (the root of /v1.0 and /beta), anonymously; loopback only.")
    private @Nullable String graphUrl;

    @Option(names = "--tenant-id", paramLabel = "TENANT", description = "Use this tenant through Microsoft Graph.")
    private @Nullable String tenantId;

    @Option(names = "--client-id", paramLabel = "APPID", description = "The app registration app09 signs in as.")
    private @Nullable String clientId;

    @Option(names = "--default-credential",
            description = "Sign in with DefaultAzureCredential (managed identity, workload identity federation, Azure CLI, ...).")
    private boolean defaultCredential;

    @Option(names = "--sign-in-evidence",
            description = "Live: read the beta credential sign-in report (AuditLog.Read.All). "
                    + "An export's appCredentialSignInActivities.json turns it on by itself.")
    private boolean signInEvidence;

    private @Nullable GraphConnection connection;
    /** How long to wait on Graph: the defaults, unless the command's factory was given another pacing (a test's). */
    private GraphPacing pacing = GraphPacing.defaults();

    /** @return app09's own certificate for a live tenant, or null */
    abstract @Nullable Path certificate();

    /** @return the option that names {@link #certificate()}, for messages */
    String certificateOption() {
        return "--certificate";
    }

    /** @return the environment variable holding its PFX password */
    abstract String passwordVariable();

    /** @return whether the source is an export folder */
    boolean isExport() {
        return export != null;
    }

    /**
     * Reads the tenant, with progress and problems on standard error.
     *
     * @param alwaysEvidence read sign-in evidence from Graph even without {@code --sign-in-evidence}
     */
    TenantSnapshot read(Console console, boolean alwaysEvidence) {
        ProgressPrinter progress = new ProgressPrinter(console.err(), console.terminal());
        TenantSnapshot snapshot;
        try {
            snapshot = read(console, progress, alwaysEvidence);
        } finally {
            progress.finish();
        }
        if (export != null) {
            snapshot.problems().forEach(progress::problem); // a live read has told the listener already
        }
        return snapshot;
    }

    private TenantSnapshot read(Console console, ScanListener listener, boolean alwaysEvidence) {
        checkOne();
        if (export != null) {
            if (signInEvidence && !Files.exists(export.resolve(ExportReader.SIGN_INS))) {
                throw usage("--sign-in-evidence: the export has no " + ExportReader.SIGN_INS
                        + " (in an export, that file's presence turns evidence on)");
            }
            return ExportReader.read(export);
        }
        return GraphReader.builder().connection(connection(console))
                .retryPolicy(pacing.retry()).tenantId(guidOrNull(tenantId))
                .signInEvidence(signInEvidence || alwaysEvidence).listener(listener).build().read();
    }

    /**
     * Streams the tenant's workloads into a sink without holding them (see {@link
     * GraphReader#stream}), with progress and problems on standard error. An export is read whole
     * first (its files are bounded), then joined.
     *
     * @param sinkFor makes the workload sink, given the sign-in evidence
     * @param state the state folder of an incremental scan, or null
     * @param freshState whether to ignore the saved state and replace it
     */
    StreamedTenant stream(Console console, Clock clock, Function<@Nullable SignInEvidence, Consumer<Workload>> sinkFor,
            @Nullable Path state, boolean freshState) {
        checkOne();
        if (export != null && state != null) {
            throw usage("--state keeps Graph's delta links: it needs --graph-url or --tenant-id, not --export");
        }
        if (state != null && Files.exists(state) && !Files.isDirectory(state)) {
            throw usage("--state " + state + ": not a folder (the state is kept as a file inside one)");
        }
        if (state != null && tenantId != null && guidOrNull(tenantId) == null) {
            throw usage("--state: give --tenant-id as the tenant's id (a GUID), not a domain name, so that a saved "
                    + "state is never replayed for another tenant");
        }
        if (export != null) {
            TenantSnapshot snapshot = read(console, false);
            WorkloadJoin join = WorkloadJoin.into(sinkFor.apply(snapshot.signInEvidence()));
            snapshot.applications().forEach(join::application);
            snapshot.servicePrincipals().forEach(join::servicePrincipal);
            join.applicationsEnded();
            join.servicePrincipalsEnded();
            return new StreamedTenant(snapshot.tenantId(), snapshot.appManagementPolicy(), snapshot.signInEvidence(),
                    snapshot.problems());
        }
        ProgressPrinter progress = new ProgressPrinter(console.err(), console.terminal());
        try {
            GraphReader reader = GraphReader.builder().connection(connection(console))
                    .retryPolicy(pacing.retry()).tenantId(guidOrNull(tenantId))
                    .signInEvidence(signInEvidence).listener(progress).build();
            if (state == null) {
                return reader.stream(sinkFor);
            }
            IncrementalScan scan = IncrementalScan.of(reader, state, clock);
            return (freshState ? scan.fresh() : scan).stream(sinkFor);
        } finally {
            progress.finish();
        }
    }

    /**
     * Reads one workload again, as Graph holds it now (see {@link GraphReader#reread}).
     *
     * @param snapshot what {@link #read} returned
     * @param appId the workload
     */
    TenantSnapshot reread(Console console, TenantSnapshot snapshot, UUID appId) {
        return GraphReader.builder().connection(connection(console))
                .retryPolicy(pacing.retry()).tenantId(snapshot.tenantId()).build()
                .reread(snapshot, appId);
    }

    /** @param value how long to wait on Graph */
    void pacing(GraphPacing value) {
        this.pacing = value;
    }

    /** @return how Graph reads are retried */
    RetryPolicy retry() {
        return pacing.retry();
    }

    /**
     * @return a writer to the tenant, whose reads retry as this source's do
     * @throws CommandLine.ParameterException for an export, which cannot be written to
     */
    GraphWriter writer(Console console, Clock clock) {
        return GraphWriter.create(connection(console), clock).withRetries(pacing.retry())
                .withReadBack(3, pacing.readBack());
    }

    /**
     * @return the Graph connection of a live or local source
     * @throws CommandLine.ParameterException for an export, which cannot be written to
     */
    GraphConnection connection(Console console) {
        // One connection per run: a credential (DefaultAzureCredential, Azure CLI) is built and asked once.
        if (connection == null) {
            connection = newConnection(console);
        }
        return connection;
    }

    private GraphConnection newConnection(Console console) {
        checkOne();
        if (export != null) {
            throw usage("--export is read-only: this command changes the tenant, so give --graph-url or --tenant-id");
        }
        if (graphUrl != null) {
            try {
                return GraphConnection.local(localGraph(graphUrl));
            } catch (IllegalArgumentException e) {
                throw usage("--graph-url: " + e.getMessage());
            }
        }
        return GraphConnection.global(credential(console));
    }

    private void checkOne() {
        long sources = Stream.of(export != null, graphUrl != null, tenantId != null).filter(b -> b).count();
        if (sources != 1) {
            throw usage("give exactly one source: --export DIR, --graph-url URL, or --tenant-id TENANT "
                    + "(with --client-id and --certificate, or --default-credential)");
        }
        if (tenantId == null && (clientId != null || certificate() != null || defaultCredential)) {
            throw usage("--client-id, " + certificateOption() + " and --default-credential go with --tenant-id");
        }
    }

    private URI localGraph(String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw usage("--graph-url " + url + " is not a URL");
        }
        if (!GraphConnection.isLoopback(uri)) {
            throw usage("--graph-url must be a loopback address (http or https on 127.0.0.1, [::1] or localhost): it "
                    + "is used anonymously, for local fakes; for a tenant, use --tenant-id");
        }
        return uri;
    }

    private TokenCredential credential(Console console) {
        Path file = certificate();
        if (defaultCredential == (file != null)) {
            throw usage("--tenant-id needs either --client-id with " + certificateOption() + ", or --default-credential");
        }
        if (defaultCredential) {
            return new DefaultAzureCredentialBuilder().tenantId(tenantId).build();
        }
        if (clientId == null) {
            throw usage(certificateOption() + " needs --client-id (the app registration app09 signs in as)");
        }
        if (!Files.isReadable(file)) {
            throw usage(certificateOption() + " " + file + " is not a readable file");
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        ClientCertificateCredentialBuilder builder = new ClientCertificateCredentialBuilder()
                .tenantId(tenantId).clientId(clientId);
        if (name.endsWith(".pfx") || name.endsWith(".p12")) {
            String password = console.environment().get(passwordVariable());
            if (password == null) {
                throw usage(certificateOption() + " " + file + " is a PFX: put its password in the environment variable "
                        + passwordVariable() + " (app09 takes no password on the command line)");
            }
            requireOpens(console, file);
            return builder.pfxCertificate(file.toString()).clientCertificatePassword(password).build();
        }
        requirePemWithKey(file);
        requireOpens(console, file);
        return builder.pemCertificate(file.toString()).build();
    }

    /**
     * Opens the certificate's key once before any request: azure-identity opens it only when Graph
     * asks for a token, and a wrong password or a damaged key would then fail every request, each
     * retried as if the network had failed, for minutes, and end as an incomplete scan.
     */
    private void requireOpens(Console console, Path file) {
        KeyFiles.read(spec, console, certificateOption(), file, passwordVariable());
    }

    /**
     * azure-identity reads only a certificate beside an unencrypted PKCS#8 key: say so before it
     * fails obscurely. Only the labels of the PEM blocks are looked at, never their content.
     */
    private void requirePemWithKey(Path file) {
        try {
            // A named pipe would be waited on for ever, and /dev/zero read until the heap is exhausted.
            if (!Files.isRegularFile(file) || Files.size(file) > CertificateInspector.MAX_CONTENT_BYTES) {
                throw usage(certificateOption() + " " + file + " is not a certificate file: expected a regular file of at "
                        + "most 1 MiB");
            }
        } catch (IOException e) {
            throw usage(certificateOption() + " " + file + " cannot be read: " + e.getMessage());
        }
        Set<String> labels;
        try (Stream<String> lines = Files.lines(file, StandardCharsets.US_ASCII)) {
            labels = lines.map(String::trim)
                    .filter(line -> line.startsWith(PEM_BEGIN) && line.endsWith("-----"))
                    .map(line -> line.substring(PEM_BEGIN.length(), line.length() - "-----".length()))
                    .collect(Collectors.toSet());
        } catch (IOException | java.io.UncheckedIOException e) {
            throw usage(certificateOption() + " " + file + " is not a PEM file (for a PFX, name it .pfx or .p12)");
        }
        String needs = certificateOption() + " " + file + " needs a CERTIFICATE block and an unencrypted PKCS#8 PRIVATE KEY block";
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

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }

    /** The source options with app09's certificate as {@code --certificate}. */
    static final class WithCertificate extends SourceOptions {

        @Option(names = "--certificate", paramLabel = "FILE",
                description = "Its certificate: PEM (certificate and unencrypted PKCS#8 private key) or PFX/PKCS#12 (.pfx, .p12).")
        private @Nullable Path certificate;

        @Option(names = "--certificate-password-env", paramLabel = "NAME", defaultValue = DEFAULT_PASSWORD_VARIABLE,
                description = "The environment variable holding the PFX password (default: ${DEFAULT-VALUE}).")
        private String passwordVariable = DEFAULT_PASSWORD_VARIABLE;

        @Override
        @Nullable Path certificate() {
            return certificate;
        }

        @Override
        String passwordVariable() {
            return passwordVariable;
        }
    }

    /** The source options with app09's certificate as {@code --sign-in-certificate}, for commands whose {@code --certificate} is another. */
    static final class WithSignInCertificate extends SourceOptions {

        @Option(names = "--sign-in-certificate", paramLabel = "FILE",
                description = "app09's certificate for a live tenant: PEM (certificate and PKCS#8 key) or PFX (.pfx, .p12).")
        private @Nullable Path certificate;

        @Option(names = "--sign-in-certificate-password-env", paramLabel = "NAME", defaultValue = DEFAULT_PASSWORD_VARIABLE,
                description = "The environment variable holding its PFX password (default: ${DEFAULT-VALUE}).")
        private String passwordVariable = DEFAULT_PASSWORD_VARIABLE;

        @Override
        @Nullable Path certificate() {
            return certificate;
        }

        @Override
        String certificateOption() {
            return "--sign-in-certificate";
        }

        @Override
        String passwordVariable() {
            return passwordVariable;
        }
    }
}
