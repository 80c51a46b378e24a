package io.github.cqskpi;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The figures of one unit for one period: the input of an evaluation.
 *
 * <p>Build one with {@link #of(Unit, Period)} and {@link #with(String, long)}:
 * <pre>{@code
 * UnitRecord r = UnitRecord.of(Unit.of("xa-quang-son", Level.COMMUNE), Period.year(2022))
 *         .with("dossiers.level4.total", 120)
 *         .with("dossiers.level4.online", 50);
 * }</pre>
 *
 * @param unit the unit
 * @param period the period the figures cover
 * @param metrics the figures by metric key, in the order given
 */
public record UnitRecord(Unit unit, Period period, Map<String, MetricValue> metrics) {

    /**
     * Checks the parts and copies the metrics, keeping their order.
     *
     * @param unit the unit
     * @param period the period the figures cover
     * @param metrics the figures by metric key, in the order given
     */
    public UnitRecord {
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(period, "period");
        Map<String, MetricValue> copy = new LinkedHashMap<>(Objects.requireNonNull(metrics, "metrics"));
        copy.forEach((k, v) -> {
            Objects.requireNonNull(k, "metric key");
            Objects.requireNonNull(v, () -> "value of metric " + k);
        });
        metrics = Collections.unmodifiableMap(copy);
    }

    /**
     * A record with no figures yet.
     *
     * @param unit the unit
     * @param period the period
     * @return the record
     */
    public static UnitRecord of(Unit unit, Period period) {
        return new UnitRecord(unit, period, Map.of());
    }

    /**
     * This record with one more figure (or a figure replaced).
     *
     * @param key the metric key, such as {@code documents.total}
     * @param value the value
     * @return a new record
     */
    public UnitRecord with(String key, MetricValue value) {
        Map<String, MetricValue> copy = new LinkedHashMap<>(metrics);
        copy.put(key, value);
        return new UnitRecord(unit, period, copy);
    }

    /**
     * This record with one more count.
     *
     * @param key the metric key
     * @param count the count
     * @return a new record
     */
    public UnitRecord with(String key, long count) {
        return with(key, MetricValue.count(count));
    }
}
