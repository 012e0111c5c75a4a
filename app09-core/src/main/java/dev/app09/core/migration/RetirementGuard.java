package dev.app09.core.migration;

import static java.util.Objects.requireNonNull;

import dev.app09.core.model.Application;
import dev.app09.core.model.KeyCredential;
import dev.app09.core.model.KeyIdentifier;
import dev.app09.core.model.PasswordCredential;
import dev.app09.core.model.ServicePrincipal;
import dev.app09.core.model.SignInEvidence;
import dev.app09.core.model.TenantSnapshot;
import dev.app09.core.rules.AssessedCredential;
import dev.app09.core.rules.CredentialClassifier;
import dev.app09.core.rules.CredentialKind;
import dev.app09.core.rules.CredentialLocation;
import dev.app09.core.rules.Policy;
import dev.app09.core.rules.Workload;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Decides whether one client secret may be removed without an outage. Every rule of {@link
 * RetirementRule} is checked and every one that refuses is reported:
 *
 * <ul>
 *   <li>the tenant was read whole ({@code SCAN_INCOMPLETE});
 *   <li>the keyId names a password credential of the workload ({@code NO_SUCH_SECRET}) that is a
 *       client secret, not a SAML signing password ({@code SIGNING_PASSWORD});
 *   <li>the workload keeps an ACTIVE certificate or a federated credential after the removal
 *       ({@code NO_ALTERNATIVE}), and one that lasts beyond the expiry warning
 *       ({@code ALTERNATIVE_ENDS_SOON}: when a certificate is proven, one of the proven ones must last);
 *   <li>sign-in evidence was read and holds a sign-in, and the secret either is in it or was created
 *       before the usage window ({@code USAGE_UNKNOWN}, unless the caller accepts the removal without
 *       it), and the secret did not sign in within the usage window ({@code SECRET_IN_USE});
 *   <li>a certificate of the workload is proven to work ({@code CERTIFICATE_NOT_PROVEN}): a saved
 *       {@link Verification} of this client, naming its tenant by id when the tenant's id is known
 *       (which it must be when an identity endpoint is expected), issued by the expected identity
 *       endpoint, of an ACTIVE certificate registered before it; or, in the sign-in evidence, a
 *       sign-in of an ACTIVE certificate. Neither may be older than the usage window or
 *       30 days ({@code MAX_PROOF_AGE}), nor dated after {@code asOf} beyond five minutes of clock skew. A
 *       removal resting on verifications alone carries a warning: they do not show that the
 *       deployed client uses the certificate.
 * </ul>
 *
 * A pure function of its arguments: the instant is {@code asOf}, never the clock.
 */
public final class RetirementGuard {

    /** How far in the future of {@code asOf} a verification may be dated (clocks disagree a little). */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
    /** The oldest a proof may be, whatever the usage window: a longer window is stricter about use, not laxer about proof. */
    static final Duration MAX_PROOF_AGE = Duration.ofDays(30);

    private RetirementGuard() {
    }

    /**
     * @param snapshot the tenant as read (its sign-in evidence, when present, is used)
     * @param policy the usage window comes from here
     * @param asOf the instant of the decision
     * @param appId the workload's application (client) id
     * @param keyId the secret's keyId
     * @param evidence saved verifications and computed thumbprints
     * @return the decision, with every refusal
     */
    public static RetirementDecision check(TenantSnapshot snapshot, Policy policy, Instant asOf, UUID appId, UUID keyId,
            MigrationEvidence evidence) {
        requireNonNull(snapshot, "snapshot");
        requireNonNull(policy, "policy");
        requireNonNull(asOf, "asOf");
        requireNonNull(appId, "appId");
        requireNonNull(keyId, "keyId");
        requireNonNull(evidence, "evidence");
        Optional<Workload> workload = find(snapshot, appId);
        if (workload.isEmpty()) {
            List<Refusal> refusals = new ArrayList<>(incomplete(snapshot));
            refusals.add(new Refusal(RetirementRule.NO_SUCH_SECRET, "no application or service principal with appId "
                    + appId + " is in the tenant"));
            return new RetirementDecision(appId, keyId, null, null, "", refusals, List.of(), List.of());
        }
        Workload found = workload.get();
        return decide(found, CredentialClassifier.classify(found, asOf), snapshot, policy, asOf, keyId, evidence);
    }

