package io.github.cqskpi.internal.wording;

import io.github.cqskpi.internal.ruleset.LoadedRuleSet;
import io.github.cqskpi.internal.ruleset.Measure;
import io.github.cqskpi.internal.ruleset.Noun;
import io.github.cqskpi.internal.rules.RecordState;
import io.github.cqskpi.internal.ruleset.TargetDef;
import io.github.cqskpi.internal.judge.Verdict;
import io.github.cqskpi.Gap;
import io.github.cqskpi.Measurement;
import io.github.cqskpi.Operator;
import io.github.cqskpi.Ratio;
import io.github.cqskpi.ReasonCode;
import io.github.cqskpi.Requirement;
import io.github.cqskpi.Status;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Puts a verdict in words, the one place that does: the reason's text (English) and the
 * result's message in Vietnamese and English, from the message bundles ({@link Words}),
 * written to a {@link Sentence}. Words only; no figure here decides anything.
 */
public final class Wording {

    private static final String[] REASON_KEYS = new String[ReasonCode.values().length];
    private static final Words.Key[] STATUS_KEYS = new Words.Key[Status.values().length];
    /** The comparators that have words; the others are written as their symbol. */
    private static final Words.Key[] OPERATOR_KEYS = new Words.Key[Operator.values().length];
    /*
     * The words of every result's message, filled in sequence between their pieces
     * (Words.Template.piece): a function a placeholder, called through one generic writer, was a
     * fifth of the writing thread's time.
     */
    private static final Words.Key MESSAGE = new Words.Key("message", 3);
    private static final Words.Key RATIO = new Words.Key("ratio", 2);
    private static final Words.Key RATIO_PERCENT = new Words.Key("ratio.percent", 3);
    private static final Words.Key TREND = new Words.Key("trend", 2);
    private static final Words.Key SUBMITTED = new Words.Key("date.submitted", 1);
    private static final Words.Key REQUIRED_PERCENT = new Words.Key("required.percent", 2);
    private static final Words.Key REQUIRED_COUNT = new Words.Key("required.count", 2);
    private static final Words.Key REQUIRED_DEADLINE = new Words.Key("required.deadline", 1);
    private static final Words.Key GAP_MORE = new Words.Key("gap.more", 2);
    private static final Words.Key GAP_FEWER = new Words.Key("gap.fewer", 2);
    private static final Words.Key KEYS_JOIN = new Words.Key("keys.join", 2);
    private static final Words.Key MISSING_KEYS = new Words.Key("reason.MISSING_KEYS", 1);
    /* The reasons' texts, in English only (the Vietnamese message words each reason once). */
    private static final Words.Template OUTSIDE_WINDOW = Words.EN.sequential("reason.OUTSIDE_WINDOW", 3);
    private static final Words.Template ZERO_DENOMINATOR = Words.EN.sequential("reason.ZERO_DENOMINATOR", 1);
    private static final Words.Template NOT_ONE_CALENDAR_MONTH = Words.EN.sequential("reason.NOT_ONE_CALENDAR_MONTH",
            2);
    private static final Words.Template NOT_YET_DUE = Words.EN.sequential("reason.NOT_YET_DUE", 2);
    private static final Words.Template NO_PREVIOUS_NONE = Words.EN.sequential("reason.NO_PREVIOUS_RECORD.none", 2);
    private static final Words.Template NO_PREVIOUS_MANY = Words.EN.sequential("reason.NO_PREVIOUS_RECORD.many", 3);
    private static final Words.Template NO_PREVIOUS_UNUSABLE = Words.EN.sequential(
            "reason.NO_PREVIOUS_RECORD.unusable", 3);

    static {
        for (ReasonCode c : ReasonCode.values()) {
            REASON_KEYS[c.ordinal()] = "reason." + c.name();
        }
        for (Status s : Status.values()) {
            STATUS_KEYS[s.ordinal()] = new Words.Key("status." + s.name());
        }
        for (Operator o : Operator.values()) {
            OPERATOR_KEYS[o.ordinal()] = switch (o) {
                case GREATER_THAN, AT_LEAST, EQUAL -> new Words.Key("operator." + o.name());
                case BEFORE, DONE, RISES -> null;
            };
        }
    }

