package io.github.cqskpi.internal.engine;

import io.github.cqskpi.internal.ruleset.LoadedRuleSet;
import io.github.cqskpi.internal.ruleset.Measure;
import io.github.cqskpi.internal.input.RecordDraft;
import io.github.cqskpi.MetricValue;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a streamed evaluation must know of the whole request before it judges a record: which
 * records give the same unit and period (duplicates reject each other, wherever they stand in
 * the request), and each unit's valid records by the day their period ends, with the figures
 * the trend compares (the previous record may come later in the request).
 *
 * <p>It holds no object per record nor per unit: each unit id once in an {@link IdTable}, and
 * per (unit, period) given one slot across a few primitive arrays (the unit, the period's
 * start and end days, the record's index, two flags, the trend's figures as {@code int}s, and
 * once sealed its place in the order by unit and period): about 25 bytes a slot plus 8 for
 * each trend figure, and 13 bytes a unit plus its id's characters.
 */
public final class PeriodIndex {

    private static final byte VALID = 1;
    private static final byte DUPLICATE = 2;
    /** Epoch days of 0000-01-01 and 9999-12-31 fit 22 bits once shifted by this. */
    private static final long DAY_OFFSET = 719_528L;
    private static final int NO_VALUE = -1;
    /** A trend figure too large for an int: the figure is in {@link #large}. */
    private static final int LARGE = -2;

    private final int[] trendIndices;
    private final int width;
    private final IdTable units = new IdTable();
    private int size;
    private int[] unit = new int[16];
    private int[] from = new int[16];
    private int[] to = new int[16];
    private int[] index = new int[16];
    private byte[] flags = new byte[16];
    private int[] trend;
    private final Map<Long, Long> large = new HashMap<>();
    /** Once sealed: the slots by unit, then end, start and request order. */
    private int[] order;
    /** Once sealed: where each unit's slots start in {@link #order}; one more for the end. */
    private int[] unitStart;
    private boolean sealed;

    /**
     * @param trendIndices the vocabulary indices whose figures a later record may compare with
     */
    public PeriodIndex(int[] trendIndices) {
        this.trendIndices = trendIndices;
        this.width = trendIndices.length;
        this.trend = new int[16 * width];
    }

    /** The unit ids, numbered: for others that keep state per unit (the roll-ups) to share. */
    public IdTable units() {
        return units;
    }

    /** The unit's number, or −1 when it has no slot (or the index is not sealed). */
    /** The number of a unit in {@link #units()} once sealed, or −1 when no record gives it. */
    public int unit(String id) {
        return id == null ? -1 : unitOf(id);
    }

    private int unitOf(String id) {
        int u = units.find(id);
        return u < 0 || unitStart == null || u + 1 >= unitStart.length ? -1 : u;
    }

    /** The vocabulary indices the trend measures of a rule set read. */
    public static int[] trendIndices(LoadedRuleSet rs) {
        return rs.targets().stream()
                .filter(t -> t.measure() instanceof Measure.OfTrend)
                .flatMapToInt(t -> {
                    Measure.OfTrend m = (Measure.OfTrend) t.measure();
                    return java.util.stream.IntStream.of(m.numeratorIndex(), m.denominatorIndex());
                })
                .distinct().sorted().toArray();
    }

    /**
     * Notes one record, once validated on its own (before duplicates are known). Records
     * without a readable unit id and period take no part in duplicates nor trends.
     */
    public void add(RecordDraft d) {
        if (sealed) {
            throw new IllegalStateException("sealed");
        }
        if (d.unitId == null || d.from == null || d.to == null) {
            return;
        }
        if (size == from.length) {
            int n = size + (size >> 1);
            unit = Arrays.copyOf(unit, n);
            from = Arrays.copyOf(from, n);
            to = Arrays.copyOf(to, n);
            index = Arrays.copyOf(index, n);
            flags = Arrays.copyOf(flags, n);
            trend = Arrays.copyOf(trend, n * width);
        }
        int s = size;
        unit[s] = units.intern(d.unitId);
        from[s] = (int) d.from.toEpochDay();
        to[s] = (int) d.to.toEpochDay();
        index[s] = d.index;
        boolean valid = !d.rejected();
        flags[s] = valid ? VALID : 0;
        for (int k = 0; k < width; k++) {
            int v = NO_VALUE;
            if (valid && d.values[trendIndices[k]] instanceof MetricValue.Count c) {
                long x = c.value();
                if (x >= 0 && x < Integer.MAX_VALUE) {
                    v = (int) x;
                } else {
                    v = LARGE;
                    large.put((long) s * width + k, x);
                }
            }
            trend[s * width + k] = v;
        }
        size++;
    }

