package io.github.cqskpi.internal;

import io.github.cqskpi.Gap;
import io.github.cqskpi.Level;
import io.github.cqskpi.LevelRollup;
import io.github.cqskpi.Measurement;
import io.github.cqskpi.Period;
import io.github.cqskpi.Ratio;
import io.github.cqskpi.ReasonCode;
import io.github.cqskpi.Requirement;
import io.github.cqskpi.Status;
import io.github.cqskpi.UnitScore;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Collects, result by result, the roll-ups of a response: per level, period and ratio target,
 * the sums of the part and the whole (judged exactly against the level's figure), and per unit
 * the targets met out of those judged, ranked within the level. State grows with units and
 * periods, never with records.
 */
final class Rollups {

    private record GroupKey(Level level, Period period, int target) {
    }

    private static final class Sum {
        final String target;
        final Requirement.Percent required;
        /** The part's key as the records gave it; the newer key when they gave both. */
        String part;
        long numerator;
        long denominator;
        int units;

        Sum(String target, Requirement.Percent required, Measure measure) {
            this.target = target;
            this.required = required;
            this.part = measure instanceof Measure.OfRatio r ? r.numerator() : null;
        }

        void part(String key, Measure measure) {
            if (key == null || key.equals(part)) {
                return;
            }
            if (units == 0 || !(measure instanceof Measure.OfRatio r) || r.newerWording() == null) {
                part = key;
            } else {
                part = r.newerWording().numerator();
            }
        }
    }

    private record UnitKey(Level level, String unitId) {
    }

    private final Map<GroupKey, Sum> sums = new HashMap<>();
    private final Map<UnitKey, int[]> scores = new HashMap<>();

    /** Adds every result of one evaluated record, as {@link DefaultKpiEngine#results} lists them. */
    void add(LoadedRuleSet rs, RecordState s) {
        ValidRecord r = s.record();
        for (TargetDef t : rs.targets()) {
            if (t.appliesTo(r.level(), r.roles())) {
                Verdict v = s.verdict(t.ordinal());
                add(r.level(), r.unitId(), r.period(), t, v == null ? Verdict.OUTSIDE_WINDOW : v);
            }
        }
    }

    /** Adds one result. */
    void add(Level level, String unitId, Period period, TargetDef target, Verdict v) {
        int[] score = scores.computeIfAbsent(new UnitKey(level, unitId), k -> new int[2]);
        if (v.status() == Status.MET || v.status() == Status.NOT_MET) {
            score[1]++;
            if (v.status() == Status.MET) {
                score[0]++;
            }
        }
        boolean measured = v.status() == Status.MET || v.status() == Status.NOT_MET
                || v.reason() == ReasonCode.ZERO_DENOMINATOR;
        if (measured && v.actual() instanceof Measurement.OfRatio r && v.required() instanceof Requirement.Percent p) {
            Sum s = sums.computeIfAbsent(new GroupKey(level, period, target.ordinal()), k -> new Sum(target.id(), p,
                    target.measure()));
            if (!s.required.equals(p)) {
                // Same level and period end, so the same rule: a different figure is a rule set fault.
                throw new IllegalStateException("target " + target.id() + " has two figures for " + level + " units"
                        + " with period " + period + ": " + s.required + " and " + p);
            }
            s.part(v.part(), target.measure());
            s.numerator = Math.addExact(s.numerator, r.ratio().numerator());
            s.denominator = Math.addExact(s.denominator, r.ratio().denominator());
            s.units++;
        }
    }

    List<LevelRollup> levels() {
        TreeMap<GroupKey, Sum> ordered = new TreeMap<>(Comparator.comparing(GroupKey::level)
                .thenComparing(k -> k.period().to())
                .thenComparing(k -> k.period().from())
                .thenComparingInt(GroupKey::target));
        ordered.putAll(sums);
        List<LevelRollup> out = new ArrayList<>(ordered.size());
        for (Map.Entry<GroupKey, Sum> e : ordered.entrySet()) {
            Sum s = e.getValue();
            Ratio ratio = new Ratio(s.numerator, s.denominator);
            Status status = s.denominator == 0 ? Status.NOT_APPLICABLE
                    : Judge.holds(s.required.operator(), Exact.comparePercent(s.numerator, s.denominator,
                            s.required.percent())) ? Status.MET : Status.NOT_MET;
            Optional<Gap> gap = status == Status.NOT_MET && s.part != null
                    ? Optional.ofNullable(Gaps.ratio(s.part, s.numerator, s.denominator, s.required))
                    : Optional.empty();
            out.add(new LevelRollup(e.getKey().level(), e.getKey().period(), s.target, s.units, ratio, s.required,
                    status, gap));
        }
        return out;
    }

    List<UnitScore> units() {
        List<Map.Entry<UnitKey, int[]>> all = new ArrayList<>(scores.entrySet());
        // Best first: higher met/judged, compared exactly; then by id for a stable order.
        all.sort(Comparator.<Map.Entry<UnitKey, int[]>, Level>comparing(e -> e.getKey().level())
                .thenComparing((a, b) -> compareScores(b.getValue(), a.getValue()))
                .thenComparing(e -> e.getKey().unitId()));
        List<UnitScore> out = new ArrayList<>(all.size());
        Level level = null;
        int position = 0;
        int rank = 0;
        int[] previous = null;
        for (Map.Entry<UnitKey, int[]> e : all) {
            int[] s = e.getValue();
            if (e.getKey().level() != level) {
                level = e.getKey().level();
                position = 0;
                previous = null;
            }
            Optional<Integer> r = Optional.empty();
            if (s[1] > 0) {
                position++;
                if (previous == null || compareScores(s, previous) != 0) {
                    rank = position;
                }
                previous = s;
                r = Optional.of(rank);
            }
            out.add(new UnitScore(e.getKey().unitId(), e.getKey().level(), s[0], s[1], r));
        }
        return out;
    }

    /** Orders scores met/judged exactly; a unit with nothing judged comes after every judged one. */
    private static int compareScores(int[] a, int[] b) {
        if (a[1] == 0 || b[1] == 0) {
            return Boolean.compare(a[1] != 0, b[1] != 0);
        }
        return Long.compare((long) a[0] * b[1], (long) b[0] * a[1]);
    }
}
