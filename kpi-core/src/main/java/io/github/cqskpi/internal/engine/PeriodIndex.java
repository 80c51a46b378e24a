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
 * <p>It holds per unit a few primitive arrays, one slot per (unit, period) given: about 30
 * bytes a record, no object per record.
 */
public final class PeriodIndex {

    private static final byte VALID = 1;
    private static final byte DUPLICATE = 2;
    /** Epoch days of 0000-01-01 and 9999-12-31 fit 22 bits once shifted by this. */
    private static final long DAY_OFFSET = 719_528L;
    private static final int NO_VALUE = -1;

    private final int[] trendIndices;
    private final Map<String, Periods> units = new HashMap<>();
    private boolean sealed;

    /**
     * @param trendIndices the vocabulary indices whose figures a later record may compare with
     */
    public PeriodIndex(int[] trendIndices) {
        this.trendIndices = trendIndices;
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
        Periods p = units.computeIfAbsent(d.unitId, k -> new Periods(trendIndices.length));
        long[] values = null;
        if (!d.rejected() && trendIndices.length > 0) {
            values = new long[trendIndices.length];
            for (int i = 0; i < trendIndices.length; i++) {
                MetricValue v = d.values[trendIndices[i]];
                values[i] = v instanceof MetricValue.Count c ? c.value() : NO_VALUE;
            }
        }
        p.add((int) d.from.toEpochDay(), (int) d.to.toEpochDay(), d.index, !d.rejected(), values);
    }

    /** Ends the first pass: sorts each unit's periods and marks the duplicates. */
    public void seal() {
        for (Periods p : units.values()) {
            p.seal();
        }
        sealed = true;
    }

    /**
     * The other records that give the same unit and period as this one, in request order;
     * empty when none.
     */
    public int[] others(RecordDraft d) {
        if (d.unitId == null || d.from == null || d.to == null) {
            return new int[0];
        }
        Periods p = units.get(d.unitId);
        int at = p.find((int) d.to.toEpochDay(), (int) d.from.toEpochDay());
        if (at < 0 || (p.flags[at] & DUPLICATE) == 0) {
            return new int[0];
        }
        long key = p.key(at);
        int first = at;
        while (first > 0 && p.key(first - 1) == key) {
            first--;
        }
        int[] out = new int[0];
        int n = 0;
        for (int i = first; i < p.size && p.key(i) == key; i++) {
            if (p.index[i] != d.index) {
                if (n == out.length) {
                    out = Arrays.copyOf(out, Math.max(2, n * 2));
                }
                out[n++] = p.index[i];
            }
        }
        return Arrays.copyOf(out, n);
    }

    /**
     * The valid records of a unit whose period ends on a day, as value arrays that hold the
     * trend's figures only.
     */
    public List<MetricValue[]> endingOn(String unitId, LocalDate day, int vocabularySize) {
        Periods p = units.get(unitId);
        if (p == null) {
            return List.of();
        }
        int to = (int) day.toEpochDay();
        int at = p.firstEndingOn(to);
        List<MetricValue[]> out = null;
        for (int i = at; i >= 0 && i < p.size && p.to[i] == to; i++) {
            if ((p.flags[i] & (VALID | DUPLICATE)) != VALID) {
                continue;
            }
            MetricValue[] values = new MetricValue[vocabularySize];
            for (int k = 0; k < trendIndices.length; k++) {
                long v = p.trend[i * trendIndices.length + k];
                if (v != NO_VALUE) {
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

    /** One unit's periods: appended in request order, then sorted by (end, start, order). */
    private static final class Periods {
        private final int width;
        public int size;
        public int[] from = new int[2];
        public int[] to = new int[2];
        public int[] index = new int[2];
        public byte[] flags = new byte[2];
        public long[] trend;

        public Periods(int width) {
            this.width = width;
            this.trend = new long[2 * width];
        }

        public void add(int f, int t, int i, boolean valid, long[] values) {
            if (size == from.length) {
                int n = size + (size >> 1) + 1;
                from = Arrays.copyOf(from, n);
                to = Arrays.copyOf(to, n);
                index = Arrays.copyOf(index, n);
                flags = Arrays.copyOf(flags, n);
                trend = Arrays.copyOf(trend, n * width);
            }
            from[size] = f;
            to[size] = t;
            index[size] = i;
            flags[size] = valid ? VALID : 0;
            for (int k = 0; k < width; k++) {
                trend[size * width + k] = values == null ? NO_VALUE : values[k];
            }
            size++;
        }

        public long key(int i) {
            return ((to[i] + DAY_OFFSET) << 22) | (from[i] + DAY_OFFSET);
        }

        public void seal() {
            from = Arrays.copyOf(from, size);
            to = Arrays.copyOf(to, size);
            index = Arrays.copyOf(index, size);
            flags = Arrays.copyOf(flags, size);
            trend = Arrays.copyOf(trend, size * width);
            boolean sorted = true;
            for (int i = 1; i < size && sorted; i++) {
                sorted = key(i - 1) <= key(i);
            }
            if (!sorted) {
                sort();
            }
            for (int i = 1; i < size; i++) {
                if (key(i - 1) == key(i)) {
                    flags[i - 1] |= DUPLICATE;
                    flags[i] |= DUPLICATE;
                }
            }
        }

        /** Sorts by key, equal keys in request order (their positions). */
        private void sort() {
            Integer[] order = new Integer[size];
            for (int i = 0; i < size; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (a, b) -> {
                int c = Long.compare(key(a), key(b));
                return c != 0 ? c : Integer.compare(a, b);
            });
            int[] f = new int[size];
            int[] t = new int[size];
            int[] ix = new int[size];
            byte[] fl = new byte[size];
            long[] tr = new long[size * width];
            for (int i = 0; i < size; i++) {
                int o = order[i];
                f[i] = from[o];
                t[i] = to[o];
                ix[i] = index[o];
                fl[i] = flags[o];
                System.arraycopy(trend, o * width, tr, i * width, width);
            }
            from = f;
            to = t;
            index = ix;
            flags = fl;
            trend = tr;
        }

        /** A slot with this end and start, or −1. */
        public int find(int end, int start) {
            long key = ((end + DAY_OFFSET) << 22) | (start + DAY_OFFSET);
            int lo = 0;
            int hi = size - 1;
            while (lo <= hi) {
                int mid = (lo + hi) >>> 1;
                long k = key(mid);
                if (k < key) {
                    lo = mid + 1;
                } else if (k > key) {
                    hi = mid - 1;
                } else {
                    return mid;
                }
            }
            return -1;
        }

        /** The first slot ending on this day, or −1. */
        public int firstEndingOn(int end) {
            int lo = 0;
            int hi = size;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (to[mid] < end) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo < size && to[lo] == end ? lo : -1;
        }
    }
}
