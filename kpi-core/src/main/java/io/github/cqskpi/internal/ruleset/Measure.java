package io.github.cqskpi.internal.ruleset;

import io.github.cqskpi.internal.judge.Judge;
import io.github.cqskpi.internal.rules.RecordState;
import io.github.cqskpi.internal.judge.Verdict;
import io.github.cqskpi.Requirement;
import java.util.List;
import java.util.Locale;

/**
 * What a target measures, with its keys resolved to indices of the rule set's vocabulary.
 *
 * <p>Each kind carries its own behaviour, so that a new kind does not compile until it says
 * how it is named in a descriptor ({@link #kind()}), which figure fits it ({@link #fits}) and
 * how a record is judged ({@link #judge}); the descriptor reader's switch over {@link Kind} has
 * no default either. CONTRIBUTING.md lists the files a new kind touches.
 */
public sealed interface Measure {

    /** The kinds a descriptor names in {@code measure.kind}, as lower-case words. */
    public enum Kind {
        RATIO, COUNT, DATE, FLAG, TREND;

        /** The word a descriptor writes. */
        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** How a descriptor names this kind. */
    public Kind kind();

    /** The keys the measure reads, in order. */
    public List<String> keys();

    /** The measure in words, such as {@code documents.electronic / documents.total}. */
    public String describe();

    /** Whether a rule's {@code @require} states a figure this measure can be judged against. */
    public boolean fits(Requirement required);

    /**
     * Measures one record against one figure, in the order of judgement every target shares
     * (see {@link Judge}). The figure fits this measure: the loader checked it.
     */
    public Verdict judge(Figure f, RecordState r);

    /**
     * A part over a whole, judged against a percentage; {@code newerWording}, when not
     * {@code null}, is the same ratio under keys that replace these, used by a record that gives
     * any of them.
     */
    public record OfRatio(String numerator, int numeratorIndex, String denominator, int denominatorIndex,
            OfRatio newerWording) implements Measure {
        public Kind kind() {
            return Kind.RATIO;
        }

        public List<String> keys() {
            return List.of(numerator, denominator);
        }

        public String describe() {
            return numerator + " / " + denominator
                    + (newerWording == null ? "" : " (or " + newerWording.describe() + ")");
        }

        public boolean fits(Requirement required) {
            return required instanceof Requirement.Percent;
        }

        public Verdict judge(Figure f, RecordState r) {
            return Judge.ratio(f, r, this);
        }
    }

    /** One count, judged against a value; {@code perCalendarMonth} when only a one-month period can show it. */
    public record OfCount(String key, int index, boolean perCalendarMonth) implements Measure {
        public Kind kind() {
            return Kind.COUNT;
        }

        public List<String> keys() {
            return List.of(key);
        }

        public String describe() {
            return perCalendarMonth ? key + " per calendar month" : key;
        }

        public boolean fits(Requirement required) {
            return required instanceof Requirement.Count;
        }

        public Verdict judge(Figure f, RecordState r) {
            return Judge.count(f, r, this);
        }
    }

    /** A submission date, judged against a deadline. */
    public record OfDate(String key, int index) implements Measure {
        public Kind kind() {
            return Kind.DATE;
        }

        public List<String> keys() {
            return List.of(key);
        }

        public String describe() {
            return key;
        }

        public boolean fits(Requirement required) {
            return required instanceof Requirement.Deadline;
        }

        public Verdict judge(Figure f, RecordState r) {
            return Judge.deadline(f, r, this);
        }
    }

    /** A milestone flag. */
    public record OfFlag(String key, int index) implements Measure {
        public Kind kind() {
            return Kind.FLAG;
        }

        public List<String> keys() {
            return List.of(key);
        }

        public String describe() {
            return key;
        }

        public boolean fits(Requirement required) {
            return required instanceof Requirement.Done;
        }

        public Verdict judge(Figure f, RecordState r) {
            return Judge.milestone(f, r, this);
        }
    }

    /** A rate against the same unit's previous record. */
    public record OfTrend(String numerator, int numeratorIndex, String denominator, int denominatorIndex) implements Measure {
        public Kind kind() {
            return Kind.TREND;
        }

        public List<String> keys() {
            return List.of(numerator, denominator);
        }

        public String describe() {
            return numerator + " / " + denominator + " against the previous period";
        }

        public boolean fits(Requirement required) {
            return required instanceof Requirement.Rises;
        }

        public Verdict judge(Figure f, RecordState r) {
            return Judge.trend(f, r, this);
        }
    }
}
