package io.github.cqskpi.examples.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.cqskpi.KpiEngine;
import io.github.cqskpi.Limits;
import io.github.cqskpi.RequestOverrides;
import io.github.cqskpi.RuleSetInfo;
import io.github.cqskpi.RuleSetRef;
import io.github.cqskpi.UnreadableRequestException;
import io.github.cqskpi.table.CsvRows;
import io.github.cqskpi.table.TableRows;
import io.github.cqskpi.table.Tables;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every conformance vector's request, written as a table in the three forms (CSV with commas,
 * CSV with semicolons and a byte-order mark, XLSX), gives the response of its JSON twin byte for
 * byte, but for the row and column at the end of each error's message. A vector's records that
 * no table can hold exactly (a number where the contract wants text, an unknown field, a
 * duplicate key...) are left out of both.
 */
class TableConformanceTests {

    static final KpiEngine ENGINE = KpiEngine.builder().limits(Limits.unlimitedRecords()).build();
    static final Path VECTORS = Path.of("../kpi-rules/src/main/resources/io/github/cqskpi/rules/daknong2022");
    static final Pattern WHERE = Pattern.compile(" \\(row (\\d+)(, column [A-Z]+)?; hàng \\d+(, cột [A-Z]+)?\\)\"");

    @TestFactory
    Stream<DynamicTest> everyReadableVectorReadsTheSameAsATable() throws IOException {
        List<Path> requests;
        try (Stream<Path> s = Files.walk(VECTORS)) {
            requests = s.filter(p -> p.toString().endsWith(".request.json")).sorted().toList();
        }
        assertTrue(requests.size() >= 50, "the vectors are found: " + requests.size());
        List<DynamicTest> tests = new ArrayList<>();
        int[] rowsTested = {0};
        for (Path p : requests) {
            byte[] json = Files.readAllBytes(p);
            RuleSetRef ref;
            JsonNode tree;
            try {
                ref = ENGINE.evaluateJson(new ByteArrayInputStream(json), RequestOverrides.none()).ruleSet();
                tree = JsonTables.readJson(json);
            } catch (UnreadableRequestException | IOException e) {
                continue; // a request that is not read has no table twin
            }
            RuleSetInfo rs = ENGINE.ruleSet(ref.id(), ref.version()).orElseThrow();
            JsonTables.AsTable table = JsonTables.fromJson(tree, rs);
            if (table.rows().isEmpty() && tree.path("records").size() > 0) {
                continue;
            }
            RequestOverrides o = RequestOverrides.none().withRuleSet(ref.id() + "@" + ref.version());
            if (tree.has("asOf")) {
                o = o.withAsOf(java.time.LocalDate.parse(tree.get("asOf").asText()));
            }
            RequestOverrides overrides = o;
            byte[] twin = JsonTables.keepRecords(tree, table.records(), table.columns());
            String name = p.getFileName().toString().replace(".request.json", "");
            rowsTested[0] += table.rows().size();
            for (String form : List.of("csv", "csv;bom", "xlsx")) {
                tests.add(DynamicTest.dynamicTest(name + " as " + form + " (" + table.rows().size() + " of "
                        + tree.path("records").size() + " records)", () -> {
                    String expected = evaluateJson(twin);
                    String actual = evaluateTable(table, form, rs, overrides);
                    assertSameModuloLocation(expected, actual, table.rows().size());
                }));
            }
        }
        assertTrue(tests.size() >= 3 * 40, "most vectors have a table twin: " + tests.size() / 3);
        return tests.stream();
    }

    static String evaluateJson(byte[] json) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ENGINE.evaluateJson(new ByteArrayInputStream(json), out, RequestOverrides.none());
        return out.toString(StandardCharsets.UTF_8);
    }

    static byte[] write(JsonTables.AsTable table, String form) throws IOException {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        switch (form) {
            case "csv" -> TableFiles.writeCsv(table.columns(), table.rows().iterator(), TableFiles.Csv.COMMA, file);
            case "csv;bom" -> TableFiles.writeCsv(table.columns(), table.rows().iterator(),
                    TableFiles.Csv.SEMICOLON_BOM, file);
            default -> TableFiles.writeXlsx(table.columns(), table.rows().iterator(), null, file);
        }
        return file.toByteArray();
    }

    static String evaluateTable(JsonTables.AsTable table, String form, RuleSetInfo rs, RequestOverrides o)
            throws IOException {
        byte[] file = write(table, form);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TableRows rows = form.equals("xlsx") ? XlsxRows.open(new ByteArrayInputStream(file))
                : new CsvRows(new ByteArrayInputStream(file))) {
            Tables.evaluate(ENGINE, rows, out, o);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** Equal once each error's " (row N, column X)" is taken out; every error has one, on its record's row. */
    static void assertSameModuloLocation(String expected, String actual, int records) {
        Matcher m = WHERE.matcher(actual);
        int located = 0;
        while (m.find()) {
            located++;
            int row = Integer.parseInt(m.group(1));
            assertTrue(row >= 2 && row <= records + 1, "row " + row + " is a row of the table");
        }
        int errors = expected.split("\"path\":", -1).length - 1;
        assertEquals(errors, located, "every error names its row");
        assertEquals(expected, WHERE.matcher(actual).replaceAll("\""));
    }
}
