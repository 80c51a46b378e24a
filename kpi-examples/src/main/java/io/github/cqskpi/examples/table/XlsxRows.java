package io.github.cqskpi.examples.table;

import io.github.cqskpi.UnreadableRequestException;
import io.github.cqskpi.table.Cell;
import io.github.cqskpi.table.TableRows;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;

/**
 * Reads the first sheet of an XLSX workbook a row at a time, streaming (fastexcel-reader):
 * text, number, boolean and date cells (a number whose format shows a day). A formula cell
 * gives its last computed value, of the type the file gives it; an error cell ({@code #DIV/0!}) its text, which no column
 * accepts.
 */
public final class XlsxRows implements TableRows {

    private final ReadableWorkbook workbook;
    private final Stream<Row> stream;
    private final Iterator<Row> rows;
    private List<Cell> cells = List.of();
    private int row;

    private XlsxRows(ReadableWorkbook workbook) throws IOException {
        this.workbook = workbook;
        this.stream = workbook.getFirstSheet().openStream();
        this.rows = stream.iterator();
    }

    /**
     * Opens a workbook file.
     *
     * @param file the .xlsx file
     * @return the rows of its first sheet
     * @throws IOException when the file cannot be read
     * @throws UnreadableRequestException when it is not an XLSX workbook
     */
    public static XlsxRows open(File file) throws IOException {
        try {
            return new XlsxRows(new ReadableWorkbook(file, new ReadingOptions(true, false)));
        } catch (IOException | RuntimeException e) {
            throw unreadable(e);
        }
    }

    /**
     * Opens a workbook from its bytes.
     *
     * @param xlsx the bytes; read to the end
     * @return the rows of its first sheet
     * @throws IOException when reading fails
     * @throws UnreadableRequestException when it is not an XLSX workbook
     */
    public static XlsxRows open(InputStream xlsx) throws IOException {
        try {
            return new XlsxRows(new ReadableWorkbook(xlsx, new ReadingOptions(true, false)));
        } catch (IOException | RuntimeException e) {
            throw unreadable(e);
        }
    }

    private static UnreadableRequestException unreadable(Exception e) {
        return new UnreadableRequestException("", "not an XLSX workbook: " + e.getMessage(), e);
    }

    @Override
    public boolean next() {
        try {
            if (!rows.hasNext()) {
                cells = List.of();
                return false;
            }
            Row r = rows.next();
            row = r.getRowNum();
            List<Cell> out = new ArrayList<>(r.getCellCount());
            for (int i = 0; i < r.getCellCount(); i++) {
                out.add(cell(r.getCell(i)));
            }
            cells = Collections.unmodifiableList(out);
            return true;
        } catch (UnreadableRequestException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new UnreadableRequestException("", "the XLSX workbook cannot be read after row " + row + ": "
                    + e.getMessage(), e);
        }
    }

    private static Cell cell(org.dhatim.fastexcel.reader.Cell c) {
        if (c == null) {
            return Cell.BLANK;
        }
        switch (c.getType()) {
            case EMPTY:
                return Cell.BLANK;
            case STRING:
                return Cell.text(c.asString());
            case BOOLEAN:
                return new Cell.Bool(c.asBoolean());
            case NUMBER:
                return number(c, c.asNumber());
            case FORMULA: {
                // The value last computed, typed as the file says (t="b", t="str" or a number):
                // a spreadsheet program may save TRUE as the formula TRUE().
                Object v = c.getValue();
                if (v instanceof Boolean b) {
                    return new Cell.Bool(b);
                } else if (v instanceof BigDecimal n) {
                    return number(c, n);
                } else if (v instanceof String s) {
                    return Cell.text(s);
                }
                return c.getRawValue() == null ? Cell.BLANK : Cell.text(c.getRawValue());
            }
            default:
                return Cell.text(c.getRawValue() == null ? "" : c.getRawValue());
        }
    }

    private static Cell number(org.dhatim.fastexcel.reader.Cell c, BigDecimal n) {
        if (isDateFormat(c.getDataFormatId(), c.getDataFormatString())) {
            LocalDateTime t = c.asDate();
            if (t.toLocalTime().equals(java.time.LocalTime.MIDNIGHT)) {
                return new Cell.Day(t.toLocalDate());
            }
            return Cell.text(t.toString());
        }
        return new Cell.Number(n);
    }

    /** Whether a number format shows a day: the built-in date formats, or a pattern with d, m or y outside quotes. */
    static boolean isDateFormat(Integer id, String format) {
        if (id != null && ((id >= 14 && id <= 22) || (id >= 45 && id <= 47))) {
            return true;
        }
        if (format == null) {
            return false;
        }
        boolean quoted = false;
        boolean bracket = false;
        for (int i = 0; i < format.length(); i++) {
            char ch = format.charAt(i);
            if (ch == '"') {
                quoted = !quoted;
            } else if (ch == '[' && !quoted) {
                bracket = true;
            } else if (ch == ']' && !quoted) {
                bracket = false;
            } else if (ch == '\\') {
                i++;
            } else if (!quoted && !bracket && "dDmMyY".indexOf(ch) >= 0) {
                return true;
            }
        }
        return false;
    }

    @Override
    public int row() {
        return row;
    }

    @Override
    public List<Cell> cells() {
        return cells;
    }

    @Override
    public void close() throws IOException {
        stream.close();
        workbook.close();
    }
}
