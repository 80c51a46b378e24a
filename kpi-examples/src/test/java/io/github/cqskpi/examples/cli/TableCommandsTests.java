package io.github.cqskpi.examples.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cqskpi.KpiEngine;
import io.github.cqskpi.RequestOverrides;
import io.github.cqskpi.RuleSetInfo;
import io.github.cqskpi.examples.table.XlsxRows;
import io.github.cqskpi.table.Cell;
import io.github.cqskpi.table.CsvRows;
import io.github.cqskpi.table.TableRows;
import io.github.cqskpi.table.Tables;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TableCommandsTests {

    static final Path SAMPLE_CSV = Path.of("src/main/resources/samples/dak-nong-2022.csv");
    static final Path SAMPLE_XLSX = Path.of("src/main/resources/samples/dak-nong-2022.xlsx");

    record Run(int status, byte[] out, String err) {
        String text() {
            return new String(out, UTF_8);
        }
    }

    static Run run(byte[] stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = new Main(new ByteArrayInputStream(stdin), new PrintStream(out, true, UTF_8),
                new PrintStream(err, true, UTF_8)).run(args);
        return new Run(status, out.toByteArray(), err.toString(UTF_8));
    }

    static Run run(String... args) {
        return run(new byte[0], args);
    }

    static final String HEAD = "unit.id,unit.level,period.from,period.to,documents.total,documents.electronic\n";

    @Nested
    class Evaluate {

        @Test
        void theSampleProvinceAsCsvAndXlsxGivesTheJsonsBytes() {
            Run json = run("evaluate", "--input", MainTests.SAMPLE.toString());
            assertEquals(0, json.status(), json.err());
            for (Path table : List.of(SAMPLE_CSV, SAMPLE_XLSX)) {
                Run r = run("evaluate", "--input", table.toString(), "--as-of", "2022-12-31",
                        "--rule-set", "dak-nong-2022@1.0.0");
                assertEquals(0, r.status(), r.err());
                assertEquals(json.text(), r.text(), table + " gives the JSON's bytes");
            }
        }

        @Test
        void aBadCellRejectsItsRecordNamingRowAndColumn(@TempDir Path dir) throws IOException {
            Path csv = dir.resolve("units.csv");
            Files.writeString(csv, HEAD + "x1,xã,2022-01-01,2022-12-31,100,100\n"
                    + "x2,COMMUNE,2022-01-01,2022-12-31,\"1,234\",5\n");
            Run r = run("evaluate", "--input", csv.toString(), "--as-of", "2022-12-31");
            assertEquals(Main.REJECTED, r.status(), r.err());
            assertTrue(r.text().contains("\"path\":\"/records/1/metrics/documents.total\",\"code\":\"INVALID_TYPE\","
                    + "\"message\":\"metric documents.total must be a count (an integer from 0 to 9007199254740991),"
                    + " not \\\"1,234\\\" (row 3, column E; hàng 3, cột E)\""), r.text());
            assertTrue(r.text().contains("\"record\":0,\"unitId\":\"x1\""), "the other row goes on");
        }

        @Test
        void anUnknownOrRepeatedColumnFailsTheWholeTable(@TempDir Path dir) throws IOException {
            Path unknown = dir.resolve("unknown.csv");
            Files.writeString(unknown, "unit.id;unit.level;period.from;period.to;Số văn bản (documents.totl)\n");
            Run r = run("evaluate", "--input", unknown.toString());
            assertEquals(Main.UNREADABLE, r.status());
            assertEquals(0, r.out().length, "nothing on standard output");
            assertTrue(r.err().contains("unknown column \"Số văn bản (documents.totl)\" (column E)"), r.err());
            Path twice = dir.resolve("twice.csv");
            Files.writeString(twice, HEAD.strip() + ",Tổng số văn bản (documents.total)\n");
            r = run("evaluate", "--input", twice.toString());
            assertEquals(Main.UNREADABLE, r.status());
            assertTrue(r.err().contains("column G names documents.total, as column E does"), r.err());
        }

        @Test
        void theInputFormatOverridesTheExtensionAndStandardInputIsJsonUnlessTold(@TempDir Path dir)
                throws IOException {
            Path txt = dir.resolve("units.txt");
            String table = HEAD + "x1,COMMUNE,2022-01-01,2022-12-31,100,99\n";
            Files.writeString(txt, table);
            Run r = run("evaluate", "--input", txt.toString(), "--input-format", "csv", "--as-of", "2022-12-31");
            assertEquals(0, r.status(), r.err());
            assertTrue(r.text().contains("\"status\":\"NOT_MET\""), r.text());
            assertEquals(Main.UNREADABLE, run(table.getBytes(UTF_8), "evaluate").status(), "stdin is JSON");
            Run stdin = run(table.getBytes(UTF_8), "evaluate", "--input-format", "csv", "--as-of", "2022-12-31");
            assertEquals(new String(r.out(), UTF_8), stdin.text());
            Run text = run("evaluate", "--input", txt.toString(), "--input-format", "csv", "--format", "text");
            assertEquals(0, text.status(), text.err());
            assertEquals(Main.UNREADABLE, run("evaluate", "--input-format", "ods").status());
        }
    }

    @Nested
    class Template {

        static List<String> header(TableRows rows) throws IOException {
            assertTrue(rows.next());
            List<String> out = new ArrayList<>();
            for (Cell c : rows.cells()) {
                out.add(((Cell.Text) c).value());
            }
            assertTrue(!rows.next() || rows.cells().stream().allMatch(Cell::blank), "no rows but the header");
            return out;
        }

        @Test
        void bothFormsListEveryColumnWithVietnameseLabelsAndReadBack() throws IOException {
            KpiEngine engine = KpiEngine.builder().build();
            RuleSetInfo rs = Tables.ruleSet(engine, RequestOverrides.none());
            Run csv = run("template");
            Run xlsx = run("template", "--format", "xlsx");
            assertEquals(0, csv.status(), csv.err());
            assertEquals(0, xlsx.status(), xlsx.err());
            List<String> fromCsv;
            try (TableRows rows = new CsvRows(new ByteArrayInputStream(csv.out()))) {
                fromCsv = header(rows);
            }
            List<String> fromXlsx;
            try (TableRows rows = XlsxRows.open(new ByteArrayInputStream(xlsx.out()))) {
                fromXlsx = header(rows);
            }
            assertEquals(fromCsv, fromXlsx);
            assertEquals(Tables.columns(rs), fromCsv.stream().map(Tables::key).toList(), "one column per key");
            assertEquals("Mã đơn vị (unit.id)", fromCsv.get(0));
            assertTrue(fromCsv.contains("Tổng số văn bản đi, đến (documents.total)"), fromCsv.toString());
            try (TableRows rows = new CsvRows(new ByteArrayInputStream(csv.out()))) {
                assertEquals(0, Tables.toJson(rows, rs, new ByteArrayOutputStream()).records(),
                        "the empty template reads back as a table of no records");
            }
            try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx.out()))) {
                List<Sheet> sheets = wb.getSheets().toList();
                assertEquals(List.of("Số liệu", "Giải thích"), sheets.stream().map(Sheet::getName).toList());
                var explained = sheets.get(1).read();
                assertEquals(fromCsv.size() + 1, explained.size(), "a line per column");
                String docs = explained.stream().filter(r -> "documents.total".equals(r.getCellText(1)))
                        .findFirst().orElseThrow().toString();
                assertTrue(docs.contains("số đếm") && docs.contains("DOC_ELECTRONIC"), docs);
            }
        }

        @Test
        void anOlderVersionAndAWrongFormatAreAsked() {
            Run r = run("template", "--rule-set", "dak-nong-2022@1.0.0");
            assertEquals(0, r.status(), r.err());
            assertTrue(!r.text().contains("dossiers.fullProcess.total"), "1.0.0 has no Decree 42 keys");
            assertTrue(run("template", "--rule-set", "dak-nong-2022@1.1.0").text().contains("dossiers.fullProcess.total"));
            assertEquals(Main.UNREADABLE, run("template", "--format", "ods").status());
        }
    }
}