    /** The decision for a workload already joined and classified (the planner asks for each of its secrets). */
    static RetirementDecision decide(Workload workload, List<AssessedCredential> credentials, TenantSnapshot snapshot,
            Policy policy, Instant asOf, UUID keyId, MigrationEvidence evidence) {
        List<Refusal> refusals = new ArrayList<>(incomplete(snapshot));
        List<String> grounds = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        Target target = target(workload, keyId);
        if (target == null) {
            refusals.add(new Refusal(RetirementRule.NO_SUCH_SECRET, notFound(workload, credentials, keyId)));
            return new RetirementDecision(workload.appId(), keyId, null, null, "", refusals, grounds, warnings);
        }
        String key = keyId.toString();
        AssessedCredential secret = credentials.stream()
                .filter(c -> c.location() == target.location() && key.equals(c.keyId()) && c.type() == null
                        && c.usage() == null && (c.kind() == CredentialKind.SECRET || c.kind() == CredentialKind.SIGNING))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("the classifier lost password " + keyId));
        if (secret.kind() == CredentialKind.SIGNING) {
            refusals.add(new Refusal(RetirementRule.SIGNING_PASSWORD, "password " + keyId + " opens the SAML token-signing "
                    + "certificate of " + workload.displayName() + "; it is not a client secret, and removing it breaks "
                    + "single sign-on: app09 never removes it"));
        }
        List<AssessedCredential> alternatives = credentials.stream().filter(AssessedCredential::isUsableAlternative).toList();
        if (alternatives.isEmpty()) {
            refusals.add(new Refusal(RetirementRule.NO_ALTERNATIVE, "after the removal " + workload.displayName()
                    + " would hold no ACTIVE certificate and no federated credential: "
                    + (credentials.stream().anyMatch(c -> c.kind() == CredentialKind.CERTIFICATE)
                            ? "its certificates are expired or not yet valid; upload a valid one first"
                            : "upload a certificate first (app09 migrate upload-cert)")));
        } else {
            grounds.add("it keeps " + alternatives.stream().map(RetirementGuard::describe).collect(Collectors.joining(", ")));
        }
        usage(secret, snapshot, policy, asOf, evidence, grounds, warnings, refusals);
        prove(workload, credentials, alternatives, snapshot, policy, asOf, evidence, grounds, warnings, refusals);
        return new RetirementDecision(workload.appId(), keyId, target.location(), target.objectId(),
                describe(secret), refusals, grounds, warnings);
    }

    /**
     * Whether a client may still use the secret. Only evidence that was read, is not empty, and
     * could have seen the secret counts: a secret created inside the usage window may be in use
     * without a row yet (the report lags), so its absence says nothing.
     */
    private static void usage(AssessedCredential secret, TenantSnapshot snapshot, Policy policy, Instant asOf,
            MigrationEvidence evidence, List<String> grounds, List<String> warnings, List<Refusal> refusals) {
        Instant since = asOf.minus(policy.usageWindow());
        UUID keyId = UUID.fromString(requireNonNull(secret.keyId()));
        SignInEvidence signIns = snapshot.signInEvidence();
        String unknown;
        if (signIns == null) {
            unknown = "no sign-in evidence was read (it needs AuditLog.Read.All and Microsoft Entra ID P1 or P2)";
        } else if (signIns.signIns().stream().allMatch(row -> row.lastSignIn() == null)) {
            unknown = "the sign-in evidence shows no sign-in at all (a report without one says it is not filled yet, "
                    + "not that nothing signs in)";
        } else {
            Optional<Instant> last = signIns.lastSignIn(keyId);
            if (last.isPresent() && !last.get().isBefore(since)) {
                refusals.add(new Refusal(RetirementRule.SECRET_IN_USE, "the secret signed in on " + last.get()
                        + ", within the usage window of " + days(policy.usageWindow()) + ": a client still uses it; "
                        + "switch that client to the certificate and wait until the secret is unused"));
                return;
            }
            if (secret.start() != null && secret.start().isAfter(since)) {
                unknown = "the secret was created on " + secret.start() + ", inside the usage window of "
                        + days(policy.usageWindow()) + ", so its absence from the sign-in evidence says nothing yet";
            } else {
                grounds.add("sign-in evidence: the secret " + last.map(t -> "last signed in on " + t).orElse("never signed in")
                        + ", not within " + days(policy.usageWindow()));
                return;
            }
        }
        if (evidence.usageUnknownAccepted()) {
            warnings.add(unknown + ": whether a client still uses the secret is not known; the removal was accepted "
                    + "without it");
        } else {
            refusals.add(new Refusal(RetirementRule.USAGE_UNKNOWN, unknown + ", so whether a client still uses the secret "
                    + "is not known; check by hand that nothing signs in with it, then accept the removal without evidence"
                    + " (--without-usage-evidence)"));
        }
    }

    /**
     * Adds the proofs that a certificate works to {@code grounds}, or a CERTIFICATE_NOT_PROVEN
     * refusal; and an ALTERNATIVE_ENDS_SOON refusal when every proven certificate (or, without a
     * proof, every alternative) ends within the expiry warning.
     */
    private static void prove(Workload workload, List<AssessedCredential> credentials,
            List<AssessedCredential> alternatives, TenantSnapshot snapshot, Policy policy, Instant asOf,
            MigrationEvidence evidence, List<String> grounds, List<String> warnings, List<Refusal> refusals) {
        List<String> rejected = new ArrayList<>();
        List<Proof> proofs = proofs(workload, credentials, snapshot, policy, asOf, evidence, rejected);
        Instant lastsUntil = asOf.plus(policy.expiryWarning());
        if (!proofs.isEmpty()) {
            proofs.forEach(p -> grounds.add(p.text()));
            List<AssessedCredential> proven = credentials.stream()
                    .filter(c -> proofs.stream().anyMatch(p -> p.keyId().toString().equals(c.keyId()))).toList();
            if (proven.stream().noneMatch(c -> lasts(c, lastsUntil))) {
                refusals.add(new Refusal(RetirementRule.ALTERNATIVE_ENDS_SOON, "the proven certificate(s) of "
                        + workload.displayName() + " end within " + days(policy.expiryWarning()) + " (by " + lastsUntil + "): "
                        + proven.stream().map(RetirementGuard::describe).collect(Collectors.joining(", "))
                        + "; register a successor that is valid before then and prove it, or the workload stops signing in"
                        + " when these end"));
            }
            if (proofs.stream().allMatch(Proof::verification)) {
                warnings.add("a verification shows Entra accepts the certificate, not that the deployed client uses it; "
                        + "the sign-in evidence will show that");
            }
            return;
        }
        if (!alternatives.isEmpty() && alternatives.stream().noneMatch(c -> lasts(c, lastsUntil))) {
            refusals.add(new Refusal(RetirementRule.ALTERNATIVE_ENDS_SOON, "every certificate " + workload.displayName()
                    + " would keep ends within " + days(policy.expiryWarning()) + " (by " + lastsUntil + "): "
                    + alternatives.stream().map(RetirementGuard::describe).collect(Collectors.joining(", "))
                    + "; register a successor that is valid before then (one not yet valid does not count until it is),"
                    + " or the workload stops signing in when these end"));
        }
        long otherClients = evidence.verifications().stream().filter(v -> !v.clientId().equals(workload.appId())).count();
        StringBuilder message = new StringBuilder("nothing shows a certificate of ").append(workload.displayName())
                .append(" works: ");
        if (!rejected.isEmpty()) {
            message.append(String.join("; ", rejected)).append("; ");
        } else {
            message.append("no saved verification of client ").append(workload.appId())
                    .append(otherClients > 0 ? " (" + otherClients + (otherClients == 1 ? " verification was"
                            : " verifications were") + " for other applications)" : "").append("; ");
        }
        message.append(snapshot.signInEvidence() == null ? "no sign-in evidence was read"
                : "no active certificate signed in since " + proofSince(policy, asOf) + " in the sign-in evidence");
        if (credentials.stream().noneMatch(AssessedCredential::isActiveCertificate)
                && credentials.stream().anyMatch(c -> c.kind() == CredentialKind.FEDERATED)) {
            message.append(" (the workload's alternative is federation, which app09 cannot prove yet; remove the secret"
                    + " by hand once the workload signs in with it)");
        } else {
            message.append("; prove one with app09 migrate verify and give the file with --verification");
        }
        refusals.add(new Refusal(RetirementRule.CERTIFICATE_NOT_PROVEN, message.toString()));
    }

    private static boolean lasts(AssessedCredential alternative, Instant until) {
        return alternative.kind() == CredentialKind.FEDERATED || alternative.end() == null || alternative.end().isAfter(until);
    }

    /** How old a proof may be: the usage window, and never more than {@link #MAX_PROOF_AGE}. */
    static Instant proofSince(Policy policy, Instant asOf) {
        return asOf.minus(policy.usageWindow().compareTo(MAX_PROOF_AGE) < 0 ? policy.usageWindow() : MAX_PROOF_AGE);
    }

    /**
     * What shows an ACTIVE certificate of the workload works: accepted verifications of this client
     * and certificate sign-ins, no older than {@link #proofSince}. Verifications of this client that
     * do not count are described in {@code rejected}.
     */
    static List<Proof> proofs(Workload workload, List<AssessedCredential> credentials, TenantSnapshot snapshot,
            Policy policy, Instant asOf, MigrationEvidence evidence, List<String> rejected) {
        Instant since = proofSince(policy, asOf);
        List<Proof> proofs = new ArrayList<>();
        for (Verification verification : evidence.verifications()) {
            if (!verification.clientId().equals(workload.appId())) {
                continue;
            }
            String why = rejection(verification, snapshot, since, asOf, evidence);
            KeyCredential matched = why != null ? null : credentials.stream().filter(AssessedCredential::isActiveCertificate)
                    .map(c -> key(workload, c))
                    .filter(k -> k != null && hasThumbprint(k, verification.thumbprint(), evidence)
                            && (k.startDateTime() == null
                                    || !verification.verifiedAt().isBefore(k.startDateTime().minus(CLOCK_SKEW))))
                    .findFirst().orElse(null);
            if (why == null && matched == null) {
                why = "is of certificate " + verification.thumbprint() + ", which is not an ACTIVE certificate of the "
                        + "workload registered before the verification";
            }
            if (why == null) {
                proofs.add(new Proof(requireNonNull(matched).keyId(), "certificate " + verification.thumbprint()
                        + " authenticated at " + verification.verifiedAt() + " (saved verification)", true));
            } else {
                rejected.add("the verification of " + verification.verifiedAt() + " " + why);
            }
        }
        SignInEvidence signIns = snapshot.signInEvidence();
        if (signIns != null) {
            for (AssessedCredential certificate : credentials) {
                if (certificate.isActiveCertificate() && certificate.keyId() != null) {
                    UUID keyId = UUID.fromString(certificate.keyId());
                    signIns.lastSignIn(keyId)
                            .filter(t -> !t.isBefore(since) && !t.isAfter(asOf.plus(CLOCK_SKEW)))
                            .ifPresent(t -> proofs.add(new Proof(keyId, describe(certificate) + " signed in on " + t
                                    + " (sign-in evidence)", false)));
                }
            }
        }
        return proofs;
    }

    /** One thing that shows a certificate works. */
    record Proof(UUID keyId, String text, boolean verification) {
    }

    /** Why a verification of this client does not count (before its certificate is looked for), or null. */
    private static @Nullable String rejection(Verification verification, TenantSnapshot snapshot, Instant since,
            Instant asOf, MigrationEvidence evidence) {
        UUID tenantId = snapshot.tenantId();
        UUID verifiedTenant = uuidOrNull(verification.tenant());
        if (tenantId != null && verifiedTenant == null) {
            return "names its tenant '" + verification.tenant() + "' by name, which cannot be matched to tenant " + tenantId
                    + "; verify again with the tenant id";
        }
        if (tenantId != null && !tenantId.equals(verifiedTenant)) {
            return "is for tenant " + verifiedTenant + ", not " + tenantId;
        }
        String authority = evidence.expectedAuthority();
        if (authority != null && tenantId == null) {
            return "cannot be matched to this tenant, whose id is not known (name the tenant by its id, a GUID)";
        }
        if (authority != null && !MigrationEvidence.sameAuthority(authority, verification.authorityHost())) {
            return "was issued by " + verification.authorityHost() + ", not by this tenant's identity endpoint " + authority;
        }
        if (verification.verifiedAt().isAfter(asOf.plus(CLOCK_SKEW))) {
            return "is dated after " + asOf;
        }
        if (verification.verifiedAt().isBefore(since)) {
            return "is older than " + since + "; verify again";
        }
        return null;
    }

    /**
     * Whether a registered key is the certificate with this thumbprint: by the thumbprint computed
     * from its bytes when known, else by its customKeyIdentifier in the encodings Graph stores
     * (the raw 20 bytes, the hex text, or the hex text decoded as Base64).
     */
    static boolean hasThumbprint(KeyCredential key, String thumbprint, MigrationEvidence evidence) {
        String computed = evidence.thumbprints().get(key.keyId());
        if (computed != null) {
            return computed.equalsIgnoreCase(thumbprint);
        }
        KeyIdentifier identifier = key.customKeyIdentifier();
        if (identifier == null || identifier.isEmpty()) {
            return false;
        }
        byte[] bytes = identifier.bytes();
        return HexFormat.of().formatHex(bytes).equalsIgnoreCase(thumbprint)
                || new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1).equalsIgnoreCase(thumbprint)
                || Base64.getEncoder().encodeToString(bytes).equalsIgnoreCase(thumbprint);
    }

    private static @Nullable KeyCredential key(Workload workload, AssessedCredential credential) {
        List<KeyCredential> keys = credential.location() == CredentialLocation.APPLICATION
                ? (workload.application() == null ? List.of() : workload.application().keyCredentials())
                : (workload.servicePrincipal() == null ? List.of() : workload.servicePrincipal().keyCredentials());
        return keys.stream().filter(k -> k.keyId().toString().equals(credential.keyId())).findFirst().orElse(null);
    }

    private static List<Refusal> incomplete(TenantSnapshot snapshot) {
        if (snapshot.complete()) {
            return List.of();
        }
        return List.of(new Refusal(RetirementRule.SCAN_INCOMPLETE, "the tenant was not read whole ("
                + snapshot.problems().size() + " problem(s)); what the workload holds is not known for sure: read again"));
    }

    static Optional<Workload> find(TenantSnapshot snapshot, UUID appId) {
        Application application = snapshot.applications().stream().filter(a -> a.appId().equals(appId)).findFirst()
                .orElse(null);
        ServicePrincipal servicePrincipal = snapshot.servicePrincipals().stream().filter(s -> s.appId().equals(appId))
                .findFirst().orElse(null);
        return application == null && servicePrincipal == null ? Optional.empty()
                : Optional.of(new Workload(appId, application, servicePrincipal));
    }

    private static @Nullable Target target(Workload workload, UUID keyId) {
        Application application = workload.application();
        if (application != null && has(application.passwordCredentials(), keyId)) {
            return new Target(CredentialLocation.APPLICATION, application.id());
        }
        ServicePrincipal servicePrincipal = workload.servicePrincipal();
        if (servicePrincipal != null && has(servicePrincipal.passwordCredentials(), keyId)) {
            return new Target(CredentialLocation.SERVICE_PRINCIPAL, servicePrincipal.id());
        }
        return null;
    }

    private static boolean has(List<PasswordCredential> passwords, UUID keyId) {
        return passwords.stream().anyMatch(p -> p.keyId().equals(keyId));
    }

    private static String notFound(Workload workload, List<AssessedCredential> credentials, UUID keyId) {
        String key = keyId.toString();
        Optional<AssessedCredential> other = credentials.stream().filter(c -> key.equals(c.keyId())).findFirst();
        if (other.isPresent()) {
            return keyId + " is a " + other.get().kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                    + " of " + workload.displayName() + ", not a password credential; retire-secret removes client secrets";
        }
        String secrets = credentials.stream().filter(c -> c.kind() == CredentialKind.SECRET).map(AssessedCredential::keyId)
                .collect(Collectors.joining(", "));
        return workload.displayName() + " has no password credential " + keyId
                + (secrets.isEmpty() ? " (it has no client secret)" : " (its client secrets: " + secrets + ")");
    }

    static String describe(AssessedCredential c) {
        StringBuilder text = new StringBuilder(c.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
        text.append(' ').append(c.keyId());
        if (c.displayName() != null && !c.displayName().isBlank()) {
            text.append(" '").append(c.displayName()).append('\'');
        }
        if (c.hint() != null) {
            text.append(" (hint ").append(c.hint()).append("...)");
        }
        if (c.end() != null) {
            text.append(c.status() == dev.app09.core.rules.CredentialStatus.EXPIRED ? ", ended " : ", ends ").append(c.end());
        }
        return text.toString();
    }

    private static String days(Duration window) {
        return window.toDays() + " days";
    }

    private static @Nullable UUID uuidOrNull(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The object a password sits on. */
    private record Target(CredentialLocation location, UUID objectId) {
    }
}
