package dev.app09.core.rules;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The verdict on one workload, with its findings and classified credentials.
 *
 * @param appId the application (client) id
 * @param displayName the application's display name, else the service principal's
 * @param origin where the workload comes from
 * @param applicationObjectId the application object's id, when it lives in this tenant
 * @param servicePrincipalObjectId the service principal's id, when one exists
 * @param verdict the verdict
 * @param findings what was found, in rule order
 * @param credentials every credential on both objects, the application's first
 */
public record WorkloadAssessment(
        UUID appId,
        String displayName,
        Origin origin,
        @Nullable UUID applicationObjectId,
        @Nullable UUID servicePrincipalObjectId,
        Verdict verdict,
        List<Finding> findings,
        List<AssessedCredential> credentials) {

    /** Validates and copies. */
    public WorkloadAssessment {
        requireNonNull(appId, "appId");
        requireNonNull(displayName, "displayName");
        requireNonNull(origin, "origin");
        requireNonNull(verdict, "verdict");
        findings = List.copyOf(findings);
        credentials = List.copyOf(credentials);
    }

    /** @return whether the verdict fails the control */
    public boolean failing() {
        return verdict.failing();
    }

    /** @return the number of live secrets (client secrets and symmetric keys not expired) */
    public int secretCount() {
        int count = 0;
        for (AssessedCredential c : credentials) {
            if (c.isLiveSecret()) {
                count++;
            }
        }
        return count;
    }

    /** @return the number of ACTIVE certificates */
    public int certificateCount() {
        int count = 0;
        for (AssessedCredential c : credentials) {
            if (c.isActiveCertificate()) {
                count++;
            }
        }
        return count;
    }

    /** @return the number of federated credentials */
    public int federatedCount() {
        int count = 0;
        for (AssessedCredential c : credentials) {
            if (c.kind() == CredentialKind.FEDERATED) {
                count++;
            }
        }
        return count;
    }

    /** @return whether it has live secrets and no usable alternative (the guidance's "SecretsOnly") */
    public boolean secretsOnly() {
        boolean liveSecret = false;
        for (AssessedCredential c : credentials) {
            if (c.isUsableAlternative()) {
                return false;
            }
            liveSecret |= c.isLiveSecret();
        }
        return liveSecret;
    }

    /**
     * @param code a finding code
     * @return whether a finding with this code was made
     */
    public boolean has(FindingCode code) {
        for (Finding f : findings) {
            if (f.code() == code) {
                return true;
            }
        }
        return false;
    }

    /**
     * The listing rule of APP09-RULES.md section 3: Microsoft and external workloads that carry no
     * credential of any kind are counted but not listed, unless asked for.
     *
     * @param listAll whether every workload is listed
     * @return whether this workload belongs in the workload list
     */
    public boolean listed(boolean listAll) {
        return listAll || !credentials.isEmpty() || origin != Origin.MICROSOFT && origin != Origin.EXTERNAL;
    }
}
