package io.github.cqskpi.internal;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.github.cqskpi.Measurement;
import io.github.cqskpi.Ratio;
import io.github.cqskpi.Reason;
import io.github.cqskpi.ReasonCode;
import io.github.cqskpi.Requirement;
import io.github.cqskpi.Status;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the results of a record as {@link ResponseWriter} writes them, byte for byte, without
 * building the results: the constant parts (names, titles, clauses, figures, words) are encoded
 * and escaped once per rule set by the same JSON generator, and only numbers, days and the
 * unit's id are added per result. A record whose unit id JSON would escape, or a measurement
 * beyond the usual ranges, goes the general way: {@link DefaultKpiEngine#results} and
 * {@link ResponseWriter#result}.
 */
final class ResultEncoder {

    private static final long PERCENT_EXACT_BELOW = 900_000_000_000_000L;

    private final JsonFactory json;
    private final LoadedRuleSet rs;
    private final LocalDate asOf;
    private final Pieces p;
    private final ByteArrayOutputStream slow = new ByteArrayOutputStream(1 << 12);
    private final long[] byStatus = new long[Status.values().length];

    ResultEncoder(JsonFactory json, LoadedRuleSet rs, LocalDate asOf) {
        this.json = json;
        this.rs = rs;
        this.asOf = asOf;
        this.p = rs.encoded(() -> new Pieces(json, rs));
    }

    long count(Status s) {
        return byStatus[s.ordinal()];
    }

    /**
     * Appends the results of one evaluated record, each preceded by {@code separator} when
     * {@code first} is false.
     *
     * @return how many results were written
     */
    int encode(RecordState s, ByteBuf out, boolean first) {
        if (s.fault() != null) {
            throw new IllegalStateException("rule set " + rs.ref().id() + "@" + rs.ref().version()
                    + " failed on record " + s.record().index() + ": " + s.fault());
        }
        int start = out.size;
        int n;
        try {
            n = ByteBuf.plain(s.record().unitId()) ? fast(s, out, first) : -1;
        } catch (Slow e) {
            n = -1;
        }
        if (n < 0) {
            out.size = start;
            n = general(s, out, first);
        }
        return n;
    }

    /** The way any record goes: build the results and write them with {@link ResponseWriter}. */
    private int general(RecordState s, ByteBuf out, boolean first) {
        int[] n = {0};
        boolean[] firstOne = {first};
        DefaultKpiEngine.results(rs, s, r -> {
            out.add(firstOne[0] ? Pieces.NL : Pieces.COMMA_NL);
            firstOne[0] = false;
            slow.reset();
            try (JsonGenerator g = json.createGenerator(slow, JsonEncoding.UTF8)) {
                ResponseWriter.result(g, r);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            out.add(slow.toByteArray());
            byStatus[r.status().ordinal()]++;
            n[0]++;
        });
        return n[0];
    }

    /** Thrown when a value leaves the fast way's ranges. */
    private static final class Slow extends RuntimeException {
        private static final long serialVersionUID = 1L;
        static final Slow INSTANCE = new Slow();

        private Slow() {
            super(null, null, false, false);
        }
    }

    private int fast(RecordState s, ByteBuf out, boolean first) {
        ValidRecord rec = s.record();
        LocalDate from = rec.period().from();
        LocalDate to = rec.period().to();
        checkYear(from);
        checkYear(to);
        byte[] unitBytes = rec.unitId().getBytes(StandardCharsets.UTF_8);
        int n = 0;
        for (TargetDef t : rs.targets()) {
            if (!t.appliesTo(rec.level(), s.roles())) {
                continue;
            }
            Verdict v = s.verdict(t.ordinal());
            if (v == null) {
                v = Verdict.OUTSIDE_WINDOW;
            }
            TargetPieces tp = p.targets[t.ordinal()];
            out.add(first && n == 0 ? Pieces.NL : Pieces.COMMA_NL);
            out.add(Pieces.RECORD).number(rec.index()).add(Pieces.UNIT_ID).add(unitBytes).add(Pieces.PERIOD_FROM);
            day(out, from);
            out.add(Pieces.PERIOD_TO);
            day(out, to);
            out.add(tp.head).add(p.statusJson[v.status().ordinal()]);
            byStatus[v.status().ordinal()]++;

            out.add(Pieces.ACTUAL);
            Measurement actual = v.actual();
            actual(out, actual);
            out.add(Pieces.REQUIRED);
            FigurePieces fp = v.figure() == null ? null : p.figures.get(v.figure());
            if (v.required() == null) {
                out.add(Pieces.NULL);
            } else {
                out.add(fp.requiredJson);
            }
            out.add(Pieces.REASON);
            ReasonCode code = v.reason();
            int textStart = 0;
            int textEnd = 0;
            if (code == null) {
                out.add(Pieces.NULL);
            } else {
                out.add(Pieces.REASON_CODE).add(p.reasonCode[code.ordinal()]).add(Pieces.REASON_TEXT);
                textStart = out.size;
                reasonText(out, code, v, t, tp, fp, s);
                textEnd = out.size;
                out.add(Pieces.QUOTE);
                if (!v.missingKeys().isEmpty()) {
                    out.add(Pieces.KEYS);
                    for (int i = 0; i < v.missingKeys().size(); i++) {
                        out.add(i == 0 ? Pieces.QUOTE : Pieces.COMMA_QUOTE).add(p.key(v.missingKeys().get(i)))
                                .add(Pieces.QUOTE);
                    }
                    out.add(Pieces.CLOSE_ARRAY);
                }
                out.add(Pieces.CLOSE_OBJECT);
            }
            boolean measured = code == null || code == ReasonCode.NOT_YET_DUE || code == ReasonCode.NOT_YET_DONE;
            out.add(Pieces.MESSAGE_VI).add(tp.titleVi[v.status().ordinal()]);
            if (measured) {
                measuredVi(out, actual);
                if (fp != null) {
                    out.add(fp.requiredVi);
                }
            } else {
                reasonVi(out, code, v);
            }
            out.add(Pieces.MESSAGE_EN).add(tp.titleEn[v.status().ordinal()]);
            if (measured) {
                measuredEn(out, actual);
                if (fp != null) {
                    out.add(fp.requiredEn);
                }
            } else {
                // The English detail is the reason's text, as written above.
                out.add(java.util.Arrays.copyOfRange(out.bytes, textStart, textEnd));
            }
            out.add(Pieces.END_RESULT);
            n++;
        }
        return n;
    }

    private static void checkYear(LocalDate d) {
        if (d.getYear() < 1 || d.getYear() > 9999) {
            throw Slow.INSTANCE;
        }
    }

    private static void day(ByteBuf out, LocalDate d) {
        out.isoDay(d.getYear(), d.getMonthValue(), d.getDayOfMonth());
    }

    private static void actual(ByteBuf out, Measurement m) {
        if (m == null) {
            out.add(Pieces.NULL);
        } else if (m instanceof Measurement.OfRatio r) {
            ratioJson(out, r.ratio());
        } else if (m instanceof Measurement.OfCount c) {
            out.add(Pieces.VALUE).number(c.value()).add(Pieces.CLOSE_OBJECT);
        } else if (m instanceof Measurement.OfDate d) {
            if (d.date() == null) {
                out.add(Pieces.DATE_NULL);
            } else {
                checkYear(d.date());
                out.add(Pieces.DATE);
                day(out, d.date());
                out.add(Pieces.QUOTE_CLOSE);
            }
        } else if (m instanceof Measurement.OfFlag f) {
            out.add(f.done() ? Pieces.DONE_TRUE : Pieces.DONE_FALSE);
        } else if (m instanceof Measurement.OfTrend t) {
            out.add(Pieces.CURRENT);
            ratioJson(out, t.current());
            out.add(Pieces.PREVIOUS);
            if (t.previous() == null) {
                out.add(Pieces.NULL);
            } else {
                ratioJson(out, t.previous());
            }
            out.add(Pieces.CLOSE_OBJECT);
        } else {
            throw Slow.INSTANCE;
        }
    }

    private static void ratioJson(ByteBuf out, Ratio r) {
        out.add(Pieces.NUMERATOR).number(r.numerator()).add(Pieces.DENOMINATOR).number(r.denominator())
                .add(Pieces.PERCENT);
        if (r.denominator() == 0) {
            out.add(Pieces.NULL);
        } else {
            out.add(Pieces.QUOTE);
            percent(out, r, '.');
            out.add(Pieces.QUOTE);
        }
        out.add(Pieces.CLOSE_OBJECT);
    }

    /** {@link Ratio#percent()} as plain text, two decimals half up, with its decimal mark. */
    private static void percent(ByteBuf out, Ratio r, char mark) {
        long n = r.numerator();
        long d = r.denominator();
        if (n < 0 || d <= 0 || n >= PERCENT_EXACT_BELOW) {
            throw Slow.INSTANCE;
        }
        long scaled = n * 10_000;
        long q = scaled / d;
        long rest = scaled % d;
        if (rest >= d - rest) {
            q++;
        }
        out.number(q / 100).add((byte) mark);
        long cents = q % 100;
        out.add((byte) ('0' + cents / 10)).add((byte) ('0' + cents % 10));
    }

    private static void ratioEn(ByteBuf out, Ratio r) {
        if (r == null) {
            out.add(Pieces.NONE);
            return;
        }
        out.number(r.numerator()).add(Pieces.OF).number(r.denominator());
        if (r.denominator() != 0) {
            out.add(Pieces.OPEN_PAREN);
            percent(out, r, '.');
            out.add(Pieces.PERCENT_CLOSE);
        }
    }

    private static void ratioVi(ByteBuf out, Ratio r) {
        if (r == null) {
            out.add(Pieces.NONE_VI);
            return;
        }
        out.number(r.numerator()).add((byte) '/').number(r.denominator());
        if (r.denominator() != 0) {
            out.add(Pieces.OPEN_PAREN);
            percent(out, r, ',');
            out.add(Pieces.PERCENT_CLOSE);
        }
    }

    private static void measuredEn(ByteBuf out, Measurement m) {
        if (m instanceof Measurement.OfRatio r) {
            ratioEn(out, r.ratio());
        } else if (m instanceof Measurement.OfCount c) {
            out.number(c.value());
        } else if (m instanceof Measurement.OfDate d) {
            if (d.date() == null) {
                out.add(Pieces.NOT_SUBMITTED);
            } else {
                out.add(Pieces.SUBMITTED_ON);
                day(out, d.date());
            }
        } else if (m instanceof Measurement.OfFlag f) {
            out.add(f.done() ? Pieces.DONE_EN : Pieces.NOT_DONE_EN);
        } else if (m instanceof Measurement.OfTrend t) {
            out.add(Pieces.RATE);
            ratioEn(out, t.current());
            out.add(Pieces.AGAINST);
            ratioEn(out, t.previous());
            out.add(Pieces.BEFORE);
        }
    }

    private static void measuredVi(ByteBuf out, Measurement m) {
        if (m instanceof Measurement.OfRatio r) {
            ratioVi(out, r.ratio());
        } else if (m instanceof Measurement.OfCount c) {
            out.number(c.value());
        } else if (m instanceof Measurement.OfDate d) {
            if (d.date() == null) {
                out.add(Pieces.NOT_SUBMITTED_VI);
            } else {
                out.add(Pieces.SUBMITTED_ON_VI);
                LocalDate day = d.date();
                out.viDay(day.getYear(), day.getMonthValue(), day.getDayOfMonth());
            }
        } else if (m instanceof Measurement.OfFlag f) {
            out.add(f.done() ? Pieces.DONE_VI : Pieces.NOT_DONE_VI);
        } else if (m instanceof Measurement.OfTrend t) {
            out.add(Pieces.RATE_VI);
            ratioVi(out, t.current());
            out.add(Pieces.AGAINST_VI);
            ratioVi(out, t.previous());
            out.add(Pieces.BEFORE_VI);
        }
    }

    private void reasonVi(ByteBuf out, ReasonCode code, Verdict v) {
        if (code == ReasonCode.MISSING_KEYS) {
            out.add(p.reasonVi[code.ordinal()]);
            for (int i = 0; i < v.missingKeys().size(); i++) {
                if (i > 0) {
                    out.add(Pieces.COMMA_SPACE);
                }
                out.add(p.key(v.missingKeys().get(i)));
            }
        } else {
            out.add(p.reasonVi[code.ordinal()]);
        }
    }

    /** The reason's text, as {@link Wording#reason} words it. */
    private void reasonText(ByteBuf out, ReasonCode code, Verdict v, TargetDef t, TargetPieces tp, FigurePieces fp,
            RecordState s) {
        switch (code) {
            case OUTSIDE_WINDOW -> {
                out.add(tp.outsideHead);
                day(out, s.period().to());
                out.add(tp.outsideTail);
            }
            case MISSING_KEYS -> {
                out.add(Pieces.LACKS);
                for (int i = 0; i < v.missingKeys().size(); i++) {
                    if (i > 0) {
                        out.add(Pieces.AND);
                    }
                    out.add(p.key(v.missingKeys().get(i)));
                }
            }
            case ZERO_DENOMINATOR -> out.add(tp.zeroDenominator);
            case NO_PREVIOUS_RECORD -> {
                LocalDate dayBefore = s.period().from().minusDays(1);
                checkYear(dayBefore);
                int n = s.previous().size();
                if (n == 0) {
                    out.add(Pieces.NO_VALID_RECORD).plainText(s.record().unitId()).add(Pieces.ENDS_ON);
                    day(out, dayBefore);
                    out.add(Pieces.DAY_BEFORE);
                } else if (n > 1) {
                    out.number(n).add(Pieces.VALID_RECORDS).plainText(s.record().unitId()).add(Pieces.END_ON);
                    day(out, dayBefore);
                    out.add(Pieces.EXACTLY_ONE);
                } else {
                    out.add(Pieces.PREVIOUS_ENDING);
                    day(out, dayBefore);
                    out.add(tp.previousLacks);
                }
            }
            case NOT_ONE_CALENDAR_MONTH -> {
                out.add(Pieces.THE_PERIOD);
                day(out, s.period().from());
                out.add(Pieces.DOTS);
                day(out, s.period().to());
                out.add(Pieces.NOT_ONE_MONTH);
            }
            case NOT_YET_DUE -> {
                checkYear(asOf);
                out.add(Pieces.NOT_SUBMITTED_YET).add(fp.deadline).add(Pieces.EVALUATION_DATE);
                day(out, asOf);
                out.add(Pieces.IS_EARLIER);
            }
            case NOT_YET_DONE -> out.add(Pieces.NOT_DONE_YET);
        }
    }

    /** The constant parts of one target's results. */
    private static final class TargetPieces {
        byte[] head;
        byte[][] titleVi;
        byte[][] titleEn;
        byte[] outsideHead;
        byte[] outsideTail;
        byte[] zeroDenominator;
        byte[] previousLacks;
    }

    /** The constant parts of one figure's results. */
    private static final class FigurePieces {
        byte[] requiredJson;
        byte[] requiredVi;
        byte[] requiredEn;
        byte[] deadline;
    }

    /** Everything constant, encoded once per rule set version. */
    static final class Pieces {
        static final byte[] NL = b("\n");
        static final byte[] COMMA_NL = b(",\n");
        static final byte[] RECORD = b("{\"record\":");
        static final byte[] UNIT_ID = b(",\"unitId\":\"");
        static final byte[] PERIOD_FROM = b("\",\"period\":{\"from\":\"");
        static final byte[] PERIOD_TO = b("\",\"to\":\"");
        static final byte[] ACTUAL = b("\",\"actual\":");
        static final byte[] REQUIRED = b(",\"required\":");
        static final byte[] REASON = b(",\"reason\":");
        static final byte[] REASON_CODE = b("{\"code\":\"");
        static final byte[] REASON_TEXT = b("\",\"text\":\"");
        static final byte[] KEYS = b(",\"keys\":[");
        static final byte[] MESSAGE_VI = b(",\"message\":{\"vi\":\"");
        static final byte[] MESSAGE_EN = b("\",\"en\":\"");
        static final byte[] END_RESULT = b("\"}}");
        static final byte[] NULL = b("null");
        static final byte[] QUOTE = b("\"");
        static final byte[] COMMA_QUOTE = b(",\"");
        static final byte[] QUOTE_CLOSE = b("\"}");
        static final byte[] CLOSE_ARRAY = b("]");
        static final byte[] CLOSE_OBJECT = b("}");
        static final byte[] VALUE = b("{\"value\":");
        static final byte[] DATE = b("{\"date\":\"");
        static final byte[] DATE_NULL = b("{\"date\":null}");
        static final byte[] DONE_TRUE = b("{\"done\":true}");
        static final byte[] DONE_FALSE = b("{\"done\":false}");
        static final byte[] CURRENT = b("{\"current\":");
        static final byte[] PREVIOUS = b(",\"previous\":");
        static final byte[] NUMERATOR = b("{\"numerator\":");
        static final byte[] DENOMINATOR = b(",\"denominator\":");
        static final byte[] PERCENT = b(",\"percent\":");
        static final byte[] NONE = b("none");
        static final byte[] NONE_VI = b("không có");
        static final byte[] OF = b(" of ");
        static final byte[] OPEN_PAREN = b(" (");
        static final byte[] PERCENT_CLOSE = b("%)");
        static final byte[] NOT_SUBMITTED = b("not submitted");
        static final byte[] SUBMITTED_ON = b("submitted on ");
        static final byte[] NOT_SUBMITTED_VI = b("chưa nộp");
        static final byte[] SUBMITTED_ON_VI = b("nộp ngày ");
        static final byte[] DONE_EN = b("done");
        static final byte[] NOT_DONE_EN = b("not done");
        static final byte[] DONE_VI = b("đã hoàn thành");
        static final byte[] NOT_DONE_VI = b("chưa hoàn thành");
        static final byte[] RATE = b("rate ");
        static final byte[] AGAINST = b(" against ");
        static final byte[] BEFORE = b(" before");
        static final byte[] RATE_VI = b("tỷ lệ ");
        static final byte[] AGAINST_VI = b(" so với ");
        static final byte[] BEFORE_VI = b(" kỳ trước");
        static final byte[] COMMA_SPACE = b(", ");
        static final byte[] LACKS = b("the record lacks ");
        static final byte[] AND = b(" and ");
        static final byte[] NO_VALID_RECORD = b("no valid record of unit ");
        static final byte[] ENDS_ON = b(" ends on ");
        static final byte[] DAY_BEFORE = b(", the day before this period starts");
        static final byte[] VALID_RECORDS = b(" valid records of unit ");
        static final byte[] END_ON = b(" end on ");
        static final byte[] EXACTLY_ONE = b("; the previous record must be exactly one");
        static final byte[] PREVIOUS_ENDING = b("the previous record (ending ");
        static final byte[] THE_PERIOD = b("the period ");
        static final byte[] DOTS = b("..");
        static final byte[] NOT_ONE_MONTH = b(" is not exactly one calendar month, and the figure is per month");
        static final byte[] NOT_SUBMITTED_YET = b("not submitted yet; due before ");
        static final byte[] EVALUATION_DATE = b(" and the evaluation date ");
        static final byte[] IS_EARLIER = b(" is earlier");
        static final byte[] NOT_DONE_YET = b("not done yet; the text sets no day by which it fails");

        private final JsonFactory json;
        final TargetPieces[] targets;
        final Map<Figure, FigurePieces> figures = new IdentityHashMap<>();
        final byte[][] statusJson = new byte[Status.values().length][];
        final byte[][] reasonCode = new byte[ReasonCode.values().length][];
        final byte[][] reasonVi = new byte[ReasonCode.values().length][];
        private final Map<String, byte[]> keys = new HashMap<>();

        Pieces(JsonFactory json, LoadedRuleSet rs) {
            this.json = json;
            for (Status s : Status.values()) {
                statusJson[s.ordinal()] = escaped(s.name());
            }
            for (ReasonCode c : ReasonCode.values()) {
                reasonCode[c.ordinal()] = escaped(c.name());
                // MISSING_KEYS adds the keys to these words.
                reasonVi[c.ordinal()] = escaped(Wording.reasonVi(new Reason(c, "", List.of())));
            }
            for (int i = 0; i < rs.vocabulary().size(); i++) {
                String k = rs.vocabulary().metric(i).key();
                keys.put(k, escaped(k));
            }
            targets = new TargetPieces[rs.targets().size()];
            for (TargetDef t : rs.targets()) {
                TargetPieces tp = new TargetPieces();
                tp.head = concat(b("\"},\"target\":\""), escaped(t.id()), b("\",\"clause\":\""), escaped(t.clause()),
                        b("\",\"status\":\""));
                tp.titleVi = new byte[Status.values().length][];
                tp.titleEn = new byte[Status.values().length][];
                for (Status s : Status.values()) {
                    tp.titleVi[s.ordinal()] = escaped(Wording.head(t, s, true));
                    tp.titleEn[s.ordinal()] = escaped(Wording.head(t, s, false));
                }
                if (t.measure() != null) {
                    String outside = "no figure of " + t.id() + " is in force for a period ending ";
                    tp.outsideHead = escaped(outside);
                    tp.outsideTail = escaped(" (in force: " + rs.windows(t) + ")");
                    Reason zero = Wording.reason(new Verdict(Status.NOT_APPLICABLE, null, null,
                            ReasonCode.ZERO_DENOMINATOR, List.of(), null), t, null, rs);
                    tp.zeroDenominator = escaped(zero.text());
                    String lacks = Wording.noPreviousLacks(t);
                    tp.previousLacks = escaped(lacks);
                }
                targets[t.ordinal()] = tp;
            }
            for (TargetDef t : rs.targets()) {
                for (Figure f : rs.figuresOf(t)) {
                    FigurePieces fp = new FigurePieces();
                    fp.requiredJson = requiredJson(f.required());
                    fp.requiredVi = escaped(Wording.requiredVi(f.required()));
                    fp.requiredEn = escaped(Wording.requiredEn(f.required()));
                    if (f.required() instanceof Requirement.Deadline d) {
                        fp.deadline = escaped(d.date().toString());
                    }
                    figures.put(f, fp);
                }
            }
        }

        byte[] key(String k) {
            byte[] b = keys.get(k);
            return b != null ? b : escaped(k);
        }

        private byte[] requiredJson(Requirement q) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (JsonGenerator g = json.createGenerator(out, JsonEncoding.UTF8)) {
                ResponseWriter.required(g, q);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return out.toByteArray();
        }

        /** The text as the JSON generator writes it inside quotes. */
        private byte[] escaped(String s) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(s.length() + 8);
            try (JsonGenerator g = json.createGenerator(out, JsonEncoding.UTF8)) {
                g.writeString(s);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            byte[] all = out.toByteArray();
            return java.util.Arrays.copyOfRange(all, 1, all.length - 1);
        }

        private static byte[] b(String s) {
            return s.getBytes(StandardCharsets.UTF_8);
        }

        private static byte[] concat(byte[]... parts) {
            ByteBuf b = new ByteBuf(64);
            for (byte[] part : parts) {
                b.add(part);
            }
            return java.util.Arrays.copyOf(b.bytes, b.size);
        }
    }
}
