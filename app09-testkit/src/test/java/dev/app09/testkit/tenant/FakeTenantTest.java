package dev.app09.testkit.tenant;

import static dev.app09.core.rules.FindingCode.NEW_SECRETS_BLOCKED;
import static dev.app09.core.rules.FindingCode.SECRET_ON_SERVICE_PRINCIPAL;
import static dev.app09.core.rules.FindingCode.SIGNING_CREDENTIALS_IGNORED;
import static dev.app09.core.rules.FindingCode.SYMMETRIC_KEY;
import static dev.app09.testkit.App09Assertions.assertThat;
import static dev.app09.testkit.App09Assertions.assertThatThrownBy;

import dev.app09.core.Assessor;
import dev.app09.core.model.CredentialSignIn;
import dev.app09.core.model.PasswordCredential;
import dev.app09.core.model.ServicePrincipal;
import dev.app09.core.model.TenantSnapshot;
import dev.app09.core.report.Report;
import dev.app09.core.rules.Origin;
import dev.app09.core.rules.Policy;
import dev.app09.core.rules.Verdict;
import dev.app09.testkit.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

final class FakeTenantTest {

    private static Report assess(FakeTenant tenant) {
        return Assessor.assess(tenant.build(), Policy.defaults().withListAllWorkloads(true), tenant.now());
    }

    @Test
    void a_default_secret_is_live_and_within_the_maximum_lifetime() {
        PasswordCredential secret = FakeTenant.create().application("Payroll", app -> app.secret()).build()
                .applications().get(0).passwordCredentials().get(0);

        assertThat(secret.startDateTime()).isBefore(TestClock.DEFAULT_INSTANT);
        assertThat(secret.endDateTime()).isAfter(TestClock.DEFAULT_INSTANT);
        assertThat(Duration.between(secret.startDateTime(), secret.endDateTime()))
                .isLessThan(Policy.defaults().maxSecretLifetime());
    }

    @Test
    void an_application_gets_a_service_principal_with_its_app_id_owned_by_the_tenant() {
        TenantSnapshot tenant = FakeTenant.create().application("Payroll", app -> app.appId(new UUID(1, 2))).build();

        ServicePrincipal sp = tenant.servicePrincipals().get(0);
        assertThat(sp.appId()).isEqualTo(new UUID(1, 2));
        assertThat(sp.appOwnerOrganizationId()).isEqualTo(tenant.tenantId());
        assertThat(sp.servicePrincipalType()).isEqualTo("Application");
    }

    @Test
    void the_same_build_steps_give_the_same_tenant() {
        FakeTenant first = FakeTenant.create().application("A", app -> app.secret().certificate().federated());
        FakeTenant second = FakeTenant.create().application("A", app -> app.secret().certificate().federated());

        assertThat(first.build()).isEqualTo(second.build());
    }

    @Test
    void differently_named_tenants_share_no_ids() {
        TenantSnapshot contoso = FakeTenant.named("contoso", TestClock.DEFAULT_INSTANT).application("A").build();
        TenantSnapshot fabrikam = FakeTenant.named("fabrikam", TestClock.DEFAULT_INSTANT).application("A").build();

        assertThat(contoso.tenantId()).isNotEqualTo(fabrikam.tenantId());
        assertThat(contoso.applications().get(0).appId()).isNotEqualTo(fabrikam.applications().get(0).appId());
    }

    @Test
    void a_secret_alone_is_secrets_only() {
        assertThat(assess(FakeTenant.create().application("Payroll", app -> app.secret())))
                .workload("Payroll").hasVerdict(Verdict.SECRETS_ONLY).hasSecretCount(1).hasCertificateCount(0);
    }

    @Test
    void a_secret_on_the_service_principal_is_flagged_there() {
        assertThat(assess(FakeTenant.create().application("HR", app -> app.certificate()
                .servicePrincipal(sp -> sp.secret()))))
                .workload("HR").hasFindings(SECRET_ON_SERVICE_PRINCIPAL);
    }

    @Test
    void a_symmetric_key_counts_as_a_secret() {
        assertThat(assess(FakeTenant.create().application("Fax", app -> app.symmetricKey())))
                .workload("Fax").hasVerdict(Verdict.SECRETS_ONLY).hasFindings(SYMMETRIC_KEY);
    }

