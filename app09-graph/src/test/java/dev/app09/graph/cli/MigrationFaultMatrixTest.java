package dev.app09.graph.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.app09.certs.CertificateFiles;
import dev.app09.certs.Thumbprints;
import dev.app09.core.model.Application;
import dev.app09.core.model.PasswordCredential;
import dev.app09.graph.cli.FaultMatrix.Injected;
import dev.app09.graph.cli.FaultMatrix.Request;
import dev.app09.testkit.junit.FakeGraphExtension;
import dev.app09.testkit.server.Endpoint;
import dev.app09.testkit.tenant.FakeTenant;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 8's fault matrix for the migration steps that write: every request a clean run of the
 * step sends meets, in turn, each fault once (and a write, each fault after it took effect): the
 * reads before the write, the write, and its read-back. A write is never sent twice; the step says
 * DONE (exit 0) only when the tenant shows the change, and never that nothing was done when it
 * was; every other key and secret the application holds is still there, unchanged; and a run
 * never ends in an internal error.
 */
final class MigrationFaultMatrixTest {

    @RegisterExtension
    static final FakeGraphExtension graph = FakeGraphExtension.create();

    private static final String PASSWORD = "a long enough password";
    private static final UUID APP_ID = UUID.fromString("a9900000-0000-4000-8000-000000000008");
    private static final UUID OLD_CERT = UUID.fromString("c0000000-0000-4000-8000-0000000008a1");
    private static final UUID CURRENT_CERT = UUID.fromString("c0000000-0000-4000-8000-0000000008c1");
    private static final UUID SECRET = UUID.fromString("5ec00000-0000-4000-8000-000000000008");
    private static final UUID OTHER_SECRET = UUID.fromString("5ec00000-0000-4000-8000-000000000009");
    /** The outcome line of a step that is done (not ALREADY_DONE). */
    private static final Pattern DONE = Pattern.compile("(?m)^DONE: ");

    @TempDir
    static Path certificates;

    /** The certificate uploaded, and the application's current one (the addKey proof key). */
    private static CertificateFiles fresh;
    private static CertificateFiles current;

    @BeforeAll
    static void createCertificates() {
        fresh = certCreate("Matrix-2026");
        current = certCreate("Matrix-2025");
    }

    private static CertificateFiles certCreate(String commonName) {
        CommandRun run = CommandRun.withEnvironment(Map.of(CertCreateCommand.DEFAULT_PASSWORD_VARIABLE, PASSWORD),
                "cert", "create", "--subject", "CN=" + commonName, "--out", certificates.toString());
        assertThat(run.status()).as("%s", run).isZero();
        return CertificateFiles.in(certificates, commonName, false);
    }

    /** A migration step: how to set the tenant up, the command, and what the tenant shows once the step is done. */
    private interface Step {
        String name();

        void serve();

        List<String> args();

        /** @return whether the tenant shows the step done, exactly once */
        boolean applied();

        Endpoint write();
    }

    @TestFactory
    Stream<DynamicTest> each_request_of_a_migration_step_meets_each_fault_once() {
        return Stream.of(new UploadByPatch(), new UploadByAddKey(), new RetireSecret())
                .flatMap(step -> cleanRun(step).stream().flatMap(request -> request.faults().map(injected ->
                        DynamicTest.dynamicTest(step.name() + " · " + request + " · " + injected.name(),
                                () -> check(step, request, injected)))));
    }

    /** @return the requests a clean run sends, after checking that it does the step */
    private static List<Request> cleanRun(Step step) {
        step.serve();
        CommandRun run = run(step);
        assertThat(run.status()).as("the clean run: %s", run).isEqualTo(ExitCode.PASS);
        assertThat(step.applied()).as("the clean run: %s", run).isTrue();
        List<Request> requests = Request.of(graph.server().journal().requests());
        assertThat(requests).as("the clean run writes").anyMatch(Request::write);
        return requests;
    }

    private static void check(Step step, Request request, Injected injected) {
        step.serve();
        Application served = payroll();
        graph.server().inject(request.aim(injected.fault()));

        CommandRun run = run(step);
        Application now = payroll();

        assertThat(graph.server().journal().requests()).as("the fault fired").anyMatch(r -> r.fault() != null);
        assertThat(graph.server().journal().count(step.write())).as("the write is sent at most once: %s", run)
                .isLessThanOrEqualTo(1);
        assertThat(run.status()).as("%s", run).isIn(ExitCode.PASS, ExitCode.INCOMPLETE, ExitCode.STEP_FAILED);
        assertThat(now.keyCredentials()).as("every key held before is there, unchanged: %s", run)
                .containsAll(served.keyCredentials());
        assertThat(now.passwordCredentials()).as("every other secret is there, unchanged: %s", run)
                .containsAll(served.passwordCredentials().stream().filter(p -> !p.keyId().equals(SECRET)).toList());
        if (run.status() == ExitCode.PASS) {
            assertThat(run.out()).as("%s", run).containsPattern(DONE);
            assertThat(step.applied()).as("reported done, so done: %s", run).isTrue();
        }
        if (step.applied()) {
            assertThat(run.out() + run.err()).as("done, so never reported not done: %s", run)
                    .doesNotContain("NOT_APPLIED", "nothing was sent");
        } else {
            assertThat(run.out()).as("not done, so never reported done: %s", run).doesNotContainPattern(DONE);
        }
        if (injected.ridden() && !request.write()) {
            assertThat(run.status()).as("%s on a read is ridden out: %s", injected.name(), run).isEqualTo(ExitCode.PASS);
        }
    }

