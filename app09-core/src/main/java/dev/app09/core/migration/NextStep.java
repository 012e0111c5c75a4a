package dev.app09.core.migration;

import dev.app09.core.rules.AssessedCredential;
import dev.app09.core.rules.CredentialKind;
import dev.app09.core.rules.WorkloadAssessment;
import java.util.List;
import java.util.UUID;

/** The one next step of a workload, as a sentence naming the app09 command that takes it. */
final class NextStep {

    private NextStep() {
    }

    static String of(MigrationState state, WorkloadAssessment workload, List<UUID> ready, List<RetirementDecision> blocked) {
        String appId = workload.appId().toString();
        return switch (state) {
            case NEEDS_CERTIFICATE -> workload.applicationObjectId() == null
                    ? "The application is registered in another tenant: its publisher registers certificates there. "
                            + "Remove the secret from this tenant's service principal once nothing uses it."
                    : "Create a certificate (app09 cert create), give the client its private key, and upload the public "
                            + "key: app09 migrate upload-cert --app-id " + appId + " --certificate FILE.cer";
            case CERTIFICATE_UNPROVEN -> unproven(workload, blocked);
            case READY_TO_RETIRE_SECRET -> "Retire secret " + ready.get(0) + ": app09 migrate retire-secret --app-id "
                    + appId + " --key-id " + ready.get(0) + " (with --verification FILE if a saved verification proved the"
                    + " certificate; a dry run until you add --confirm)"
                    + (ready.size() > 1 ? "; " + (ready.size() - 1) + " more secret(s) are ready" : "");
            case DONE -> workload.credentials().stream().anyMatch(c -> c.kind() == CredentialKind.SYMMETRIC_KEY)
                    ? "Nothing for APP-09; remove the expired symmetric keys when convenient."
                    : "Nothing: no client secret remains.";
            case EXCEPTION -> "Covered by a documented exception: migrate before it expires.";
            case NOTHING_TO_DO -> "Nothing to migrate.";
        };
    }

    private static String unproven(WorkloadAssessment workload, List<RetirementDecision> blocked) {
        for (RetirementDecision decision : blocked) {
            if (decision.refusedBy(RetirementRule.SECRET_IN_USE)) {
                return "Switch the client to the certificate: secret " + decision.keyId()
                        + " still signs in (SECRET_IN_USE); retire it once it is unused.";
            }
        }
        for (RetirementDecision decision : blocked) {
            if (decision.refusals().size() == 1 && decision.refusedBy(RetirementRule.USAGE_UNKNOWN)) {
                return "Whether a client still uses secret " + decision.keyId() + " is not known (USAGE_UNKNOWN: the "
                        + "sign-in evidence was not read, is empty, or cannot show yet a secret created inside the usage "
                        + "window): check by hand that no client uses secret " + decision.keyId()
                        + ", then app09 migrate retire-secret --app-id " + workload.appId() + " --key-id " + decision.keyId()
                        + " --without-usage-evidence";
            }
        }
        for (RetirementDecision decision : blocked) {
            if (decision.refusedBy(RetirementRule.CERTIFICATE_NOT_PROVEN)) {
                return workload.credentials().stream().anyMatch(AssessedCredential::isActiveCertificate)
                        ? "Prove the certificate works: app09 migrate verify --tenant-id TENANT --client-id "
                                + workload.appId() + " --certificate FILE.pfx --out VERIFICATION.json"
                        : "Federation is in place: remove the secret by hand once the workload signs in with it "
                                + "(app09 cannot prove a federated sign-in).";
            }
        }
        if (blocked.isEmpty()) {
            return "Remove the live symmetric keys by hand (retire-secret removes client secrets only).";
        }
        RetirementDecision first = blocked.get(0);
        return "Resolve " + first.refusals().get(0) + ".";
    }
}
