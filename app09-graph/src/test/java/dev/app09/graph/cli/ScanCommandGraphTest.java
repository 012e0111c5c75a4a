package dev.app09.graph.cli;

import static dev.app09.graph.cli.SampleExports.promisedByAppId;
import static dev.app09.graph.cli.SampleExports.verdictsByAppId;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.app09.core.rules.Verdict;
import dev.app09.testkit.junit.FakeGraphExtension;
import dev.app09.testkit.server.Endpoint;
import dev.app09.testkit.server.Fault;
import dev.app09.testkit.tenant.SampleTenant;
import dev.app09.testkit.tenant.SampleTenants;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code app09 scan --graph-url}: the same verdicts as an export, and what Graph's failures do to the scan. */
final class ScanCommandGraphTest {

    @RegisterExtension
    static final FakeGraphExtension graph = FakeGraphExtension.create();

    private static final SampleTenant CONTOSO = SampleTenants.contoso();

    private static CommandRun scan(String... options) {
        return CommandRun.of(Stream.concat(Stream.of("scan", "--graph-url", graph.baseUrl(),
                "--as-of", "2026-06-01T00:00:00Z"), Stream.of(options)).toList());
    }

    @Nested
    class Verdicts {

        @Test
        void every_contoso_workload_gets_the_verdict_the_sample_promises() {
            graph.serve(CONTOSO.tenant());
            Path exceptions = SampleExports.checkedInExceptions(CONTOSO);

            CommandRun run = scan("--sign-in-evidence", "--exceptions", exceptions.toString(), "--format", "json");

            assertThat(verdictsByAppId(run.json())).as("%s", run).isEqualTo(promisedByAppId(CONTOSO));
            assertThat(run.status()).isEqualTo(ExitCode.FAILING);
        }

        @Test
        void sign_in_evidence_read_from_graph_gives_the_usage_findings() {
            graph.serve(CONTOSO.tenant());

            CommandRun run = scan("--sign-in-evidence", "--format", "json");

            assertThat(run.json().findValuesAsText("code")).contains("SECRET_IN_USE", "SECRET_UNUSED", "CERTIFICATE_UNUSED");
        }

        @Test
        void a_passing_tenant_exits_0() {
            graph.serve(SampleTenants.forVerdict(Verdict.CERTIFICATE).tenant());

            CommandRun run = scan();

            assertThat(run.status()).as("%s", run).isEqualTo(ExitCode.PASS);
        }
    }

    @Nested
    class Failures {

        @Test
        void applications_failing_for_good_make_the_scan_incomplete_with_exit_status_3() {
            graph.serve(CONTOSO.tenant()).inject(Fault.status(500).on(Endpoint.APPLICATIONS));

            CommandRun run = scan("--format", "json");

            assertThat(run.status()).as("%s", run).isEqualTo(ExitCode.INCOMPLETE);
        }

        @Test
        void an_incomplete_scan_still_writes_the_json_report_naming_the_failed_collection() {
            graph.serve(CONTOSO.tenant()).inject(Fault.status(500).on(Endpoint.APPLICATIONS));

            JsonNode report = scan("--format", "json").json();

            assertThat(report.get("complete").asBoolean()).isFalse();
            assertThat(report.get("problems")).anySatisfy(problem -> {
                assertThat(problem.get("impact").asText()).isEqualTo("INCOMPLETE");
                assertThat(problem.get("source").asText()).isEqualTo("applications");
                assertThat(problem.get("message").asText()).contains("HTTP 500");
            });
        }

        @Test
        void an_incomplete_scan_says_so_on_standard_error() {
            graph.serve(CONTOSO.tenant()).inject(Fault.status(500).on(Endpoint.APPLICATIONS));

            CommandRun run = scan("--format", "json");

            assertThat(run.err()).contains("incomplete: applications:")
                    .contains("app09: the scan was incomplete; the report lists the problems");
        }

