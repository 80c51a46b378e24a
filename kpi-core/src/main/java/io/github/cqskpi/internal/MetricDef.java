package io.github.cqskpi.internal;

/**
 * One declared metric key.
 *
 * @param key the key, such as {@code documents.electronic}
 * @param type the type of its value
 * @param whole the key this one is a part of (it may not exceed it), or {@code null}
 */
record MetricDef(String key, MetricType type, String whole) {
}
