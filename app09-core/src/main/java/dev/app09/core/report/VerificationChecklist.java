package dev.app09.core.report;

import dev.app09.core.rules.FindingCode;
import dev.app09.core.rules.Verdict;
import java.util.List;

/** The guidance's verification checklist, each step ticked from what a report shows. */
final class VerificationChecklist {

    private VerificationChecklist() {
    }

    static List<ChecklistItem> of(Report report) {
        Summary s = report.summary();
        int secretsOnly = s.count(Verdict.SECRETS_ONLY);
        int withSecrets = secretsOnly + s.count(Verdict.MIGRATION_OVERDUE) + s.count(Verdict.MIGRATING);
        long expiring = count(report, FindingCode.CERTIFICATE_EXPIRING_SOON) + count(report, FindingCode.CERTIFICATE_EXPIRED);
        long certificateUnused = count(report, FindingCode.CERTIFICATE_UNUSED);
        long brokenExceptions = count(report, FindingCode.EXCEPTION_EXPIRED) + count(report, FindingCode.EXCEPTION_INVALID);
        boolean evidence = report.workloads().stream().anyMatch(w -> w.has(FindingCode.SECRET_IN_USE)
                || w.has(FindingCode.SECRET_UNUSED));
        return List.of(
                new ChecklistItem("All applications and service principals are inventoried for client secrets and certificates",
                        report.complete() ? ChecklistItem.State.DONE : ChecklistItem.State.OPEN,
                        report.complete() ? s.workloads() + " workloads read completely"
                                : "the scan is incomplete: " + report.problems().size() + " problem(s)"),
                new ChecklistItem("No application relies solely on client secrets",
                        secretsOnly == 0 ? ChecklistItem.State.DONE : ChecklistItem.State.OPEN,
                        secretsOnly + " workload(s) are SECRETS_ONLY"),
                new ChecklistItem("Certificates are uploaded as public keys only (.cer), never with a private key",
                        ChecklistItem.State.MANUAL, "Graph does not show what file was uploaded; check the upload process"),
                new ChecklistItem("Each application authenticates successfully with its certificate",
                        !evidence ? ChecklistItem.State.MANUAL
                                : certificateUnused == 0 ? ChecklistItem.State.DONE : ChecklistItem.State.OPEN,
                        !evidence ? "no sign-in evidence was read; test each application or read the evidence"
                                : certificateUnused + " certificate(s) unused while a secret is in use"),
                new ChecklistItem("Client secrets are removed once certificate authentication works",
                        withSecrets == 0 ? ChecklistItem.State.DONE : ChecklistItem.State.OPEN,
                        withSecrets + " workload(s) still hold live secrets outside an exception"),
                new ChecklistItem("Certificate expiry is monitored and renewals are registered before expiry",
                        expiring == 0 ? ChecklistItem.State.DONE : ChecklistItem.State.OPEN,
                        expiring + " certificate(s) expired or expiring soon"),
                new ChecklistItem("Exceptions are documented, approved and use short-lived secrets",
                        brokenExceptions == 0 ? ChecklistItem.State.DONE : ChecklistItem.State.OPEN,
                        s.count(Verdict.EXCEPTION) + " valid exception(s); "
                                + brokenExceptions + " expired or invalid"));
    }

    private static long count(Report report, FindingCode code) {
        return report.workloads().stream().filter(w -> w.has(code)).count();
    }
}
