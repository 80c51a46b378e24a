package io.github.cqskpi;

import java.time.LocalDate;

/**
 * The value of one metric key: a count, a date (or "not submitted yet") or a flag.
 */
public sealed interface MetricValue {

    /**
     * A count.
     *
     * @param value the count; the contract allows 0 to 2^53 − 1
     * @return the value
     */
    static MetricValue count(long value) {
        return new Count(value);
    }

    /**
     * A submission date.
     *
     * @param date the day the report was submitted
     * @return the value
     */
    static MetricValue date(LocalDate date) {
        return new Day(java.util.Objects.requireNonNull(date, "date"));
    }

    /**
     * A report that is not submitted yet (the contract's {@code null} date).
     *
     * @return the value
     */
    static MetricValue notSubmitted() {
        return Day.NOT_SUBMITTED;
    }

    /**
     * A flag.
     *
     * @param done whether the milestone is done
     * @return the value
     */
    static MetricValue flag(boolean done) {
        return done ? Flag.DONE : Flag.NOT_DONE;
    }

    /**
     * A count.
     *
     * @param value the count
     */
    record Count(long value) implements MetricValue {
    }

    /**
     * A date, or {@code null} for "not submitted yet".
     *
     * @param date the day, or {@code null}
     */
    record Day(LocalDate date) implements MetricValue {
        static final Day NOT_SUBMITTED = new Day(null);
    }

    /**
     * A flag.
     *
     * @param done whether it is done
     */
    record Flag(boolean done) implements MetricValue {
        static final Flag DONE = new Flag(true);
        static final Flag NOT_DONE = new Flag(false);
    }
}
