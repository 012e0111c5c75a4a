package dev.app09.graph.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.app09.testkit.json.ExportFolder;
import dev.app09.testkit.tenant.FakeTenant;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Display names come from the tenant, where anyone who can register an application chooses them:
 * in the CSV files app09 writes (the scan's, the migration plan's) none starts a formula when a
 * spreadsheet opens it. Every cell is read back as a spreadsheet would, quotes removed.
 */
final class CsvFormulaInjectionTest {

    /** The characters spreadsheets start a formula with, and the tab and carriage return that hide one. */
    private static final List<String> NAMES = List.of("=HYPERLINK(\"http://evil.example\",\"Payroll\")", "+cmd",
            "-2+3", "@SUM(1+1)", "\t=1+1", "\r=1+1", "=cmd|' /C calc'!A0", "-cmd|' /C calc'!A0");

    @TempDir
    static Path export;

    @BeforeAll
    static void writeExport() {
        FakeTenant tenant = FakeTenant.create();
        for (String name : NAMES) {
            tenant.application(name, a -> a.secret());
        }
        ExportFolder.write(tenant.build(), export);
    }

    @Test
    void the_scan_csv_starts_no_cell_with_a_formula() {
        CommandRun run = CommandRun.of("scan", "--export", export.toString(), "--format", "csv");

        assertThat(run.status()).as("%s", run).isEqualTo(ExitCode.FAILING);
        assertNoFormula(run.out());
    }

    @Test
    void the_migration_plan_csv_starts_no_cell_with_a_formula() {
        CommandRun run = CommandRun.of("migrate", "plan", "--export", export.toString(), "--format", "csv");

        assertThat(run.status()).as("%s", run).isEqualTo(ExitCode.PASS);
        assertNoFormula(run.out());
    }

    private static void assertNoFormula(String csv) {
        List<List<String>> rows = parse(csv);
        assertThat(rows).as(csv).hasSize(NAMES.size() + 1);
        List<String> names = rows.stream().skip(1).map(row -> row.get(0)).toList();
        assertThat(names).as("each name, kept whole behind an apostrophe")
                .containsExactlyInAnyOrderElementsOf(NAMES.stream().map(n -> "'" + n).toList());
        for (List<String> row : rows) {
            assertThat(row).as("%s", row).noneMatch(cell -> !cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0);
        }
    }

    /** RFC 4180: cells split by commas, rows by CRLF, quoted cells may hold both and doubled quotes. */
    private static List<List<String>> parse(String csv) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < csv.length(); i++) {
            char c = csv.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\r' && i + 1 < csv.length() && csv.charAt(i + 1) == '\n') {
                row.add(cell.toString());
                cell.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i++;
            } else {
                cell.append(c);
            }
        }
        return rows;
    }
}
