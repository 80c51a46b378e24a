package io.github.cqskpi.table;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.github.cqskpi.EvaluationResponse;
import io.github.cqskpi.EvaluationSummary;
import io.github.cqskpi.KpiEngine;
import io.github.cqskpi.MetricInfo;
import io.github.cqskpi.RecordError;
import io.github.cqskpi.RequestOverrides;
import io.github.cqskpi.RuleSetInfo;
import io.github.cqskpi.RuleSetRef;
import io.github.cqskpi.UnreadableRequestException;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Evaluates a request given as a table: one record a row, read into the JSON record it stands
 * for and evaluated by the engine's streaming evaluation, so that the response is byte for byte
 * the JSON twin's, except that each error's message ends in the row and column of the cell
 * (" (row 7, column C; hàng 7, cột C)").
 *
 * <p>The header row names the columns: {@code unit.id}, {@code unit.name}, {@code unit.level},
 * {@code unit.roles}, {@code period.from}, {@code period.to} and the metric keys of the rule
 * set, in any order, each written as the name or as a label with the name in parentheses at
 * its end ({@code Tổng số văn bản đi, đến (documents.total)}). An unknown column, a column
 * named twice, or a table without {@code unit.id}, {@code unit.level}, {@code period.from} or
 * {@code period.to} makes the whole table unreadable. Cells, by the type of their column:
 * <ul>
 * <li>empty (or only spaces): the key is absent from the record; a row with every cell empty
 *     is no record;</li>
 * <li>count: digits only (an optional minus sign before them, which the contract then
 *     rejects as out of range); anything else, {@code 1.234} and {@code 1,234} included, is
 *     given to the engine as text, which it rejects as {@code INVALID_TYPE}, never guessed;</li>
 * <li>date: {@code YYYY-MM-DD} or a spreadsheet's date cell; {@code null} or {@code chưa nộp}
 *     for "not submitted yet";</li>
 * <li>flag: {@code true}/{@code false} or {@code có}/{@code không}, in any case;</li>
 * <li>{@code unit.level}: {@code PROVINCE}, {@code DISTRICT}, {@code COMMUNE} or
 *     {@code tỉnh}, {@code huyện}, {@code xã}; {@code unit.roles}: separated by commas or
 *     spaces.</li>
 * </ul>
 * A value in a column without a header becomes a field {@code "column H"} of the record, which
 * the engine rejects as unknown: nothing is dropped silently.
 *
 * <p>The rule set (and so the metric keys) and the evaluation date come from the overrides, as
 * a table has no place for them; without a rule set the engine's default is used.
 */
public final class Tables {

    /** The start of the field a value in a column without a header becomes. */
    static final String STRAY = "column ";

    /** The columns of a record other than its metrics, in the order a template gives them. */
    public static final List<String> RECORD_COLUMNS =
            List.of("unit.id", "unit.name", "unit.level", "unit.roles", "period.from", "period.to");

    private static final List<String> REQUIRED = List.of("unit.id", "unit.level", "period.from", "period.to");
    private static final JsonFactory JSON = new JsonFactory();
    private static final int MAX_DIGITS = 64;

    private Tables() {
    }

