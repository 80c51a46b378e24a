package io.github.cqskpi;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * What was measured for one record and target (the contract's {@code actual}).
 *
 * <p>To act on each kind, implement a {@link Visitor}: a new kind of measurement adds a method
 * to it, so that code which handles every kind stops compiling until it handles the new one.
 */
public sealed interface Measurement {

    /**
     * Calls the visitor's method for this kind of measurement.
     *
     * @param visitor what to do with each kind
     * @param <R> what the visitor gives
     * @return what the visitor's method gave
     */
    <R> R accept(Visitor<R> visitor);

    /**
     * Something to do with each kind of measurement, one method a kind.
     *
     * @param <R> what it gives
     */
    interface Visitor<R> {
        /**
         * A ratio of two counts.
         *
         * @param ratio the measurement
         * @return the result
         */
        R ratio(OfRatio ratio);

        /**
         * A single count.
         *
         * @param count the measurement
         * @return the result
         */
        R count(OfCount count);

        /**
         * A submission date.
         *
         * @param date the measurement
         * @return the result
         */
        R date(OfDate date);

        /**
         * A milestone flag.
         *
         * @param flag the measurement
         * @return the result
         */
        R flag(OfFlag flag);

        /**
         * A rate against the previous one.
         *
         * @param trend the measurement
         * @return the result
         */
        R trend(OfTrend trend);
    }

    /**
     * A ratio of two counts.
     *
     * @param ratio the counts
     */
    record OfRatio(Ratio ratio) implements Measurement {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.ratio(this);
        }
    }

    /**
     * A single count.
     *
     * @param value the count
     */
    record OfCount(long value) implements Measurement {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.count(this);
        }
    }

    /**
     * A submission date.
     *
     * @param date the day, or empty when not submitted yet
     */
    record OfDate(Optional<LocalDate> date) implements Measurement {

        /**
         * Checks the day is given, or given as empty.
         *
         * @param date the day, or empty when not submitted yet
         */
        public OfDate {
            Objects.requireNonNull(date, "date");
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.date(this);
        }
    }

    /**
     * A milestone flag.
     *
     * @param done whether it is done
     */
    record OfFlag(boolean done) implements Measurement {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.flag(this);
        }
    }

    /**
     * A rate against the same unit's previous rate.
     *
     * @param current this record's ratio
     * @param previous the previous record's ratio, or empty when there is none to use
     */
    record OfTrend(Ratio current, Optional<Ratio> previous) implements Measurement {

        /**
         * Checks both parts are given (the previous ratio possibly as empty).
         *
         * @param current this record's ratio
         * @param previous the previous record's ratio, or empty when there is none to use
         */
        public OfTrend {
            Objects.requireNonNull(current, "current");
            Objects.requireNonNull(previous, "previous");
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.trend(this);
        }
    }
}
