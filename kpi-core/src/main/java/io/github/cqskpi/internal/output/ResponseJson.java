package io.github.cqskpi.internal.output;

import io.github.cqskpi.internal.ruleset.LoadedRuleSet;
import io.github.cqskpi.internal.ruleset.Noun;
import io.github.cqskpi.internal.rules.RecordState;
import io.github.cqskpi.internal.wording.Sentence;
import io.github.cqskpi.internal.ruleset.TargetDef;
import io.github.cqskpi.internal.validate.ValidRecord;
import io.github.cqskpi.internal.judge.Verdict;
import io.github.cqskpi.internal.wording.Wording;
import io.github.cqskpi.internal.wording.Words;
import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.github.cqskpi.EvaluationResponse;
import io.github.cqskpi.Gap;
import io.github.cqskpi.LevelRollup;
import io.github.cqskpi.Measurement;
import io.github.cqskpi.Period;
import io.github.cqskpi.Ratio;
import io.github.cqskpi.Reason;
import io.github.cqskpi.ReasonCode;
import io.github.cqskpi.RecordError;
import io.github.cqskpi.Requirement;
import io.github.cqskpi.RuleSetRef;
import io.github.cqskpi.Status;
import io.github.cqskpi.Summary;
import io.github.cqskpi.TargetResult;
import io.github.cqskpi.UnitScore;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one writer of the contract's JSON response: fields in the contract's order, each
 * top-level field and each item of a top-level array on a line of its own, the rest compact,
 * so that the same response always gives the same bytes.
 *
 * <p>It writes as results come: the results at once, the errors (which the response lists
 * after every result) kept in a {@link Spill} until the end. A result is written either from an
 * evaluated record's verdicts ({@link #results}), its sentences composed by {@link Wording}
 * straight into the output, or from a {@link TargetResult} ({@link #result}); both give the
 * same bytes. The pieces that never change (names, punctuation, statuses, codes) are encoded
 * once; words that recur (the bundles' pieces, titles, ids, keys, figures) are escaped once per
 * response; only numbers, days and the request's own text are encoded per result.
 */
public final class ResponseJson implements AutoCloseable {

    private static final int FLUSH_AT = 1 << 17;
    private static final int ERRORS_IN_MEMORY = 4 << 20;
    /** Below this numerator, a percent is computed exactly in a {@code long}. */
    private static final long PERCENT_EXACT_BELOW = 900_000_000_000_000L;

    private static final byte[] NL = b("\n");
    private static final byte[] COMMA_NL = b(",\n");
    private static final byte[] RECORD = b("{\"record\":");
    private static final byte[] UNIT_ID = b(",\"unitId\":\"");
    private static final byte[] PERIOD_FROM = b("\",\"period\":{\"from\":\"");
    private static final byte[] PERIOD_TO = b("\",\"to\":\"");
    private static final byte[] TARGET = b("\"},\"target\":\"");
    private static final byte[] CLAUSE = b("\",\"clause\":\"");
    private static final byte[] STATUS = b("\",\"status\":\"");
    private static final byte[] ACTUAL = b("\",\"actual\":");
    private static final byte[] REQUIRED = b(",\"required\":");
    private static final byte[] REASON = b(",\"reason\":");
    private static final byte[] REASON_CODE = b("{\"code\":\"");
    private static final byte[] REASON_TEXT = b("\",\"text\":\"");
    private static final byte[] KEYS = b(",\"keys\":[");
    private static final byte[] GAP = b(",\"gap\":");
    private static final byte[] GAP_KEY = b("{\"key\":\"");
    private static final byte[] GAP_CHANGE = b("\",\"change\":");
    private static final byte[] MESSAGE_VI = b(",\"message\":{\"vi\":\"");
    private static final byte[] MESSAGE_EN = b("\",\"en\":\"");
    private static final byte[] END_RESULT = b("\"}}");
    private static final byte[] NULL = b("null");
    private static final byte[] QUOTE = b("\"");
    private static final byte[] COMMA_QUOTE = b(",\"");
    private static final byte[] QUOTE_CLOSE = b("\"}");
    private static final byte[] CLOSE_ARRAY = b("]");
    private static final byte[] CLOSE_OBJECT = b("}");
    private static final byte[] VALUE = b("{\"value\":");
    private static final byte[] DATE = b("{\"date\":\"");
    private static final byte[] DATE_NULL = b("{\"date\":null}");
    private static final byte[] DONE_TRUE = b("{\"done\":true}");
    private static final byte[] DONE_FALSE = b("{\"done\":false}");
    private static final byte[] CURRENT = b("{\"current\":");
    private static final byte[] PREVIOUS = b(",\"previous\":");
    private static final byte[] NUMERATOR = b("{\"numerator\":");
    private static final byte[] DENOMINATOR = b(",\"denominator\":");
    private static final byte[] PERCENT = b(",\"percent\":");
    private static final byte[] OPERATOR = b("{\"operator\":\"");
    private static final byte[] REQUIRED_PERCENT = b("\",\"percent\":\"");
    private static final byte[] REQUIRED_VALUE = b("\",\"value\":");
    private static final byte[] REQUIRED_DATE = b("\",\"date\":\"");
    private static final byte[] PATH = b(",\"path\":\"");
    private static final byte[] CODE = b("\",\"code\":\"");
    private static final byte[] MESSAGE = b("\",\"message\":\"");
    private static final byte[][] STATUSES = new byte[Status.values().length][];
    private static final byte[][] REASON_CODES = new byte[ReasonCode.values().length][];

    static {
        for (Status s : Status.values()) {
            STATUSES[s.ordinal()] = b(s.name());
        }
        for (ReasonCode c : ReasonCode.values()) {
            REASON_CODES[c.ordinal()] = b(c.name());
        }
    }

    private final OutputStream out;
    private final JsonText results;
    /** The unit and period {@link #head} wrote last, and their bytes from the unit id to the period's end. */
    private String headUnitId;
    private Period headPeriod;
    private byte[] headBytes;
    private final Spill errorBytes = new Spill(ERRORS_IN_MEMORY);
    private final JsonText errors;
    private final ActualJson actual = new ActualJson();
    private long resultCount;
    private long errorCount;

    /** Starts a response: writes its rule set and day, and opens its results. */
    public ResponseJson(JsonFactory json, OutputStream out, RuleSetRef ref, LocalDate asOf) {
        this.out = out;
        Escaper escaper = new Escaper(json);
        this.results = new JsonText(new ByteBuf(FLUSH_AT + (1 << 14)), escaper);
        this.errors = new JsonText(new ByteBuf(1 << 14), escaper);
        ByteBuf b = results.buf;
        b.ascii("{\"ruleSet\":{\"id\":\"");
        results.text(ref.id());
        b.ascii("\",\"version\":\"");
        results.text(ref.version());
        b.ascii("\",\"sha256\":\"");
        results.text(ref.sha256());
        b.ascii("\"},\n\"asOf\":\"");
        results.isoDay(asOf);
        b.ascii("\",\n\"results\":[");
    }

    /** Writes a whole response. */
    public static void write(JsonFactory json, EvaluationResponse r, OutputStream out) throws IOException {
        try (ResponseJson w = new ResponseJson(json, out, r.ruleSet(), r.asOf())) {
            for (TargetResult t : r.results()) {
                w.result(t);
            }
            for (RecordError e : r.errors()) {
                w.error(e);
            }
            w.finish(r.summary());
        }
    }

    // ---------------------------------------------------------------- results

    /** Writes the results of one evaluated record, in the rule set's target order. */
    public void results(LoadedRuleSet rs, RecordState s) throws IOException {
        ValidRecord rec = s.record();
        JsonText o = results;
        ByteBuf b = o.buf;
        for (TargetDef t : s.applicable()) {
            Verdict v = s.verdict(t.ordinal());
            if (v == null) {
                v = Verdict.OUTSIDE_WINDOW;
            }
            head(rec.index(), rec.unitId(), rec.period());
            o.words(Wording.slot(t, Wording.ID), t.id());
            b.add(CLAUSE);
            o.words(Wording.slot(t, Wording.CLAUSE), t.clause());
            b.add(STATUS).add(STATUSES[v.status().ordinal()]).add(ACTUAL);
            actual(v.actual());
            b.add(REQUIRED);
            required(v.required());
            b.add(REASON);
            ReasonCode code = v.reason();
            int from = 0;
            int to = 0;
            if (code == null) {
                b.add(NULL);
            } else {
                b.add(REASON_CODE).add(REASON_CODES[code.ordinal()]).add(REASON_TEXT);
                from = o.mark();
                Wording.reason(o, v, t, s, rs);
                to = o.mark();
                b.add(QUOTE);
                keys(v.missingKeys());
                b.add(CLOSE_OBJECT);
            }
            int reasonFrom = from;
            int reasonTo = to;
            Gap gap = v.gap();
            gap(gap);
            Noun noun = gap == null ? null : rs.noun(gap.key());
            b.add(MESSAGE_VI);
            Wording.message(o, Words.VI, t, v.status(), v.actual(), v.required(), code, v.missingKeys(), null, gap,
                    noun);
            b.add(MESSAGE_EN);
            Wording.message(o, Words.EN, t, v.status(), v.actual(), v.required(), code, v.missingKeys(),
                    x -> x.repeat(reasonFrom, reasonTo), gap, noun);
            b.add(END_RESULT);
            resultCount++;
        }
        flushIfFull();
    }

    /** Writes one result given whole. */
    public void result(TargetResult t) throws IOException {
        JsonText o = results;
        ByteBuf b = o.buf;
        head(t.record(), t.unitId(), t.period());
        o.text(t.target());
        b.add(CLAUSE);
        o.text(t.clause());
        b.add(STATUS).add(STATUSES[t.status().ordinal()]).add(ACTUAL);
        actual(t.actual().orElse(null));
        b.add(REQUIRED);
        required(t.required().orElse(null));
        b.add(REASON);
        if (t.reason().isEmpty()) {
            b.add(NULL);
        } else {
            Reason r = t.reason().get();
            b.add(REASON_CODE).add(REASON_CODES[r.code().ordinal()]).add(REASON_TEXT);
            o.text(r.text());
            b.add(QUOTE);
            keys(r.keys());
            b.add(CLOSE_OBJECT);
        }
        gap(t.gap().orElse(null));
        b.add(MESSAGE_VI);
        o.text(t.message().vi());
        b.add(MESSAGE_EN);
        o.text(t.message().en());
        b.add(END_RESULT);
        resultCount++;
        flushIfFull();
    }

    /**
     * Up to the target's id: the separator, the record, the unit and the period. A record's
     * results come one after another with the same unit and period, encoded once for all of them.
     */
    private void head(int record, String unitId, Period p) {
        ByteBuf b = results.buf;
        b.add(resultCount == 0 ? NL : COMMA_NL).add(RECORD).number(record).add(UNIT_ID);
        if (unitId != headUnitId || p != headPeriod) {
            int start = b.size;
            results.text(unitId);
            b.add(PERIOD_FROM);
            results.isoDay(p.from());
            b.add(PERIOD_TO);
            results.isoDay(p.to());
            headBytes = java.util.Arrays.copyOfRange(b.bytes, start, b.size);
            headUnitId = unitId;
            headPeriod = p;
        } else {
            b.add(headBytes);
        }
        b.add(TARGET);
    }

    /** {@code ,"gap":null} or {@code ,"gap":{"key":K,"change":N}}. */
    private void gap(Gap gap) {
        gapJson(results, gap);
    }

    private static void gapJson(JsonText o, Gap gap) {
        o.buf.add(GAP);
        if (gap == null) {
            o.buf.add(NULL);
        } else {
            o.buf.add(GAP_KEY);
            o.text(gap.key());
            o.buf.add(GAP_CHANGE).number(gap.change()).add(CLOSE_OBJECT);
        }
    }

    private void keys(List<String> keys) {
        if (keys.isEmpty()) {
            return;
        }
        ByteBuf b = results.buf;
        b.add(KEYS);
        for (int i = 0; i < keys.size(); i++) {
            b.add(i == 0 ? QUOTE : COMMA_QUOTE);
            results.words(keys.get(i));
            b.add(QUOTE);
        }
        b.add(CLOSE_ARRAY);
    }

    private void actual(Measurement m) {
        if (m == null) {
            results.buf.add(NULL);
        } else {
            m.accept(actual);
        }
    }

    /** The contract's {@code actual}, one method a kind of measurement. */
    private final class ActualJson implements Measurement.Visitor<Void> {
        @Override
        public Void ratio(Measurement.OfRatio m) {
            ratioJson(results, m.ratio());
            return null;
        }

        @Override
        public Void count(Measurement.OfCount m) {
            results.buf.add(VALUE).number(m.value()).add(CLOSE_OBJECT);
            return null;
        }

        @Override
        public Void date(Measurement.OfDate m) {
            if (m.date().isEmpty()) {
                results.buf.add(DATE_NULL);
            } else {
                results.buf.add(DATE);
                results.isoDay(m.date().get());
                results.buf.add(QUOTE_CLOSE);
            }
            return null;
        }

        @Override
        public Void flag(Measurement.OfFlag m) {
            results.buf.add(m.done() ? DONE_TRUE : DONE_FALSE);
            return null;
        }

        @Override
        public Void trend(Measurement.OfTrend m) {
            results.buf.add(CURRENT);
            ratioJson(results, m.current());
            results.buf.add(PREVIOUS);
            if (m.previous().isEmpty()) {
                results.buf.add(NULL);
            } else {
                ratioJson(results, m.previous().get());
            }
            results.buf.add(CLOSE_OBJECT);
            return null;
        }
    }

    private static void ratioJson(JsonText o, Ratio r) {
        o.buf.add(NUMERATOR).number(r.numerator()).add(DENOMINATOR).number(r.denominator()).add(PERCENT);
        if (r.denominator() == 0) {
            o.buf.add(NULL);
        } else {
            o.buf.add(QUOTE);
            o.percent(r, '.');
            o.buf.add(QUOTE);
        }
        o.buf.add(CLOSE_OBJECT);
    }

    private void required(Requirement q) {
        if (q == null) {
            results.buf.add(NULL);
        } else {
            results.buf.add(results.required(q));
        }
    }

    /** The contract's {@code required}, as bytes. */
    private static void requiredJson(JsonText o, Requirement q) {
        ByteBuf b = o.buf;
        b.add(OPERATOR);
        o.text(q.operator().symbol());
        q.accept(new Requirement.Visitor<Void>() {
            @Override
            public Void percent(Requirement.Percent p) {
                b.add(REQUIRED_PERCENT);
                o.text(Wording.plain(p.percent()));
                b.add(QUOTE);
                return null;
            }

            @Override
            public Void count(Requirement.Count c) {
                b.add(REQUIRED_VALUE).number(c.value());
                return null;
            }

            @Override
            public Void deadline(Requirement.Deadline d) {
                b.add(REQUIRED_DATE);
                o.isoDay(d.date());
                b.add(QUOTE);
                return null;
            }

            @Override
            public Void done(Requirement.Done d) {
                b.add(QUOTE);
                return null;
            }

            @Override
            public Void rises(Requirement.Rises r) {
                b.add(QUOTE);
                return null;
            }
        });
        b.add(CLOSE_OBJECT);
    }

    private void flushIfFull() throws IOException {
        if (results.buf.size >= FLUSH_AT) {
            results.buf.writeTo(out);
            results.buf.clear();
        }
    }

    // ---------------------------------------------------------------- errors and the end

    /** Notes an error; the errors are written after the results. */
    public void error(RecordError e) throws IOException {
        JsonText o = errors;
        ByteBuf b = o.buf;
        b.add(errorCount++ == 0 ? NL : COMMA_NL).add(RECORD).number(e.record()).ascii(",\"unitId\":");
        if (e.unitId().isPresent()) {
            b.add(QUOTE);
            o.text(e.unitId().get());
            b.add(QUOTE);
        } else {
            b.add(NULL);
        }
        b.add(PATH);
        o.text(e.path());
        b.add(CODE);
        o.words(e.code().name());
        b.add(MESSAGE);
        o.text(e.message());
        b.add(QUOTE_CLOSE);
        if (b.size >= FLUSH_AT) {
            b.writeTo(errorBytes);
            b.clear();
        }
    }

    /** Writes the errors and the summary, ending the response; flushes. */
    public void finish(Summary s) throws IOException {
        ByteBuf b = results.buf;
        b.add(resultCount > 0 ? NL : new byte[0]).add(CLOSE_ARRAY).ascii(",\n\"errors\":[");
        b.writeTo(out);
        b.clear();
        errors.buf.writeTo(errorBytes);
        errors.buf.clear();
        errorBytes.copyTo(out);
        b.add(errorCount > 0 ? NL : new byte[0]).add(CLOSE_ARRAY).ascii(",\n\"summary\":");
        summary(s);
        b.ascii("}\n");
        b.writeTo(out);
        b.clear();
        out.flush();
    }

    private void summary(Summary s) throws IOException {
        JsonText o = results;
        ByteBuf b = o.buf;
        b.ascii("{\"records\":").number(s.records()).ascii(",\"evaluated\":").number(s.evaluated())
                .ascii(",\"rejected\":").number(s.rejected()).ascii(",\"byStatus\":{");
        boolean first = true;
        for (Map.Entry<Status, Long> e : s.byStatus().entrySet()) {
            b.ascii(first ? "\"" : ",\"").add(STATUSES[e.getKey().ordinal()]).ascii("\":").number(e.getValue());
            first = false;
        }
        b.ascii("},\"levels\":[");
        first = true;
        for (LevelRollup l : s.levels()) {
            b.ascii(first ? "{\"level\":\"" : ",{\"level\":\"").ascii(l.level().name())
                    .ascii("\",\"period\":{\"from\":\"");
            o.isoDay(l.period().from());
            b.add(PERIOD_TO);
            o.isoDay(l.period().to());
            b.add(TARGET);
            o.text(l.target());
            b.ascii("\",\"units\":").number(l.units()).ascii(",\"actual\":");
            ratioJson(o, l.ratio());
            b.add(REQUIRED);
            b.add(o.required(l.required()));
            b.ascii(",\"status\":\"").add(STATUSES[l.status().ordinal()]).add(QUOTE);
            gapJson(o, l.gap().orElse(null));
            b.add(CLOSE_OBJECT);
            first = false;
        }
        b.ascii("],\"units\":[");
        first = true;
        for (UnitScore u : s.units()) {
            b.ascii(first ? "{\"unitId\":\"" : ",{\"unitId\":\"");
            o.text(u.unitId());
            b.ascii("\",\"level\":\"").ascii(u.level().name()).ascii("\",\"met\":").number(u.met())
                    .ascii(",\"judged\":").number(u.judged()).ascii(",\"score\":");
            if (u.judged() == 0) {
                b.add(NULL);
            } else {
                b.add(QUOTE);
                o.percent(new Ratio(u.met(), u.judged()), '.');
                b.add(QUOTE);
            }
            b.ascii(",\"rank\":");
            if (u.rank().isPresent()) {
                b.number(u.rank().get());
            } else {
                b.add(NULL);
            }
            b.add(CLOSE_OBJECT);
            first = false;
            // A request of millions of units has a summary of millions of scores: written as it goes.
            flushIfFull();
        }
        b.ascii("]}");
    }

    @Override
    public void close() throws IOException {
        errorBytes.close();
    }

    private static final Escaper DEFAULT_ESCAPER = new Escaper(new JsonFactory());

    /** Text as the inside of a JSON string, UTF-8, as this writer writes it. */
    public static byte[] escaped(String s) {
        synchronized (DEFAULT_ESCAPER) {
            JsonText t = new JsonText(new ByteBuf(s.length() * 3 + 8), DEFAULT_ESCAPER);
            t.text(s);
            return java.util.Arrays.copyOf(t.buf.bytes, t.buf.size);
        }
    }

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    // ---------------------------------------------------------------- text as JSON

    /** Escapes what is not plain the way Jackson's generator does, so that the bytes never depend on the way. */
    private static final class Escaper {
        private final JsonFactory json;
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);

        public Escaper(JsonFactory json) {
            this.json = json;
        }

        /** The text as the generator writes it inside quotes. */
        public byte[] escaped(String s) {
            bytes.reset();
            try (JsonGenerator g = json.createGenerator(bytes, JsonEncoding.UTF8)) {
                g.writeString(s);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            byte[] all = bytes.toByteArray();
            return java.util.Arrays.copyOfRange(all, 1, all.length - 1);
        }
    }

    /** A sentence written as the inside of a JSON string, UTF-8. */
    private static final class JsonText implements Sentence {
        /** More recurring words than this and the cache starts again: it never grows with the results. */
        private static final int MOST_WORDS = 4096;

        public final ByteBuf buf;
        private final Escaper escaper;
        private final Map<String, byte[]> words = new IdentityHashMap<>();
        private final Map<Requirement, byte[]> required = new IdentityHashMap<>();
        /** What {@link #keep} kept, by key and variant. */
        private final Map<Object, byte[][]> kept = new IdentityHashMap<>();
        private byte[][] slots = new byte[256][];

        public JsonText(ByteBuf buf, Escaper escaper) {
            this.buf = buf;
            this.escaper = escaper;
        }

        @Override
        public Sentence literal(Words.Template t, int i) {
            buf.add(t.encoded()[i]);
            return this;
        }

        @Override
        public Sentence words(int slot, String s) {
            if (slot >= slots.length) {
                slots = java.util.Arrays.copyOf(slots, Math.max(slot + 1, slots.length * 2));
            }
            byte[] b = slots[slot];
            if (b == null) {
                b = encoded(s);
                slots[slot] = b;
            }
            buf.add(b);
            return this;
        }

        @Override
        public Sentence words(String s) {
            byte[] b = words.get(s);
            if (b == null) {
                if (words.size() >= MOST_WORDS) {
                    words.clear();
                }
                b = encoded(s);
                words.put(s, b);
            }
            buf.add(b);
            return this;
        }

        @Override
        public boolean recall(Object key, int variant) {
            byte[][] k = kept.get(key);
            if (k == null || variant >= k.length || k[variant] == null) {
                return false;
            }
            buf.add(k[variant]);
            return true;
        }

        @Override
        public void keep(Object key, int variant, int from) {
            byte[][] k = kept.get(key);
            if (k == null) {
                if (kept.size() >= MOST_WORDS) {
                    kept.clear();
                }
                k = new byte[variant + 1][];
                kept.put(key, k);
            } else if (variant >= k.length) {
                k = java.util.Arrays.copyOf(k, variant + 1);
                kept.put(key, k);
            }
            k[variant] = java.util.Arrays.copyOfRange(buf.bytes, from, buf.size);
        }

        /** The contract's {@code required} of a requirement, encoded once per response. */
        public byte[] required(Requirement q) {
            byte[] b = required.get(q);
            if (b == null) {
                if (required.size() >= MOST_WORDS) {
                    required.clear();
                }
                JsonText scratch = new JsonText(new ByteBuf(64), escaper);
                requiredJson(scratch, q);
                b = java.util.Arrays.copyOf(scratch.buf.bytes, scratch.buf.size);
                required.put(q, b);
            }
            return b;
        }

        private byte[] encoded(String s) {
            int start = buf.size;
            text(s);
            byte[] b = java.util.Arrays.copyOfRange(buf.bytes, start, buf.size);
            buf.size = start;
            return b;
        }

        @Override
        public Sentence text(String s) {
            int n = s.length();
            int start = buf.size;
            buf.room(n * 3);
            byte[] a = buf.bytes;
            int at = start;
            for (int i = 0; i < n; i++) {
                char c = s.charAt(i);
                if (c < 0x80) {
                    if (c < 0x20 || c == '"' || c == '\\') {
                        buf.size = start;
                        buf.add(escaper.escaped(s));
                        return this;
                    }
                    a[at++] = (byte) c;
                } else if (c < 0x800) {
                    a[at++] = (byte) (0xC0 | (c >> 6));
                    a[at++] = (byte) (0x80 | (c & 0x3F));
                } else if (Character.isSurrogate(c)) {
                    buf.size = start;
                    buf.add(escaper.escaped(s));
                    return this;
                } else {
                    a[at++] = (byte) (0xE0 | (c >> 12));
                    a[at++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                    a[at++] = (byte) (0x80 | (c & 0x3F));
                }
            }
            buf.size = at;
            return this;
        }

        @Override
        public Sentence number(long n) {
            buf.number(n);
            return this;
        }

        @Override
        public Sentence isoDay(LocalDate d) {
            int y = d.getYear();
            if (y >= 0 && y <= 9999) {
                buf.isoDay(y, d.getMonthValue(), d.getDayOfMonth());
            } else {
                buf.ascii(d.toString());
            }
            return this;
        }

        @Override
        public Sentence viDay(LocalDate d) {
            int y = d.getYear();
            if (y >= 1 && y <= 9999) {
                buf.viDay(y, d.getMonthValue(), d.getDayOfMonth());
            } else {
                text(Sentence.Plain.VI_DATE.format(d));
            }
            return this;
        }

        @Override
        public Sentence percent(Ratio r, char mark) {
            long n = r.numerator();
            long d = r.denominator();
            if (n < 0 || d <= 0 || n >= PERCENT_EXACT_BELOW) {
                String p = r.percent().map(BigDecimal::toPlainString).orElseThrow();
                buf.ascii(mark == '.' ? p : p.replace('.', mark));
                return this;
            }
            long scaled = n * 10_000;
            long q = scaled / d;
            long rest = scaled % d;
            if (rest >= d - rest) {
                q++;
            }
            buf.number(q / 100).add((byte) mark);
            long cents = q % 100;
            buf.add((byte) ('0' + cents / 10)).add((byte) ('0' + cents % 10));
            return this;
        }

        @Override
        public int mark() {
            return buf.size;
        }

        @Override
        public Sentence repeat(int from, int to) {
            int n = to - from;
            buf.room(n);
            System.arraycopy(buf.bytes, from, buf.bytes, buf.size, n);
            buf.size += n;
            return this;
        }
    }
}
