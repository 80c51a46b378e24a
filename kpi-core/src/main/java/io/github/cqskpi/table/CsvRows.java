package io.github.cqskpi.table;

import io.github.cqskpi.UnreadableRequestException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Reads CSV as RFC 4180 writes it, a row at a time: UTF-8 with or without a byte-order mark
 * (spreadsheet programs write one), fields separated by commas or by semicolons (what a
 * spreadsheet program set to Vietnamese writes), decided by the header row: the one of the two
 * under which more of its cells read as names ({@code documents.total}, or a label with the
 * name in parentheses at its end), a comma when neither does better. Quoted fields may hold the
 * separator, line breaks and doubled quotes; lines end in CRLF or LF. Every cell is
 * {@link Cell.Text}.
 *
 * <p>Memory holds one row: a cell longer than {@value #MAX_CELL} characters or a row of more
 * than {@value #MAX_COLUMNS} cells makes the file unreadable, like bytes that are not UTF-8 or
 * a quote left open at the end.
 *
 * <p>Not thread-safe: one reader per file.
 */
public final class CsvRows implements TableRows {

    /** The longest cell read, in characters. */
    public static final int MAX_CELL = 1 << 20;
    /** The most cells a row may have (a spreadsheet's column limit). */
    public static final int MAX_COLUMNS = 16_384;

    private static final int HEADER_SCAN = 1 << 20;

    private final Reader in;
    private final char separator;
    private final StringBuilder cell = new StringBuilder();
    private List<Cell> cells = List.of();
    private int row;
    private boolean ended;

    /**
     * A reader of CSV bytes.
     *
     * @param csv the bytes, UTF-8; closed by {@link #close()}
     * @throws IOException when reading the header row fails
     */
    public CsvRows(InputStream csv) throws IOException {
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        BufferedReader r = new BufferedReader(new InputStreamReader(csv, utf8), 1 << 16);
        this.in = r;
        try {
            r.mark(1);
            if (r.read() != '\uFEFF') {
                r.reset();
            }
            r.mark(HEADER_SCAN + 1);
            this.separator = separatorOfHeader(r);
            r.reset();
        } catch (CharacterCodingException e) {
            throw notUtf8(e);
        }
    }

    /**
     * The separator the header row chose.
     *
     * @return {@code ','} or {@code ';'}
     */
    public char separator() {
        return separator;
    }

    private static char separatorOfHeader(Reader r) throws IOException {
        StringBuilder header = new StringBuilder();
        boolean quoted = false;
        for (int n = 0; n < HEADER_SCAN; n++) {
            int c = r.read();
            if (c < 0 || (!quoted && (c == '\n' || c == '\r'))) {
                break;
            }
            if (c == '"') {
                quoted = !quoted;
            }
            header.append((char) c);
        }
        int comma = score(header, ',');
        int semicolon = score(header, ';');
        return semicolon > comma ? ';' : ',';
    }

    /**
     * How well the header reads with a separator: each cell whose name (the cell, or what its
     * parentheses at the end hold) is a plain name such as {@code documents.total} counts one up,
     * any other non-empty cell one down. A label holding the other separator
     * ({@code "Tổng số văn bản đi, đến (documents.total)"}) thus splits into cells that are no
     * names.
     */
    private static int score(CharSequence header, char sep) {
        int score = 0;
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i <= header.length(); i++) {
            char c = i < header.length() ? header.charAt(i) : sep;
            if (c == '"') {
                quoted = !quoted;
            } else if (c == sep && !quoted) {
                String name = Tables.key(cell.toString());
                if (name.matches("[A-Za-z][A-Za-z0-9_]*(\\.[A-Za-z0-9_]+)*")) {
                    score++;
                } else if (!name.isEmpty()) {
                    score--;
                }
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        return score;
    }

    @Override
    public boolean next() throws IOException {
        if (ended) {
            return false;
        }
        try {
            return readRow();
        } catch (CharacterCodingException e) {
            throw notUtf8(e);
        }
    }

    private boolean readRow() throws IOException {
        int c = in.read();
        if (c < 0) {
            ended = true;
            cells = List.of();
            return false;
        }
        row++;
        List<Cell> out = new ArrayList<>();
        cell.setLength(0);
        boolean quoted = false;
        boolean wasQuoted = false;
        while (true) {
            if (quoted) {
                if (c < 0) {
                    throw new UnreadableRequestException("", "the CSV has a quote opened in row " + row
                            + " and never closed");
                }
                if (c == '"') {
                    int d = in.read();
                    if (d == '"') {
                        append('"');
                    } else {
                        quoted = false;
                        c = d;
                        continue;
                    }
                } else {
                    append((char) c);
                }
            } else if (c < 0 || c == '\n' || c == '\r') {
                end(out, wasQuoted);
                if (c == '\r') {
                    in.mark(1);
                    if (in.read() != '\n') {
                        in.reset();
                    }
                }
                if (c < 0) {
                    ended = true;
                }
                cells = Collections.unmodifiableList(out);
                return true;
            } else if (c == separator) {
                end(out, wasQuoted);
                wasQuoted = false;
            } else if (c == '"' && cell.length() == 0 && !wasQuoted) {
                quoted = true;
                wasQuoted = true;
            } else {
                // A quote inside an unquoted field, or text after a closing quote: kept as written.
                append((char) c);
            }
            c = in.read();
        }
    }

    private void append(char c) {
        if (cell.length() >= MAX_CELL) {
            throw new UnreadableRequestException("", "a cell of row " + row + " is longer than " + MAX_CELL
                    + " characters");
        }
        cell.append(c);
    }

    private void end(List<Cell> out, boolean wasQuoted) {
        if (out.size() >= MAX_COLUMNS) {
            throw new UnreadableRequestException("", "row " + row + " has more than " + MAX_COLUMNS + " cells");
        }
        out.add(Cell.text(cell.toString()));
        cell.setLength(0);
    }

    private static UnreadableRequestException notUtf8(CharacterCodingException e) {
        return new UnreadableRequestException("", "the CSV is not UTF-8 (save it as \"CSV UTF-8\")", e);
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
        in.close();
    }
}
