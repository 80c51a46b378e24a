package io.github.cqskpi;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * The figure in force for one record and target (the contract's {@code required}).
 */
public sealed interface Requirement {

    /**
     * The comparison this requirement makes.
     *
     * @return the operator
     */
    Operator operator();

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
    }

    /**
     * A milestone that must be done.
     */
    record Done() implements Requirement {
        @Override
        public Operator operator() {
            return Operator.DONE;
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
    }
}
