package io.github.cqskpi;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * What was measured for one record and target (the contract's {@code actual}).
 */
public sealed interface Measurement {

    /**
     * A ratio of two counts.
     *
     * @param ratio the counts
     */
    record OfRatio(Ratio ratio) implements Measurement {
    }

    /**
     * A single count.
     *
     * @param value the count
     */
    record OfCount(long value) implements Measurement {
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
    }

    /**
     * A milestone flag.
     *
     * @param done whether it is done
     */
    record OfFlag(boolean done) implements Measurement {
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
    }
}
