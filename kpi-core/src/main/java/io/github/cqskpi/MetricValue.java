package io.github.cqskpi;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

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
        return new Day(Optional.of(Objects.requireNonNull(date, "date")));
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
     * A submission date, or "not submitted yet" (the contract's {@code null} date).
     *
     * @param date the day, or empty when not submitted yet
     */
    record Day(Optional<LocalDate> date) implements MetricValue {
        static final Day NOT_SUBMITTED = new Day(Optional.empty());

        /**
         * Checks the day is given, or given as empty.
         *
         * @param date the day, or empty when not submitted yet
         */
        public Day {
            Objects.requireNonNull(date, "date");
        }
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
