package dev.app09.testkit.tenant;

import static dev.app09.core.rules.Verdict.CERTIFICATE;
import static dev.app09.core.rules.Verdict.EXCEPTION;
import static dev.app09.core.rules.Verdict.FEDERATED;
import static dev.app09.core.rules.Verdict.MIGRATING;
import static dev.app09.core.rules.Verdict.MIGRATION_OVERDUE;
import static dev.app09.core.rules.Verdict.NOT_APPLICABLE;
import static dev.app09.core.rules.Verdict.NO_CREDENTIALS;
import static dev.app09.core.rules.Verdict.SECRETS_ONLY;

import dev.app09.core.model.TenantSnapshot;
import dev.app09.core.rules.ExceptionEntry;
import dev.app09.core.rules.ExceptionRegister;
import dev.app09.core.rules.Verdict;
import dev.app09.testkit.TestClock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The documented sample tenants, all defined at {@link TestClock#DEFAULT_INSTANT}
 * (2026-06-01T00:00:00Z) with the default policy. Each is also checked in as an export folder
 * under {@link #RESOURCE_ROOT} in this jar (and in {@code app09-testkit/src/main/resources}).
 *
 * <ul>
 *   <li>{@link #contoso()}: a mixed tenant where every verdict and every finding occurs;</li>
 *   <li>{@link #forVerdict(Verdict)}: one small tenant per verdict, each workload of it getting
 *       that verdict.</li>
 * </ul>
 */
public final class SampleTenants {

    /** Where the export folders live on the class path, each in a folder named after its sample. */
    public static final String RESOURCE_ROOT = "dev/app09/testkit/samples/";

    private static final Instant AS_OF = TestClock.DEFAULT_INSTANT;

    private SampleTenants() {
    }

    /** @return every sample: contoso first, then one per verdict in the verdicts' order */
    public static List<SampleTenant> all() {
        return Stream.concat(Stream.of(contoso()), Arrays.stream(Verdict.values()).map(SampleTenants::forVerdict))
                .toList();
    }

    /**
     * Contoso, a mixed tenant: every verdict and every workload finding occurs, sign-in evidence
     * was read, and the default app management policy was read and does not block new secrets
     * (NEW_SECRETS_ALLOWED). Microsoft's own service principals carry no credential and are only
     * counted.
     *
     * @return the sample
     */
    public static SampleTenant contoso() {
        UUID mainframe = appId("contoso", "Mainframe Bridge");
        UUID print = appId("contoso", "Print Service");
        UUID kiosk = appId("contoso", "Kiosk Updater");
        FakeTenant tenant = FakeTenant.named("contoso", AS_OF)
                .newSecretsBlocked(false)
                .application("Payroll Export", app -> app
                        .secret(s -> s.displayName("payroll-2y").startedDaysAgo(100).endsInDays(630).lastSignInDaysAgo(2)))
                .application("HR Sync", app -> app
                        .secret(s -> s.displayName("expired").expiredDaysAgo(40))
                        .servicePrincipal(sp -> sp.secret(s -> s.displayName("added by script").neverSignedIn())))
                .application("Legacy Fax Gateway", app -> app.symmetricKey())
                .application("Billing API", app -> app
                        .certificate(c -> c.displayName("CN=billing-api").startedDaysAgo(10).neverSignedIn())
                        .secret(s -> s.lastSignInDaysAgo(1)))
                .application("Data Lake Ingest", app -> app
                        .certificate(c -> c.displayName("CN=datalake").startedDaysAgo(90).endsInDays(20))
                        .secret())
                .application("Deploy Pipeline", app -> app.federated().secret())
                .application("Mainframe Bridge", app -> app.appId(mainframe)
                        .secret(s -> s.startedDaysAgo(30).endsInDays(60)))
                .application("Print Service", app -> app.appId(print).secret())
                .application("Kiosk Updater", app -> app.appId(kiosk)
                        .secret(s -> s.startedDaysAgo(10).endsInDays(720)))
                .application("Customer Portal", app -> app
                        .certificate(c -> c.displayName("CN=portal 2025").expiredDaysAgo(20))
                        .certificate(c -> c.displayName("CN=portal 2026"))
                        .certificate(c -> c.displayName("CN=portal 2027").startedDaysAgo(-300).endsInDays(700)))
                .application("GitHub Deployer", app -> app.federated())
                .application("Intranet SSO", app -> app
                        .servicePrincipal(sp -> sp.saml()))
                .application("Expense Reports", app -> app
                        .certificate()
                        .servicePrincipal(sp -> sp.singleSignOnMode("saml").samlSigningCertificate(SamlStyle.CUSTOM_KEY)))
                .application("Reporting Add-in", app -> app
                        .key(k -> k.type("FutureKeyType").displayName("unknown kind")))
                .application("Old Intranet")
                .externalApp("Zoom for Contoso", sp -> sp.secret())
                .externalApp("Adobe Sign", sp -> { })
                .microsoftApp("Office 365 Exchange Online", sp -> { })
                .microsoftApp("Microsoft Graph", sp -> { })
                .managedIdentity("vm-backup", sp -> sp.certificate());
        return new SampleTenant("contoso",
                "A mixed tenant: every verdict and every finding, sign-in evidence, a policy that allows new secrets.",
                tenant.build(),
                ExceptionRegister.of(List.of(
                        new ExceptionEntry(mainframe, "The mainframe's TLS client supports neither certificates nor federation",
                                "CISO", LocalDate.parse("2026-09-30")),
                        new ExceptionEntry(print, "Vendor firmware update due", "IT risk board", LocalDate.parse("2026-03-31")),
                        new ExceptionEntry(kiosk, "Kiosk OS cannot store certificates", "IT risk board",
                                LocalDate.parse("2026-12-31")))),
                AS_OF,
                Map.ofEntries(
                        Map.entry("Payroll Export", SECRETS_ONLY),
                        Map.entry("HR Sync", SECRETS_ONLY),
                        Map.entry("Legacy Fax Gateway", SECRETS_ONLY),
                        Map.entry("Billing API", MIGRATING),
                        Map.entry("Data Lake Ingest", MIGRATION_OVERDUE),
                        Map.entry("Deploy Pipeline", MIGRATING),
                        Map.entry("Mainframe Bridge", EXCEPTION),
                        Map.entry("Print Service", SECRETS_ONLY),
                        Map.entry("Kiosk Updater", SECRETS_ONLY),
                        Map.entry("Customer Portal", CERTIFICATE),
                        Map.entry("GitHub Deployer", FEDERATED),
                        Map.entry("Intranet SSO", NO_CREDENTIALS),
                        Map.entry("Expense Reports", CERTIFICATE),
                        Map.entry("Reporting Add-in", NO_CREDENTIALS),
                        Map.entry("Old Intranet", NO_CREDENTIALS),
                        Map.entry("Zoom for Contoso", SECRETS_ONLY),
                        Map.entry("vm-backup", NOT_APPLICABLE)));
    }

    /**
     * A small tenant whose every workload gets the given verdict.
     *
     * @param verdict the verdict
     * @return the sample, named after the verdict in kebab case ({@code secrets-only}, ...)
     */
    public static SampleTenant forVerdict(Verdict verdict) {
        String name = verdict.name().toLowerCase(Locale.ROOT).replace('_', '-');
        FakeTenant tenant = FakeTenant.named(name, AS_OF);
        ExceptionRegister exceptions = ExceptionRegister.empty();
        String description;
        switch (verdict) {
            case SECRETS_ONLY -> {
                description = "Workloads that authenticate only with secrets: on the application, on the service principal,"
                        + " a symmetric key, and a certificate that has expired.";
                tenant.application("Payroll Export", app -> app.secret())
                        .application("HR Sync", app -> app.servicePrincipal(sp -> sp.secret()))
                        .application("Legacy Fax Gateway", app -> app.symmetricKey())
                        .application("Customer Portal", app -> app.secret().certificate(c -> c.expiredDaysAgo(3)));
            }
            case MIGRATION_OVERDUE -> {
                description = "A certificate has worked for longer than the 30-day migration window, the secret is still there.";
                tenant.application("Data Lake Ingest", app -> app.certificate(c -> c.startedDaysAgo(90)).secret());
            }
            case MIGRATING -> {
                description = "A certificate added 10 days ago beside the secret, and a federated credential beside a secret.";
                tenant.application("Billing API", app -> app.certificate(c -> c.startedDaysAgo(10)).secret())
                        .application("Deploy Pipeline", app -> app.federated().secret());
            }
            case EXCEPTION -> {
                description = "A documented exception, unexpired, for a secret within the 12-month maximum lifetime.";
                UUID appId = appId(name, "Mainframe Bridge");
                tenant.application("Mainframe Bridge", app -> app.appId(appId).secret(s -> s.startedDaysAgo(30).endsInDays(60)));
                exceptions = ExceptionRegister.of(List.of(new ExceptionEntry(appId,
                        "The mainframe's TLS client supports neither certificates nor federation", "CISO",
                        LocalDate.parse("2026-09-30"))));
            }
            case FEDERATED -> {
                description = "Workload identity federation only, on an application with an expired secret left behind.";
                tenant.application("GitHub Deployer", app -> app.federated())
                        .application("Terraform Runner", app -> app
                                .federated(f -> f.issuer("https://app.terraform.io").subject("organization:contoso:project:infra"))
                                .secret(s -> s.expiredDaysAgo(10)));
            }
            case CERTIFICATE -> {
                description = "Certificates only, and a tenant policy that blocks new secrets for every app.";
                tenant.newSecretsBlocked(true)
                        .application("Customer Portal", app -> app.certificate())
                        .application("Expense Reports", app -> app.servicePrincipal(sp -> sp.certificate()));
            }
            case NO_CREDENTIALS -> {
                description = "No client credential: none at all, a SAML application's signing credentials only.";
                tenant.application("Old Intranet")
                        .application("Intranet SSO", app -> app.servicePrincipal(sp -> sp.saml()))
                        .externalApp("Zoom for Contoso", sp -> sp.saml());
            }
            case NOT_APPLICABLE -> {
                description = "Managed identities, whose credentials Azure rotates.";
                tenant.managedIdentity("vm-backup", sp -> sp.certificate())
                        .managedIdentity("func-orders", sp -> { });
            }
            default -> throw new IllegalArgumentException("no sample for " + verdict);
        }
        TenantSnapshot snapshot = tenant.build();
        Map<String, Verdict> promised = new HashMap<>();
        snapshot.applications().forEach(app -> promised.put(app.displayName(), verdict));
        snapshot.servicePrincipals().forEach(sp -> promised.put(sp.displayName(), verdict));
        return new SampleTenant(name, description, snapshot, exceptions, AS_OF, promised);
    }

    private static UUID appId(String sample, String displayName) {
        return Ids.of(sample + "/appId/" + displayName);
    }
}
