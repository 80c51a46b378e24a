package io.github.cqskpi.examples.report;

import static io.github.cqskpi.examples.report.ReportFixtures.parseCsv;
import static io.github.cqskpi.examples.report.ReportFixtures.report;
import static io.github.cqskpi.examples.report.ReportFixtures.request;
import static io.github.cqskpi.examples.report.ReportFixtures.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cqskpi.Operator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Text from a request must never become a spreadsheet formula (OWASP "CSV Injection"). */
class CsvCellsTests {

    @Test
    void aCellThatWouldStartAFormulaGetsALeadingApostrophe() {
        for (String cell : List.of("=HYPERLINK(\"http://evil.example\",\"x\")", "=1+1", "+cmd|' /C calc'!A0", "@SUM(A1)",
                "-2+3", "-", "--", "-x", "\tx", "\rx", "-1e3", "- 5")) {
            assertEquals("'" + cell, CsvCells.neutralize(cell), cell);
        }
    }

    @Test
    void ordinaryCellsAndNegativeNumbersAreUnchanged() {
        for (String cell : List.of("", "xa-quang-son", "Xã Quảng Sơn", "0", "12", "66.67", "-5", "-0.25", "a=b", "a,b",
                "'quoted", " =x", "\nx")) {
            assertEquals(cell, CsvCells.neutralize(cell), cell);
        }
    }

    @Test
    void everyOperatorIsAWordThatNoSpreadsheetReadsAsAFormula() {
        Set<String> words = new HashSet<>();
        for (Operator o : Operator.values()) {
            String w = CsvCells.operator(o);
            assertTrue(w.matches("[a-z]+"), o + " -> " + w);
            assertEquals(w, CsvCells.neutralize(w));
            assertTrue(words.add(w), "each operator its own word: " + w);
        }
        assertEquals("eq", CsvCells.operator(Operator.EQUAL));
        assertEquals("ge", CsvCells.operator(Operator.AT_LEAST));
        assertEquals("gt", CsvCells.operator(Operator.GREATER_THAN));
    }

    @Test
    void hostileUnitIdsAndNamesReachTheReportNeutralized() {
        String[][] units = {
            {"=HYPERLINK(\"http://evil.example\",\"x\")", "+SUM(1)", "COMMUNE"},
            {"@cmd", "-2+3", "COMMUNE"},
            {"\tTAB", "\rCR", "COMMUNE"},
            {"-5", "xa-binh-thuan", "COMMUNE"},
        };
        List<List<String>> rows = parseCsv(utf8(report("csv", request(units))));
        List<String> header = rows.get(0);
        int id = header.indexOf("unit_id");
        int name = header.indexOf("unit_name");
        int op = header.indexOf("required_operator");
        Set<String> ids = new HashSet<>();
        for (List<String> row : rows.subList(1, rows.size())) {
            ids.add(row.get(id));
            for (String cell : row) {
                boolean negative = cell.matches("-[0-9]+(\\.[0-9]+)?");
                assertFalse(!negative && !cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0,
                        "a cell a spreadsheet would run: " + row);
            }
            assertFalse(row.get(op).contains("="), row.toString());
        }
        assertEquals(Set.of("'=HYPERLINK(\"http://evil.example\",\"x\")", "'@cmd", "'\tTAB", "-5"), ids);
        assertTrue(rows.stream().anyMatch(r -> r.get(name).equals("'-2+3")));
        assertTrue(rows.stream().anyMatch(r -> r.get(name).equals("'\rCR")));
    }
}
