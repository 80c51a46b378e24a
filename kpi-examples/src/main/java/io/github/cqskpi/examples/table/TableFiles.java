package io.github.cqskpi.examples.table;

import io.github.cqskpi.MetricInfo;
import io.github.cqskpi.RuleSetInfo;
import io.github.cqskpi.TargetInfo;
import io.github.cqskpi.table.Tables;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * Writes tables: the empty template of a rule set (every column, Vietnamese labels with the
 * keys) and a JSON request as the table that stands for it, in CSV (comma, or semicolon with
 * a byte-order mark as a spreadsheet program set to Vietnamese writes it) or XLSX.
 *
 * <p>A cell value to write is a {@link String} (text as is), a {@link Long} or
 * {@link BigInteger} (a count), a {@link Boolean} (a flag), a {@link LocalDate} or
 * {@link #NOT_SUBMITTED}.
 */
public final class TableFiles {

    /** A date cell's "not yet submitted". */
    public static final String NOT_SUBMITTED = "chưa nộp";

    /** The CSV dialects written. */
    public enum Csv {
        /** Comma separated, no byte-order mark. */
        COMMA,
        /** Semicolon separated, with a byte-order mark. */
        SEMICOLON_BOM
    }

    private static final BigInteger MAX_EXACT = BigInteger.valueOf(9_007_199_254_740_991L);

    private TableFiles() {
    }

    /**
     * The Vietnamese labels of a rule set's columns, keyed by field or metric key: the rule set's
     * {@code labels.json}, as {@link RuleSetInfo#labels()} gives it.
     *
     * @param rs the rule set version
     * @return the labels; empty when the rule set ships none
     */
    public static Map<String, String> labels(RuleSetInfo rs) {
        return rs.labels();
    }

    /**
     * Header cells: {@code label (key)}, or the key where there is no label.
     *
     * @param columns the keys
     * @param labels the labels by key
     * @return the header cells
     */
    public static List<String> header(List<String> columns, Map<String, String> labels) {
        List<String> out = new ArrayList<>(columns.size());
        for (String c : columns) {
            String label = labels.get(c);
            out.add(label == null ? c : label + " (" + c + ")");
        }
        return out;
    }

    /**
     * Writes the empty table of a rule set version: every column it accepts, labelled; in XLSX
     * a second sheet explains each column.
     *
     * @param rs the rule set version
     * @param xlsx {@code true} for XLSX, {@code false} for CSV (comma, with a byte-order mark
     *     so that a spreadsheet program reads the Vietnamese right)
     * @param out where to write; left open
     * @throws IOException when writing fails
     */
    public static void template(RuleSetInfo rs, boolean xlsx, OutputStream out) throws IOException {
        List<String> columns = Tables.columns(rs);
        Map<String, String> labels = labels(rs);
        List<String> header = header(columns, labels);
        if (xlsx) {
            writeXlsx(header, List.<List<Object>>of().iterator(), explanation(rs, columns, labels), out);
        } else {
            out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
            writeCsv(header, List.<List<Object>>of().iterator(), Csv.COMMA, out);
        }
    }

    /** One row per column: letter, key, label, type, constraint, the targets that read it. */
    static List<List<String>> explanation(RuleSetInfo rs, List<String> columns, Map<String, String> labels) {
        Map<String, MetricInfo> metrics = new HashMap<>();
        rs.metrics().forEach(m -> metrics.put(m.key(), m));
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("Cột", "Khóa", "Nhãn", "Kiểu", "Ràng buộc", "Chỉ tiêu dùng cột này"));
        for (int i = 0; i < columns.size(); i++) {
            String key = columns.get(i);
            MetricInfo m = metrics.get(key);
            String type;
            String constraint;
            if (m == null) {
                type = switch (key) {
                    case "unit.level" -> "cấp";
                    case "unit.roles" -> "danh sách vai trò";
                    case "period.from", "period.to" -> "ngày";
                    default -> "văn bản";
                };
                constraint = switch (key) {
                    case "unit.id" -> "bắt buộc; 1 đến 200 ký tự";
                    case "unit.name" -> "không bắt buộc";
                    case "unit.level" -> "bắt buộc; PROVINCE, DISTRICT, COMMUNE (hoặc tỉnh, huyện, xã)";
                    case "unit.roles" -> "không bắt buộc; cách nhau bởi dấu phẩy hoặc dấu cách";
                    case "period.from" -> "bắt buộc; YYYY-MM-DD, không sau \"Đến ngày\"";
                    default -> "bắt buộc; YYYY-MM-DD";
                };
            } else {
                switch (m.type()) {
                    case COUNT -> {
                        type = "số đếm";
                        constraint = "chỉ chữ số (không dấu chấm, dấu phẩy), 0 đến 9007199254740991"
                                + m.whole().map(w -> "; không lớn hơn " + w).orElse("");
                    }
                    case DATE -> {
                        type = "ngày";
                        constraint = "YYYY-MM-DD hoặc ô ngày; \"chưa nộp\" (null) nếu chưa nộp; không sau ngày đánh giá";
                    }
                    default -> {
                        type = "có/không";
                        constraint = "có hoặc không (true, false)";
                    }
                }
                if (m.replaces().isPresent()) {
                    constraint += "; thay cho " + m.replaces().get() + " (chỉ điền một trong hai)";
                }
            }
            Set<String> targets = new LinkedHashSet<>();
            for (TargetInfo t : rs.targets()) {
                if (t.keys().contains(key)) {
                    targets.add(t.id() + " (" + t.clause() + ")");
                }
            }
            rows.add(List.of(Tables.columnLetter(i), key, labels.getOrDefault(key, ""), type, constraint,
                    String.join(", ", targets)));
        }
        return rows;
    }

    /**
     * Writes a table as CSV (RFC 4180; a cell is quoted when it holds the separator, a quote or a
     * line break).
     *
     * @param header the header cells
     * @param rows the rows' cell values
     * @param dialect comma, or semicolon with a byte-order mark
     * @param out where to write; left open, flushed
     * @throws IOException when writing fails
     */
    public static void writeCsv(List<String> header, Iterator<List<Object>> rows, Csv dialect, OutputStream out)
            throws IOException {
        char sep = dialect == Csv.COMMA ? ',' : ';';
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        if (dialect == Csv.SEMICOLON_BOM) {
            w.write('\uFEFF');
        }
        csvLine(w, new ArrayList<>(header), sep);
        while (rows.hasNext()) {
            csvLine(w, rows.next(), sep);
        }
        w.flush();
    }

    private static void csvLine(Writer w, List<?> cells, char sep) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                w.write(sep);
            }
            String s = csvText(cells.get(i));
            if (s.indexOf(sep) >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
                w.write('"');
                w.write(s.replace("\"", "\"\""));
                w.write('"');
            } else {
                w.write(s);
            }
        }
        w.write("\r\n");
    }

    private static String csvText(Object v) {
        if (v == null) {
            return "";
        }
        return v.toString();
    }

    /**
     * Writes a table as an XLSX workbook: counts as number cells (as text beyond 2^53 − 1,
     * which a spreadsheet's numbers cannot hold exactly), flags as boolean cells, days as date
     * cells; a second sheet when {@code explanation} is given.
     *
     * @param header the header cells
     * @param rows the rows' cell values
     * @param explanation the second sheet's rows, or {@code null}
     * @param out where to write; left open
     * @throws IOException when writing fails
     */
    public static void writeXlsx(List<String> header, Iterator<List<Object>> rows, List<List<String>> explanation,
            OutputStream out) throws IOException {
        Workbook wb = new Workbook(new NonClosing(out), "cqs-kpi", "1.0");
        Worksheet ws = wb.newWorksheet("Số liệu");
        for (int c = 0; c < header.size(); c++) {
            ws.value(0, c, header.get(c));
            ws.style(0, c).bold().wrapText(true).set();
            ws.width(c, Math.min(40, Math.max(12, header.get(c).length() * 0.6)));
        }
        ws.freezePane(0, 1);
        int r = 1;
        while (rows.hasNext()) {
            List<Object> row = rows.next();
            for (int c = 0; c < row.size(); c++) {
                Object v = row.get(c);
                if (v == null) {
                    continue;
                } else if (v instanceof Long l) {
                    ws.value(r, c, l);
                } else if (v instanceof BigInteger b) {
                    if (b.signum() >= 0 && b.compareTo(MAX_EXACT) <= 0) {
                        ws.value(r, c, b.longValue());
                    } else {
                        ws.value(r, c, b.toString());
                    }
                } else if (v instanceof Boolean b) {
                    ws.value(r, c, b);
                } else if (v instanceof LocalDate d) {
                    ws.value(r, c, d);
                    ws.style(r, c).format("yyyy-mm-dd").set();
                } else {
                    ws.value(r, c, v.toString());
                }
            }
            if (++r % 10_000 == 0) {
                ws.flush();
            }
        }
        if (explanation != null) {
            Worksheet ex = wb.newWorksheet("Giải thích");
            for (int i = 0; i < explanation.size(); i++) {
                List<String> row = explanation.get(i);
                for (int c = 0; c < row.size(); c++) {
                    ex.value(i, c, row.get(c));
                    if (i == 0) {
                        ex.style(i, c).bold().set();
                    }
                }
            }
            double[] widths = {6, 40, 50, 14, 60, 50};
            for (int c = 0; c < widths.length; c++) {
                ex.width(c, widths[c]);
            }
        }
        wb.finish();
        out.flush();
    }

    /** fastexcel closes the stream it writes to; the caller's must stay open. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }

}
