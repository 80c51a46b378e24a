package io.github.cqskpi;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * What was measured for one record and target (the contract's {@code actual}).
 */
public sealed interface Measurement {

    /**
     * Hands this measurement to the visitor's method for its kind. A new kind of measurement
     * adds a method to {@link Visitor}, so that the compiler finds every place that must
     * handle it.
     *
     * @param <R> what the visitor returns
     * @param visitor the visitor
     * @return what the visitor returned
     */
    <R> R accept(Visitor<R> visitor);

    /**
     * Something done with each kind of measurement.
     *
     * @param <R> what it returns
     */
    interface Visitor<R> {
        /**
         * A ratio.
         *
         * @param m the measurement
         * @return the visitor's value
         */
        R ratio(OfRatio m);

        /**
         * A count.
         *
         * @param m the measurement
         * @return the visitor's value
         */
        R count(OfCount m);

        /**
         * A date.
         *
         * @param m the measurement
         * @return the visitor's value
         */
        R date(OfDate m);

        /**
         * A flag.
         *
         * @param m the measurement
         * @return the visitor's value
         */
        R flag(OfFlag m);

        /**
         * A trend.
         *
         * @param m the measurement
         * @return the visitor's value
         */
        R trend(OfTrend m);
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

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.date(this);
        }

        /**
         * Checks the day is given, or given as empty.
         *
         * @param date the day, or empty when not submitted yet
         */
        public OfDate {
            Objects.requireNonNull(date, "date");
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

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.trend(this);
        }

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
    }
}
