package dev.app09.testkit.tenant;

import static java.util.Objects.requireNonNull;

import dev.app09.core.model.AppManagementPolicy;
import dev.app09.core.model.AppManagementRestrictions;
import dev.app09.core.model.Application;
import dev.app09.core.model.CredentialSignIn;
import dev.app09.core.model.PasswordCredentialRestriction;
import dev.app09.core.model.ScanProblem;
import dev.app09.core.model.ServicePrincipal;
import dev.app09.core.model.SignInEvidence;
import dev.app09.core.model.TenantSnapshot;
import dev.app09.core.rules.Policy;
import dev.app09.testkit.TestClock;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Builds a {@link TenantSnapshot} for a test: set only what the test is about, everything else has
 * a valid default. Dates are relative to a fixed instant ({@link TestClock#DEFAULT_INSTANT} unless
 * given), and ids are derived from the build steps, so the same code gives the same tenant on
 * every run.
 *
 * <pre>{@code
 * TenantSnapshot tenant = FakeTenant.create()
 *         .application("Payroll", app -> app.secret())                      // SECRETS_ONLY
 *         .application("Billing", app -> app.certificate().secret(s -> s.endsInDays(-1)))
 *         .externalApp("Zoom", sp -> sp.secret())                            // secret on the SP
 *         .build();
 * }</pre>
 *
 * The builder is not thread-safe; the snapshot it builds is immutable.
 */
public final class FakeTenant {

    /** The owning tenant {@link #externalApp} gives a service principal unless told otherwise. */
    public static final UUID EXTERNAL_PUBLISHER_TENANT = UUID.fromString("0fab41ca-0000-4000-8000-00000000fab0");

    private final Instant now;
    private final Ids ids;
    private UUID tenantId;
    private final List<ApplicationSpec> applications = new ArrayList<>();
    private final List<ServicePrincipalSpec> servicePrincipals = new ArrayList<>();
    private @Nullable AppManagementPolicy policy;
    private boolean signInEvidence;
    private final List<ScanProblem> problems = new ArrayList<>();

    private FakeTenant(Instant now, String namespace) {
        this.now = now;
        this.ids = new Ids(namespace);
        this.tenantId = Ids.of(namespace + "/tenant");
    }

    /** @return a tenant builder at {@link TestClock#DEFAULT_INSTANT} */
    public static FakeTenant create() {
        return at(TestClock.DEFAULT_INSTANT);
    }

    /**
     * @param now the instant every relative date is counted from
     * @return a tenant builder
     */
    public static FakeTenant at(Instant now) {
        return new FakeTenant(requireNonNull(now, "now"), "fake");
    }

    /**
     * @param clock read once, now
     * @return a tenant builder at the clock's current instant
     */
    public static FakeTenant at(Clock clock) {
        return at(clock.instant());
    }

    /**
     * Names the tenant: ids derive from the name, so two tenants of different names never share
     * an id.
     *
     * @param name a name for the id namespace (for example "contoso")
     * @param now the instant every relative date is counted from
     * @return a tenant builder
     */
    public static FakeTenant named(String name, Instant now) {
        return new FakeTenant(requireNonNull(now, "now"), requireNonNull(name, "name"));
    }

    /**
     * Sets the tenant id; call it first, since applications added before would be owned by the old
     * one.
     *
     * @param id the tenant id
     * @return this builder
     * @throws IllegalStateException when applications were already added
     */
    public FakeTenant tenantId(UUID id) {
        if (!applications.isEmpty()) {
            throw new IllegalStateException("set the tenant id before adding applications: they are owned by it");
        }
        this.tenantId = requireNonNull(id, "tenantId");
        return this;
    }

    /**
     * Registers an application with no credentials, and its service principal.
     *
     * @param displayName the name
     * @return this builder
     */
    public FakeTenant application(String displayName) {
        return application(displayName, app -> { });
    }

    /**
     * Registers an application and its service principal.
     *
     * @param displayName the name (of both objects)
     * @param spec the application's credentials and properties
     * @return this builder
     */
    public FakeTenant application(String displayName, Consumer<? super ApplicationSpec> spec) {
        ApplicationSpec application = new ApplicationSpec(now, ids, displayName, tenantId);
        spec.accept(application);
        applications.add(application);
        return this;
    }

    /**
     * Adds the service principal of a multi-tenant or gallery application published by another
     * tenant ({@link #EXTERNAL_PUBLISHER_TENANT}).
     *
     * @param displayName the name
     * @param spec its credentials and properties
     * @return this builder
     */
    public FakeTenant externalApp(String displayName, Consumer<? super ServicePrincipalSpec> spec) {
        return servicePrincipal(displayName, "Application", EXTERNAL_PUBLISHER_TENANT, spec);
    }

    /**
     * Adds the service principal of a Microsoft first-party application.
     *
     * @param displayName the name
     * @param spec its credentials and properties
     * @return this builder
     */
    public FakeTenant microsoftApp(String displayName, Consumer<? super ServicePrincipalSpec> spec) {
        return servicePrincipal(displayName, "Application", Policy.MICROSOFT_SERVICES_TENANT, spec);
    }

    /**
     * Adds the service principal of a managed identity (Azure rotates its credentials).
     *
     * @param displayName the name
     * @param spec its credentials and properties
     * @return this builder
     */
    public FakeTenant managedIdentity(String displayName, Consumer<? super ServicePrincipalSpec> spec) {
        return servicePrincipal(displayName, "ManagedIdentity", null, spec);
    }

    private FakeTenant servicePrincipal(String displayName, String type, @Nullable UUID owner,
            Consumer<? super ServicePrincipalSpec> spec) {
        ServicePrincipalSpec servicePrincipal =
                new ServicePrincipalSpec(now, ids, displayName, ids.next("appId"), type, owner);
        spec.accept(servicePrincipal);
        servicePrincipals.add(servicePrincipal);
        return this;
    }

    /**
     * @param value the default app management policy Graph returns, or null when it was not read
     * @return this builder
     */
    public FakeTenant appManagementPolicy(@Nullable AppManagementPolicy value) {
        this.policy = value;
        return this;
    }

    /**
     * Sets an enabled default app management policy that blocks new secrets for every app (the
     * Baseline Security Mode setting), or one that is read but blocks nothing.
     *
     * @param blocked whether new password credentials are blocked
     * @return this builder
     */
    public FakeTenant newSecretsBlocked(boolean blocked) {
        if (!blocked) {
            return appManagementPolicy(new AppManagementPolicy(false, AppManagementRestrictions.NONE,
                    AppManagementRestrictions.NONE));
        }
        AppManagementRestrictions noNewPasswords = new AppManagementRestrictions(List.of(
                new PasswordCredentialRestriction("passwordAddition", "enabled", null, null)));
        return appManagementPolicy(new AppManagementPolicy(true, noNewPasswords, noNewPasswords));
    }

    /**
     * Includes sign-in evidence in the snapshot even when no credential records a sign-in (an
     * evidence report that was read and found nothing). Any {@code lastSignInDaysAgo} or {@code
     * neverSignedIn} call turns it on by itself.
     *
     * @return this builder
     */
    public FakeTenant withSignInEvidence() {
        this.signInEvidence = true;
        return this;
    }

    /**
     * @param problem a scan problem the snapshot carries (to test incomplete reports)
     * @return this builder
     */
    public FakeTenant problem(ScanProblem problem) {
        problems.add(requireNonNull(problem, "problem"));
        return this;
    }

    /** @return the instant relative dates are counted from */
    public Instant now() {
        return now;
    }

    /** @return the tenant snapshot; the builder can go on and build again */
    public TenantSnapshot build() {
        List<Application> apps = new ArrayList<>();
        List<ServicePrincipal> sps = new ArrayList<>();
        List<CredentialSignIn> signIns = new ArrayList<>();
        for (ApplicationSpec application : applications) {
            apps.add(application.build());
            application.addSignIns(application.appId(), "application", signIns);
            ServicePrincipalSpec servicePrincipal = application.servicePrincipalSpec();
            if (servicePrincipal != null) {
                sps.add(servicePrincipal.build(application.appId()));
                servicePrincipal.addSignIns(application.appId(), "servicePrincipal", signIns);
            }
        }
        for (ServicePrincipalSpec servicePrincipal : servicePrincipals) {
            sps.add(servicePrincipal.build(servicePrincipal.appId()));
            servicePrincipal.addSignIns(servicePrincipal.appId(), "servicePrincipal", signIns);
        }
        return new TenantSnapshot(tenantId, apps, sps, policy,
                signInEvidence || !signIns.isEmpty() ? SignInEvidence.of(signIns) : null, problems);
    }
}
