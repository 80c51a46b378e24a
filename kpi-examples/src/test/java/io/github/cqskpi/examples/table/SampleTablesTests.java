package io.github.cqskpi.examples.table;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.cqskpi.KpiEngine;
import io.github.cqskpi.Limits;
import io.github.cqskpi.RuleSetInfo;
import io.github.cqskpi.examples.SampleProvince;
import io.github.cqskpi.table.CsvRows;
import io.github.cqskpi.table.TableRows;
import io.github.cqskpi.table.Tables;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The sample province ships as a table too, beside its JSON: {@code dak-nong-2022.csv}
 * (semicolons and a byte-order mark, as a spreadsheet program set to Vietnamese writes it) and
 * {@code dak-nong-2022.xlsx}, both with the template's labelled header. They are generated from
 * the JSON by {@link #generate()}; run with {@code -Dsamples.write=true} to write them again.
 */
class SampleTablesTests {

    static final Path JSON = Path.of("src/main/resources/samples/dak-nong-2022.json");
    static final Path CSV = Path.of("src/main/resources/samples/dak-nong-2022.csv");
    static final Path XLSX = Path.of("src/main/resources/samples/dak-nong-2022.xlsx");
    static final KpiEngine ENGINE = KpiEngine.builder().limits(Limits.unlimitedRecords()).build();

    record Generated(byte[] csv, byte[] xlsx, int records) {
    }

    static Generated generate() throws IOException {
        JsonNode request = JsonTables.readJson(SampleProvince.json().getBytes(StandardCharsets.UTF_8));
        RuleSetInfo rs = ENGINE.ruleSet(request.get("ruleSet").asText(),
                request.get("ruleSetVersion").asText()).orElseThrow();
        JsonTables.AsTable t = JsonTables.fromJson(request, rs);
        assertEquals(request.get("records").size(), t.rows().size(), "every record of the sample is a row");
        var header = TableFiles.header(t.columns(), TableFiles.labels(rs));
        ByteArrayOutputStream csv = new ByteArrayOutputStream();
        TableFiles.writeCsv(header, t.rows().iterator(), TableFiles.Csv.SEMICOLON_BOM, csv);
        ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
        TableFiles.writeXlsx(header, t.rows().iterator(), TableFiles.explanation(rs, t.columns(),
                TableFiles.labels(rs)), xlsx);
        return new Generated(csv.toByteArray(), xlsx.toByteArray(), t.rows().size());
    }

    static String twin(TableRows rows) throws IOException {
        ByteArrayOutputStream json = new ByteArrayOutputStream();
        RuleSetInfo rs = ENGINE.ruleSet("dak-nong-2022", "1.0.0").orElseThrow();
        Tables.toJson(rows, rs, json);
        return json.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theCommittedTablesAreTheGeneratorsOutput() throws IOException {
        Generated g = generate();
        if (Boolean.getBoolean("samples.write")) {
            Files.write(CSV, g.csv());
            Files.write(XLSX, g.xlsx());
        }
        assertArrayEquals(g.csv(), Files.readAllBytes(CSV), "dak-nong-2022.csv is the generator's; "
                + "run this test with -Dsamples.write=true after changing the sample");
        // An XLSX holds its time of writing: compare what it reads as, not its bytes.
        String fromCsv;
        try (TableRows rows = new CsvRows(new ByteArrayInputStream(g.csv()))) {
            fromCsv = twin(rows);
        }
        try (TableRows rows = XlsxRows.open(XLSX.toFile())) {
            assertEquals(fromCsv, twin(rows), "dak-nong-2022.xlsx reads as the CSV does");
        }
    }
}
