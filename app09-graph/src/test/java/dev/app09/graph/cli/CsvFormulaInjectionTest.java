package dev.app09.graph.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import dev.app09.testkit.json.ExportFolder;
import dev.app09.testkit.tenant.FakeTenant;
import java.io.IOException;
import java.nio.file.Path;
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
    void the_scan_csv_starts_no_cell_with_a_formula() throws IOException {
        CommandRun run = CommandRun.of("scan", "--export", export.toString(), "--format", "csv");

        assertThat(run.status()).as("%s", run).isEqualTo(ExitCode.FAILING);
        assertNoFormula(run.out());
    }

    @Test
    void the_migration_plan_csv_starts_no_cell_with_a_formula() throws IOException {
        CommandRun run = CommandRun.of("migrate", "plan", "--export", export.toString(), "--format", "csv");

        assertThat(run.status()).as("%s", run).isEqualTo(ExitCode.PASS);
        assertNoFormula(run.out());
    }

    private static void assertNoFormula(String csv) throws IOException {
        List<List<String>> rows = parse(csv);
        assertThat(rows).as(csv).hasSize(NAMES.size() + 1);
        List<String> names = rows.stream().skip(1).map(row -> row.get(0)).toList();
        assertThat(names).as("each name, kept whole behind an apostrophe")
                .containsExactlyInAnyOrderElementsOf(NAMES.stream().map(n -> "'" + n).toList());
        for (List<String> row : rows) {
            assertThat(row).as("%s", row).noneMatch(cell -> !cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0);
        }
    }

    /** RFC 4180, read by Jackson's CSV reader: rows of cells, quotes undone. */
    private static List<List<String>> parse(String csv) throws IOException {
        try (MappingIterator<List<String>> rows = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY)
                .readerForListOf(String.class).readValues(csv)) {
            return rows.readAll();
        }
    }
}
