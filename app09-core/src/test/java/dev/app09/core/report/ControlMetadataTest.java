package dev.app09.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Control metadata, industry profiles and the effort estimate as the guidance states them. */
final class ControlMetadataTest {

    @Test
    void control_metadata_matches_the_guidance() {
        Control c = Control.APP_09;
        assertThat(c.id()).isEqualTo("APP-09");
        assertThat(c.category()).isEqualTo("Workload Identity & Applications");
        assertThat(c.level()).contains("Level 1");
        assertThat(c.severity()).isEqualTo("Medium");
        assertThat(c.advisory()).isTrue();
        assertThat(c.manual()).isTrue();
        assertThat(c.relatedControls()).extracting(Control.RelatedControl::id)
                .containsExactly("APP-01", "APP-02", "APP-05", "APP-10");
        assertThat(c.requiredRoles()).isNotEmpty();
    }

    @Test
    void industry_profiles_map_to_the_guidance_frameworks() {
        assertThat(Industry.FINANCIAL_SERVICES.frameworks()).containsExactly("soc2", "pci-dss", "nist-800-53", "iso27001");
        assertThat(Industry.TECHNOLOGY.frameworks()).containsExactly("soc2", "iso27001", "cis");
        assertThat(Industry.MANUFACTURING.frameworks()).containsExactly("iso27001", "nist-800-53", "cis");
        assertThat(Industry.HEALTHCARE.frameworks()).containsExactly("hipaa", "soc2", "nist-800-53");
        assertThat(Industry.values()).allSatisfy(i -> assertThat(i.commonThreats()).isNotEmpty());
    }

    @Test
    void industries_are_found_by_their_command_line_id() {
        assertThat(Industry.byId("financial-services")).contains(Industry.FINANCIAL_SERVICES);
        assertThat(Industry.byId("Healthcare")).contains(Industry.HEALTHCARE);
        assertThat(Industry.byId("retail")).isEmpty();
    }

    @Test
    void effort_is_the_inventory_once_plus_fifty_to_a_hundred_minutes_per_failing_workload() {
        assertThat(new EffortEstimate(0).minMinutes()).isEqualTo(30);
        assertThat(new EffortEstimate(0).maxMinutes()).isEqualTo(60);
        assertThat(new EffortEstimate(10).minMinutes()).isEqualTo(30 + 10 * 50);
        assertThat(new EffortEstimate(10).maxMinutes()).isEqualTo(60 + 10 * 100);
    }
}
