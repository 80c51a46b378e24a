package io.github.cqskpi.examples.table;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.cqskpi.RequestOverrides;
import io.github.cqskpi.table.TableRows;
import io.github.cqskpi.table.Tables;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * The sample's workbook opened and saved again by LibreOffice Calc 7.4, as a person would:
 * Calc writes a boolean cell as the formula {@code TRUE()} or {@code FALSE()} with its computed
 * value, and its dates with a format of its own. It still gives the JSON's response bytes.
 */
class LibreOfficeSavedWorkbookTests {

    @Test
    void givesTheJsonsBytesWithItsBooleansSavedAsFormulas() throws IOException {
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        SampleTablesTests.ENGINE.evaluateJson(SampleTablesTests.JSON, expected, RequestOverrides.none());
        ByteArrayOutputStream actual = new ByteArrayOutputStream();
        try (InputStream in = Files.newInputStream(Path.of("src/test/resources/tables/dak-nong-2022.libreoffice.xlsx"));
                TableRows rows = XlsxRows.open(in)) {
            Tables.evaluate(SampleTablesTests.ENGINE, rows, actual, RequestOverrides.none()
                    .withAsOf(LocalDate.of(2022, 12, 31)).withRuleSet("dak-nong-2022@1.0.0"));
        }
        assertEquals(expected.toString(StandardCharsets.UTF_8), actual.toString(StandardCharsets.UTF_8));
    }
}
