package io.github.cqskpi;

import java.time.LocalDate;

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
     * @param date the day, or {@code null} when not submitted yet
     */
    record OfDate(LocalDate date) implements Measurement {
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
     * @param previous the previous record's ratio, or {@code null} when there is none to use
     */
    record OfTrend(Ratio current, Ratio previous) implements Measurement {
    }
}
