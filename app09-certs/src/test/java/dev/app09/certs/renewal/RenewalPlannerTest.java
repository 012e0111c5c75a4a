package dev.app09.certs.renewal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.tuple;

import dev.app09.core.model.TenantSnapshot;
import dev.app09.core.rules.CredentialLocation;
import dev.app09.core.rules.Policy;
import dev.app09.testkit.TestClock;
import dev.app09.testkit.tenant.FakeTenant;
import dev.app09.testkit.tenant.SamlStyle;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

final class RenewalPlannerTest {

    private static final Instant NOW = TestClock.DEFAULT_INSTANT;
    private static final Duration WARNING = Policy.defaults().expiryWarning();

    private static RenewalSchedule plan(FakeTenant tenant) {
        return RenewalPlanner.plan(tenant.build(), Policy.defaults(), NOW);
    }

    private static CertificateRenewal renewalOf(RenewalSchedule schedule, String certificateName) {
        return schedule.renewals().stream()
                .filter(r -> certificateName.equals(r.certificateDisplayName()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no entry for " + certificateName + " in " + schedule));
    }

    @Test
    void renew_by_is_the_end_minus_the_expiry_warning() {
        TenantSnapshot tenant = FakeTenant.create()
                .application("Billing API", app -> app.certificate(c -> c.displayName("CN=billing").endsInDays(200)))
                .build();

        RenewalSchedule schedule = RenewalPlanner.plan(tenant, Policy.defaults().withExpiryWarning(Duration.ofDays(45)), NOW);

        assertThat(schedule.expiryWarning()).isEqualTo(Duration.ofDays(45));
        assertThat(schedule.renewals()).singleElement().satisfies(r -> {
            assertThat(r.end()).isEqualTo(NOW.plus(Duration.ofDays(200)));
            assertThat(r.renewBy()).isEqualTo(NOW.plus(Duration.ofDays(155)));
        });
    }

    @Test
    void an_entry_names_the_workload_the_object_and_the_certificate() {
        UUID appId = UUID.fromString("0b5e0000-0000-4000-8000-000000000001");
        UUID keyId = UUID.fromString("0b5e0000-0000-4000-8000-0000000000c1");

        RenewalSchedule schedule = plan(FakeTenant.create().application("Billing API", app -> app.appId(appId)
                .servicePrincipal(sp -> sp.certificate(c -> c.keyId(keyId).displayName("CN=billing")))));

        assertThat(schedule.renewals()).singleElement().satisfies(r -> {
            assertThat(r.appId()).isEqualTo(appId);
            assertThat(r.displayName()).isEqualTo("Billing API");
            assertThat(r.location()).isEqualTo(CredentialLocation.SERVICE_PRINCIPAL);
            assertThat(r.keyId()).isEqualTo(keyId.toString());
            assertThat(r.certificateDisplayName()).isEqualTo("CN=billing");
        });
    }

    @Test
    void a_lone_certificate_whose_renew_by_date_is_ahead_is_planned() {
        RenewalSchedule schedule = plan(FakeTenant.create()
                .application("Billing API", app -> app.certificate(c -> c.endsInDays(200))));

        assertThat(schedule.renewals()).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(RenewalStatus.PLANNED);
            assertThat(r.successorKeyId()).isNull();
        });
    }

    @Test
    void a_lone_certificate_inside_the_warning_window_is_due() {
        RenewalSchedule schedule = plan(FakeTenant.create()
                .application("Billing API", app -> app.certificate(c -> c.endsInDays(10))));

        assertThat(schedule.renewals()).singleElement()
                .extracting(CertificateRenewal::status).isEqualTo(RenewalStatus.DUE);
    }

    @Test
    void a_certificate_whose_renew_by_date_is_exactly_now_is_due() {
        RenewalSchedule schedule = plan(FakeTenant.create()
                .application("Billing API", app -> app.certificate(c -> c.end(NOW.plus(WARNING)))));

        assertThat(schedule.renewals()).singleElement().satisfies(r -> {
            assertThat(r.renewBy()).isEqualTo(NOW);
            assertThat(r.status()).isEqualTo(RenewalStatus.DUE);
        });
    }

