package dev.app09.core.report;

import java.util.List;
import java.util.Optional;

/** Industry profiles of the APP-09 guidance: the frameworks each maps to and its common threats. */
public enum Industry {
    /** Financial services and banking. */
    FINANCIAL_SERVICES("financial-services", "Financial services & banking",
            List.of("soc2", "pci-dss", "nist-800-53", "iso27001"),
            List.of("A client secret leaked from source control or a pipeline log opens payment and customer-data APIs",
                    "Long-lived secrets shared between teams outlive the people and systems that needed them",
                    "Attackers add secrets to service principals to keep access after an incident")),
    /** Technology and software. */
    TECHNOLOGY("technology", "Technology & software",
            List.of("soc2", "iso27001", "cis"),
            List.of("Secrets committed to repositories or baked into container images",
                    "CI/CD pipelines holding tenant-wide secrets instead of federated credentials",
                    "Multi-tenant applications whose shared secret compromises every customer tenant")),
    /** Manufacturing and industrial. */
    MANUFACTURING("manufacturing", "Manufacturing & industrial",
            List.of("iso27001", "nist-800-53", "cis"),
            List.of("Secrets stored in plain configuration on plant-floor and OT integration hosts",
                    "Supplier and integrator applications keeping secrets long after a project ends",
                    "Unrotated secrets in legacy integrations that nobody owns any more")),
    /** Healthcare and life sciences. */
    HEALTHCARE("healthcare", "Healthcare & life sciences",
            List.of("hipaa", "soc2", "nist-800-53"),
            List.of("A leaked secret exposes protected health information through clinical integrations",
                    "Third-party research and device applications holding long-lived secrets",
                    "Secrets without an owner on applications that reach patient records"));

    private final String id;
    private final String title;
    private final List<String> frameworks;
    private final List<String> commonThreats;

    Industry(String id, String title, List<String> frameworks, List<String> commonThreats) {
        this.id = id;
        this.title = title;
        this.frameworks = frameworks;
        this.commonThreats = commonThreats;
    }

    /** @return the id used on the command line, e.g. {@code financial-services} */
    public String id() {
        return id;
    }

    /** @return the title for people */
    public String title() {
        return title;
    }

    /** @return the compliance frameworks this control maps to in this industry */
    public List<String> frameworks() {
        return frameworks;
    }

    /** @return the threats the guidance names for this industry */
    public List<String> commonThreats() {
        return commonThreats;
    }

    /**
     * @param id an industry id such as {@code healthcare}
     * @return the profile, or empty when no profile has this id
     */
    public static Optional<Industry> byId(String id) {
        for (Industry industry : values()) {
            if (industry.id.equalsIgnoreCase(id)) {
                return Optional.of(industry);
            }
        }
        return Optional.empty();
    }
}
