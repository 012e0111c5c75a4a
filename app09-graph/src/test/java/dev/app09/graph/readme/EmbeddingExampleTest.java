package dev.app09.graph.readme;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import dev.app09.core.Assessor;
import dev.app09.core.model.TenantSnapshot;
import dev.app09.core.report.Report;
import dev.app09.core.rules.Policy;
import dev.app09.core.rules.Verdict;
import dev.app09.graph.GraphReader;
import dev.app09.graph.json.JsonReport;
import dev.app09.testkit.TestClock;
import dev.app09.testkit.junit.FakeGraphExtension;
import dev.app09.testkit.server.RecordedRequest;
import dev.app09.testkit.tenant.SampleTenants;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Mono;

/** The README's embedding example runs, with a credential, against the fake Graph. */
final class EmbeddingExampleTest {

    @RegisterExtension
    static final FakeGraphExtension graph = FakeGraphExtension.create();

    // README-EMBED-START
    static Report scan(TokenCredential credential, URI graphRoot, Instant asOf, PrintStream out) {
        TenantSnapshot tenant = GraphReader.builder()
                .graphRoot(graphRoot)
                .credential(credential)      // any azure-identity credential: certificate, managed identity, ...
                .signInEvidence(true)        // optional: needs AuditLog.Read.All
                .build()
                .read();                     // Graph's failures become tenant.problems(), never exceptions
        Report report = Assessor.assess(tenant, Policy.defaults(), asOf);
        JsonReport.write(report, out);       // or CsvReport, MarkdownReport, TextReport
        return report;                       // report.passes() is false when incomplete or failing
    }
    // README-EMBED-END

    @Test
    void the_embedding_example_reads_with_the_credential_and_judges_the_tenant() {
        graph.serve(SampleTenants.contoso().tenant());
        TokenCredential credential = request -> Mono.just(new AccessToken("example-token", OffsetDateTime.now().plusHours(1)));
        ByteArrayOutputStream json = new ByteArrayOutputStream();

        Report report = scan(credential, URI.create(graph.baseUrl()), TestClock.DEFAULT_INSTANT,
                new PrintStream(json, true, StandardCharsets.UTF_8));

        assertThat(report.complete()).isTrue();
        assertThat(report.passes()).isFalse();
        assertThat(report.summary().count(Verdict.FEDERATED)).isOne();
        assertThat(graph.server().journal().requests()).isNotEmpty().allMatch(RecordedRequest::authorized);
        assertThat(json.toString(StandardCharsets.UTF_8)).contains("\"control\"").contains("GitHub Deployer")
                .doesNotContain("example-token");
    }
}
