package dev.app09.core.report;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * The metadata of a control, as a report states it.
 *
 * @param id the control id
 * @param title what the control requires
 * @param category the control family
 * @param level the baseline level
 * @param severity the control's severity
 * @param advisory whether it is advisory (findings inform, nothing is enforced)
 * @param manual whether remediation is manual
 * @param relatedControls controls that cover neighbouring ground
 * @param requiredRoles the Entra roles needed to assess and to remediate
 */
public record Control(
        String id,
        String title,
        String category,
        String level,
        String severity,
        boolean advisory,
        boolean manual,
        List<RelatedControl> relatedControls,
        List<String> requiredRoles) {

    /** APP-09: applications use certificates instead of client secrets. */
    public static final Control APP_09 = new Control(
            "APP-09",
            "Applications use certificate credentials instead of client secrets",
            "Workload Identity & Applications",
            "Baseline Level 1 (Recommended Secure)",
            "Medium",
            true,
            true,
            List.of(new RelatedControl("APP-01", "Application ownership"),
                    new RelatedControl("APP-02", "Credential expiration: secrets of 12 months or less"),
                    new RelatedControl("APP-05", "Service principal credential hygiene"),
                    new RelatedControl("APP-10", "Workload identity federation adoption")),
            List.of("Global Reader (assessment: read applications, service principals and policies)",
                    "Reports Reader or Security Reader (credential sign-in activity)",
                    "Application Administrator or Cloud Application Administrator (migration: add "
                            + "certificates, remove secrets); an application owner for its own apps"));

    /**
     * A control named by this one.
     *
     * @param id its id
     * @param title what it covers
     */
    public record RelatedControl(String id, String title) {

        /** Validates. */
        public RelatedControl {
            requireNonNull(id, "id");
            requireNonNull(title, "title");
        }
    }

    /** Validates and copies. */
    public Control {
        requireNonNull(id, "id");
        requireNonNull(title, "title");
        requireNonNull(category, "category");
        requireNonNull(level, "level");
        requireNonNull(severity, "severity");
        relatedControls = List.copyOf(relatedControls);
        requiredRoles = List.copyOf(requiredRoles);
    }
}
