package dev.app09.testkit.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.app09.core.model.KeyCredential;
import dev.app09.core.model.PasswordCredential;
import dev.app09.core.model.TenantSnapshot;
import dev.app09.testkit.tenant.FakeTenant;
import dev.app09.testkit.tenant.GeneratedTenant;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class ExportFolderTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void credentials_are_written_as_graph_writes_them(@TempDir Path folder) throws IOException {
        TenantSnapshot tenant = FakeTenant.create().application("Payroll", app -> app
                .secret(s -> s.hint("Xy7"))
                .certificate()
                .federated()).build();

        ExportFolder.write(tenant, folder);

        JsonNode app = JSON.readTree(folder.resolve(ExportFolder.APPLICATIONS).toFile()).path("value").get(0);
        PasswordCredential secret = tenant.applications().get(0).passwordCredentials().get(0);
        KeyCredential certificate = tenant.applications().get(0).keyCredentials().get(0);
        assertThat(app.path("passwordCredentials").get(0).path("secretText").isNull()).isTrue();
        assertThat(app.path("passwordCredentials").get(0).path("hint").asText()).isEqualTo("Xy7");
        assertThat(app.path("passwordCredentials").get(0).path("endDateTime").asText())
                .isEqualTo(secret.endDateTime().toString());
        assertThat(Base64.getDecoder().decode(app.path("keyCredentials").get(0).path("customKeyIdentifier").asText()))
                .isEqualTo(certificate.customKeyIdentifier().bytes());
        assertThat(app.path("keyCredentials").get(0).path("type").asText()).isEqualTo("AsymmetricX509Cert");
        assertThat(app.path("keyCredentials").get(0).path("key").isNull()).isTrue();
        assertThat(app.path("federatedIdentityCredentials").get(0).path("issuer").asText())
                .isEqualTo("https://token.actions.githubusercontent.com");
    }

    @Test
    void optional_files_are_written_only_when_the_tenant_has_them(@TempDir Path folder) throws IOException {
        ExportFolder.write(FakeTenant.create().application("A").build(), folder.resolve("plain"));
        ExportFolder.write(FakeTenant.create().newSecretsBlocked(true).withSignInEvidence().build(), folder.resolve("full"));

        try (var files = Files.list(folder.resolve("plain"))) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder(ExportFolder.APPLICATIONS, ExportFolder.SERVICE_PRINCIPALS);
        }
        assertThat(folder.resolve("full").resolve(ExportFolder.POLICY)).exists();
        assertThat(folder.resolve("full").resolve(ExportFolder.SIGN_INS)).exists();
    }

    @Test
    void an_existing_file_is_never_overwritten(@TempDir Path folder) throws IOException {
        Files.writeString(folder.resolve(ExportFolder.APPLICATIONS), "keep me");

        assertThatThrownBy(() -> ExportFolder.write(FakeTenant.create().build(), folder))
                .isInstanceOf(UncheckedIOException.class).hasMessageContaining(folder.toString());
        assertThat(folder.resolve(ExportFolder.APPLICATIONS)).hasContent("keep me");
    }

    @Test
    void a_refused_export_leaves_no_partial_files(@TempDir Path folder) throws IOException {
        Files.writeString(folder.resolve(ExportFolder.SERVICE_PRINCIPALS), "keep me");

        assertThatThrownBy(() -> ExportFolder.write(FakeTenant.create().application("A").build(), folder))
                .isInstanceOf(UncheckedIOException.class).hasMessageContaining(ExportFolder.SERVICE_PRINCIPALS);
        assertThat(folder.resolve(ExportFolder.APPLICATIONS)).doesNotExist();
        assertThat(folder.resolve(ExportFolder.SERVICE_PRINCIPALS)).hasContent("keep me");
    }

    @Test
    void a_generated_tenant_is_written_object_by_object(@TempDir Path folder) throws IOException {
        ExportFolder.write(GeneratedTenant.of(3_000, 4_000, 5), folder);

        assertThat(JSON.readTree(folder.resolve(ExportFolder.APPLICATIONS).toFile()).path("value").size()).isEqualTo(3_000);
        assertThat(JSON.readTree(folder.resolve(ExportFolder.SERVICE_PRINCIPALS).toFile()).path("value").size())
                .isEqualTo(4_000);
    }
}