    private static CommandRun run(Step step) {
        List<String> args = new ArrayList<>(List.of("migrate"));
        args.addAll(step.args());
        args.addAll(List.of("--graph-url", graph.baseUrl(), "--app-id", APP_ID.toString()));
        return CommandRun.paced(FaultMatrix.QUICK, Map.of(MigrateUploadCommand.DEFAULT_PROOF_PASSWORD_VARIABLE,
                PASSWORD), args);
    }

    private static Application payroll() {
        return graph.server().snapshot().applications().get(0);
    }

    /** @return whether one key, and one only, is the certificate (the fake keeps its SHA-1 thumbprint as customKeyIdentifier) */
    private static boolean registeredOnce(Path cer) {
        byte[] thumbprint = HexFormat.of().parseHex(Thumbprints.of(read(cer)).sha1Hex());
        return payroll().keyCredentials().stream().filter(k -> k.customKeyIdentifier() != null
                && Arrays.equals(k.customKeyIdentifier().bytes(), thumbprint)).count() == 1;
    }


    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** upload-cert without a proof key: a PATCH of the whole key list. */
    private static final class UploadByPatch implements Step {
        @Override
        public String name() {
            return "upload-cert by PATCH";
        }

        @Override
        public void serve() {
            graph.server().reset();
            graph.serve(FakeTenant.create().application("Payroll", a -> a.appId(APP_ID)
                    .certificate(c -> c.keyId(OLD_CERT)).secret()).build());
        }

        @Override
        public List<String> args() {
            return List.of("upload-cert", "--certificate", fresh.cer().toString());
        }

        @Override
        public boolean applied() {
            return registeredOnce(fresh.cer());
        }


        @Override
        public Endpoint write() {
            return Endpoint.UPDATE_APPLICATION;
        }
    }

    /** upload-cert with the application's current certificate as proof key: addKey. */
    private static final class UploadByAddKey implements Step {
        @Override
        public String name() {
            return "upload-cert by addKey";
        }

        @Override
        public void serve() {
            X509Certificate certificate = x509(current.cer());
            graph.server().reset();
            graph.serve(FakeTenant.create().application("Payroll", a -> a.appId(APP_ID).secret()
                    .certificate(c -> c.keyId(CURRENT_CERT).start(certificate.getNotBefore().toInstant())
                            .end(certificate.getNotAfter().toInstant()))).build());
            graph.server().certificate(CURRENT_CERT, read(current.cer())).clock(CommandRun.CLOCK);
        }

        @Override
        public List<String> args() {
            return List.of("upload-cert", "--certificate", fresh.cer().toString(), "--proof-key", current.pfx().toString());
        }

        @Override
        public boolean applied() {
            return registeredOnce(fresh.cer());
        }


        @Override
        public Endpoint write() {
            return Endpoint.ADD_KEY;
        }

        private static X509Certificate x509(Path cer) {
            try (InputStream in = Files.newInputStream(cer)) {
                return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
            } catch (IOException | CertificateException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** retire-secret --confirm of an unused secret beside a certificate in use. */
    private static final class RetireSecret implements Step {
        @Override
        public String name() {
            return "retire-secret --confirm";
        }

        @Override
        public void serve() {
            graph.server().reset();
            graph.serve(FakeTenant.create().application("Payroll", a -> a.appId(APP_ID)
                    .secret(s -> s.keyId(SECRET).neverSignedIn()).secret(s -> s.keyId(OTHER_SECRET).lastSignInDaysAgo(1))
                    .certificate(c -> c.lastSignInDaysAgo(1))).build());
        }

        @Override
        public List<String> args() {
            return List.of("retire-secret", "--key-id", SECRET.toString(), "--confirm");
        }

        @Override
        public boolean applied() {
            return !secrets().contains(SECRET);
        }


        @Override
        public Endpoint write() {
            return Endpoint.REMOVE_PASSWORD;
        }

        private static List<UUID> secrets() {
            return payroll().passwordCredentials().stream().map(PasswordCredential::keyId).toList();
        }
    }
}
