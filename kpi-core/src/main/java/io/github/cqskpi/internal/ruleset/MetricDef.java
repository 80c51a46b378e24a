package io.github.cqskpi.internal.ruleset;

import java.time.LocalDate;

/**
 * One declared metric key.
 *
 * @param key the key, such as {@code documents.electronic}
 * @param type the type of its value
 * @param whole the key this one is a part of (it may not exceed it), or {@code null}
 * @param replaces the older key this one stands for under newer wording, or {@code null}; a
 *     record may give one of the two, never both
 * @param from with {@code replaces}: the first period end day the key is accepted for
 */
public record MetricDef(String key, MetricType type, String whole, String replaces, LocalDate from) {

    public MetricDef(String key, MetricType type, String whole) {
        this(key, type, whole, null, null);
    }
}
