package dev.app09.core.report;

import static dev.app09.core.Fixtures.AS_OF;
import static dev.app09.core.Fixtures.activeCertificate;
import static dev.app09.core.Fixtures.app;
import static dev.app09.core.Fixtures.id;
import static dev.app09.core.Fixtures.liveSecret;
import static org.assertj.core.api.Assertions.assertThat;

import dev.app09.core.Assessor;
import dev.app09.core.model.CredentialSignIn;
import dev.app09.core.model.PasswordCredential;
import dev.app09.core.model.SignInEvidence;
import dev.app09.core.model.TenantSnapshot;
import dev.app09.core.rules.Policy;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The guidance's verification checklist, ticked from the report. */
final class ChecklistTest {

    private static ChecklistItem.State state(Report report, String startOfText) {
        return report.checklist().stream().filter(i -> i.text().startsWith(startOfText)).findFirst().orElseThrow().state();
    }

    private static Report oneApp(Object... credentials) {
        return Assessor.assess(TenantSnapshot.of(List.of(app(id(1), "A", credentials)), List.of()), Policy.defaults(), AS_OF);
    }

    @Test
    void a_clean_tenant_ticks_the_steps_the_report_can_prove() {
        Report report = oneApp(activeCertificate());
        assertThat(state(report, "All applications")).isEqualTo(ChecklistItem.State.DONE);
        assertThat(state(report, "No application relies")).isEqualTo(ChecklistItem.State.DONE);
        assertThat(state(report, "Client secrets are removed")).isEqualTo(ChecklistItem.State.DONE);
        assertThat(state(report, "Certificates are uploaded")).isEqualTo(ChecklistItem.State.MANUAL);
        assertThat(state(report, "Each application authenticates")).isEqualTo(ChecklistItem.State.MANUAL);
    }

    @Test
    void a_secrets_only_workload_leaves_the_control_step_open() {
        Report report = oneApp(liveSecret());
        assertThat(state(report, "No application relies")).isEqualTo(ChecklistItem.State.OPEN);
        assertThat(state(report, "Client secrets are removed")).isEqualTo(ChecklistItem.State.OPEN);
    }

    @Test
    void evidence_of_a_secret_in_use_beside_an_unused_certificate_leaves_authentication_open() {
        PasswordCredential secret = liveSecret();
        TenantSnapshot snapshot = TenantSnapshot.of(List.of(app(id(1), "A", secret, activeCertificate())), List.of())
                .withSignInEvidence(SignInEvidence.of(List.of(
                        new CredentialSignIn(secret.keyId(), null, "clientSecret", "application", AS_OF.minusSeconds(60)))));
        Report report = Assessor.assess(snapshot, Policy.defaults(), AS_OF);
        assertThat(state(report, "Each application authenticates")).isEqualTo(ChecklistItem.State.OPEN);
    }
}