    /*
     * Slots: a small number for each recurring word, so that a sentence that encodes words
     * keeps them by number (Sentence.words(int, String)). Global words first, then eight a target.
     */
    private static final int STATUS_SLOT = 0;
    private static final int OPERATOR_SLOT = 16;
    private static final int WORD_SLOT = 32;
    private static final int REASON_VI_SLOT = 64;
    private static final int NOT_YET_DONE_SLOT = 96;
    private static final int TARGET_SLOT = 128;
    public static final int TITLE_VI = 0;
    public static final int TITLE_EN = 1;
    public static final int ID = 2;
    public static final int CLAUSE = 3;
    private static final int WINDOWS = 4;
    private static final int DENOMINATOR = 5;
    private static final int NONE = 0;
    private static final int NOT_SUBMITTED = 1;
    private static final int DONE = 2;
    private static final int NOT_DONE = 3;
    private static final int REQUIRED_DONE = 4;
    private static final int REQUIRED_RISES = 5;

    private Wording() {
    }

    /** The slot of one of a target's recurring words. */
    public static int slot(TargetDef t, int which) {
        return TARGET_SLOT + t.ordinal() * 8 + which;
    }

    private static int lang(Words w) {
        return w == Words.VI ? 0 : 1;
    }

    private static void word(Sentence out, Words w, int k, String key) {
        out.words(WORD_SLOT + lang(w) * 16 + k, w.get(key));
    }

    /** The reason's text of a verdict that has a reason. */
    public static void reason(Sentence out, Verdict v, TargetDef t, RecordState r, LoadedRuleSet rs) {
        ReasonCode code = v.reason();
        switch (code) {
            case OUTSIDE_WINDOW -> {
                Words.Template s = OUTSIDE_WINDOW;
                s.piece(out, 0);
                out.words(slot(t, ID), t.id());
                s.piece(out, 1);
                out.isoDay(r.period().to());
                s.piece(out, 2);
                out.words(slot(t, WINDOWS), rs.windows(t));
                s.piece(out, 3);
            }
            case MISSING_KEYS -> missingKeys(out, Words.EN, v.missingKeys());
            case ZERO_DENOMINATOR -> {
                Words.Template s = ZERO_DENOMINATOR;
                s.piece(out, 0);
                out.words(slot(t, DENOMINATOR), denominator(t));
                s.piece(out, 1);
            }
            case NO_PREVIOUS_RECORD -> noPrevious(out, t, r);
            case NOT_ONE_CALENDAR_MONTH -> {
                Words.Template s = NOT_ONE_CALENDAR_MONTH;
                s.piece(out, 0);
                out.isoDay(r.period().from());
                s.piece(out, 1);
                out.isoDay(r.period().to());
                s.piece(out, 2);
            }
            case NOT_YET_DUE -> {
                Words.Template s = NOT_YET_DUE;
                s.piece(out, 0);
                out.isoDay(((Requirement.Deadline) v.required()).date());
                s.piece(out, 1);
                out.isoDay(r.asOf());
                s.piece(out, 2);
            }
            case NOT_YET_DONE -> out.words(NOT_YET_DONE_SLOT, Words.EN.get(REASON_KEYS[code.ordinal()]));
        }
    }

    /** The reason of missing keys in a language: the keys, joined. */
    private static void missingKeys(Sentence out, Words w, List<String> keys) {
        Words.Template s = MISSING_KEYS.in(w);
        s.piece(out, 0);
        keys(out, w, keys);
        s.piece(out, 1);
    }

    /** Keys joined with the language's {@code keys.join}, pair by pair from the left. */
    public static void keys(Sentence out, Words words, List<String> keys) {
        keys(out, words, keys, keys.size());
    }

    private static void keys(Sentence out, Words words, List<String> keys, int n) {
        if (n == 0) {
            return;
        }
        if (n == 1) {
            out.words(keys.get(0));
            return;
        }
        Words.Template j = KEYS_JOIN.in(words);
        j.piece(out, 0);
        keys(out, words, keys, n - 1);
        j.piece(out, 1);
        out.words(keys.get(n - 1));
        j.piece(out, 2);
    }

    public static String denominator(TargetDef t) {
        if (t.measure() instanceof Measure.OfRatio m) {
            return m.denominator();
        }
        if (t.measure() instanceof Measure.OfTrend m) {
            return m.denominator();
        }
        return "the whole";
    }

    /** What the measure reads, for the reason of a previous record that cannot be compared with. */
    public static String previousMeasure(TargetDef t) {
        return t.measure().describe().replace(" against the previous period", "");
    }

