package io.github.cqskpi.internal.judge;

import io.github.cqskpi.internal.ruleset.Figure;
import io.github.cqskpi.internal.ruleset.Measure;
import io.github.cqskpi.internal.rules.RecordState;
import io.github.cqskpi.Measurement;
import io.github.cqskpi.MetricValue;
import io.github.cqskpi.Operator;
import io.github.cqskpi.Ratio;
import io.github.cqskpi.ReasonCode;
import io.github.cqskpi.Requirement;
import io.github.cqskpi.Status;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Measures one record against one figure, in the order of judgement every target shares:
 * absent keys, then a zero denominator, then the verdict. (The window is the rule's condition:
 * a figure reaches this class only for a record inside it.) Each kind of {@link Measure} calls
 * its method here; every verdict is {@link #holds} of the figure's operator.
 */
public final class Judge {

    private Judge() {
    }

    public static Verdict judge(Figure f, RecordState r) {
        return f.target().measure().judge(f, r);
    }

    public static Verdict ratio(Figure f, RecordState r, Measure.OfRatio measure) {
        Measure.OfRatio m = measure;
        Measure.OfRatio newer = measure.newerWording();
        if (newer != null && (r.value(newer.numeratorIndex()) != null || r.value(newer.denominatorIndex()) != null)) {
            m = newer;
        }
        MetricValue n = r.value(m.numeratorIndex());
        MetricValue d = r.value(m.denominatorIndex());
        if (n == null || d == null) {
            return Verdict.missing(f, absent(m.numerator(), n, m.denominator(), d));
        }
        Ratio ratio = new Ratio(count(n), count(d));
        Measurement actual = new Measurement.OfRatio(ratio);
        if (ratio.denominator() == 0) {
            return Verdict.because(f, Status.NOT_APPLICABLE, actual, ReasonCode.ZERO_DENOMINATOR);
        }
        Requirement.Percent req = (Requirement.Percent) f.required();
        int sign = Exact.comparePercent(ratio.numerator(), ratio.denominator(), req.percent());
        if (holds(req.operator(), sign)) {
            return Verdict.of(f, Status.MET, actual, null, m.numerator());
        }
        return Verdict.of(f, Status.NOT_MET, actual,
                Gaps.ratio(m.numerator(), ratio.numerator(), ratio.denominator(), req), m.numerator());
    }

    public static Verdict count(Figure f, RecordState r, Measure.OfCount m) {
        MetricValue v = r.value(m.index());
        if (v == null) {
            return Verdict.missing(f, List.of(m.key()));
        }
        long value = count(v);
        Measurement actual = new Measurement.OfCount(value);
        if (m.perCalendarMonth() && !r.period().isOneCalendarMonth()) {
            return Verdict.because(f, Status.INSUFFICIENT_DATA, actual, ReasonCode.NOT_ONE_CALENDAR_MONTH);
        }
        Requirement.Count req = (Requirement.Count) f.required();
        if (holds(req.operator(), Long.compare(value, req.value()))) {
            return Verdict.of(f, Status.MET, actual);
        }
        return Verdict.of(f, Status.NOT_MET, actual, Gaps.count(m.key(), value, req), null);
    }

    public static Verdict deadline(Figure f, RecordState r, Measure.OfDate m) {
        MetricValue v = r.value(m.index());
        if (v == null) {
            return Verdict.missing(f, List.of(m.key()));
        }
        LocalDate submitted = ((MetricValue.Day) v).date().orElse(null);
        LocalDate deadline = ((Requirement.Deadline) f.required()).date();
        Measurement actual = new Measurement.OfDate(Optional.ofNullable(submitted));
        if (submitted == null) {
            return r.asOf().isBefore(deadline)
                    ? Verdict.because(f, Status.PENDING, actual, ReasonCode.NOT_YET_DUE)
                    : Verdict.of(f, Status.NOT_MET, actual);
        }
        return Verdict.of(f, holds(f.required().operator(), submitted.compareTo(deadline)) ? Status.MET
                : Status.NOT_MET, actual);
    }

    public static Verdict milestone(Figure f, RecordState r, Measure.OfFlag m) {
        MetricValue v = r.value(m.index());
        if (v == null) {
            return Verdict.missing(f, List.of(m.key()));
        }
        boolean done = ((MetricValue.Flag) v).done();
        Measurement actual = new Measurement.OfFlag(done);
        return holds(f.required().operator(), Boolean.compare(done, true)) ? Verdict.of(f, Status.MET, actual)
                : Verdict.because(f, Status.PENDING, actual, ReasonCode.NOT_YET_DONE);
    }

    public static Verdict trend(Figure f, RecordState r, Measure.OfTrend m) {
        MetricValue n = r.value(m.numeratorIndex());
        MetricValue d = r.value(m.denominatorIndex());
        if (n == null || d == null) {
            return Verdict.missing(f, absent(m.numerator(), n, m.denominator(), d));
        }
        Ratio current = new Ratio(count(n), count(d));
        if (current.denominator() == 0) {
            return Verdict.because(f, Status.NOT_APPLICABLE, new Measurement.OfTrend(current, Optional.empty()),
                    ReasonCode.ZERO_DENOMINATOR);
        }
        List<MetricValue[]> previous = r.previous();
        Ratio before = null;
        if (previous.size() == 1) {
            MetricValue pn = previous.get(0)[m.numeratorIndex()];
            MetricValue pd = previous.get(0)[m.denominatorIndex()];
            if (pn != null && pd != null) {
                before = new Ratio(count(pn), count(pd));
            }
        }
        Measurement actual = new Measurement.OfTrend(current, Optional.ofNullable(before));
        if (before == null || before.denominator() == 0) {
            return Verdict.because(f, Status.INSUFFICIENT_DATA, actual, ReasonCode.NO_PREVIOUS_RECORD);
        }
        boolean rises = holds(f.required().operator(), Exact.compareFractions(current.numerator(),
                current.denominator(), before.numerator(), before.denominator()));
        boolean stayedFull = current.numerator() == current.denominator()
                && before.numerator() == before.denominator();
        if (rises || stayedFull) {
            return Verdict.of(f, Status.MET, actual);
        }
        return Verdict.of(f, Status.NOT_MET, actual, Gaps.trend(m.numerator(), current, before), null);
    }

    /**
     * Whether {@code measured OP required} holds, given the sign of {@code measured − required}:
     * the one place a comparator is given its meaning. The switch has no default, so a new
     * {@link Operator} does not compile until it is given one here.
     */
    public static boolean holds(Operator op, int sign) {
        return switch (op) {
            case GREATER_THAN -> sign > 0;
            case AT_LEAST -> sign >= 0;
            case EQUAL -> sign == 0;
            // The day submitted against the deadline day: the day itself is late.
            case BEFORE -> sign < 0;
            // Done (true) against done: only done holds.
            case DONE -> sign == 0;
            // This period's rate against the previous period's.
            case RISES -> sign > 0;
        };
    }

    /**
     * Whether a rule may state {@code OP N%} or {@code OP N} with this operator: the comparators
     * of counts and ratios, as against the words of deadlines, milestones and trends.
     */
    public static boolean comparesNumbers(Operator op) {
        return switch (op) {
            case GREATER_THAN, AT_LEAST, EQUAL -> true;
            case BEFORE, DONE, RISES -> false;
        };
    }

    private static long count(MetricValue v) {
        return ((MetricValue.Count) v).value();
    }

    private static List<String> absent(String k1, MetricValue v1, String k2, MetricValue v2) {
        List<String> keys = new ArrayList<>(2);
        if (v1 == null) {
            keys.add(k1);
        }
        if (v2 == null) {
            keys.add(k2);
        }
        return keys;
    }
}
