package io.github.cqskpi.internal.rollup;

import io.github.cqskpi.internal.judge.Exact;
import io.github.cqskpi.internal.judge.Gaps;
import io.github.cqskpi.internal.judge.Judge;
import io.github.cqskpi.internal.ruleset.Measure;
import io.github.cqskpi.internal.ruleset.TargetDef;
import io.github.cqskpi.internal.judge.Verdict;
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
import io.github.cqskpi.internal.engine.IdTable;
import java.util.AbstractList;
import java.util.Arrays;
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
        // Written out: a record's own equals and hashCode link method handles the first time
        // they run, a noticeable part of a short run's start-up.
        @Override
        public boolean equals(Object o) {
            return o instanceof GroupKey k && k.level == level && k.target == target
                    && k.period.from().equals(period.from()) && k.period.to().equals(period.to());
        }

        @Override
        public int hashCode() {
            // A day's hash differs from the next month's in its middle bits only: mixed, so that
            // the periods of a year do not share a bucket of the map.
            int h = ((period.from().hashCode() * 31 + period.to().hashCode()) * 31 + level.ordinal()) * 31 + target;
            h *= 0x9E3779B9;
            return h ^ (h >>> 15);
        }
    }

    private static final class Sum {
        public final String target;
        public final Requirement.Percent required;
        /** The part's key as the records gave it; the newer key when they gave both. */
        public String part;
        public long numerator;
        public long denominator;
        public int units;

        public Sum(String target, Requirement.Percent required, Measure measure) {
            this.target = target;
            this.required = required;
            this.part = measure instanceof Measure.OfRatio r ? r.numerator() : null;
        }

        public void part(String key, Measure measure) {
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

    private final Map<GroupKey, Sum> sums = new HashMap<>();
    /** The unit ids, numbered; shared with the request's index when there is one. */
    private final IdTable ids;
    private final boolean shared;
    private String lastUnitId;
    private int lastUnit;
    private Level lastLevel;
    private Period lastPeriod;
    private static final Sum[] NO_SUMS = new Sum[0];
    /** The sums by level and period (the key's target is −1), each row by target ordinal. */
    private final Map<GroupKey, Sum[]> rows = new HashMap<>();
    private GroupKey lastRow;
    private Sum[] lastSums = NO_SUMS;
    /** By unit number: the level of the unit's first result (its ordinal + 1; 0 for none yet), met, judged. */
    private byte[] levelOf = new byte[16];
    private int[] met = new int[16];
    private int[] judged = new int[16];
    /** The scores of a unit under a second level (its records disagree): level and unit to met and judged. */
    private final Map<Long, int[]> otherLevels = new HashMap<>();

    /** Roll-ups that number the unit ids themselves. */
    public Rollups() {
        this.ids = new IdTable();
        this.shared = false;
    }

    /**
     * Roll-ups that number the unit ids in a table shared with others (the request's sealed
     * index, which every valid record's unit is in): they only read it, so the thread that reads
     * the index meanwhile sees no change.
     */
    public Rollups(IdTable ids) {
        this.ids = ids;
        this.shared = true;
    }

    /** Adds one result. */
    public void add(Level level, String unitId, Period period, TargetDef target, Verdict v) {
        // A record's results come one target after another with the same strings: look them up once.
        int u;
        if (unitId == lastUnitId) {
            u = lastUnit;
        } else {
            u = shared ? ids.find(unitId) : ids.intern(unitId);
            if (u < 0) {
                throw new IllegalStateException("unit " + unitId + " is not in the request's index");
            }
            lastUnitId = unitId;
            lastUnit = u;
        }
        add(level, u, period, target, v);
    }

    /**
     * Adds one result of a unit by its number in the shared table, found by the caller (the
     * request's index found it for the record already).
     */
    public void add(Level level, int u, Period period, TargetDef target, Verdict v) {
        if (u < 0 || u >= ids.size()) {
            throw new IllegalStateException("unit number " + u + " is not in the table of unit ids");
        }
        if (u >= levelOf.length) {
            int n = Math.max(u + 1, levelOf.length + (levelOf.length >> 1));
            levelOf = Arrays.copyOf(levelOf, n);
            met = Arrays.copyOf(met, n);
            judged = Arrays.copyOf(judged, n);
        }
        if (levelOf[u] == 0) {
            levelOf[u] = (byte) (level.ordinal() + 1);
        }
        if (v.status() == Status.MET || v.status() == Status.NOT_MET) {
            boolean isMet = v.status() == Status.MET;
            if (levelOf[u] == level.ordinal() + 1) {
                judged[u]++;
                met[u] += isMet ? 1 : 0;
            } else {
                int[] sc = otherLevels.computeIfAbsent(otherKey(level, u), k -> new int[2]);
                sc[1]++;
                sc[0] += isMet ? 1 : 0;
            }
        } else if (levelOf[u] != level.ordinal() + 1) {
            otherLevels.computeIfAbsent(otherKey(level, u), k -> new int[2]);
        }
        boolean measured = v.status() == Status.MET || v.status() == Status.NOT_MET
                || v.reason() == ReasonCode.ZERO_DENOMINATOR;
        if (measured && v.actual() instanceof Measurement.OfRatio r && v.required() instanceof Requirement.Percent p) {
            if (level != lastLevel || period != lastPeriod) {
                // Once a record: its level and period find their row of sums, one a target.
                lastLevel = level;
                lastPeriod = period;
                lastRow = new GroupKey(level, period, -1);
                lastSums = rows.getOrDefault(lastRow, NO_SUMS);
            }
            if (target.ordinal() >= lastSums.length) {
                lastSums = Arrays.copyOf(lastSums, target.ordinal() + 1);
                rows.put(lastRow, lastSums);
            }
            Sum s = lastSums[target.ordinal()];
            if (s == null) {
                s = new Sum(target.id(), p, target.measure());
                sums.put(new GroupKey(level, period, target.ordinal()), s);
                lastSums[target.ordinal()] = s;
            }
            if (s.required != p && !s.required.equals(p)) {
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
            Optional<Gap> gap = status == Status.NOT_MET && s.part != null
                    ? Optional.ofNullable(Gaps.ratio(s.part, s.numerator, s.denominator, s.required))
                    : Optional.empty();
            out.add(new LevelRollup(e.getKey().level(), e.getKey().period(), s.target, s.units, ratio, s.required,
                    status, gap));
        }
        return out;
    }

    private static long otherKey(Level level, int u) {
        return (long) level.ordinal() << 32 | u;
    }

    /**
     * The units' scores, level by level, best first within a level (higher met/judged, compared
     * exactly; then by id), ranked. The list makes each {@link UnitScore} when asked for it, from
     * the packed scores: a request of millions of units holds no object per unit.
     */
    public List<UnitScore> units() {
        // A score is a unit number, or for a unit's second level −1 − its place in others.
        List<long[]> others = new ArrayList<>();
        for (Map.Entry<Long, int[]> e : otherLevels.entrySet()) {
            others.add(new long[] {e.getKey(), e.getValue()[0], e.getValue()[1]});
        }
        int n = Math.min(ids.size(), levelOf.length);
        int[] perLevel = new int[Level.values().length];
        for (int u = 0; u < n; u++) {
            if (levelOf[u] != 0) {
                perLevel[levelOf[u] - 1]++;
            }
        }
        for (long[] o : others) {
            perLevel[(int) (o[0] >>> 32)]++;
        }
        int[] start = new int[perLevel.length + 1];
        for (int l = 0; l < perLevel.length; l++) {
            start[l + 1] = start[l] + perLevel[l];
        }
        int[] at = Arrays.copyOf(start, perLevel.length);
        int[] order = new int[start[perLevel.length]];
        for (int u = 0; u < n; u++) {
            if (levelOf[u] != 0) {
                order[at[levelOf[u] - 1]++] = u;
            }
        }
        for (int i = 0; i < others.size(); i++) {
            order[at[(int) (others.get(i)[0] >>> 32)]++] = -1 - i;
        }
        Packed p = new Packed(others);
        int[] buffer = new int[order.length];
        int[] rankAt = new int[order.length];
        for (int l = 0; l < perLevel.length; l++) {
            mergeSort(order, start[l], start[l + 1], buffer, p);
            int position = 0;
            int rank = 0;
            int previous = 0;
            boolean first = true;
            for (int i = start[l]; i < start[l + 1]; i++) {
                int s = order[i];
                if (p.judged(s) > 0) {
                    position++;
                    if (first || p.compareScores(s, previous) != 0) {
                        rank = position;
                    }
                    first = false;
                    previous = s;
                    rankAt[i] = rank;
                }
            }
        }
        return new UnitScores(p, start, order, rankAt);
    }

    /** Reads a score, by unit number or place in others. */
    private final class Packed {
        private final List<long[]> others;

        Packed(List<long[]> others) {
            this.others = others;
        }

        int unit(int s) {
            return s >= 0 ? s : (int) others.get(-1 - s)[0];
        }

        int met(int s) {
            return s >= 0 ? met[s] : (int) others.get(-1 - s)[1];
        }

        int judged(int s) {
            return s >= 0 ? judged[s] : (int) others.get(-1 - s)[2];
        }

        /** Orders scores met/judged exactly; a unit with nothing judged comes after every judged one. */
        int compareScores(int a, int b) {
            int ja = judged(a);
            int jb = judged(b);
            if (ja == 0 || jb == 0) {
                return Boolean.compare(ja != 0, jb != 0);
            }
            return Long.compare((long) met(a) * jb, (long) met(b) * ja);
        }

        /** Best first, then by id. */
        int compare(int a, int b) {
            int c = compareScores(b, a);
            return c != 0 ? c : ids.compare(unit(a), unit(b));
        }
    }

    /** A list this class made: read only, whose elements never change. */
    public interface ReadOnly {
    }

    /** The packed scores as a list, read only. */
    private final class UnitScores extends AbstractList<UnitScore> implements RandomAccess, ReadOnly {
        private final Packed p;
        private final int[] levelStart;
        private final int[] order;
        private final int[] rankAt;

        UnitScores(Packed p, int[] levelStart, int[] order, int[] rankAt) {
            this.p = p;
            this.levelStart = levelStart;
            this.order = order;
            this.rankAt = rankAt;
        }

        @Override
        public UnitScore get(int i) {
            Objects.checkIndex(i, order.length);
            int l = 0;
            while (levelStart[l + 1] <= i) {
                l++;
            }
            int s = order[i];
            return new UnitScore(ids.get(p.unit(s)), Level.values()[l], p.met(s), p.judged(s),
                    rankAt[i] == 0 ? Optional.empty() : Optional.of(rankAt[i]));
        }

        @Override
        public int size() {
            return order.length;
        }
    }

    private static void mergeSort(int[] a, int lo, int hi, int[] buffer, Packed p) {
        if (hi - lo <= 16) {
            for (int i = lo + 1; i < hi; i++) {
                int x = a[i];
                int j = i - 1;
                while (j >= lo && p.compare(a[j], x) > 0) {
                    a[j + 1] = a[j];
                    j--;
                }
                a[j + 1] = x;
            }
            return;
        }
        int mid = (lo + hi) >>> 1;
        mergeSort(a, lo, mid, buffer, p);
        mergeSort(a, mid, hi, buffer, p);
        if (p.compare(a[mid - 1], a[mid]) <= 0) {
            return;
        }
        System.arraycopy(a, lo, buffer, lo, mid - lo);
        int i = lo;
        int j = mid;
        int k = lo;
        while (i < mid && j < hi) {
            a[k++] = p.compare(buffer[i], a[j]) <= 0 ? buffer[i++] : a[j++];
        }
        while (i < mid) {
            a[k++] = buffer[i++];
        }
    }
}