    @Test
    void a_certificate_whose_renew_by_date_is_one_nanosecond_away_is_planned() {
        RenewalSchedule schedule = plan(FakeTenant.create()
                .application("Billing API", app -> app.certificate(c -> c.end(NOW.plus(WARNING).plusNanos(1)))));

        assertThat(schedule.renewals()).singleElement()
                .extracting(CertificateRenewal::status).isEqualTo(RenewalStatus.PLANNED);
    }

    @Test
    void a_later_certificate_on_the_service_principal_renews_one_on_the_application() {
        RenewalSchedule schedule = plan(FakeTenant.create().application("Billing API", app -> app
                .certificate(c -> c.displayName("CN=old").endsInDays(10))
                .servicePrincipal(sp -> sp.certificate(c -> c.displayName("CN=new").endsInDays(400)))));

        CertificateRenewal old = renewalOf(schedule, "CN=old");
        CertificateRenewal successor = renewalOf(schedule, "CN=new");
        assertThat(old.status()).isEqualTo(RenewalStatus.RENEWED);
        assertThat(old.successorKeyId()).isEqualTo(successor.keyId());
        assertThat(successor.location()).isEqualTo(CredentialLocation.SERVICE_PRINCIPAL);
    }

    @Test
    void a_later_certificate_on_the_application_renews_one_on_the_service_principal() {
        RenewalSchedule schedule = plan(FakeTenant.create().application("Billing API", app -> app
                .certificate(c -> c.displayName("CN=new").endsInDays(400))
                .servicePrincipal(sp -> sp.certificate(c -> c.displayName("CN=old").endsInDays(10)))));

        assertThat(renewalOf(schedule, "CN=old").successorKeyId()).isEqualTo(renewalOf(schedule, "CN=new").keyId());
    }

    @Test
    void a_not_yet_valid_certificate_that_ends_later_is_a_successor() {
        RenewalSchedule schedule = plan(FakeTenant.create().application("Billing API", app -> app
                .certificate(c -> c.displayName("CN=old").endsInDays(10))
                .certificate(c -> c.displayName("CN=next").startedDaysAgo(-5).endsInDays(400))));

        assertThat(renewalOf(schedule, "CN=old").successorKeyId()).isEqualTo(renewalOf(schedule, "CN=next").keyId());
    }

    @Test
    void a_not_yet_valid_certificate_is_scheduled_like_an_active_one() {
        RenewalSchedule schedule = plan(FakeTenant.create().application("Billing API", app -> app
                .certificate(c -> c.displayName("CN=next").startedDaysAgo(-5).endsInDays(400))));

        assertThat(renewalOf(schedule, "CN=next").status()).isEqualTo(RenewalStatus.PLANNED);
    }

    @Test
    void an_expired_certificate_is_not_scheduled() {
        RenewalSchedule schedule = plan(FakeTenant.create()
                .application("Billing API", app -> app.certificate(c -> c.expiredDaysAgo(3))));

        assertThat(schedule.renewals()).isEmpty();
    }

    @Test
    void a_certificate_that_ends_exactly_now_is_expired_and_not_scheduled() {
        RenewalSchedule schedule = plan(FakeTenant.create()
                .application("Billing API", app -> app.certificate(c -> c.end(NOW))));

        assertThat(schedule.renewals()).isEmpty();
    }

    @Test
    void an_expired_certificate_is_not_a_successor() {
        RenewalSchedule schedule = plan(FakeTenant.create().application("Billing API", app -> app
                .certificate(c -> c.displayName("CN=current").endsInDays(10))
                // Reversed dates: starts later than the current one, yet already ended.
                .certificate(c -> c.displayName("CN=broken").startedDaysAgo(-1).endsInDays(-1))));

        assertThat(schedule.renewals()).singleElement().satisfies(r -> {
            assertThat(r.certificateDisplayName()).isEqualTo("CN=current");
            assertThat(r.status()).isEqualTo(RenewalStatus.DUE);
        });
    }

