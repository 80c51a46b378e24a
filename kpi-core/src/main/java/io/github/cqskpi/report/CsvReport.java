package io.github.cqskpi.report;

import io.github.cqskpi.Measurement;
import io.github.cqskpi.RecordError;
import io.github.cqskpi.RejectedRecord;
import io.github.cqskpi.ResultListener;
import io.github.cqskpi.RuleSetRef;
import io.github.cqskpi.Summary;
import io.github.cqskpi.TargetResult;
import java.io.IOException;
import java.io.Writer;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/**
 * A response as a spreadsheet: one row a record and target, and one row for each error of a
 * rejected record, so that nothing is dropped.
 *
 * <p>RFC 4180: a header row, CRLF line ends, a field quoted when it holds a comma, a quote, a
 * CR or an LF, a quote doubled inside a quoted field. UTF-8 without a byte-order mark. A cell
 * that a spreadsheet would read as a formula is {@linkplain CsvCells#neutralize neutralized},
 * and the comparator is a word ({@code ge}, {@code eq}, ...), never {@code =}. Written
 * as the results come, in request order.
 */
final class CsvReport implements ResultListener {

    /** The columns, in order. */
    static final List<String> HEADER = List.of(
            "record", "unit_id", "unit_name", "level", "period_from", "period_to",
            "target", "clause", "status", "reason_code",
            "numerator", "denominator", "percent",
            "previous_numerator", "previous_denominator", "previous_percent",
            "value", "date", "done",
            "required_operator", "required_figure",
            "gap_key", "gap_change",
            "message_vi", "message_en",
            "error_code", "error_path", "error_message");

    /** The status of a rejected record's rows. */
    static final String REJECTED = "REJECTED";

    private static final int COLUMNS = HEADER.size();

    private final Writer out;

    CsvReport(Writer out) {
        this.out = out;
    }

    @Override
    public void start(RuleSetRef ruleSet, LocalDate asOf) throws IOException {
        line(out, HEADER.toArray(String[]::new));
    }

    @Override
    public void evaluated(int record, List<TargetResult> results) throws IOException {
        for (TargetResult t : results) {
            line(out, result(t));
        }
    }

    @Override
    public void rejected(RejectedRecord r) throws IOException {
        for (RecordError e : r.errors()) {
            line(out, error(e, r));
        }
    }

    @Override
    public void end(Summary summary) throws IOException {
        out.flush();
    }

    private static String[] result(TargetResult t) {
        String[] f = blank();
        f[0] = Integer.toString(t.record());
        f[1] = t.unitId();
        f[2] = t.unitName().orElse("");
        f[3] = t.level().name();
        f[4] = t.period().from().toString();
        f[5] = t.period().to().toString();
        f[6] = t.target();
        f[7] = t.clause();
        f[8] = t.status().name();
        f[9] = t.reason().map(x -> x.code().name()).orElse("");
        t.actual().ifPresent(m -> actual(m, f));
        t.required().ifPresent(q -> {
            f[19] = CsvCells.operator(q.operator());
            f[20] = Figures.requiredFigure(q);
        });
        t.gap().ifPresent(g -> {
            f[21] = g.key();
            f[22] = Long.toString(g.change());
        });
        f[23] = t.message().vi();
        f[24] = t.message().en();
        return f;
    }

    private static void actual(Measurement m, String[] f) {
        m.accept(new Measurement.Visitor<Void>() {
            @Override
            public Void ratio(Measurement.OfRatio r) {
                f[10] = Long.toString(r.ratio().numerator());
                f[11] = Long.toString(r.ratio().denominator());
                f[12] = Figures.percent(r.ratio());
                return null;
            }

            @Override
            public Void count(Measurement.OfCount c) {
                f[16] = Long.toString(c.value());
                return null;
            }

            @Override
            public Void date(Measurement.OfDate d) {
                f[17] = d.date().map(Object::toString).orElse("");
                return null;
            }

            @Override
            public Void flag(Measurement.OfFlag d) {
                f[18] = Boolean.toString(d.done());
                return null;
            }

            @Override
            public Void trend(Measurement.OfTrend t) {
                f[10] = Long.toString(t.current().numerator());
                f[11] = Long.toString(t.current().denominator());
                f[12] = Figures.percent(t.current());
                t.previous().ifPresent(p -> {
                    f[13] = Long.toString(p.numerator());
                    f[14] = Long.toString(p.denominator());
                    f[15] = Figures.percent(p);
                });
                return null;
            }
        });
    }

    private static String[] error(RecordError e, RejectedRecord r) {
        String[] f = blank();
        f[0] = Integer.toString(e.record());
        f[1] = e.unitId().orElse(r.unitId().orElse(""));
        f[2] = r.unitName().orElse("");
        f[3] = r.level().orElse("");
        f[4] = r.from().orElse("");
        f[5] = r.to().orElse("");
        f[8] = REJECTED;
        f[25] = e.code().name();
        f[26] = e.path();
        f[27] = e.message();
        return f;
    }

    private static String[] blank() {
        String[] f = new String[COLUMNS];
        Arrays.fill(f, "");
        return f;
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    private static void line(Writer out, String[] fields) throws IOException {
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(field(CsvCells.neutralize(fields[i])));
        }
        out.write("\r\n");
    }

    /** One field, quoted when RFC 4180 asks for it. */
    static String field(String s) {
        boolean quote = false;
        for (int i = 0; i < s.length() && !quote; i++) {
            char c = s.charAt(i);
            quote = c == ',' || c == '"' || c == '\r' || c == '\n';
        }
        return quote ? '"' + s.replace("\"", "\"\"") + '"' : s;
    }
}
