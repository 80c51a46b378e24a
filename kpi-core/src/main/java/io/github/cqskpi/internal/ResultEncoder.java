package io.github.cqskpi.internal;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.github.cqskpi.Gap;
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
            n = p.wordsInOrder && ByteBuf.plain(s.record().unitId()) ? fast(s, out, first) : -1;
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
            Gap gap = v.gap();
            out.add(Pieces.GAP);
            if (gap == null) {
                out.add(Pieces.NULL);
            } else {
                out.add(Pieces.GAP_KEY).add(p.key(gap.key())).add(Pieces.GAP_CHANGE).number(gap.change())
                        .add(Pieces.CLOSE_OBJECT);
            }
            boolean measured = code == null || code == ReasonCode.NOT_YET_DUE || code == ReasonCode.NOT_YET_DONE;
            out.add(Pieces.MESSAGE_VI).add(tp.titleVi[v.status().ordinal()]);
            if (measured) {
                measured(out, actual, p.vi, true);
                if (fp != null) {
                    out.add(fp.requiredVi);
                }
                gapWords(out, gap, p.vi);
            } else {
                reasonVi(out, code, v);
            }
            out.add(Pieces.MESSAGE_EN).add(tp.titleEn[v.status().ordinal()]);
            if (measured) {
                measured(out, actual, p.en, false);
                if (fp != null) {
                    out.add(fp.requiredEn);
                }
                gapWords(out, gap, p.en);
            } else {
                // The English detail is the reason's text, as written above.
                out.add(java.util.Arrays.copyOfRange(out.bytes, textStart, textEnd));
            }
            out.add(Pieces.END_RESULT);
            n++;
        }
        return n;
    }

    /** What it would take, as {@link Wording#gap} words it. */
    private void gapWords(ByteBuf out, Gap gap, Pieces.LanguagePieces l) {
        if (gap == null) {
            return;
        }
        long n = Math.abs(gap.change());
        int form = (gap.change() > 0 ? 0 : 2) + (n == 1 ? 1 : 0);
        out.add(l.gapHead[form / 2]).number(n).add(p.gapTail(l, gap.key(), form));
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
            if (d.date().isEmpty()) {
                out.add(Pieces.DATE_NULL);
            } else {
                checkYear(d.date().get());
                out.add(Pieces.DATE);
                day(out, d.date().get());
                out.add(Pieces.QUOTE_CLOSE);
            }
        } else if (m instanceof Measurement.OfFlag f) {
            out.add(f.done() ? Pieces.DONE_TRUE : Pieces.DONE_FALSE);
        } else if (m instanceof Measurement.OfTrend t) {
            out.add(Pieces.CURRENT);
            ratioJson(out, t.current());
            out.add(Pieces.PREVIOUS);
            if (t.previous().isEmpty()) {
                out.add(Pieces.NULL);
            } else {
                ratioJson(out, t.previous().get());
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

    private void ratio(ByteBuf out, Ratio r, Pieces.LanguagePieces l, char mark) {
        if (r == null) {
            out.add(l.none);
            return;
        }
        byte[][] t = r.denominator() == 0 ? l.ratio : l.ratioPercent;
        out.add(t[0]).number(r.numerator()).add(t[1]).number(r.denominator()).add(t[2]);
        if (r.denominator() != 0) {
            percent(out, r, mark);
            out.add(t[3]);
        }
    }

    private void measured(ByteBuf out, Measurement m, Pieces.LanguagePieces l, boolean vi) {
        char mark = vi ? ',' : '.';
        if (m instanceof Measurement.OfRatio r) {
            ratio(out, r.ratio(), l, mark);
        } else if (m instanceof Measurement.OfCount c) {
            out.number(c.value());
        } else if (m instanceof Measurement.OfDate d) {
            if (d.date().isEmpty()) {
                out.add(l.notSubmitted);
            } else {
                out.add(l.submitted[0]);
                LocalDate day = d.date().get();
                if (vi) {
                    out.viDay(day.getYear(), day.getMonthValue(), day.getDayOfMonth());
                } else {
                    day(out, day);
                }
                out.add(l.submitted[1]);
            }
        } else if (m instanceof Measurement.OfFlag f) {
            out.add(f.done() ? l.done : l.notDone);
        } else if (m instanceof Measurement.OfTrend t) {
            out.add(l.trend[0]);
            ratio(out, t.current(), l, mark);
            out.add(l.trend[1]);
            ratio(out, t.previous().orElse(null), l, mark);
            out.add(l.trend[2]);
        }
    }

    private void reasonVi(ByteBuf out, ReasonCode code, Verdict v) {
        if (code == ReasonCode.MISSING_KEYS) {
            out.add(p.reasonVi[code.ordinal()]);
            for (int i = 0; i < v.missingKeys().size(); i++) {
                if (i > 0) {
                    out.add(p.vi.join);
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
                out.add(p.lacks[0]);
                for (int i = 0; i < v.missingKeys().size(); i++) {
                    if (i > 0) {
                        out.add(p.en.join);
                    }
                    out.add(p.key(v.missingKeys().get(i)));
                }
                out.add(p.lacks[1]);
            }
            case ZERO_DENOMINATOR -> out.add(tp.zeroDenominator);
            case NO_PREVIOUS_RECORD -> {
                LocalDate dayBefore = s.period().from().minusDays(1);
                checkYear(dayBefore);
                int n = s.previous().size();
                if (n == 0) {
                    out.add(p.noPrevious[0]).plainText(s.record().unitId()).add(p.noPrevious[1]);
                    day(out, dayBefore);
                    out.add(p.noPrevious[2]);
                } else if (n > 1) {
                    out.add(p.manyPrevious[0]).number(n).add(p.manyPrevious[1]).plainText(s.record().unitId())
                            .add(p.manyPrevious[2]);
                    day(out, dayBefore);
                    out.add(p.manyPrevious[3]);
                } else {
                    out.add(p.previousEnding);
                    day(out, dayBefore);
                    out.add(tp.previousLacks);
                }
            }
            case NOT_ONE_CALENDAR_MONTH -> {
                out.add(p.notOneMonth[0]);
                day(out, s.period().from());
                out.add(p.notOneMonth[1]);
                day(out, s.period().to());
                out.add(p.notOneMonth[2]);
            }
            case NOT_YET_DUE -> {
                checkYear(asOf);
                out.add(p.notYetDue[0]).add(fp.deadline).add(p.notYetDue[1]);
                day(out, asOf);
                out.add(p.notYetDue[2]);
            }
            case NOT_YET_DONE -> out.add(p.notYetDone);
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
        static final byte[] GAP = b(",\"gap\":");
        static final byte[] GAP_KEY = b("{\"key\":\"");
        static final byte[] GAP_CHANGE = b("\",\"change\":");
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

        private final JsonFactory json;
        final TargetPieces[] targets;
        final Map<Figure, FigurePieces> figures = new IdentityHashMap<>();
        final byte[][] statusJson = new byte[Status.values().length][];
        final byte[][] reasonCode = new byte[ReasonCode.values().length][];
        final byte[][] reasonVi = new byte[ReasonCode.values().length][];
        private final Map<String, byte[]> keys = new HashMap<>();
        private final LoadedRuleSet rs;
        final LanguagePieces en;
        final LanguagePieces vi;
        final byte[][] lacks;
        final byte[][] noPrevious;
        final byte[][] manyPrevious;
        final byte[] previousEnding;
        final byte[][] notOneMonth;
        final byte[][] notYetDue;
        final byte[] notYetDone;
        /**
         * Whether every template the fast way writes in pieces keeps its placeholders in order
         * (and its detail last); a bundle that reorders them sends every record the general way.
         */
        final boolean wordsInOrder;

        Pieces(JsonFactory json, LoadedRuleSet rs) {
            this.json = json;
            this.rs = rs;
            en = new LanguagePieces(Words.EN);
            vi = new LanguagePieces(Words.VI);
            lacks = pieces(Words.EN, "reason.MISSING_KEYS");
            noPrevious = pieces(Words.EN, "reason.NO_PREVIOUS_RECORD.none");
            manyPrevious = pieces(Words.EN, "reason.NO_PREVIOUS_RECORD.many");
            previousEnding = pieces(Words.EN, "reason.NO_PREVIOUS_RECORD.unusable")[0];
            notOneMonth = pieces(Words.EN, "reason.NOT_ONE_CALENDAR_MONTH");
            notYetDue = pieces(Words.EN, "reason.NOT_YET_DUE");
            notYetDone = escaped(Words.EN.get("reason.NOT_YET_DONE"));
            wordsInOrder = en.inOrder && vi.inOrder
                    && inOrder(Words.EN, "reason.MISSING_KEYS", 1) && lacks[1].length == 0
                    && inOrder(Words.VI, "reason.MISSING_KEYS", 1) && Words.VI.template("reason.MISSING_KEYS")
                            .literals().get(1).isEmpty()
                    && inOrder(Words.EN, "reason.OUTSIDE_WINDOW", 3)
                    && inOrder(Words.EN, "reason.NO_PREVIOUS_RECORD.none", 2)
                    && inOrder(Words.EN, "reason.NO_PREVIOUS_RECORD.many", 3)
                    && inOrder(Words.EN, "reason.NO_PREVIOUS_RECORD.unusable", 3)
                    && inOrder(Words.EN, "reason.NOT_ONE_CALENDAR_MONTH", 2)
                    && inOrder(Words.EN, "reason.NOT_YET_DUE", 2);
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
                    List<String> outside = Words.EN.template("reason.OUTSIDE_WINDOW").literals();
                    tp.outsideHead = escaped(outside.get(0) + t.id() + outside.get(1));
                    tp.outsideTail = escaped(outside.get(2) + rs.windows(t) + outside.get(3));
                    Reason zero = Wording.reason(new Verdict(Status.NOT_APPLICABLE, null, null,
                            ReasonCode.ZERO_DENOMINATOR, List.of(), null, null, null), t, null, rs);
                    tp.zeroDenominator = escaped(zero.text());
                    List<String> unusable = Words.EN.template("reason.NO_PREVIOUS_RECORD.unusable").literals();
                    tp.previousLacks = escaped(unusable.get(1) + Wording.previousMeasure(t) + unusable.get(2)
                            + Wording.denominator(t) + unusable.get(3));
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

        private static boolean inOrder(Words w, String key, int placeholders) {
            return w.template(key).inOrder(placeholders);
        }

        /** A template's literals, encoded: the pieces that stand around its values. */
        private byte[][] pieces(Words w, String key) {
            List<String> literals = w.template(key).literals();
            byte[][] out = new byte[literals.size()][];
            for (int i = 0; i < out.length; i++) {
                out[i] = escaped(literals.get(i));
            }
            return out;
        }

        /** The words of one language that the fast way writes in pieces. */
        final class LanguagePieces {
            final byte[] none;
            final byte[][] ratio;
            final byte[][] ratioPercent;
            final byte[] notSubmitted;
            final byte[][] submitted;
            final byte[] done;
            final byte[] notDone;
            final byte[][] trend;
            final byte[] join;
            /** Before the number of "more" and of "fewer". */
            final byte[][] gapHead;
            /** After the number, per key: "more" other, "more" one, "fewer" other, "fewer" one. */
            final Map<String, byte[][]> gapTails = new java.util.concurrent.ConcurrentHashMap<>();
            final Words words;
            final boolean inOrder;

            LanguagePieces(Words w) {
                none = escaped(w.get("ratio.none"));
                ratio = pieces(w, "ratio");
                ratioPercent = pieces(w, "ratio.percent");
                notSubmitted = escaped(w.get("date.notSubmitted"));
                submitted = pieces(w, "date.submitted");
                done = escaped(w.get("flag.done"));
                notDone = escaped(w.get("flag.notDone"));
                trend = pieces(w, "trend");
                byte[][] joinPieces = pieces(w, "keys.join");
                join = joinPieces[1];
                words = w;
                gapHead = new byte[][] {pieces(w, "gap.more")[0], pieces(w, "gap.fewer")[0]};
                List<String> message = w.template("message").literals();
                inOrder = inOrder(w, "ratio", 2) && inOrder(w, "ratio.percent", 3) && inOrder(w, "date.submitted", 1)
                        && inOrder(w, "trend", 2) && inOrder(w, "keys.join", 2) && joinPieces[0].length == 0
                        && joinPieces[2].length == 0 && inOrder(w, "message", 3) && message.get(3).isEmpty()
                        && inOrder(w, "gap.more", 2) && inOrder(w, "gap.fewer", 2);
            }
        }

        /** The words after a gap's number: the rule set's noun for the key, then the template's end. */
        byte[] gapTail(LanguagePieces l, String key, int form) {
            return l.gapTails.computeIfAbsent(key, k -> {
                Noun noun = rs.noun(k);
                byte[][] tails = new byte[4][];
                for (int f = 0; f < 4; f++) {
                    List<String> literals = l.words.template(f < 2 ? "gap.more" : "gap.fewer").literals();
                    tails[f] = escaped(literals.get(1) + Wording.nounWords(l.words, noun, f % 2 == 1 ? 1 : 2)
                            + literals.get(2));
                }
                return tails;
            })[form];
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
