package io.github.cqskpi.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cqskpi.UnreadableRequestException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvRowsTests {

    static List<List<String>> read(byte[] csv) throws IOException {
        List<List<String>> out = new ArrayList<>();
        try (CsvRows rows = new CsvRows(new ByteArrayInputStream(csv))) {
            while (rows.next()) {
                assertEquals(out.size() + 1, rows.row(), "rows count from 1");
                out.add(rows.cells().stream().map(c -> ((Cell.Text) c).value()).toList());
            }
        }
        return out;
    }

    static List<List<String>> read(String csv) throws IOException {
        return read(csv.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsQuotedFieldsWithSeparatorsQuotesAndLineBreaks() throws IOException {
        assertEquals(List.of(List.of("a", "b,c", "say \"hi\""), List.of("x\r\ny", "", "z")),
                read("a,\"b,c\",\"say \"\"hi\"\"\"\r\n\"x\r\ny\",,z\r\n"));
    }

    @Test
    void theHeaderDecidesTheSeparatorAndAByteOrderMarkIsSkipped() throws IOException {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write(bom);
        b.write("Tổng số văn bản đi, đến (documents.total);unit.id\n1,5;x\n".getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of(List.of("Tổng số văn bản đi, đến (documents.total)", "unit.id"), List.of("1,5", "x")),
                read(b.toByteArray()));
        try (CsvRows rows = new CsvRows(new ByteArrayInputStream(
                "Mã (unit.id),Cấp; tỉnh (unit.level)\n".getBytes(StandardCharsets.UTF_8)))) {
            assertEquals(',', rows.separator(), "the split that gives names wins");
        }
        try (CsvRows rows = new CsvRows(new ByteArrayInputStream("x\n".getBytes(StandardCharsets.UTF_8)))) {
            assertEquals(',', rows.separator(), "a comma when neither reads better");
        }
        try (CsvRows rows = new CsvRows(new ByteArrayInputStream("\"a;b;c\",d\n".getBytes(StandardCharsets.UTF_8)))) {
            assertEquals(',', rows.separator(), "separators inside quotes do not count");
        }
    }

    @Test
    void linesEndInLfOrCrlfAndTheLastMayHaveNoEnd() throws IOException {
        assertEquals(List.of(List.of("a", "b"), List.of("c", "d"), List.of("e", "f")), read("a,b\nc,d\r\ne,f"));
        assertEquals(List.of(List.of("a"), List.of("")), read("a\n\n"));
        assertEquals(List.of(), read(""));
    }

    @Test
    void refusesAnOpenQuoteBytesThatAreNotUtf8AndAHugeCell() {
        UnreadableRequestException open = assertThrows(UnreadableRequestException.class, () -> read("a,b\n\"c,d\n"));
        assertTrue(open.getMessage().contains("row 2"), open.getMessage());
        byte[] latin1 = "unit.id\nx\u00e3\n".getBytes(StandardCharsets.ISO_8859_1);
        UnreadableRequestException notUtf8 = assertThrows(UnreadableRequestException.class, () -> read(latin1));
        assertTrue(notUtf8.getMessage().contains("not UTF-8"), notUtf8.getMessage());
        String huge = "a\n\"" + "x".repeat(CsvRows.MAX_CELL + 1) + "\"\n";
        assertThrows(UnreadableRequestException.class, () -> read(huge));
    }

    @Test
    void headerCellsNameTheKeyAloneOrInParenthesesAtTheEnd() {
        assertEquals("documents.total", Tables.key("Tổng số văn bản đi, đến (documents.total)"));
        assertEquals("unit.level", Tables.key(" Cấp (tỉnh, huyện, xã) (unit.level) "));
        assertEquals("unit.id", Tables.key("unit.id"));
        assertEquals("A", Tables.columnLetter(0));
        assertEquals("Z", Tables.columnLetter(25));
        assertEquals("AA", Tables.columnLetter(26));
        assertEquals("AZ", Tables.columnLetter(51));
        assertEquals("BA", Tables.columnLetter(52));
    }

    @Test
    void locationsRewriteOnlyErrorMessagesAndKeepEveryOtherByte() throws IOException {
        TableLocations where = new TableLocations(new int[] {2, 4}, 2,
                java.util.Map.of("documents.total", "E", "unit.id", "A"));
        String response = "{\"results\":[\n{\"record\":0,\"message\":{\"vi\":\"a\",\"en\":\"b\"}}],\n\"errors\":[\n"
                + "{\"record\":1,\"unitId\":\"q\\\"\\\\\",\"path\":\"/records/1/metrics/documents.total\","
                + "\"code\":\"INVALID_TYPE\",\"message\":\"bad \\\"x\\\"\"},\n"
                + "{\"record\":1,\"unitId\":null,\"path\":\"/records/1\",\"code\":\"X\",\"message\":\"m\"}\n]}";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (var s = where.locating(out)) {
            byte[] b = response.getBytes(StandardCharsets.UTF_8);
            s.write(b, 0, 37);
            s.write(b, 37, b.length - 37);
        }
        assertEquals(response.replace("bad \\\"x\\\"\"", "bad \\\"x\\\" (row 4, column E; hàng 4, cột E)\"")
                .replace("\"message\":\"m\"", "\"message\":\"m (row 4; hàng 4)\""), out.toString(StandardCharsets.UTF_8));
    }
}
