package io.github.cqskpi.table;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One cell of a table as its file holds it: text (every CSV cell), or, from a spreadsheet, a
 * number, a boolean or a date. A missing or empty cell is {@link #BLANK}.
 */
public sealed interface Cell {

    /** The empty cell: the key is absent from the record. */
    Cell BLANK = new Text("");

    /**
     * A text cell.
     *
     * @param text the text as written
     * @return the cell
     */
    static Cell text(String text) {
        return text.isEmpty() ? BLANK : new Text(text);
    }

    /**
     * Whether the cell holds nothing: empty, or only white space.
     *
     * @return {@code true} for a blank cell
     */
    default boolean blank() {
        return this instanceof Text t && t.value().isBlank();
    }

    /**
     * Text as written in the file.
     *
     * @param value the text
     */
    record Text(String value) implements Cell {
        /**
         * Checks the text.
         *
         * @param value the text
         */
        public Text {
            Objects.requireNonNull(value, "value");
        }
    }

    /**
     * A spreadsheet's number cell.
     *
     * @param value the number as the file stores it, a decimal such as {@code 120} or {@code 1.5}
     */
    record Number(java.math.BigDecimal value) implements Cell {
        /**
         * Checks the number.
         *
         * @param value the number
         */
        public Number {
            Objects.requireNonNull(value, "value");
        }
    }

    /**
     * A spreadsheet's boolean cell.
     *
     * @param value the value
     */
    record Bool(boolean value) implements Cell {
    }

    /**
     * A spreadsheet's date cell (a number formatted as a date).
     *
     * @param value the day
     */
    record Day(LocalDate value) implements Cell {
        /**
         * Checks the day.
         *
         * @param value the day
         */
        public Day {
            Objects.requireNonNull(value, "value");
        }
    }
}
