package dev.app09.graph.readme;

import static org.assertj.core.api.Assertions.assertThat;

import dev.app09.graph.TrustingHttpClient;
import dev.app09.graph.cli.CommandRun;
import dev.app09.testkit.server.FakeGraphServer;
import dev.app09.testkit.server.FakeTokenEndpoint;
import dev.app09.testkit.tenant.FakeTenant;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's migration walk-through, run: one application goes from SECRETS_ONLY to CERTIFICATE
 * on the fake Graph (and the fake Entra token endpoint) with the commands the README shows, and
 * every unsafe step on the way is refused with its rule. The README must show these steps exactly.
 */
final class MigrationWalkthroughTest {

    private static final UUID TENANT = UUID.fromString("3f1c2d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f");
    private static final UUID APP = UUID.fromString("6e4b2f10-7c3a-4d5e-9f80-1a2b3c4d5e6f");
    private static final UUID SECRET = UUID.fromString("9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d");
    private static final String PASSWORD = "correct-horse-battery-staple";

    /** One command of the walk-through, what it must exit with, and what its output must say. */
    private record Step(String command, int status, String says) {
        String readme() {
            return "app09 " + command + "\n#   exit " + status + ": " + says;
        }
    }

    static final List<Step> STEPS = List.of(
            new Step("migrate plan --graph-url $GRAPH", 0, "NEEDS_CERTIFICATE       Payroll Export"),
            new Step("migrate retire-secret --graph-url $GRAPH --app-id $APP --key-id $SECRET", 2,
                    "REFUSED  NO_ALTERNATIVE"),
            new Step("cert create --subject CN=payroll-export --out $DIR", 0, "Created CN=payroll-export"),
            new Step("migrate upload-cert --graph-url $GRAPH --app-id $APP --certificate $DIR/payroll-export.cer", 0,
                    "DONE: PATCH of keyCredentials"),
            new Step("migrate plan --graph-url $GRAPH", 0, "CERTIFICATE_UNPROVEN    Payroll Export"),
            new Step("migrate retire-secret --graph-url $GRAPH --app-id $APP --key-id $SECRET", 2,
                    "REFUSED  CERTIFICATE_NOT_PROVEN"),
            new Step("migrate verify --tenant-id $TENANT --client-id $APP --certificate $DIR/payroll-export.pfx"
                    + " --authority-host $ENTRA --out $DIR/payroll-export.verification.json", 0, "app09: verified: client"),
            new Step("migrate retire-secret --graph-url $GRAPH --app-id $APP --key-id $SECRET"
                    + " --verification $DIR/payroll-export.verification.json", 0, "Dry run"),
            new Step("migrate retire-secret --graph-url $GRAPH --app-id $APP --key-id $SECRET"
                    + " --verification $DIR/payroll-export.verification.json --confirm", 0, "DONE: removePassword"),
            new Step("scan --graph-url $GRAPH", 0, "CERTIFICATE        Payroll Export"));

    @Test
    void one_application_goes_from_secrets_only_to_certificate_and_every_unsafe_step_is_refused(@TempDir Path dir)
            throws IOException {
        try (FakeGraphServer graph = FakeGraphServer.start(); FakeTokenEndpoint entra = FakeTokenEndpoint.start(graph)) {
            graph.clock(CommandRun.CLOCK).serve(FakeTenant.create().tenantId(TENANT)
                    .application("Payroll Export", a -> a.appId(APP).secret(s -> s.keyId(SECRET).lastSignInDaysAgo(40)))
                    .build());
            Map<String, String> variables = Map.of("$GRAPH", graph.baseUrl(), "$ENTRA", entra.authorityHost(),
                    "$TENANT", TENANT.toString(), "$APP", APP.toString(), "$SECRET", SECRET.toString(), "$DIR", dir.toString());
            for (Step step : STEPS) {
                String line = step.command();
                for (Map.Entry<String, String> variable : variables.entrySet()) {
                    line = line.replace(variable.getKey(), variable.getValue());
                }
                CommandRun run = CommandRun.withIdentity(Map.of("APP09_PFX_PASSWORD", PASSWORD),
                        TrustingHttpClient.of(entra), line.split(" "));

                assertThat(run.status()).as("app09 %s%n%s", step.command(), run).isEqualTo(step.status());
                assertThat(run.out() + run.err()).as("app09 %s%n%s", step.command(), run).contains(step.says());
            }
            assertThat(graph.snapshot().applications().get(0).passwordCredentials()).isEmpty();
            assertThat(entra.requests()).as("one sign-in, with the new certificate").hasSize(1);
        }
    }

    @Test
    void the_readme_shows_the_walk_through_exactly() throws IOException {
        String readme = Files.readString(Path.of("../README.md"));
        String shown = STEPS.stream().map(Step::readme).collect(Collectors.joining("\n"));

        assertThat(readme).contains(shown);
    }
}
