package io.github.cqskpi.internal;

import io.github.cqskpi.Gap;
import io.github.cqskpi.Measurement;
import io.github.cqskpi.Message;
import io.github.cqskpi.Operator;
import io.github.cqskpi.Ratio;
import io.github.cqskpi.Reason;
import io.github.cqskpi.ReasonCode;
import io.github.cqskpi.Requirement;
import io.github.cqskpi.Status;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Puts a verdict in words: the reason's text (English) and the result's message in Vietnamese
 * and English, from the message bundles ({@link Words}). Words only; no figure here decides
 * anything.
 */
final class Wording {

    private static final DateTimeFormatter VI_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private Wording() {
    }

    static Reason reason(Verdict v, TargetDef t, RecordState r, LoadedRuleSet rs) {
        ReasonCode code = v.reason();
        String key = "reason." + code.name();
        String text = switch (code) {
            case OUTSIDE_WINDOW -> Words.EN.format(key, t.id(), r.period().to(), rs.windows(t));
            case MISSING_KEYS -> Words.EN.format(key, joinKeys(Words.EN, v.missingKeys()));
            case ZERO_DENOMINATOR -> Words.EN.format(key, denominator(t));
            case NO_PREVIOUS_RECORD -> noPrevious(t, r);
            case NOT_ONE_CALENDAR_MONTH -> Words.EN.format(key, r.period().from(), r.period().to());
            case NOT_YET_DUE -> Words.EN.format(key, ((Requirement.Deadline) v.required()).date(), r.asOf());
            case NOT_YET_DONE -> Words.EN.get(key);
        };
        return new Reason(code, text, v.missingKeys());
    }

    /** Keys joined with the language's {@code keys.join}, pair by pair from the left. */
    static String joinKeys(Words words, List<String> keys) {
        String joined = keys.isEmpty() ? "" : keys.get(0);
        for (int i = 1; i < keys.size(); i++) {
            joined = words.format("keys.join", joined, keys.get(i));
        }
        return joined;
    }

    static String denominator(TargetDef t) {
        if (t.measure() instanceof Measure.OfRatio m) {
            return m.denominator();
        }
        if (t.measure() instanceof Measure.OfTrend m) {
            return m.denominator();
        }
        return "the whole";
    }

    /** What the measure reads, for the reason of a previous record that cannot be compared with. */
    static String previousMeasure(TargetDef t) {
        return t.measure().describe().replace(" against the previous period", "");
    }

    private static String noPrevious(TargetDef t, RecordState r) {
        LocalDate dayBefore = r.period().from().minusDays(1);
        int n = r.previous().size();
        String unit = r.record().unitId();
        if (n == 0) {
            return Words.EN.format("reason.NO_PREVIOUS_RECORD.none", unit, dayBefore);
        }
        if (n > 1) {
            return Words.EN.format("reason.NO_PREVIOUS_RECORD.many", n, unit, dayBefore);
        }
        return Words.EN.format("reason.NO_PREVIOUS_RECORD.unusable", dayBefore, previousMeasure(t), denominator(t));
    }

    /** The start of a result's message: the target's title and the status in words. */
    static String head(TargetDef t, Status status, boolean vi) {
        Words w = vi ? Words.VI : Words.EN;
        Words.Template m = w.template("message");
        // Everything of the message template before its detail; the detail always comes last.
        String title = vi ? t.title().vi() : t.title().en();
        return m.literals().get(0) + title + m.literals().get(1) + w.get("status." + status.name())
                + m.literals().get(2);
    }

    static Message message(TargetDef t, Status status, Measurement actual, Requirement required, Reason reason) {
        return message(t, status, actual, required, reason, null, null);
    }

