package dev.app09.core.rules;

import dev.app09.core.model.SignInEvidence;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The verdict and findings of one workload (APP09-RULES.md sections 3-5): a pure function of the
 * workload, the policy, the evaluation instant and the optional sign-in evidence.
 */
public final class WorkloadRules {

    private WorkloadRules() {
    }

    /**
     * @param workload the workload
     * @param policy the policy
     * @param asOf the evaluation instant
     * @param evidence credential sign-in evidence, or null when none was read
     * @return the verdict with findings and classified credentials
     */
    public static WorkloadAssessment assess(Workload workload, Policy policy, Instant asOf,
            @Nullable SignInEvidence evidence) {
        Origin origin = workload.origin(policy.microsoftTenantIds());
        List<AssessedCredential> credentials = CredentialClassifier.classify(workload, asOf);
        List<Finding> findings = new ArrayList<>();
        Verdict verdict = origin == Origin.MANAGED_IDENTITY
                ? Verdict.NOT_APPLICABLE
                : judge(workload.appId(), credentials, policy, asOf, evidence, findings);
        return new WorkloadAssessment(workload.appId(), workload.displayName(), origin,
                workload.application() == null ? null : workload.application().id(),
                workload.servicePrincipal() == null ? null : workload.servicePrincipal().id(),
                verdict, findings, credentials);
    }

    private static Verdict judge(UUID appId, List<AssessedCredential> credentials, Policy policy, Instant asOf,
            @Nullable SignInEvidence evidence, List<Finding> findings) {
        List<AssessedCredential> liveSecrets = liveSecrets(credentials);
        Verdict verdict = liveSecrets.isEmpty()
                ? withoutSecrets(credentials)
                : withSecrets(appId, credentials, liveSecrets, policy, asOf, findings);
        credentialFindings(credentials, liveSecrets, policy, asOf, findings);
        if (evidence != null) {
            usageFindings(credentials, liveSecrets, policy, asOf, evidence, findings);
        }
        return verdict;
    }

    private static List<AssessedCredential> liveSecrets(List<AssessedCredential> credentials) {
        List<AssessedCredential> liveSecrets = new ArrayList<>(credentials.size());
        for (AssessedCredential c : credentials) {
            if (c.isLiveSecret()) {
                liveSecrets.add(c);
            }
        }
        return liveSecrets;
    }

    private static Verdict withoutSecrets(List<AssessedCredential> credentials) {
        boolean certificate = false;
        for (AssessedCredential c : credentials) {
            if (c.kind() == CredentialKind.FEDERATED) {
                return Verdict.FEDERATED;
            }
            certificate |= c.isActiveCertificate();
        }
        return certificate ? Verdict.CERTIFICATE : Verdict.NO_CREDENTIALS;
    }

    private static Verdict withSecrets(UUID appId, List<AssessedCredential> credentials,
            List<AssessedCredential> liveSecrets, Policy policy, Instant asOf, List<Finding> findings) {
        Verdict underlying = underlyingVerdict(credentials, policy, asOf, findings);
        if (!underlying.failing()) {
            return underlying;
        }
        Optional<ExceptionEntry> exception = policy.exceptions().find(appId);
        if (exception.isEmpty()) {
            return underlying;
        }
        ExceptionEntry entry = exception.get();
        if (entry.expiredAt(asOf)) {
            findings.add(Finding.of(FindingCode.EXCEPTION_EXPIRED, "The documented exception (approved by "
                    + entry.approvedBy() + ") expired on " + entry.expires() + "; the verdict stands."));
            return underlying;
        }
        for (AssessedCredential tooLong : liveSecrets) {
            if (tooLong.lifetimeExceeds(policy.maxSecretLifetime())) {
                findings.add(new Finding(FindingCode.EXCEPTION_INVALID, "The documented exception does not apply: "
                        + "secret " + describe(tooLong) + " lives longer than " + days(policy.maxSecretLifetime())
                        + " or has no end; an exception needs short-lived secrets.", tooLong.keyId()));
                return underlying;
            }
        }
        return Verdict.EXCEPTION;
    }

