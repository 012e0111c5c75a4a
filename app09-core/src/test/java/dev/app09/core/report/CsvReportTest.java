package dev.app09.core.report;

import static dev.app09.core.Fixtures.AS_OF;
import static dev.app09.core.Fixtures.activeCertificate;
import static dev.app09.core.Fixtures.app;
import static dev.app09.core.Fixtures.federated;
import static dev.app09.core.Fixtures.id;
import static dev.app09.core.Fixtures.liveSecret;
import static org.assertj.core.api.Assertions.assertThat;

import dev.app09.core.Assessor;
import dev.app09.core.model.TenantSnapshot;
import dev.app09.core.rules.Policy;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** APP09-RULES.md section 6: the CSV report. */
final class CsvReportTest {

    private static String csv(TenantSnapshot snapshot) {
        StringBuilder out = new StringBuilder();
        CsvReport.write(Assessor.assess(snapshot, Policy.defaults(), AS_OF), out);
        return out.toString();
    }

    @Test
    void the_first_five_columns_are_the_guidance_inventory_in_order() {
        String header = csv(TenantSnapshot.of(List.of(), List.of())).lines().findFirst().orElseThrow();
        assertThat(header).startsWith("DisplayName,AppId,SecretCount,CertCount,SecretsOnly,");
        assertThat(header.split(",")).contains("FederatedCount", "Verdict", "Findings", "Origin", "ApplicationObjectId",
                "ServicePrincipalObjectId");
    }

    @Test
    void a_row_holds_counts_of_live_secrets_active_certificates_and_federation() {
        String text = csv(TenantSnapshot.of(List.of(app(id(1), "Payroll", liveSecret(), liveSecret(), activeCertificate(),
                federated())), List.of()));
        String row = text.split("\r\n")[1];
        assertThat(row).startsWith("Payroll," + id(1) + ",2,1,False,1,MIGRATION_OVERDUE,");
        assertThat(row).contains(",TENANT,");
    }

    @Test
    void secrets_only_is_true_for_a_workload_without_alternative() {
        String row = csv(TenantSnapshot.of(List.of(app(id(1), "Payroll", liveSecret())), List.of())).split("\r\n")[1];
        assertThat(row).startsWith("Payroll," + id(1) + ",1,0,True,0,SECRETS_ONLY,");
    }

    @Test
    void rows_end_with_crlf_as_rfc_4180_says() {
        assertThat(csv(TenantSnapshot.of(List.of(app(id(1), "A")), List.of()))).endsWith("\r\n").contains("\r\n");
    }

    static Stream<Arguments> cells() {
        return Stream.of(
                Arguments.of("plain", "plain"),
                Arguments.of("a, b", "\"a, b\""),
                Arguments.of("say \"hi\"", "\"say \"\"hi\"\"\""),
                Arguments.of("=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\""),
                Arguments.of("+1", "'+1"),
                Arguments.of("-2+3", "'-2+3"),
                Arguments.of("@SUM(A1)", "'@SUM(A1)"),
                Arguments.of("\tcmd", "'\tcmd"),
                Arguments.of("\rcmd", "\"'\rcmd\""),
                Arguments.of("-cmd|' /C calc'!A0", "'-cmd|' /C calc'!A0"),
                Arguments.of("=1,2", "\"'=1,2\""),
                Arguments.of("", ""));
    }

    @ParameterizedTest(name = "[{0}] is written as [{1}]")
    @MethodSource("cells")
    void cells_are_quoted_and_neutralised_against_formula_injection(String raw, String expected) {
        assertThat(CsvReport.cell(raw)).isEqualTo(expected);
    }

    @Test
    void a_display_name_with_a_line_break_stays_one_cell() {
        String text = csv(TenantSnapshot.of(List.of(app(id(1), "two\nlines")), List.of()));
        assertThat(text).contains("\"two\nlines\"," + id(1));
    }
}