    @ParameterizedTest
    @EnumSource(SamlStyle.class)
    void every_saml_style_is_recognised_as_signing_and_not_as_a_client_credential(SamlStyle style) {
        assertThat(assess(FakeTenant.create().application("SSO", app -> app
                .servicePrincipal(sp -> sp.singleSignOnMode("saml").samlSigningCertificate(style)))))
                .workload("SSO").hasVerdict(Verdict.NO_CREDENTIALS).hasOnlyFindings(SIGNING_CREDENTIALS_IGNORED);
    }

    @Test
    void a_saml_application_names_its_signing_key_thumbprint() {
        ServicePrincipal sp = FakeTenant.create().externalApp("Zoom", s -> s.saml()).build().servicePrincipals().get(0);

        assertThat(sp.preferredSingleSignOnMode()).isEqualTo("saml");
        assertThat(sp.preferredTokenSigningKeyThumbprint()).hasSize(40).isUpperCase();
    }

    @Test
    void service_principals_without_an_application_have_the_origin_of_their_owner() {
        Report report = assess(FakeTenant.create()
                .microsoftApp("Graph", sp -> sp.certificate())
                .externalApp("Zoom", sp -> sp.secret())
                .managedIdentity("vm", sp -> sp.certificate()));

        assertThat(report).workload("Graph").hasOrigin(Origin.MICROSOFT);
        assertThat(report).workload("Zoom").hasOrigin(Origin.EXTERNAL).hasVerdict(Verdict.SECRETS_ONLY);
        assertThat(report).workload("vm").hasOrigin(Origin.MANAGED_IDENTITY).hasVerdict(Verdict.NOT_APPLICABLE);
    }

    @Test
    void relative_dates_count_from_the_tenant_instant() {
        Instant now = Instant.parse("2030-01-01T00:00:00Z");
        PasswordCredential secret = FakeTenant.at(now).application("A", app -> app.secret(s -> s.expiredDaysAgo(3)))
                .build().applications().get(0).passwordCredentials().get(0);

        assertThat(secret.endDateTime()).isEqualTo(Instant.parse("2029-12-29T00:00:00Z"));
    }

    @Test
    void sign_ins_become_evidence_rows_with_app_id_and_origin() {
        TenantSnapshot tenant = FakeTenant.create().application("Billing", app -> app
                .secret(s -> s.lastSignInDaysAgo(2))
                .servicePrincipal(sp -> sp.certificate(c -> c.neverSignedIn()))).build();

        assertThat(tenant.signInEvidence()).isNotNull();
        assertThat(tenant.signInEvidence().signIns()).extracting(CredentialSignIn::keyType,
                        CredentialSignIn::credentialOrigin, CredentialSignIn::lastSignIn, CredentialSignIn::appId)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("clientSecret", "application",
                                TestClock.DEFAULT_INSTANT.minus(Duration.ofDays(2)), tenant.applications().get(0).appId()),
                        org.assertj.core.groups.Tuple.tuple("certificate", "servicePrincipal", null,
                                tenant.applications().get(0).appId()));
    }

    @Test
    void evidence_is_absent_unless_a_credential_or_the_tenant_asks_for_it() {
        assertThat(FakeTenant.create().application("A", app -> app.secret()).build().signInEvidence()).isNull();
        assertThat(FakeTenant.create().withSignInEvidence().build().signInEvidence().signIns()).isEmpty();
    }

    @Test
    void a_blocking_policy_gives_the_tenant_finding() {
        assertThat(assess(FakeTenant.create().newSecretsBlocked(true))).hasTenantFinding(NEW_SECRETS_BLOCKED);
    }

    @Test
    void the_tenant_id_cannot_change_once_applications_belong_to_it() {
        FakeTenant tenant = FakeTenant.create().application("A");

        assertThatThrownBy(() -> tenant.tenantId(UUID.randomUUID())).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("before adding applications");
    }

    @Test
    void the_service_principal_of_an_application_takes_its_app_id_from_the_application_only() {
        assertThatThrownBy(() -> FakeTenant.create().application("A", app -> app
                .servicePrincipal(sp -> sp.appId(UUID.randomUUID())))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ApplicationSpec.appId");
    }

    @Test
    void an_application_without_service_principal_cannot_be_given_credentials_there() {
        assertThatThrownBy(() -> FakeTenant.create().application("A", app -> app.withoutServicePrincipal()
                .servicePrincipal(sp -> sp.secret()))).isInstanceOf(IllegalStateException.class);
    }
}
