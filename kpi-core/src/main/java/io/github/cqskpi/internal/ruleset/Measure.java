package io.github.cqskpi.internal.ruleset;

import java.util.List;

/**
 * What a target measures, with its keys resolved to indices of the rule set's vocabulary.
 */
public sealed interface Measure {

    /** The keys the measure reads, in order. */
    public List<String> keys();

    /** The measure in words, such as {@code documents.electronic / documents.total}. */
    public String describe();

    /**
     * A part over a whole, judged against a percentage; {@code newerWording}, when not
     * {@code null}, is the same ratio under keys that replace these, used by a record that gives
     * any of them.
     */
    public record OfRatio(String numerator, int numeratorIndex, String denominator, int denominatorIndex,
            OfRatio newerWording) implements Measure {
        public List<String> keys() {
            return List.of(numerator, denominator);
        }

        public String describe() {
            return numerator + " / " + denominator
                    + (newerWording == null ? "" : " (or " + newerWording.describe() + ")");
        }
    }

    /** One count, judged against a value; {@code perCalendarMonth} when only a one-month period can show it. */
    public record OfCount(String key, int index, boolean perCalendarMonth) implements Measure {
        public List<String> keys() {
            return List.of(key);
        }

        public String describe() {
            return perCalendarMonth ? key + " per calendar month" : key;
        }
    }

    /** A submission date, judged against a deadline. */
    public record OfDate(String key, int index) implements Measure {
        public List<String> keys() {
            return List.of(key);
        }

        public String describe() {
            return key;
        }
    }

    /** A milestone flag. */
    public record OfFlag(String key, int index) implements Measure {
        public List<String> keys() {
            return List.of(key);
        }

        public String describe() {
            return key;
        }
    }

    /** A rate against the same unit's previous record. */
    public record OfTrend(String numerator, int numeratorIndex, String denominator, int denominatorIndex) implements Measure {
        public List<String> keys() {
            return List.of(numerator, denominator);
        }

        public String describe() {
            return numerator + " / " + denominator + " against the previous period";
        }
    }
}