    private static Verdict underlyingVerdict(List<AssessedCredential> credentials, Policy policy, Instant asOf,
            List<Finding> findings) {
        boolean usableAlternative = false;
        boolean activeCertificate = false;
        boolean startlessCertificate = false;
        Instant migrationStart = Instant.MAX;
        for (AssessedCredential c : credentials) {
            usableAlternative |= c.isUsableAlternative();
            if (c.isActiveCertificate()) {
                activeCertificate = true;
                Instant start = c.start();
                if (start == null) {
                    startlessCertificate = true;
                } else if (start.isBefore(migrationStart)) {
                    migrationStart = start;
                }
            }
        }
        if (!usableAlternative) {
            return Verdict.SECRETS_ONLY;
        }
        if (!activeCertificate) {
            findings.add(Finding.of(FindingCode.MIGRATION_START_UNKNOWN,
                    "Live secrets beside federation only: when the migration started is unknown."));
            return Verdict.MIGRATING;
        }
        // A certificate with no start counts as infinitely old: the window has passed.
        if (startlessCertificate) {
            return Verdict.MIGRATION_OVERDUE;
        }
        return Duration.between(migrationStart, asOf).compareTo(policy.migrationWindow()) <= 0
                ? Verdict.MIGRATING
                : Verdict.MIGRATION_OVERDUE;
    }

    private static void credentialFindings(List<AssessedCredential> credentials, List<AssessedCredential> liveSecrets,
            Policy policy, Instant asOf, List<Finding> findings) {
        int expired = 0;
        int signing = 0;
        for (AssessedCredential c : credentials) {
            if (c.kind() == CredentialKind.CERTIFICATE && c.status() == CredentialStatus.EXPIRED) {
                findings.add(new Finding(FindingCode.CERTIFICATE_EXPIRED,
                        "Certificate " + describe(c) + " expired on " + c.end() + ".", c.keyId()));
            }
            if (c.kind() == CredentialKind.CERTIFICATE && c.status() == CredentialStatus.NOT_YET_VALID) {
                findings.add(new Finding(FindingCode.CERTIFICATE_NOT_YET_VALID,
                        "Certificate " + describe(c) + " is valid only from " + c.start() + ".", c.keyId()));
            }
            if ((c.kind().isSecret() || c.kind() == CredentialKind.CERTIFICATE) && c.status() == CredentialStatus.EXPIRED) {
                expired++;
            }
            if (c.kind() == CredentialKind.SIGNING) {
                signing++;
            }
            if (c.kind() == CredentialKind.UNKNOWN) {
                findings.add(new Finding(FindingCode.UNKNOWN_CREDENTIAL, "Key " + describe(c) + " has type "
                        + c.type() + " and usage " + c.usage() + ", which app09 does not recognise; it is not "
                        + "counted as a certificate.", c.keyId()));
            }
        }
        Finding expiringSoon = expiringSoon(credentials, policy, asOf);
        if (expiringSoon != null) {
            findings.add(expiringSoon);
        }
        if (expired > 0) {
            findings.add(Finding.of(FindingCode.EXPIRED_CREDENTIALS_PRESENT,
                    expired + " expired credential(s) are still registered: remove them (APP-05)."));
        }
        for (AssessedCredential secret : liveSecrets) {
            if (secret.lifetimeExceeds(policy.maxSecretLifetime())) {
                findings.add(new Finding(FindingCode.SECRET_LIFETIME_EXCEEDS_MAX, "Secret " + describe(secret)
                        + (secret.start() == null || secret.end() == null ? " has no start or no end date"
                                : " lives longer than " + days(policy.maxSecretLifetime())) + " (APP-02).",
                        secret.keyId()));
            }
            if (secret.location() == CredentialLocation.SERVICE_PRINCIPAL) {
                findings.add(new Finding(FindingCode.SECRET_ON_SERVICE_PRINCIPAL, "Secret " + describe(secret)
                        + " sits on the service principal, where App registrations do not show it.", secret.keyId()));
            }
            if (secret.kind() == CredentialKind.SYMMETRIC_KEY) {
                findings.add(new Finding(FindingCode.SYMMETRIC_KEY,
                        "Legacy symmetric key " + describe(secret) + " is a shared secret.", secret.keyId()));
            }
        }
        if (signing > 0) {
            findings.add(Finding.of(FindingCode.SIGNING_CREDENTIALS_IGNORED, signing
                    + " SAML token-signing credential(s) were recognised and left out: they are not client secrets."));
        }
    }