    private static void noPrevious(Sentence out, TargetDef t, RecordState r) {
        LocalDate dayBefore = r.period().from().minusDays(1);
        int n = r.previous().size();
        String unit = r.record().unitId();
        if (n == 0) {
            Words.Template s = NO_PREVIOUS_NONE;
            s.piece(out, 0);
            out.text(unit);
            s.piece(out, 1);
            out.isoDay(dayBefore);
            s.piece(out, 2);
        } else if (n > 1) {
            Words.Template s = NO_PREVIOUS_MANY;
            s.piece(out, 0);
            out.number(n);
            s.piece(out, 1);
            out.text(unit);
            s.piece(out, 2);
            out.isoDay(dayBefore);
            s.piece(out, 3);
        } else {
            Words.Template s = NO_PREVIOUS_UNUSABLE;
            s.piece(out, 0);
            out.isoDay(dayBefore);
            s.piece(out, 1);
            out.text(previousMeasure(t));
            s.piece(out, 2);
            out.words(slot(t, DENOMINATOR), denominator(t));
            s.piece(out, 3);
        }
    }

    /**
     * A result's message in one language: the target's title, the status in words, and the
     * detail: what was measured and required, or the reason.
     *
     * @param reason the verdict's reason, or {@code null}
     * @param reasonText writes the reason's text (English) again; used for English details only
     */
    public static void message(Sentence out, Words w, TargetDef t, Status status, Measurement actual, Requirement required,
            ReasonCode reason, List<String> missingKeys, Words.Part reasonText, Gap gap, Noun noun) {
        Words.Template m = MESSAGE.in(w);
        m.piece(out, 0);
        out.words(slot(t, w == Words.VI ? TITLE_VI : TITLE_EN), w == Words.VI ? t.title().vi() : t.title().en());
        m.piece(out, 1);
        out.words(STATUS_SLOT + lang(w) * 8 + status.ordinal(), STATUS_KEYS[status.ordinal()].text(w));
        m.piece(out, 2);
        if (reason == null || reason == ReasonCode.NOT_YET_DUE || reason == ReasonCode.NOT_YET_DONE) {
            measured(out, w, actual);
            if (required != null) {
                required(out, w, required);
            }
            if (gap != null) {
                gap(out, w, gap, noun);
            }
        } else if (w == Words.VI) {
            reasonVi(out, reason, missingKeys);
        } else {
            reasonText.write(out);
        }
        m.piece(out, 3);
    }

    /** What it would take, in words: "; cần thêm 4 hồ sơ … để đạt". */
    private static void gap(Sentence out, Words w, Gap gap, Noun noun) {
        long n = Math.abs(gap.change());
        Words.Template g = (gap.change() > 0 ? GAP_MORE : GAP_FEWER).in(w);
        g.piece(out, 0);
        out.number(n);
        g.piece(out, 1);
        out.words(nounWords(w, noun, n));
        g.piece(out, 2);
    }

    /** The rule set's noun for a counted thing, in the language's form for {@code n}. */
    public static String nounWords(Words w, Noun noun, long n) {
        return w == Words.VI ? noun.vi() : n == 1 ? noun.enOne() : noun.en();
    }

    /** The Vietnamese words of a reason, which stand in the Vietnamese message. */
    public static void reasonVi(Sentence out, ReasonCode code, List<String> keys) {
        String key = REASON_KEYS[code.ordinal()];
        if (code == ReasonCode.MISSING_KEYS) {
            missingKeys(out, Words.VI, keys);
        } else {
            out.words(REASON_VI_SLOT + code.ordinal(), Words.VI.get(key));
        }
    }

    private static void measured(Sentence out, Words w, Measurement m) {
        if (m == null) {
            return;
        }
        m.accept(new Measurement.Visitor<Void>() {
            @Override
            public Void ratio(Measurement.OfRatio r) {
                Wording.ratio(out, w, r.ratio());
                return null;
            }

            @Override
            public Void count(Measurement.OfCount c) {
                out.number(c.value());
                return null;
            }

            @Override
            public Void date(Measurement.OfDate d) {
                if (d.date().isEmpty()) {
                    word(out, w, NOT_SUBMITTED, "date.notSubmitted");
                } else {
                    Words.Template s = SUBMITTED.in(w);
                    s.piece(out, 0);
                    day(out, w, d.date().get());
                    s.piece(out, 1);
                }
                return null;
            }

            @Override
            public Void flag(Measurement.OfFlag f) {
                if (f.done()) {
                    word(out, w, DONE, "flag.done");
                } else {
                    word(out, w, NOT_DONE, "flag.notDone");
                }
                return null;
            }

            @Override
            public Void trend(Measurement.OfTrend t) {
                Words.Template s = TREND.in(w);
                s.piece(out, 0);
                Wording.ratio(out, w, t.current());
                s.piece(out, 1);
                Wording.ratio(out, w, t.previous().orElse(null));
                s.piece(out, 2);
                return null;
            }
        });
    }

