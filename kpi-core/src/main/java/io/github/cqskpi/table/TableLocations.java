package io.github.cqskpi.table;

import io.github.cqskpi.RecordError;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;

/**
 * Where each record of a table came from: its row, and the column of each field. An error the
 * engine finds in a record is told at a JSON Pointer; this puts the spreadsheet's row and
 * column letter at the end of its message, {@code "… (row 7, column C; hàng 7, cột C)"}, so that the person
 * who fills the sheet finds the cell.
 *
 * <p>Immutable once the table is read; safe to share.
 */
public final class TableLocations {

    private final int[] rows;
    private final int records;
    private final Map<String, String> columns;

    TableLocations(int[] rows, int records, Map<String, String> columns) {
        this.rows = rows;
        this.records = records;
        this.columns = Map.copyOf(columns);
    }

    /**
     * The number of records the table held.
     *
     * @return the count
     */
    public int records() {
        return records;
    }

    /**
     * The row a record came from, as a spreadsheet program numbers it.
     *
     * @param record the record's index, from 0
     * @return the row, from 2 (row 1 is the header)
     */
    public int row(int record) {
        Objects.checkIndex(record, records);
        return rows[record];
    }

    /**
     * The column letter of a field, named as the header named it ({@code unit.id},
     * {@code documents.total}).
     *
     * @param field the field
     * @return the letter, such as {@code C}, or {@code null} when the table has no such column
     */
    public String column(String field) {
        return columns.get(field);
    }

    /**
     * Where the value at a JSON Pointer of the request came from, in words.
     *
     * @param path a pointer such as {@code /records/5/metrics/documents.total}
     * @return {@code "row 7, column C; hàng 7, cột C"}, {@code "row 7; hàng 7"} when the pointer names no column, or
     *     {@code ""} when it names no record of the table
     */
    public String describe(String path) {
        if (!path.startsWith("/records/")) {
            return "";
        }
        int i = "/records/".length();
        int j = i;
        while (j < path.length() && Character.isDigit(path.charAt(j))) {
            j++;
        }
        int record;
        try {
            record = Integer.parseInt(path.substring(i, j));
        } catch (NumberFormatException e) {
            return "";
        }
        if (record < 0 || record >= records) {
            return "";
        }
        String column = columnOf(path.substring(j));
        // In English, as the rest of the message, then in Vietnamese for the people who fill the sheet.
        return column == null
                ? "row " + rows[record] + "; hàng " + rows[record]
                : "row " + rows[record] + ", column " + column + "; hàng " + rows[record] + ", cột " + column;
    }

    private String columnOf(String rest) {
        if (rest.startsWith("/" + Tables.STRAY)) {
            return rest.substring(Tables.STRAY.length() + 1);
        }
        String[] seg = rest.split("/", -1);
        if (seg.length < 3) {
            return null;
        }
        String field = switch (seg[1]) {
            case "unit", "period" -> seg[1] + "." + seg[2];
            case "metrics" -> seg[2].replace("~1", "/").replace("~0", "~");
            default -> null;
        };
        return field == null ? null : columns.get(field);
    }

    /**
     * An error with its row and column at the end of its message.
     *
     * @param error an error the engine found in a record of the table
     * @return the error, its message ending in {@code " (row 7, column C; hàng 7, cột C)"}
     */
    public RecordError locate(RecordError error) {
        String where = describe(error.path());
        if (where.isEmpty()) {
            return error;
        }
        return new RecordError(error.record(), error.unitId(), error.path(), error.code(),
                error.message() + " (" + where + ")");
    }

    /**
     * A stream that passes a JSON response through, each error's message ending in the row
     * and column its path names; every other byte is unchanged.
     *
     * @param out where the response goes; closed when the returned stream is
     * @return the stream to write the response to
     */
    public OutputStream locating(OutputStream out) {
        return new LocatingOutputStream(out, this);
    }

    @Override
    public String toString() {
        return "TableLocations[records=" + records + ", columns=" + columns + ", rows=" + Arrays.toString(
                Arrays.copyOf(rows, Math.min(records, 8))) + (records > 8 ? "…" : "") + "]";
    }
}