    /** The latest-ending certificate (ACTIVE or NOT_YET_VALID) decides; one with no end never expires. */
    private static @Nullable Finding expiringSoon(List<AssessedCredential> credentials, Policy policy, Instant asOf) {
        Instant lastEnd = null;
        for (AssessedCredential c : credentials) {
            if (c.kind() == CredentialKind.CERTIFICATE && c.status() != CredentialStatus.EXPIRED) {
                Instant end = c.end();
                if (end == null) {
                    return null;
                }
                if (lastEnd == null || end.isAfter(lastEnd)) {
                    lastEnd = end;
                }
            }
        }
        if (lastEnd == null || lastEnd.isAfter(asOf.plus(policy.expiryWarning()))) {
            return null;
        }
        // An ACTIVE certificate ending last is flagged even when a NOT_YET_VALID one ends at the same
        // instant: only a certificate ending later is a successor.
        for (AssessedCredential last : credentials) {
            if (last.isActiveCertificate() && lastEnd.equals(last.end())) {
                return new Finding(FindingCode.CERTIFICATE_EXPIRING_SOON, "Certificate " + describe(last)
                        + " ends on " + last.end() + " and no later certificate is registered.", last.keyId());
            }
        }
        return null;
    }

    private static void usageFindings(List<AssessedCredential> credentials, List<AssessedCredential> liveSecrets,
            Policy policy, Instant asOf, SignInEvidence evidence, List<Finding> findings) {
        Instant since = asOf.minus(policy.usageWindow());
        boolean secretInUse = false;
        for (AssessedCredential secret : liveSecrets) {
            Optional<Instant> last = lastSignIn(evidence, secret);
            if (last.isPresent() && !last.get().isBefore(since)) {
                secretInUse = true;
                findings.add(new Finding(FindingCode.SECRET_IN_USE, "Secret " + describe(secret) + " signed in on "
                        + last.get() + ": removing it now would break the workload.", secret.keyId()));
            } else {
                findings.add(new Finding(FindingCode.SECRET_UNUSED, "Secret " + describe(secret)
                        + (last.isPresent() ? " last signed in on " + last.get() : " never signed in")
                        + ", not within " + days(policy.usageWindow()) + ": a removal candidate.", secret.keyId()));
            }
        }
        if (!secretInUse) {
            return;
        }
        for (AssessedCredential certificate : credentials) {
            if (!certificate.isActiveCertificate()) {
                continue;
            }
            Optional<Instant> last = lastSignIn(evidence, certificate);
            if (last.isEmpty() || last.get().isBefore(since)) {
                findings.add(new Finding(FindingCode.CERTIFICATE_UNUSED, "Certificate " + describe(certificate)
                        + " did not sign in within " + days(policy.usageWindow())
                        + " while a secret did: the switch-over has not happened.", certificate.keyId()));
            }
        }
    }

    private static Optional<Instant> lastSignIn(SignInEvidence evidence, AssessedCredential credential) {
        // Only secrets and certificates are looked up: their keyIds are always GUIDs.
        String keyId = credential.keyId();
        return keyId == null ? Optional.empty() : evidence.lastSignIn(UUID.fromString(keyId));
    }

    private static String describe(AssessedCredential c) {
        String name = c.displayName();
        return (name == null || name.isBlank() ? "" : "'" + name + "' ") + "(" + c.keyId() + ")";
    }

    private static String days(Duration duration) {
        return duration.toDays() + " days";
    }
}
