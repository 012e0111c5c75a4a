package dev.app09.core.bench;

import dev.app09.core.Assessor;
import dev.app09.core.model.Application;
import dev.app09.core.model.FederatedIdentityCredential;
import dev.app09.core.model.KeyCredential;
import dev.app09.core.model.PasswordCredential;
import dev.app09.core.model.ServicePrincipal;
import dev.app09.core.model.TenantSnapshot;
import dev.app09.core.report.Report;
import dev.app09.core.rules.Policy;
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
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * How long the rules take over a whole tenant: join, classify, judge, sort. One thread.
 * Run with {@code mvn -B -Pbench -pl app09-core test-compile exec:exec}; figures in BENCHMARKS.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx2g"})
public class AssessorBenchmark {

    private static final Instant AS_OF = Instant.parse("2026-11-26T00:00:00Z");

    @Param({"100000"})
    int workloads;

    TenantSnapshot snapshot;

    @Setup
    public void generate() {
        Random r = new Random(42);
        List<Application> apps = new ArrayList<>();
        List<ServicePrincipal> sps = new ArrayList<>();
        for (int i = 0; i < workloads; i++) {
            UUID appId = new UUID(1, i);
            List<PasswordCredential> secrets = new ArrayList<>();
            List<KeyCredential> keys = new ArrayList<>();
            for (int s = r.nextInt(3); s > 0; s--) {
                Instant start = AS_OF.minus(Duration.ofDays(r.nextInt(700)));
                secrets.add(new PasswordCredential(UUID.randomUUID(), "s", "abc", null, start,
                        start.plus(Duration.ofDays(r.nextInt(800)))));
            }
            for (int k = r.nextInt(3); k > 0; k--) {
                Instant start = AS_OF.minus(Duration.ofDays(r.nextInt(700)));
                keys.add(new KeyCredential(UUID.randomUUID(), "CN=app", null, "AsymmetricX509Cert", "Verify", start,
                        start.plus(Duration.ofDays(365))));
            }
            List<FederatedIdentityCredential> federated = r.nextInt(10) == 0
                    ? List.of(new FederatedIdentityCredential(null, "gh", "https://issuer", "sub", List.of("aud")))
                    : List.of();
            if (i % 2 == 0) {
                apps.add(new Application(UUID.randomUUID(), appId, "app " + i, null, null, secrets, keys, federated));
            }
            sps.add(new ServicePrincipal(UUID.randomUUID(), appId, "sp " + i, "Application",
                    i % 2 == 0 ? null : Policy.MICROSOFT_SERVICES_TENANT, null, null,
                    i % 2 == 0 ? List.of() : secrets, i % 2 == 0 ? List.of() : keys));
        }
        snapshot = TenantSnapshot.of(apps, sps);
    }

    @Benchmark
    public Report assessTenant() {
        return Assessor.assess(snapshot, Policy.defaults(), AS_OF);
    }
}
