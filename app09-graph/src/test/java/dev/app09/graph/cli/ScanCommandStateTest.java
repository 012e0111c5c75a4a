package dev.app09.graph.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.app09.core.model.Application;
import dev.app09.core.model.PasswordCredential;
import dev.app09.graph.json.ScanStateFile;
import dev.app09.testkit.junit.FakeGraphExtension;
import dev.app09.testkit.tenant.SampleTenant;
import dev.app09.testkit.tenant.SampleTenants;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code app09 scan --state DIR}: incremental rescans from the command line. */
final class ScanCommandStateTest {

    @RegisterExtension
    static final FakeGraphExtension graph = FakeGraphExtension.create();

    private static final SampleTenant CONTOSO = SampleTenants.contoso();

    @TempDir
    Path dir;

    private static CommandRun scan(String... options) {
        return CommandRun.of(Stream.concat(Stream.of("scan", "--graph-url", graph.baseUrl(),
                "--as-of", "2026-06-01T00:00:00Z"), Stream.of(options)).toList());
    }

    @Test
    void a_rescan_after_a_change_gives_the_report_a_full_scan_gives() {
        graph.serve(CONTOSO.tenant());
        Path state = dir.resolve("state");
        CommandRun first = scan("--state", state.toString(), "--format", "json");
        Application certificateOnly = CONTOSO.tenant().applications().stream()
                .filter(a -> a.passwordCredentials().isEmpty() && !a.keyCredentials().isEmpty()).findFirst().orElseThrow();
        graph.server().changeApplication(certificateOnly.id(), a -> {
            List<PasswordCredential> passwords = new ArrayList<>(a.passwordCredentials());
            passwords.add(new PasswordCredential(UUID.randomUUID(), "added", "ab1", null,
                    Instant.parse("2026-05-01T00:00:00Z"), Instant.parse("2026-08-01T00:00:00Z")));
            return new Application(a.id(), a.appId(), a.displayName(), a.createdDateTime(), a.signInAudience(),
                    passwords, a.keyCredentials(), a.federatedIdentityCredentials());
        });

        CommandRun rescan = scan("--state", state.toString(), "--format", "json");
        CommandRun full = scan("--format", "json");

        assertThat(first.status()).as("%s", first).isEqualTo(ExitCode.FAILING);
        assertThat(rescan.json()).as("%s", rescan).isEqualTo(full.json());
        assertThat(rescan.json()).isNotEqualTo(first.json());
        assertThat(rescan.status()).isEqualTo(full.status());
    }

    @Test
    void a_corrupt_state_is_refused_with_the_way_to_start_over_and_fresh_state_does() throws IOException {
        graph.serve(CONTOSO.tenant());
        Path state = dir.resolve("state");
        scan("--state", state.toString(), "--format", "csv");
        Files.write(ScanStateFile.in(state), "not gzip at all".getBytes());

        CommandRun refused = scan("--state", state.toString(), "--format", "csv");
        CommandRun fresh = scan("--state", state.toString(), "--fresh-state", "--format", "csv");

        assertThat(refused.status()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(refused.err()).contains(ScanStateFile.in(state).toString(), "corrupt", "--fresh-state")
                .doesNotContain("Exception", "\tat ");
        assertThat(refused.out()).isEmpty();
        assertThat(fresh.status()).as("%s", fresh).isEqualTo(ExitCode.FAILING);
        assertThat(fresh.out()).isEqualTo(scan("--format", "csv").out());
    }

    @Test
    void fresh_state_needs_state_and_state_needs_graph() {
        CommandRun alone = scan("--fresh-state");
        CommandRun export = CommandRun.of("scan", "--export", dir.toString(), "--state", dir.resolve("s").toString());

        assertThat(alone.status()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(alone.err()).contains("--fresh-state goes with --state");
        assertThat(export.status()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(export.err()).contains("--state", "--graph-url");
    }

    @Test
    void a_live_tenant_named_by_domain_cannot_keep_a_state() {
        CommandRun run = CommandRun.of("scan", "--tenant-id", "contoso.onmicrosoft.com", "--default-credential",
                "--state", dir.resolve("s").toString());

        assertThat(run.status()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err()).contains("--tenant-id as the tenant's id (a GUID)");
    }

    @Test
    void a_state_folder_that_cannot_be_made_is_bad_input_naming_it() throws IOException {
        graph.serve(CONTOSO.tenant());
        Path file = Files.writeString(dir.resolve("not-a-folder"), "x");

        CommandRun run = scan("--state", file.toString(), "--format", "csv");

        assertThat(run.status()).as("%s", run).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err()).contains("--state " + file).doesNotContain("\tat ");
        assertThat(run.out()).isEmpty();
    }
}