    /** Ends the first pass: orders the slots by unit and period and marks the duplicates. */
    public void seal() {
        from = Arrays.copyOf(from, size);
        to = Arrays.copyOf(to, size);
        index = Arrays.copyOf(index, size);
        flags = Arrays.copyOf(flags, size);
        trend = Arrays.copyOf(trend, size * width);
        int n = units.size();
        unitStart = new int[n + 1];
        for (int s = 0; s < size; s++) {
            unitStart[unit[s] + 1]++;
        }
        for (int u = 0; u < n; u++) {
            unitStart[u + 1] += unitStart[u];
        }
        order = new int[size];
        int[] next = Arrays.copyOf(unitStart, n);
        for (int s = 0; s < size; s++) {
            order[next[unit[s]]++] = s;
        }
        next = null;
        unit = null;
        int[] buffer = null;
        for (int u = 0; u < n; u++) {
            int lo = unitStart[u];
            int hi = unitStart[u + 1];
            boolean sorted = true;
            for (int i = lo + 1; i < hi && sorted; i++) {
                sorted = key(order[i - 1]) <= key(order[i]);
            }
            if (!sorted) {
                if (buffer == null || buffer.length < hi - lo) {
                    buffer = new int[hi - lo];
                }
                sort(lo, hi, buffer);
            }
            for (int i = lo + 1; i < hi; i++) {
                if (key(order[i - 1]) == key(order[i])) {
                    flags[order[i - 1]] |= DUPLICATE;
                    flags[order[i]] |= DUPLICATE;
                }
            }
        }
        sealed = true;
    }

    private long key(int s) {
        return ((to[s] + DAY_OFFSET) << 22) | (from[s] + DAY_OFFSET);
    }

    /** Slots in order of key, equal keys in request order (a slot's number is its place in the request). */
    private int compare(int a, int b) {
        int c = Long.compare(key(a), key(b));
        return c != 0 ? c : Integer.compare(a, b);
    }

    /** Sorts order[lo, hi) by {@link #compare}, merging runs: no boxing, n log n at worst. */
    private void sort(int lo, int hi, int[] buffer) {
        if (hi - lo <= 16) {
            for (int i = lo + 1; i < hi; i++) {
                int x = order[i];
                int j = i - 1;
                while (j >= lo && compare(order[j], x) > 0) {
                    order[j + 1] = order[j];
                    j--;
                }
                order[j + 1] = x;
            }
            return;
        }
        int mid = (lo + hi) >>> 1;
        sort(lo, mid, buffer);
        sort(mid, hi, buffer);
        if (compare(order[mid - 1], order[mid]) <= 0) {
            return;
        }
        System.arraycopy(order, lo, buffer, 0, mid - lo);
        int i = 0;
        int iEnd = mid - lo;
        int j = mid;
        int k = lo;
        while (i < iEnd && j < hi) {
            order[k++] = compare(buffer[i], order[j]) <= 0 ? buffer[i++] : order[j++];
        }
        while (i < iEnd) {
            order[k++] = buffer[i++];
        }
    }

    /**
     * The other records that give the same unit and period as this one, in request order;
     * empty when none.
     */
    public int[] others(RecordDraft d) {
        return others(d, unit(d.unitId));
    }

    /** {@link #others(RecordDraft)} of a record whose unit's number ({@link #unit}) is known. */
    public int[] others(RecordDraft d, int u) {
        if (d.unitId == null || d.from == null || d.to == null) {
            return new int[0];
        }
        if (u < 0) {
            return new int[0];
        }
        long key = ((d.to.toEpochDay() + DAY_OFFSET) << 22) | (d.from.toEpochDay() + DAY_OFFSET);
        int lo = unitStart[u];
        int hi = unitStart[u + 1];
        int at = -1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            long k = key(order[mid]);
            if (k < key) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        if (lo < unitStart[u + 1] && key(order[lo]) == key) {
            at = lo;
        }
        if (at < 0 || (flags[order[at]] & DUPLICATE) == 0) {
            return new int[0];
        }
        int[] out = new int[0];
        int n = 0;
        for (int i = at; i < unitStart[u + 1] && key(order[i]) == key; i++) {
            int s = order[i];
            if (index[s] != d.index) {
                if (n == out.length) {
                    out = Arrays.copyOf(out, Math.max(2, n * 2));
                }
                out[n++] = index[s];
            }
        }
        return Arrays.copyOf(out, n);
    }

    /**
     * The valid records of a unit whose period ends on a day, as value arrays that hold the
     * trend's figures only.
     */
    public List<MetricValue[]> endingOn(String unitId, LocalDate day, int vocabularySize) {
        return endingOn(unit(unitId), day, vocabularySize);
    }

    /** {@link #endingOn(String, LocalDate, int)} of a unit by its number ({@link #unit}). */
    public List<MetricValue[]> endingOn(int u, LocalDate day, int vocabularySize) {
        if (u < 0) {
            return List.of();
        }
        int end = (int) day.toEpochDay();
        int lo = unitStart[u];
        int hi = unitStart[u + 1];
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (to[order[mid]] < end) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        List<MetricValue[]> out = null;
        for (int i = lo; i < unitStart[u + 1] && to[order[i]] == end; i++) {
            int s = order[i];
            if ((flags[s] & (VALID | DUPLICATE)) != VALID) {
                continue;
            }
            MetricValue[] values = new MetricValue[vocabularySize];
            for (int k = 0; k < width; k++) {
                int v = trend[s * width + k];
                if (v == LARGE) {
                    values[trendIndices[k]] = MetricValue.count(large.get((long) s * width + k));
                } else if (v != NO_VALUE) {
                    values[trendIndices[k]] = MetricValue.count(v);
                }
            }
            if (out == null) {
                out = new ArrayList<>(1);
            }
            out.add(values);
        }
        return out == null ? List.of() : out;
    }
}
