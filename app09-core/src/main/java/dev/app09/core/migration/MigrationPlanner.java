package dev.app09.core.migration;

import static java.util.Objects.requireNonNull;

import dev.app09.core.model.TenantSnapshot;
import dev.app09.core.report.ChecklistItem;
import dev.app09.core.report.ChecklistItem.State;
import dev.app09.core.rules.AssessedCredential;
import dev.app09.core.rules.CredentialKind;
import dev.app09.core.rules.FindingCode;
import dev.app09.core.rules.Policy;
import dev.app09.core.rules.Verdict;
import dev.app09.core.rules.Workload;
import dev.app09.core.rules.WorkloadAssessment;
import dev.app09.core.rules.WorkloadRules;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * Plans a tenant's migration from its snapshot: each listed workload's {@link MigrationState},
 * its next step, which secrets {@link RetirementGuard} lets go now, and the guidance's
 * verification checklist ticked from evidence (saved verifications, sign-in evidence). Built on
 * the same rules as the report, so a plan and a scan of one snapshot never disagree on a verdict.
 *
 * <pre>{@code
 * MigrationPlan plan = MigrationPlanner.plan(snapshot, Policy.defaults(), asOf, MigrationEvidence.of(verifications));
 * plan.workloads().forEach(w -> System.out.println(w.displayName() + ": " + w.state() + ", " + w.nextStep()));
 * }</pre>
 */
public final class MigrationPlanner {

    private static final Comparator<WorkloadMigration> WORK_ORDER = Comparator
            .comparing(WorkloadMigration::state)
            .thenComparing(WorkloadMigration::displayName, String.CASE_INSENSITIVE_ORDER)
            .thenComparing(WorkloadMigration::appId);

    private MigrationPlanner() {
    }

    /**
     * @param snapshot the tenant as read
     * @param policy windows, exceptions and the listing rule (the same as for a scan)
     * @param asOf the plan's instant
     * @param evidence saved verifications and computed thumbprints
     * @return the plan
     */
    public static MigrationPlan plan(TenantSnapshot snapshot, Policy policy, Instant asOf, MigrationEvidence evidence) {
        requireNonNull(snapshot, "snapshot");
        requireNonNull(policy, "policy");
        requireNonNull(asOf, "asOf");
        requireNonNull(evidence, "evidence");
        List<WorkloadMigration> planned = new ArrayList<>();
        for (Workload workload : Workload.joinAll(snapshot)) {
            WorkloadAssessment assessment = WorkloadRules.assess(workload, policy, asOf, snapshot.signInEvidence());
            if (assessment.listed(policy.listAllWorkloads())) {
                planned.add(plan(workload, assessment, snapshot, policy, asOf, evidence));
            }
        }
        planned.sort(WORK_ORDER);
        return new MigrationPlan(snapshot.tenantId(), asOf, snapshot.problems(), planned);
    }

    private static WorkloadMigration plan(Workload workload, WorkloadAssessment assessment, TenantSnapshot snapshot,
            Policy policy, Instant asOf, MigrationEvidence evidence) {
        List<AssessedCredential> credentials = assessment.credentials();
        List<UUID> ready = new ArrayList<>();
        List<RetirementDecision> blocked = new ArrayList<>();
        for (AssessedCredential secret : credentials) {
            if (secret.kind() == CredentialKind.SECRET && secret.isLiveSecret() && secret.keyId() != null) {
                RetirementDecision decision = RetirementGuard.decide(workload, credentials, snapshot, policy, asOf,
                        UUID.fromString(secret.keyId()), evidence);
                if (decision.allowed()) {
                    ready.add(decision.keyId());
                } else {
                    blocked.add(decision);
                }
            }
        }
        MigrationState state = state(assessment.verdict(), ready);
        List<String> proofs = RetirementGuard.proofs(workload, credentials, snapshot, policy, asOf, evidence,
                new ArrayList<>()).stream().map(RetirementGuard.Proof::text).toList();
        return new WorkloadMigration(workload.appId(), assessment.displayName(), assessment.origin(),
                assessment.applicationObjectId(), assessment.verdict(), state,
                NextStep.of(state, assessment, ready, blocked), ready, blocked,
                state == MigrationState.NOTHING_TO_DO ? List.of() : checklist(assessment, snapshot, proofs));
    }

    private static MigrationState state(Verdict verdict, List<UUID> ready) {
        return switch (verdict) {
            case NOT_APPLICABLE, NO_CREDENTIALS -> MigrationState.NOTHING_TO_DO;
            case EXCEPTION -> MigrationState.EXCEPTION;
            case CERTIFICATE, FEDERATED -> MigrationState.DONE;
            case SECRETS_ONLY -> MigrationState.NEEDS_CERTIFICATE;
            case MIGRATING, MIGRATION_OVERDUE -> ready.isEmpty()
                    ? MigrationState.CERTIFICATE_UNPROVEN : MigrationState.READY_TO_RETIRE_SECRET;
        };
    }

    /** The guidance's verification checklist, for one workload. */
    private static List<ChecklistItem> checklist(WorkloadAssessment assessment, TenantSnapshot snapshot,
            List<String> proofs) {
        List<AssessedCredential> credentials = assessment.credentials();
        long alternatives = credentials.stream().filter(AssessedCredential::isUsableAlternative).count();
        int secrets = assessment.secretCount();
        boolean expiring = assessment.has(FindingCode.CERTIFICATE_EXPIRING_SOON)
                || assessment.has(FindingCode.CERTIFICATE_EXPIRED);
        return List.of(
                new ChecklistItem("A certificate (public key only) or a federated credential is registered",
                        alternatives > 0 ? State.DONE : State.OPEN,
                        alternatives > 0 ? alternatives + " active certificate(s) or federated credential(s)"
                                : "no active certificate and no federated credential"),
                new ChecklistItem("The application authenticates successfully with its certificate",
                        !proofs.isEmpty() ? State.DONE : snapshot.signInEvidence() == null ? State.MANUAL : State.OPEN,
                        !proofs.isEmpty() ? String.join("; ", proofs)
                                : snapshot.signInEvidence() == null
                                        ? "no saved verification and no sign-in evidence: run app09 migrate verify"
                                        : "no saved verification, and no certificate sign-in in the sign-in evidence"),
                new ChecklistItem("Client secrets are removed once certificate authentication works",
                        secrets == 0 ? State.DONE : State.OPEN,
                        secrets == 0 ? "no live secret" : secrets + " live secret(s)"),
                expiry(credentials, expiring));
    }

    /**
     * Monitoring is a process no snapshot shows: the item is OPEN when a certificate is expired or
     * ends soon without a successor, or when there is nothing to renew yet; DONE only for federation,
     * which does not expire; otherwise for a person to check.
     */
    private static ChecklistItem expiry(List<AssessedCredential> credentials, boolean expiring) {
        String text = "Certificate expiry is monitored and a renewal registered before expiry";
        if (expiring) {
            return new ChecklistItem(text, State.OPEN, "a certificate is expired or ends soon without a successor");
        }
        if (credentials.stream().anyMatch(AssessedCredential::isActiveCertificate)) {
            return new ChecklistItem(text, State.MANUAL, "no certificate ends soon without a successor; check that "
                    + "expiry is monitored");
        }
        return credentials.stream().anyMatch(c -> c.kind() == CredentialKind.FEDERATED)
                ? new ChecklistItem(text, State.DONE, "federated credentials do not expire")
                : new ChecklistItem(text, State.OPEN, "no active certificate yet");
    }
}
