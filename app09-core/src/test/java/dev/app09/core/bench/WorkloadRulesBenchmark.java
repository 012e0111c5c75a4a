package dev.app09.core.bench;

import dev.app09.core.model.Application;
import dev.app09.core.model.CredentialSignIn;
import dev.app09.core.model.FederatedIdentityCredential;
import dev.app09.core.model.KeyCredential;
import dev.app09.core.model.PasswordCredential;
import dev.app09.core.model.ServicePrincipal;
import dev.app09.core.model.SignInEvidence;
import dev.app09.core.rules.Policy;
import dev.app09.core.rules.Workload;
import dev.app09.core.rules.WorkloadRules;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The per-workload rules alone: {@link WorkloadRules#assess} over workloads joined beforehand, no
 * report and no sort. One operation is one workload, so JMH prints workloads per second on one
 * thread. The mix follows {@link AssessorBenchmark} (half tenant applications, half Microsoft
 * service principals, 0-2 secrets and 0-2 certificates each, one in ten federated) and adds
 * sign-in evidence: rows for about a third of the credentials, half of them inside the usage
 * window. Run with {@code mvn -B -Pbench -pl app09-core test-compile exec:exec
 * -Dbench.args=WorkloadRulesBenchmark}; figures in BENCHMARKS.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx2g"})
public class WorkloadRulesBenchmark {

    /** The workloads judged per invocation; JMH divides by it (a constant, as the annotation needs one). */
    static final int WORKLOADS = 100_000;

    private static final Instant AS_OF = Instant.parse("2026-11-26T00:00:00Z");

    List<Workload> workloads;
    SignInEvidence evidence;
    Policy policy;

    @Setup
    public void generate() {
        Random r = new Random(42);
        List<Workload> joined = new ArrayList<>(WORKLOADS);
        List<CredentialSignIn> signIns = new ArrayList<>();
        for (int i = 0; i < WORKLOADS; i++) {
            UUID appId = new UUID(1, i);
            boolean tenantApp = i % 2 == 0;
            String origin = tenantApp ? "application" : "servicePrincipal";
            List<PasswordCredential> secrets = new ArrayList<>();
            List<KeyCredential> keys = new ArrayList<>();
            for (int s = r.nextInt(3); s > 0; s--) {
                Instant start = AS_OF.minus(Duration.ofDays(r.nextInt(700)));
                PasswordCredential secret = new PasswordCredential(new UUID(r.nextLong(), r.nextLong()), "s", "abc",
                        null, start, start.plus(Duration.ofDays(r.nextInt(800))));
                secrets.add(secret);
                signIn(r, appId, secret.keyId(), "clientSecret", origin, signIns);
            }
            for (int k = r.nextInt(3); k > 0; k--) {
                Instant start = AS_OF.minus(Duration.ofDays(r.nextInt(700)));
                KeyCredential certificate = new KeyCredential(new UUID(r.nextLong(), r.nextLong()), "CN=app", null,
                        "AsymmetricX509Cert", "Verify", start, start.plus(Duration.ofDays(365)));
                keys.add(certificate);
                signIn(r, appId, certificate.keyId(), "certificate", origin, signIns);
            }
            List<FederatedIdentityCredential> federated = r.nextInt(10) == 0
                    ? List.of(new FederatedIdentityCredential(null, "gh", "https://issuer", "sub", List.of("aud")))
                    : List.of();
            Application app = tenantApp
                    ? new Application(new UUID(2, i), appId, "app " + i, null, null, secrets, keys, federated)
                    : null;
            ServicePrincipal sp = new ServicePrincipal(new UUID(3, i), appId, "sp " + i, "Application",
                    tenantApp ? null : Policy.MICROSOFT_SERVICES_TENANT, null, null,
                    tenantApp ? List.of() : secrets, tenantApp ? List.of() : keys);
            joined.add(new Workload(appId, app, sp));
        }
        workloads = List.copyOf(joined);
        evidence = SignInEvidence.of(signIns);
        policy = Policy.defaults();
    }

    /** A row for about a third of the credentials: half signed in within the usage window, half before it. */
    private static void signIn(Random r, UUID appId, UUID keyId, String keyType, String origin,
            List<CredentialSignIn> signIns) {
        if (r.nextInt(3) == 0) {
            Instant last = AS_OF.minus(Duration.ofDays(r.nextBoolean() ? r.nextInt(30) : 30 + r.nextInt(300)));
            signIns.add(new CredentialSignIn(keyId, appId, keyType, origin, last));
        }
    }

    @Benchmark
    @OperationsPerInvocation(WORKLOADS)
    public void assessWorkloads(Blackhole blackhole) {
        for (Workload workload : workloads) {
            blackhole.consume(WorkloadRules.assess(workload, policy, AS_OF, evidence));
        }
    }
}
