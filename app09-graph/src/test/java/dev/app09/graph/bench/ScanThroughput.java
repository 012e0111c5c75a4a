package dev.app09.graph.bench;

import dev.app09.core.Assessor;
import dev.app09.core.model.TenantSnapshot;
import dev.app09.core.report.Report;
import dev.app09.core.rules.Policy;
import dev.app09.graph.GraphReader;
import dev.app09.graph.json.JsonReport;
import dev.app09.testkit.TestClock;
import dev.app09.testkit.server.FakeGraphServer;
import dev.app09.testkit.tenant.GeneratedTenant;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;

/**
 * A whole scan of a generated tenant over HTTP: the Graph reader reads both collections from the
 * fake Graph (same JVM), the rules judge it, the JSON report is written (to nowhere). Prints
 * requests, time, objects per second and the peak heap. Not a test: run it with
 * {@code mvn -B -q install -DskipTests} then {@code mvn -B -Pbench -pl app09-graph test-compile exec:exec}
 * (arguments: applications, service principals; default 500,000 each).
 */
public final class ScanThroughput {

    private ScanThroughput() {
    }

    public static void main(String[] given) {
        // exec:exec passes -Dbench.args as one argument
        String[] args = given.length == 1 ? given[0].trim().split("\\s+") : given;
        int applications = args.length > 0 ? Integer.parseInt(args[0]) : 500_000;
        int servicePrincipals = args.length > 1 ? Integer.parseInt(args[1]) : 500_000;
        try (FakeGraphServer graph = FakeGraphServer.start(GeneratedTenant.of(applications, servicePrincipals, 42))) {
            for (int round = 1; round <= 3; round++) {
                graph.journal().clear();
                long start = System.nanoTime();
                TenantSnapshot tenant = GraphReader.builder().graphRoot(URI.create(graph.baseUrl())).build().read();
                long read = System.nanoTime();
                Report report = Assessor.assess(tenant, Policy.defaults(), TestClock.DEFAULT_INSTANT);
                JsonReport.write(report, OutputStream.nullOutputStream());
                long done = System.nanoTime();
                long objects = tenant.applications().size() + (long) tenant.servicePrincipals().size();
                System.out.printf("round %d: %,d objects, complete %s, %,d requests; read %,d ms, judged and written %,d ms; "
                                + "%,.0f objects/s; %d failing%n",
                        round, objects, tenant.complete(), graph.journal().count(),
                        (read - start) / 1_000_000, (done - read) / 1_000_000,
                        objects * 1e9 / (done - start), report.summary().failing());
            }
        }
        long peak = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP)
                .mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
        System.out.printf("max heap %,d MiB; peak heap used (sum of pool peaks) %,d MiB%n",
                Runtime.getRuntime().maxMemory() >> 20, peak >> 20);
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                System.out.printf("  %s peak %,d MiB%n", pool.getName(), pool.getPeakUsage().getUsed() >> 20);
            }
        }
    }
}
