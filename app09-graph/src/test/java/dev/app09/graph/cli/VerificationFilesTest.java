package dev.app09.graph.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.identity.DefaultAzureCredentialBuilder;
import dev.app09.core.migration.MigrationEvidence;
import dev.app09.core.model.TenantSnapshot;
import dev.app09.graph.GraphConnection;
import dev.app09.graph.RetryPolicy;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The evidence the migrate commands hand the rules: which identity endpoint a verification must come from. */
final class VerificationFilesTest {

    private static final TenantSnapshot EMPTY = TenantSnapshot.of(List.of(), List.of());
    private static final Console CONSOLE = new Console(new PrintStream(new ByteArrayOutputStream(), true,
            StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), Map.of(), false);

    @Test
    void a_live_tenant_in_the_global_cloud_expects_verifications_from_its_identity_endpoint() {
        GraphConnection global = GraphConnection.global(new DefaultAzureCredentialBuilder().build());

        MigrationEvidence evidence = VerificationFiles.evidence(List.of(), EMPTY, global, RetryPolicy.defaults(), CommandRun.CLOCK, CONSOLE);

        assertThat(evidence.expectedAuthority()).isEqualTo("https://login.microsoftonline.com");
    }

    @Test
    void a_us_government_tenant_expects_its_own_endpoint() {
        GraphConnection us = GraphConnection.to(URI.create("https://graph.microsoft.us"),
                new DefaultAzureCredentialBuilder().build());

        assertThat(VerificationFiles.evidence(List.of(), EMPTY, us, RetryPolicy.defaults(), CommandRun.CLOCK, CONSOLE).expectedAuthority())
                .isEqualTo("https://login.microsoftonline.us");
    }

    @Test
    void a_local_fake_or_an_export_expects_no_particular_endpoint() {
        GraphConnection local = GraphConnection.local(URI.create("http://127.0.0.1:9"));

        assertThat(VerificationFiles.evidence(List.of(), EMPTY, local, RetryPolicy.defaults(), CommandRun.CLOCK, CONSOLE).expectedAuthority()).isNull();
        assertThat(VerificationFiles.evidence(List.of(), EMPTY, null, RetryPolicy.defaults(), CommandRun.CLOCK, CONSOLE).expectedAuthority()).isNull();
    }
}