    @Test
    void every_certificate_gets_an_entry_and_the_earlier_ones_are_renewed_by_the_last() {
        RenewalSchedule schedule = plan(FakeTenant.create().application("Customer Portal", app -> app
                .certificate(c -> c.displayName("CN=portal 2026").endsInDays(20))
                .certificate(c -> c.displayName("CN=portal 2027").endsInDays(300))
                .servicePrincipal(sp -> sp.certificate(c -> c.displayName("CN=portal 2028").endsInDays(700)))));

        String last = renewalOf(schedule, "CN=portal 2028").keyId();
        assertThat(schedule.renewals())
                .extracting(CertificateRenewal::certificateDisplayName, CertificateRenewal::status,
                        CertificateRenewal::successorKeyId)
                .containsExactly(
                        tuple("CN=portal 2026", RenewalStatus.RENEWED, last),
                        tuple("CN=portal 2027", RenewalStatus.RENEWED, last),
                        tuple("CN=portal 2028", RenewalStatus.PLANNED, null));
    }

    @Test
    void of_two_successors_ending_together_the_lower_key_id_is_named() {
        UUID lower = UUID.fromString("00000000-0000-4000-8000-00000000000a");
        UUID higher = UUID.fromString("ffffffff-0000-4000-8000-00000000000b");

        RenewalSchedule schedule = plan(FakeTenant.create().application("Billing API", app -> app
                .certificate(c -> c.displayName("CN=old").endsInDays(10))
                .certificate(c -> c.keyId(higher).endsInDays(400))
                .servicePrincipal(sp -> sp.certificate(c -> c.keyId(lower).endsInDays(400)))));

        assertThat(renewalOf(schedule, "CN=old").successorKeyId()).isEqualTo(lower.toString());
    }

    @Test
    void a_certificate_ending_at_the_same_instant_is_not_a_successor() {
        RenewalSchedule schedule = plan(FakeTenant.create().application("Billing API", app -> app
                .certificate(c -> c.displayName("CN=a").endsInDays(10))
                .servicePrincipal(sp -> sp.certificate(c -> c.displayName("CN=b").endsInDays(10)))));

        assertThat(schedule.renewals()).extracting(CertificateRenewal::status)
                .containsExactly(RenewalStatus.DUE, RenewalStatus.DUE);
    }

    @Test
    void a_not_yet_valid_certificate_ending_with_the_active_one_does_not_renew_it() {
        RenewalSchedule schedule = plan(FakeTenant.create().application("Billing API", app -> app
                .certificate(c -> c.displayName("CN=next").startedDaysAgo(-1).endsInDays(10))
                .certificate(c -> c.displayName("CN=current").endsInDays(10))));

        assertThat(renewalOf(schedule, "CN=current").status()).isEqualTo(RenewalStatus.DUE);
    }

    @Test
    void a_certificate_without_an_end_is_not_scheduled_but_succeeds_the_others() {
        RenewalSchedule schedule = plan(FakeTenant.create().application("Billing API", app -> app
                .certificate(c -> c.displayName("CN=old").endsInDays(10))
                .certificate(c -> c.displayName("CN=forever").end(null))));

        assertThat(schedule.renewals()).singleElement().satisfies(r -> {
            assertThat(r.certificateDisplayName()).isEqualTo("CN=old");
            assertThat(r.status()).isEqualTo(RenewalStatus.RENEWED);
            assertThat(r.successorKeyId()).isNotNull();
        });
    }

    @Test
    void saml_signing_keys_are_neither_scheduled_nor_successors() {
        RenewalSchedule schedule = plan(FakeTenant.create().application("Expense Reports", app -> app
                .certificate(c -> c.displayName("CN=client").endsInDays(10))
                .servicePrincipal(sp -> sp.singleSignOnMode("saml")
                        .samlSigningCertificate(SamlStyle.TOKEN_SIGNING_CERTIFICATE)
                        .samlSigningCertificate(SamlStyle.CUSTOM_KEY))));

        assertThat(schedule.renewals()).singleElement().satisfies(r -> {
            assertThat(r.certificateDisplayName()).isEqualTo("CN=client");
            assertThat(r.status()).isEqualTo(RenewalStatus.DUE);
        });
    }

    @Test
    void keys_of_unknown_type_or_usage_are_neither_scheduled_nor_successors() {
        RenewalSchedule schedule = plan(FakeTenant.create().application("Reporting Add-in", app -> app
                .certificate(c -> c.displayName("CN=client").endsInDays(10))
                .key(k -> k.type("FutureKeyType").endsInDays(400))
                .key(k -> k.usage("Encrypt").endsInDays(400))
                .key(k -> k.type(null).usage(null).endsInDays(400))));

        assertThat(schedule.renewals()).singleElement().satisfies(r -> {
            assertThat(r.certificateDisplayName()).isEqualTo("CN=client");
            assertThat(r.status()).isEqualTo(RenewalStatus.DUE);
        });
    }