    /**
     * The rule set version a table under these overrides is read and evaluated with.
     *
     * @param engine the engine
     * @param overrides the caller's choices; without a rule set, the engine's default
     * @return the rule set version
     * @throws io.github.cqskpi.UnknownRuleSetException when the overrides name one that is not loaded
     */
    public static RuleSetInfo ruleSet(KpiEngine engine, RequestOverrides overrides) {
        RuleSetRef ref;
        try {
            ref = engine.evaluateJson(new ByteArrayInputStream("{\"records\":[]}".getBytes(StandardCharsets.US_ASCII)),
                    overrides).ruleSet();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return engine.ruleSet(ref.id(), ref.version()).orElseThrow();
    }

    /**
     * Reads a table into the JSON request it stands for ({@code {"records": [...]}}, without
     * the request's own choices, which the overrides give).
     *
     * @param rows the table; read to the end, left open
     * @param ruleSet the rule set version whose metric keys the columns may name
     * @param json where to write the request, UTF-8; left open, flushed
     * @return where each record and field came from in the table
     * @throws UnreadableRequestException when the header names an unknown column or one twice, or
     *     lacks a required one, or the file is not a table
     * @throws IOException when reading or writing fails
     */
    public static TableLocations toJson(TableRows rows, RuleSetInfo ruleSet, OutputStream json) throws IOException {
        Map<String, MetricInfo.Type> types = new HashMap<>();
        for (MetricInfo m : ruleSet.metrics()) {
            types.put(m.key(), m.type());
        }
        if (!rows.next()) {
            throw new UnreadableRequestException("", "the table is empty: its first row must name the columns");
        }
        List<Column> columns = header(rows.cells(), types, ruleSet);
        Map<String, String> letters = new LinkedHashMap<>();
        for (Column c : columns) {
            if (c.key != null) {
                letters.put(c.key, c.letter);
            }
        }
        int[] rowOf = new int[1024];
        int records = 0;
        try (JsonGenerator g = JSON.createGenerator(json, JsonEncoding.UTF8)) {
            g.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
            g.writeStartObject();
            g.writeArrayFieldStart("records");
            while (rows.next()) {
                List<Cell> cells = rows.cells();
                if (cells.stream().allMatch(Cell::blank)) {
                    continue;
                }
                if (records == rowOf.length) {
                    rowOf = Arrays.copyOf(rowOf, records * 2);
                }
                rowOf[records++] = rows.row();
                g.writeRaw('\n');
                record(g, columns, cells);
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        json.flush();
        return new TableLocations(rowOf, records, letters);
    }

    /**
     * Evaluates a table and writes the response as it goes, in memory that does not grow with
     * the number of rows: the table is written as JSON to a temporary file, which the engine
     * reads twice as {@link KpiEngine#evaluateJson(Path, OutputStream, RequestOverrides)} does,
     * and which is deleted before this returns.
     *
     * @param engine the engine
     * @param rows the table; read to the end, left open
     * @param out where to write the response; left open, flushed
     * @param overrides the evaluation date and the rule set
     * @return the rule set, day and counts of the response written
     * @throws UnreadableRequestException when the table as a whole cannot be read (nothing was written)
     * @throws IOException when reading or writing fails
     */
    public static EvaluationSummary evaluate(KpiEngine engine, TableRows rows, OutputStream out,
            RequestOverrides overrides) throws IOException {
        RuleSetInfo rs = ruleSet(engine, overrides);
        Path json = Files.createTempFile("kpi-table-", ".json");
        try {
            TableLocations where;
            try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(json), 1 << 16)) {
                where = toJson(rows, rs, file);
            }
            OutputStream located = where.locating(out);
            EvaluationSummary summary = engine.evaluateJson(json, located, pinned(overrides, rs));
            located.flush();
            return summary;
        } finally {
            Files.deleteIfExists(json);
        }
    }

    /**
     * Evaluates a table held in memory, each error located.
     *
     * @param engine the engine
     * @param rows the table; read to the end, left open
     * @param overrides the evaluation date and the rule set
     * @return the response, each error's message ending in its row and column
     * @throws UnreadableRequestException when the table as a whole cannot be read
     * @throws IOException when reading fails
     */
    public static EvaluationResponse evaluate(KpiEngine engine, TableRows rows, RequestOverrides overrides)
            throws IOException {
        RuleSetInfo rs = ruleSet(engine, overrides);
        ByteArrayOutputStream json = new ByteArrayOutputStream();
        TableLocations where = toJson(rows, rs, json);
        EvaluationResponse r = engine.evaluateJson(new ByteArrayInputStream(json.toByteArray()), pinned(overrides, rs));
        List<RecordError> errors = new ArrayList<>(r.errors().size());
        for (RecordError e : r.errors()) {
            errors.add(where.locate(e));
        }
        return new EvaluationResponse(r.ruleSet(), r.asOf(), r.results(), errors, r.summary());
    }

    /** The overrides with the very rule set version the table was read with. */
    private static RequestOverrides pinned(RequestOverrides o, RuleSetInfo rs) {
        return new RequestOverrides(o.asOf(), Optional.of(rs.ref().id()), Optional.of(rs.ref().version()));
    }

    /**
     * A table cut off after a number of rows: reading more makes it unreadable. A service puts
     * its record limit here, so that a small file that unpacks to a huge sheet costs it no more
     * than the limit's rows before it says no.
     *
     * @param rows the table
     * @param maxRows the most rows read after the header, blank ones included
     * @return the table, limited
     */
    public static TableRows limit(TableRows rows, long maxRows) {
        if (maxRows < 0) {
            throw new IllegalArgumentException("maxRows must not be negative, not " + maxRows);
        }
        return new TableRows() {
            private long read = -1;

            @Override
            public boolean next() throws IOException {
                if (!rows.next()) {
                    return false;
                }
                if (++read > maxRows) {
                    throw new UnreadableRequestException("", "the table has more than " + maxRows
                            + " rows under its header, the limit of records");
                }
                return true;
            }

            @Override
            public int row() {
                return rows.row();
            }

            @Override
            public List<Cell> cells() {
                return rows.cells();
            }

            @Override
            public void close() throws IOException {
                rows.close();
            }
        };
    }

    /**
     * The field or metric key a header cell names: the cell itself, or the name in parentheses
     * at its end ({@code Tổng số văn bản đi, đến (documents.total)}).
     *
     * @param header the header cell's text
     * @return the name, trimmed
     */
    public static String key(String header) {
        String h = header.strip();
        if (h.endsWith(")")) {
            int open = h.lastIndexOf('(');
            if (open >= 0) {
                return h.substring(open + 1, h.length() - 1).strip();
            }
        }
        return h;
    }

    /**
     * The letter a spreadsheet program shows for a column.
     *
     * @param index the column, from 0
     * @return {@code A} for 0, {@code Z} for 25, {@code AA} for 26
     */
    public static String columnLetter(int index) {
        StringBuilder b = new StringBuilder();
        for (int n = index + 1; n > 0; n = (n - 1) / 26) {
            b.append((char) ('A' + (n - 1) % 26));
        }
        return b.reverse().toString();
    }

    /**
     * The columns a table for a rule set version may have, in the order a template gives them:
     * the record's fields, then every metric key.
     *
     * @param ruleSet the rule set version
     * @return the names
     */
    public static List<String> columns(RuleSetInfo ruleSet) {
        List<String> out = new ArrayList<>(RECORD_COLUMNS);
        ruleSet.metrics().forEach(m -> out.add(m.key()));
        return List.copyOf(out);
    }

    private enum Kind { ID, NAME, LEVEL, ROLES, FROM, TO, COUNT, DATE, FLAG }

    private record Column(String key, String letter, Kind kind) {
    }

    private static List<Column> header(List<Cell> cells, Map<String, MetricInfo.Type> types, RuleSetInfo rs) {
        List<Column> out = new ArrayList<>();
        Map<String, String> seen = new HashMap<>();
        for (int i = 0; i < cells.size(); i++) {
            String letter = columnLetter(i);
            Cell c = cells.get(i);
            if (c.blank()) {
                out.add(new Column(null, letter, null));
                continue;
            }
            String text = text(c);
            String key = key(text);
            Kind kind = kind(key, types);
            if (kind == null) {
                throw new UnreadableRequestException("", "unknown column \"" + text + "\" (column " + letter
                        + "): neither a field of a record nor a metric key of " + rs.ref().id() + "@"
                        + rs.ref().version());
            }
            String before = seen.putIfAbsent(key, letter);
            if (before != null) {
                throw new UnreadableRequestException("", "column " + letter + " names " + key + ", as column "
                        + before + " does: a column may be named only once");
            }
            out.add(new Column(key, letter, kind));
        }
        for (String required : REQUIRED) {
            if (!seen.containsKey(required)) {
                throw new UnreadableRequestException("", "the table has no column " + required
                        + ": every record needs one");
            }
        }
        return out;
    }

    private static Kind kind(String key, Map<String, MetricInfo.Type> types) {
        switch (key) {
            case "unit.id": return Kind.ID;
            case "unit.name": return Kind.NAME;
            case "unit.level": return Kind.LEVEL;
            case "unit.roles": return Kind.ROLES;
            case "period.from": return Kind.FROM;
            case "period.to": return Kind.TO;
            default: break;
        }
        MetricInfo.Type t = types.get(key);
        if (t == null) {
            return null;
        }
        return switch (t) {
            case COUNT -> Kind.COUNT;
            case DATE -> Kind.DATE;
            case FLAG -> Kind.FLAG;
        };
    }

    private static Cell cell(List<Cell> cells, Column c, int i) {
        return i < cells.size() ? cells.get(i) : Cell.BLANK;
    }

    private static void record(JsonGenerator g, List<Column> columns, List<Cell> cells) throws IOException {
        g.writeStartObject();
        g.writeObjectFieldStart("unit");
        for (Kind k : new Kind[] {Kind.ID, Kind.NAME, Kind.LEVEL, Kind.ROLES}) {
            fields(g, columns, cells, k);
        }
        g.writeEndObject();
        g.writeObjectFieldStart("period");
        fields(g, columns, cells, Kind.FROM);
        fields(g, columns, cells, Kind.TO);
        g.writeEndObject();
        g.writeObjectFieldStart("metrics");
        for (int i = 0; i < columns.size(); i++) {
            Column c = columns.get(i);
            Cell v = cell(cells, c, i);
            if (c.kind != null && c.kind.ordinal() >= Kind.COUNT.ordinal() && !v.blank()) {
                g.writeFieldName(c.key);
                value(g, c.kind, v);
            }
        }
        g.writeEndObject();
        for (int i = 0; i < cells.size(); i++) {
            if ((i >= columns.size() || columns.get(i).kind == null) && !cells.get(i).blank()) {
                g.writeStringField(STRAY + columnLetter(i), text(cells.get(i)));
            }
        }
        g.writeEndObject();
    }

    private static void fields(JsonGenerator g, List<Column> columns, List<Cell> cells, Kind kind) throws IOException {
        for (int i = 0; i < columns.size(); i++) {
            Column c = columns.get(i);
            Cell v = cell(cells, c, i);
            if (c.kind == kind && !v.blank()) {
                g.writeFieldName(c.key.substring(c.key.indexOf('.') + 1));
                value(g, kind, v);
            }
        }
    }

    private static void value(JsonGenerator g, Kind kind, Cell v) throws IOException {
        if (v instanceof Cell.Text t) {
            String s = kind == Kind.ID || kind == Kind.NAME ? t.value() : t.value().strip();
            switch (kind) {
                case COUNT -> {
                    if (digits(s)) {
                        g.writeNumber(new BigInteger(s));
                        return;
                    }
                }
                case DATE -> {
                    String w = word(s);
                    if (w.equals("null") || w.equals("chưa nộp")) {
                        g.writeNull();
                        return;
                    }
                }
                case FLAG -> {
                    String w = word(s);
                    if (w.equals("true") || w.equals("có")) {
                        g.writeBoolean(true);
                        return;
                    }
                    if (w.equals("false") || w.equals("không")) {
                        g.writeBoolean(false);
                        return;
                    }
                }
                case LEVEL -> {
                    String level = switch (word(s)) {
                        case "tỉnh" -> "PROVINCE";
                        case "huyện" -> "DISTRICT";
                        case "xã" -> "COMMUNE";
                        default -> s;
                    };
                    g.writeString(level);
                    return;
                }
                case ROLES -> {
                    g.writeStartArray();
                    for (String role : s.split("[,\\s]+")) {
                        if (!role.isEmpty()) {
                            g.writeString(role);
                        }
                    }
                    g.writeEndArray();
                    return;
                }
                default -> {
                }
            }
            g.writeString(s);
        } else if (v instanceof Cell.Number n) {
            if (kind == Kind.ID || kind == Kind.NAME) {
                g.writeString(text(n));
            } else if (n.value().signum() == 0 || n.value().stripTrailingZeros().scale() <= 0) {
                g.writeNumber(n.value().toBigIntegerExact());
            } else {
                g.writeNumber(n.value());
            }
        } else if (v instanceof Cell.Bool b) {
            if (kind == Kind.ID || kind == Kind.NAME) {
                g.writeString(text(b));
            } else {
                g.writeBoolean(b.value());
            }
        } else if (v instanceof Cell.Day d) {
            g.writeString(d.value().toString());
        }
    }

    /** Digits only, with an optional minus sign, and few enough for any JSON reader to take. */
    private static boolean digits(String s) {
        int start = s.startsWith("-") ? 1 : 0;
        if (s.length() == start || s.length() - start > MAX_DIGITS) {
            return false;
        }
        for (int i = start; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static String word(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
    }

    /** A cell as text: a number plainly, a boolean as TRUE or FALSE, a day as YYYY-MM-DD. */
    static String text(Cell c) {
        if (c instanceof Cell.Text t) {
            return t.value();
        } else if (c instanceof Cell.Number n) {
            return n.value().signum() == 0 ? "0" : n.value().stripTrailingZeros().toPlainString();
        } else if (c instanceof Cell.Bool b) {
            return b.value() ? "TRUE" : "FALSE";
        }
        return ((Cell.Day) c).value().toString();
    }
}
