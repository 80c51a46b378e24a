package io.github.cqskpi.internal.ruleset;

/** The type of a metric key's value. */
public enum MetricType {
    /** An integer from 0 to 2^53 − 1. */
    COUNT,
    /** An ISO-8601 day, or {@code null} for "not submitted yet". */
    DATE,
    /** {@code true} or {@code false}. */
    FLAG;

    public static MetricType parse(String s) {
        return switch (s) {
            case "count" -> COUNT;
            case "date" -> DATE;
            case "flag", "boolean" -> FLAG;
            default -> throw new IllegalArgumentException("unknown metric type \"" + s + "\" (count, date or boolean)");
        };
    }
}
