package io.github.cqskpi;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * The figure in force for one record and target (the contract's {@code required}).
 *
 * <p>To act on each kind, implement a {@link Visitor}: a new kind of figure adds a method to
 * it, so that code which handles every kind stops compiling until it handles the new one.
 */
public sealed interface Requirement {

    /**
     * The comparison this requirement makes.
     *
     * @return the operator
     */
    Operator operator();

    /**
     * Calls the visitor's method for this kind of figure.
     *
     * @param visitor what to do with each kind
     * @param <R> what the visitor gives
     * @return what the visitor's method gave
     */
    <R> R accept(Visitor<R> visitor);

    /**
     * Something to do with each kind of figure, one method a kind.
     *
     * @param <R> what it gives
     */
    interface Visitor<R> {
        /**
         * A percentage.
         *
         * @param percent the figure
         * @return the result
         */
        R percent(Percent percent);

        /**
         * A count.
         *
         * @param count the figure
         * @return the result
         */
        R count(Count count);

        /**
         * A deadline.
         *
         * @param deadline the figure
         * @return the result
         */
        R deadline(Deadline deadline);

        /**
         * A milestone to be done.
         *
         * @param done the figure
         * @return the result
         */
        R done(Done done);

        /**
         * A rate to rise.
         *
         * @param rises the figure
         * @return the result
         */
        R rises(Rises rises);
    }

    /**
     * A percentage that a ratio must reach.
     *
     * @param operator {@code >}, {@code >=} or {@code =}
     * @param percent the percentage, such as {@code 80} or {@code 62.5}
     */
    record Percent(Operator operator, BigDecimal percent) implements Requirement {
        /**
         * Checks the parts and drops trailing zeros, so that {@code 80.0} and {@code 80} are one figure.
         *
         * @param operator {@code >}, {@code >=} or {@code =}
         * @param percent the percentage, such as {@code 80} or {@code 62.5}
         */
        public Percent {
            Objects.requireNonNull(operator, "operator");
            percent = Objects.requireNonNull(percent, "percent").stripTrailingZeros();
            if (percent.scale() < 0) {
                percent = percent.setScale(0);
            }
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.percent(this);
        }
    }

    /**
     * A value that a count must reach.
     *
     * @param operator {@code >}, {@code >=} or {@code =}
     * @param value the value
     */
    record Count(Operator operator, long value) implements Requirement {
        /**
         * Checks the operator.
         *
         * @param operator {@code >}, {@code >=} or {@code =}
         * @param value the value
         */
        public Count {
            Objects.requireNonNull(operator, "operator");
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.count(this);
        }
    }

    /**
     * A day before which a report must be submitted.
     *
     * @param date the deadline day; a report submitted on it is late
     */
    record Deadline(LocalDate date) implements Requirement {
        /**
         * Checks the date.
         *
         * @param date the deadline day; a report submitted on it is late
         */
        public Deadline {
            Objects.requireNonNull(date, "date");
        }

        @Override
        public Operator operator() {
            return Operator.BEFORE;
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.deadline(this);
        }
    }

    /**
     * A milestone that must be done.
     */
    record Done() implements Requirement {
        @Override
        public Operator operator() {
            return Operator.DONE;
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.done(this);
        }
    }

    /**
     * A rate that must rise against the previous period.
     */
    record Rises() implements Requirement {
        @Override
        public Operator operator() {
            return Operator.RISES;
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.rises(this);
        }
    }
}