    private static void ratio(Sentence out, Words w, Ratio r) {
        if (r == null) {
            word(out, w, NONE, "ratio.none");
        } else if (r.denominator() == 0) {
            Words.Template s = RATIO.in(w);
            s.piece(out, 0);
            out.number(r.numerator());
            s.piece(out, 1);
            out.number(r.denominator());
            s.piece(out, 2);
        } else {
            Words.Template s = RATIO_PERCENT.in(w);
            s.piece(out, 0);
            out.number(r.numerator());
            s.piece(out, 1);
            out.number(r.denominator());
            s.piece(out, 2);
            out.percent(r, w == Words.VI ? ',' : '.');
            s.piece(out, 3);
        }
    }

    /** The figure in force, in words, as the message ends with it. */
    public static void required(Sentence out, Words w, Requirement q) {
        // A rule set has few figures, and every result names one: their words are composed once.
        if (out.recall(q, lang(w))) {
            return;
        }
        int from = out.mark();
        q.accept(new Requirement.Visitor<Void>() {
            @Override
            public Void percent(Requirement.Percent p) {
                Words.Template s = REQUIRED_PERCENT.in(w);
                s.piece(out, 0);
                operator(out, w, p.operator());
                s.piece(out, 1);
                out.words(decimal(w, p.percent()));
                s.piece(out, 2);
                return null;
            }

            @Override
            public Void count(Requirement.Count c) {
                Words.Template s = REQUIRED_COUNT.in(w);
                s.piece(out, 0);
                operator(out, w, c.operator());
                s.piece(out, 1);
                out.number(c.value());
                s.piece(out, 2);
                return null;
            }

            @Override
            public Void deadline(Requirement.Deadline d) {
                Words.Template s = REQUIRED_DEADLINE.in(w);
                s.piece(out, 0);
                day(out, w, d.date());
                s.piece(out, 1);
                return null;
            }

            @Override
            public Void done(Requirement.Done d) {
                word(out, w, REQUIRED_DONE, "required.done");
                return null;
            }

            @Override
            public Void rises(Requirement.Rises r) {
                word(out, w, REQUIRED_RISES, "required.rises");
                return null;
            }
        });
        out.keep(q, lang(w), from);
    }

    /** The comparator in words; a switch expression without a default, so a new one fails to compile. */
    private static void operator(Sentence out, Words w, Operator op) {
        String words = switch (op) {
            case GREATER_THAN, AT_LEAST, EQUAL -> OPERATOR_KEYS[op.ordinal()].text(w);
            case BEFORE, DONE, RISES -> op.symbol();
        };
        out.words(OPERATOR_SLOT + lang(w) * 8 + op.ordinal(), words);
    }

    /** A day as the language writes it: ISO in English, dd/MM/yyyy in Vietnamese. */
    private static void day(Sentence out, Words w, LocalDate d) {
        if (w == Words.VI) {
            out.viDay(d);
        } else {
            out.isoDay(d);
        }
    }

    /** The required percents in words, by language: a rule set has few, and every result names one. */
    private static final java.util.Map<BigDecimal, String[]> DECIMALS = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * A plain decimal with the language's decimal mark: a point in English, a comma in
     * Vietnamese. The same string for the same figure, so that a sentence that encodes words
     * once ({@link Sentence#words(String)}) finds it.
     */
    private static String decimal(Words w, BigDecimal value) {
        String[] both = DECIMALS.get(value);
        if (both == null) {
            String plain = plain(value);
            both = new String[] {plain.replace('.', ','), plain};
            if (DECIMALS.size() < 1024) {
                DECIMALS.putIfAbsent(value, both);
            }
        }
        return both[lang(w)];
    }

    public static String plain(BigDecimal percent) {
        return percent.stripTrailingZeros().toPlainString();
    }
}