    /**
     * The result's message; a {@code NOT_MET} one ends with what it would take, the counted
     * thing in the rule set's words ({@code noun}, used only when {@code gap} is given).
     */
    static Message message(TargetDef t, Status status, Measurement actual, Requirement required, Reason reason,
            Gap gap, Noun noun) {
        String detailVi;
        String detailEn;
        if (reason == null || reason.code() == ReasonCode.NOT_YET_DUE || reason.code() == ReasonCode.NOT_YET_DONE) {
            detailVi = measured(Words.VI, actual) + required(Words.VI, required) + gap(Words.VI, gap, noun);
            detailEn = measured(Words.EN, actual) + required(Words.EN, required) + gap(Words.EN, gap, noun);
        } else {
            detailVi = reasonVi(reason);
            detailEn = reason.text();
        }
        return new Message(Words.VI.format("message", t.title().vi(), Words.VI.get("status." + status.name()),
                detailVi), Words.EN.format("message", t.title().en(), Words.EN.get("status." + status.name()),
                detailEn));
    }

    /** What it would take, in words: "; cần thêm 4 hồ sơ … để đạt"; empty without a gap. */
    static String gap(Words w, Gap gap, Noun noun) {
        if (gap == null) {
            return "";
        }
        long n = Math.abs(gap.change());
        return w.format(gapTemplate(gap), n, nounWords(w, noun, n));
    }

    static String gapTemplate(Gap gap) {
        return gap.change() > 0 ? "gap.more" : "gap.fewer";
    }

    static String nounWords(Words w, Noun noun, long n) {
        return w == Words.VI ? noun.vi() : n == 1 ? noun.enOne() : noun.en();
    }

    static String reasonVi(Reason r) {
        String key = "reason." + r.code().name();
        return r.code() == ReasonCode.MISSING_KEYS ? Words.VI.format(key, joinKeys(Words.VI, r.keys()))
                : Words.VI.get(key);
    }

    private static String measured(Words w, Measurement m) {
        if (m instanceof Measurement.OfRatio r) {
            return ratio(w, r.ratio());
        } else if (m instanceof Measurement.OfCount c) {
            return Long.toString(c.value());
        } else if (m instanceof Measurement.OfDate d) {
            return d.date().isEmpty() ? w.get("date.notSubmitted") : w.format("date.submitted", day(w, d.date().get()));
        } else if (m instanceof Measurement.OfFlag f) {
            return w.get(f.done() ? "flag.done" : "flag.notDone");
        } else if (m instanceof Measurement.OfTrend t) {
            return w.format("trend", ratio(w, t.current()), ratio(w, t.previous().orElse(null)));
        }
        return "";
    }

    private static String ratio(Words w, Ratio r) {
        if (r == null) {
            return w.get("ratio.none");
        }
        return r.percent().map(p -> w.format("ratio.percent", r.numerator(), r.denominator(), mark(w, p.toPlainString())))
                .orElseGet(() -> w.format("ratio", r.numerator(), r.denominator()));
    }

    static String required(Words w, Requirement q) {
        if (q instanceof Requirement.Percent p) {
            return w.format("required.percent", operator(w, p.operator()), decimal(w, p.percent()));
        } else if (q instanceof Requirement.Count c) {
            return w.format("required.count", operator(w, c.operator()), c.value());
        } else if (q instanceof Requirement.Deadline d) {
            return w.format("required.deadline", day(w, d.date()));
        } else if (q instanceof Requirement.Done) {
            return w.get("required.done");
        } else if (q instanceof Requirement.Rises) {
            return w.get("required.rises");
        }
        return "";
    }

    static String requiredEn(Requirement q) {
        return required(Words.EN, q);
    }

    static String requiredVi(Requirement q) {
        return required(Words.VI, q);
    }

    private static String operator(Words w, Operator op) {
        return switch (op) {
            case GREATER_THAN, AT_LEAST, EQUAL -> w.get("operator." + op.name());
            default -> op.symbol();
        };
    }

    /** A day as the language writes it: ISO in English, dd/MM/yyyy in Vietnamese. */
    private static String day(Words w, LocalDate d) {
        return w == Words.VI ? VI_DATE.format(d) : d.toString();
    }

    /** A plain decimal with the language's decimal mark: a point in English, a comma in Vietnamese. */
    private static String decimal(Words w, BigDecimal value) {
        return mark(w, plain(value));
    }

    private static String mark(Words w, String plainDecimal) {
        return w == Words.VI ? plainDecimal.replace('.', ',') : plainDecimal;
    }

    static String plain(BigDecimal percent) {
        return percent.stripTrailingZeros().toPlainString();
    }
}