    @Test
    void secrets_and_symmetric_keys_are_not_scheduled() {
        RenewalSchedule schedule = plan(FakeTenant.create().application("Payroll Export", app -> app
                .secret(s -> s.endsInDays(10))
                .symmetricKey(k -> k.endsInDays(10))));

        assertThat(schedule.renewals()).isEmpty();
    }

    @Test
    void a_managed_identity_is_left_out() {
        RenewalSchedule schedule = plan(FakeTenant.create()
                .managedIdentity("vm-backup", sp -> sp.certificate(c -> c.endsInDays(10))));

        assertThat(schedule.renewals()).isEmpty();
    }

    @Test
    void certificates_on_external_and_microsoft_service_principals_are_scheduled() {
        RenewalSchedule schedule = plan(FakeTenant.create()
                .externalApp("Zoom for Contoso", sp -> sp.certificate(c -> c.displayName("CN=zoom")))
                .microsoftApp("Office 365 Exchange Online", sp -> sp.certificate(c -> c.displayName("CN=exo"))));

        assertThat(schedule.renewals()).extracting(CertificateRenewal::certificateDisplayName)
                .containsExactlyInAnyOrder("CN=zoom", "CN=exo");
    }

    @Test
    void entries_are_ordered_by_renew_by_date_then_display_name_ignoring_case_then_app_id_then_key_id() {
        UUID lowAppId = UUID.fromString("00000000-0000-4000-8000-000000000001");
        UUID highAppId = UUID.fromString("00000000-0000-4000-8000-000000000002");
        UUID lowKeyId = UUID.fromString("00000000-0000-4000-8000-0000000000a1");
        UUID highKeyId = UUID.fromString("00000000-0000-4000-8000-0000000000a2");

        RenewalSchedule schedule = plan(FakeTenant.create()
                .application("zeta", app -> app.certificate(c -> c.displayName("1 first date").endsInDays(50)))
                .application("Beta", app -> app.appId(highAppId)
                        .certificate(c -> c.displayName("5 same name, higher appId").endsInDays(60)))
                .application("beta", app -> app.appId(lowAppId)
                        .certificate(c -> c.displayName("4 same name, lower appId, higher keyId").keyId(highKeyId)
                                .endsInDays(60))
                        .servicePrincipal(sp -> sp.certificate(c -> c.displayName("3 same name, lower appId, lower keyId")
                                .keyId(lowKeyId).endsInDays(60))))
                .application("Alpha", app -> app.certificate(c -> c.displayName("2 name first").endsInDays(60)))
                .application("aardvark", app -> app.certificate(c -> c.displayName("6 last date").endsInDays(70))));

        assertThat(schedule.renewals()).extracting(CertificateRenewal::certificateDisplayName).containsExactly(
                "1 first date", "2 name first", "3 same name, lower appId, lower keyId",
                "4 same name, lower appId, higher keyId", "5 same name, higher appId", "6 last date");
    }

    @Test
    void the_schedule_is_as_of_the_given_instant() {
        TenantSnapshot tenant = FakeTenant.create()
                .application("Billing API", app -> app.certificate(c -> c.endsInDays(200)))
                .build();

        RenewalSchedule later = RenewalPlanner.plan(tenant, Policy.defaults(), NOW.plus(Duration.ofDays(180)));

        assertThat(later.asOf()).isEqualTo(NOW.plus(Duration.ofDays(180)));
        assertThat(later.renewals()).singleElement()
                .extracting(CertificateRenewal::status).isEqualTo(RenewalStatus.DUE);
    }

    @Test
    void missing_arguments_are_rejected_by_name() {
        TenantSnapshot tenant = FakeTenant.create().build();

        assertThatNullPointerException().isThrownBy(() -> RenewalPlanner.plan(null, Policy.defaults(), NOW))
                .withMessage("snapshot");
        assertThatNullPointerException().isThrownBy(() -> RenewalPlanner.plan(tenant, null, NOW))
                .withMessage("policy");
        assertThatNullPointerException().isThrownBy(() -> RenewalPlanner.plan(tenant, Policy.defaults(), null))
                .withMessage("asOf");
    }
}
