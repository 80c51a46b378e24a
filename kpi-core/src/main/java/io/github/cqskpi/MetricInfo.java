package io.github.cqskpi;

import java.util.Objects;
import java.util.Optional;

/**
 * One metric key a rule set version accepts: the contract's own or one the rule set declares.
 * A reader of another input form (a table's cells) needs the type to build the record a JSON
 * request would hold.
 *
 * @param key the key, such as {@code documents.electronic}
 * @param type the type of its value
 * @param whole the key this one is a part of (it may not exceed it), if any
 * @param replaces the older key this one stands for under newer wording, if any
 */
public record MetricInfo(String key, Type type, Optional<String> whole, Optional<String> replaces) {

    /** The type of a metric key's value, as the contract writes it in JSON. */
    public enum Type {
        /** An integer from 0 to 2^53 − 1 (a JSON integer). */
        COUNT,
        /** An ISO-8601 day, or {@code null} for "not submitted yet" (a JSON string or null). */
        DATE,
        /** {@code true} or {@code false} (a JSON boolean). */
        FLAG
    }

    /**
     * Checks the parts.
     *
     * @param key the key, such as {@code documents.electronic}
     * @param type the type of its value
     * @param whole the key this one is a part of (it may not exceed it), if any
     * @param replaces the older key this one stands for under newer wording, if any
     */
    public MetricInfo {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(whole, "whole");
        Objects.requireNonNull(replaces, "replaces");
    }
}
