package io.github.cqskpi.internal.rollup;

import io.github.cqskpi.internal.judge.Exact;
import io.github.cqskpi.internal.judge.Judge;
import io.github.cqskpi.internal.ruleset.TargetDef;
import io.github.cqskpi.internal.judge.Verdict;
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
import io.github.cqskpi.internal.engine.IdTable;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Objects;
import java.util.RandomAccess;
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
public final class Rollups {

    private record GroupKey(Level level, Period period, int target) {
    }

    private static final class Sum {
        public final String target;
        public final Requirement.Percent required;
        public long numerator;
        public long denominator;
        public int units;

        public Sum(String target, Requirement.Percent required) {
            this.target = target;
            this.required = required;
        }
    }

    /** The units of one level: each id once, with its targets met and judged; no object per unit. */
    private static final class Scores {
        public final IdTable ids = new IdTable();
        public int[] met = new int[16];
        public int[] judged = new int[16];

        public int unit(String id) {
            int u = ids.intern(id);
            if (u == met.length) {
                met = Arrays.copyOf(met, u + (u >> 1));
                judged = Arrays.copyOf(judged, u + (u >> 1));
            }
            return u;
        }
    }

    private final Map<GroupKey, Sum> sums = new HashMap<>();
    private final EnumMap<Level, Scores> scores = new EnumMap<>(Level.class);

    /** Adds one result. */
    public void add(Level level, String unitId, Period period, TargetDef target, Verdict v) {
        Scores sc = scores.computeIfAbsent(level, k -> new Scores());
        int u = sc.unit(unitId);
        if (v.status() == Status.MET || v.status() == Status.NOT_MET) {
            sc.judged[u]++;
            if (v.status() == Status.MET) {
                sc.met[u]++;
            }
        }
        boolean measured = v.status() == Status.MET || v.status() == Status.NOT_MET
                || v.reason() == ReasonCode.ZERO_DENOMINATOR;
        if (measured && v.actual() instanceof Measurement.OfRatio r && v.required() instanceof Requirement.Percent p) {
            Sum s = sums.computeIfAbsent(new GroupKey(level, period, target.ordinal()), k -> new Sum(target.id(), p));
            if (!s.required.equals(p)) {
                // Same level and period end, so the same rule: a different figure is a rule set fault.
                throw new IllegalStateException("target " + target.id() + " has two figures for " + level + " units"
                        + " with period " + period + ": " + s.required + " and " + p);
            }
            s.numerator = Math.addExact(s.numerator, r.ratio().numerator());
            s.denominator = Math.addExact(s.denominator, r.ratio().denominator());
            s.units++;
        }
    }

    public List<LevelRollup> levels() {
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
            out.add(new LevelRollup(e.getKey().level(), e.getKey().period(), s.target, s.units, ratio, s.required,
                    status));
        }
        return out;
    }

    /**
     * The units' scores, level by level, best first within a level (higher met/judged, compared
     * exactly; then by id), ranked. The list makes each {@link UnitScore} when asked for it, from
     * the packed scores: a request of millions of units holds no object per unit.
     */
    public List<UnitScore> units() {
        List<Level> levels = new ArrayList<>(scores.keySet());
        int total = 0;
        for (Level l : levels) {
            total += scores.get(l).ids.size();
        }
        Level[] levelOf = new Level[levels.size()];
        int[] levelEnd = new int[levels.size()];
        int[] unitAt = new int[total];
        int[] rankAt = new int[total];
        int at = 0;
        for (int li = 0; li < levels.size(); li++) {
            Scores sc = scores.get(levels.get(li));
            levelOf[li] = levels.get(li);
            int n = sc.ids.size();
                int[] order = new int[n];
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            sortUnits(order, sc);
            int position = 0;
            int rank = 0;
            int previous = -1;
            for (int i = 0; i < n; i++) {
                int u = order[i];
                unitAt[at + i] = u;
                if (sc.judged[u] > 0) {
                    position++;
                    if (previous < 0 || compareScores(sc, u, previous) != 0) {
                        rank = position;
                    }
                    previous = u;
                    rankAt[at + i] = rank;
                }
            }
            at += n;
            levelEnd[li] = at;
        }
        return new UnitScores(levelOf, levelEnd, unitAt, rankAt);
    }

    /** A list this class made: read only, whose elements never change. */
    public interface ReadOnly {
    }

    /** The packed scores as a list, read only. */
    private final class UnitScores extends AbstractList<UnitScore> implements RandomAccess, ReadOnly {
        private final Level[] levelOf;
        private final int[] levelEnd;
        private final int[] unitAt;
        private final int[] rankAt;

        UnitScores(Level[] levelOf, int[] levelEnd, int[] unitAt, int[] rankAt) {
            this.levelOf = levelOf;
            this.levelEnd = levelEnd;
            this.unitAt = unitAt;
            this.rankAt = rankAt;
        }

        @Override
        public UnitScore get(int i) {
            Objects.checkIndex(i, unitAt.length);
            int li = 0;
            while (levelEnd[li] <= i) {
                li++;
            }
            Scores sc = scores.get(levelOf[li]);
            int u = unitAt[i];
            return new UnitScore(sc.ids.get(u), levelOf[li], sc.met[u], sc.judged[u],
                    rankAt[i] == 0 ? Optional.empty() : Optional.of(rankAt[i]));
        }

        @Override
        public int size() {
            return unitAt.length;
        }
    }

    /** Sorts unit numbers best first, then by id; merging, so n log n at worst and no boxing. */
    private static void sortUnits(int[] a, Scores sc) {
        int[] buffer = new int[a.length];
        mergeSort(a, 0, a.length, buffer, sc);
    }

    private static int compareUnits(Scores sc, int a, int b) {
        int c = compareScores(sc, b, a);
        return c != 0 ? c : sc.ids.compare(a, b);
    }

    private static void mergeSort(int[] a, int lo, int hi, int[] buffer, Scores sc) {
        if (hi - lo <= 16) {
            for (int i = lo + 1; i < hi; i++) {
                int x = a[i];
                int j = i - 1;
                while (j >= lo && compareUnits(sc, a[j], x) > 0) {
                    a[j + 1] = a[j];
                    j--;
                }
                a[j + 1] = x;
            }
            return;
        }
        int mid = (lo + hi) >>> 1;
        mergeSort(a, lo, mid, buffer, sc);
        mergeSort(a, mid, hi, buffer, sc);
        if (compareUnits(sc, a[mid - 1], a[mid]) <= 0) {
            return;
        }
        System.arraycopy(a, lo, buffer, lo, mid - lo);
        int i = lo;
        int j = mid;
        int k = lo;
        while (i < mid && j < hi) {
            a[k++] = compareUnits(sc, buffer[i], a[j]) <= 0 ? buffer[i++] : a[j++];
        }
        while (i < mid) {
            a[k++] = buffer[i++];
        }
    }

    /** Orders scores met/judged exactly; a unit with nothing judged comes after every judged one. */
    private static int compareScores(Scores sc, int a, int b) {
        if (sc.judged[a] == 0 || sc.judged[b] == 0) {
            return Boolean.compare(sc.judged[a] != 0, sc.judged[b] != 0);
        }
        return Long.compare((long) sc.met[a] * sc.judged[b], (long) sc.met[b] * sc.judged[a]);
    }
}