        @Test
        void an_incomplete_table_never_says_pass() {
            graph.serve(SampleTenants.forVerdict(Verdict.CERTIFICATE).tenant()).inject(Fault.status(500).on(Endpoint.APPLICATIONS));

            CommandRun run = scan();

            assertThat(run.status()).isEqualTo(ExitCode.INCOMPLETE);
            assertThat(run.out()).contains("INCOMPLETE").doesNotContain("PASS");
        }

        @Test
        void an_unreadable_policy_and_sign_in_report_are_warnings_and_the_scan_stays_complete() {
            graph.serve(SampleTenants.forVerdict(Verdict.CERTIFICATE).tenant())
                    .inject(Fault.status(403).on(Endpoint.APP_MANAGEMENT_POLICY))
                    .inject(Fault.status(403).on(Endpoint.SIGN_IN_ACTIVITIES));

            CommandRun run = scan("--sign-in-evidence", "--format", "json");

            assertThat(run.status()).as("%s", run).isEqualTo(ExitCode.PASS);
            assertThat(run.json().get("complete").asBoolean()).isTrue();
            assertThat(run.json().get("problems").findValuesAsText("impact")).containsOnly("WARNING");
            assertThat(run.json().get("problems").findValuesAsText("source"))
                    .containsExactlyInAnyOrder("defaultAppManagementPolicy", "appCredentialSignInActivities");
        }

        @Test
        void the_warnings_say_which_permission_is_missing() {
            graph.serve(SampleTenants.forVerdict(Verdict.CERTIFICATE).tenant())
                    .inject(Fault.status(403).on(Endpoint.APP_MANAGEMENT_POLICY))
                    .inject(Fault.status(403).on(Endpoint.SIGN_IN_ACTIVITIES));

            CommandRun run = scan("--sign-in-evidence", "--format", "json");

            assertThat(run.json().get("problems").findValuesAsText("message"))
                    .anySatisfy(message -> assertThat(message).contains("Policy.Read.All").contains("HTTP 403"))
                    .anySatisfy(message -> assertThat(message).contains("AuditLog.Read.All").contains("HTTP 403"));
            assertThat(run.err()).contains("warning: defaultAppManagementPolicy:")
                    .contains("warning: appCredentialSignInActivities:");
        }

        @Test
        void failing_workloads_still_exit_1_when_only_warnings_occurred() {
            graph.serve(CONTOSO.tenant()).inject(Fault.status(403).on(Endpoint.APP_MANAGEMENT_POLICY));

            CommandRun run = scan("--format", "json");

            assertThat(run.status()).as("%s", run).isEqualTo(ExitCode.FAILING);
            assertThat(run.json().get("tenantFindings")).isEmpty();
        }
    }

    @Nested
    class Progress {

        @Test
        void each_page_read_gets_a_plain_line_on_standard_error() {
            graph.serve(CONTOSO.tenant());

            CommandRun run = scan("--format", "json");

            assertThat(run.err().lines()).contains(
                    "read applications page 1: 15 objects (15 in all)",
                    "read servicePrincipals page 1: 20 objects (20 in all)");
            assertThat(run.err()).doesNotContain("\r");
        }

        @Test
        void a_throttled_request_gets_a_retry_line_and_the_scan_completes() {
            graph.serve(CONTOSO.tenant()).inject(Fault.throttled(Duration.ofSeconds(1)).on(Endpoint.APPLICATIONS).times(1));

            CommandRun run = scan("--format", "json");

            assertThat(run.err().lines()).anySatisfy(line ->
                    assertThat(line).startsWith("retrying applications page 1 in 1 s (retry 1): HTTP 429"));
            assertThat(run.err().lines().filter(line -> line.startsWith("read applications page 1"))).hasSize(1);
            assertThat(run.status()).isEqualTo(ExitCode.FAILING);
            assertThat(run.json().get("problems")).isEmpty();
        }

        @Test
        void a_report_on_standard_output_carries_no_progress() {
            graph.serve(CONTOSO.tenant());

            CommandRun run = scan("--format", "json");

            assertThat(run.out()).doesNotContain("read applications");
            assertThat(run.json().get("complete").asBoolean()).isTrue();
        }
    }
}
