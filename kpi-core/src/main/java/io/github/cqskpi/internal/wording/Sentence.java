package io.github.cqskpi.internal.wording;

import io.github.cqskpi.internal.output.ResponseJson;
import io.github.cqskpi.Ratio;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/**
 * Where {@link Wording} puts the words it composes: a {@link String} ({@link Plain}), or the
 * response's JSON bytes, escaped as they go ({@link ResponseJson}). The sentences are composed
 * once, in {@link Wording}; only how their pieces are stored differs.
 */
public interface Sentence {

    /** Words that recur from result to result: pieces of the bundles, titles, ids, keys. */
    public Sentence words(String s);

    /** The {@code i}th literal piece of a template from the bundles. */
    default Sentence literal(Words.Template t, int i) {
        return words(t.literals().get(i));
    }

    /**
     * Words that recur, with a small number that stands for them wherever they recur (a slot of
     * {@link Wording}'s), so that a sentence that encodes them keeps them by number.
     */
    default Sentence words(int slot, String s) {
        return words(s);
    }

    /** Text that changes from result to result, such as a unit's id or a figure. */
    public Sentence text(String s);

    public Sentence number(long n);

    /** A day as ISO writes it, {@code 2022-12-31}. */
    public Sentence isoDay(LocalDate d);

    /** A day as people in Viet Nam write it, {@code 31/12/2022}. */
    public Sentence viDay(LocalDate d);

    /** {@link Ratio#percent()} as plain text with its decimal mark; the denominator is not 0. */
    public Sentence percent(Ratio r, char mark);

    /**
     * Writes the words kept under {@code key} and {@code variant} by {@link #keep}, if this
     * sentence keeps words: words that depend on nothing else are then composed once.
     *
     * @param key compared by identity
     * @return whether it wrote them; if not, the caller composes them
     */
    default boolean recall(Object key, int variant) {
        return false;
    }

    /** Keeps what was written since the mark {@code from} under {@code key} and {@code variant}. */
    default void keep(Object key, int variant, int from) {
    }

    /** Where the next piece goes, for {@link #repeat}. */
    public int mark();

    /** Writes again what was written between two marks. */
    public Sentence repeat(int from, int to);

    /** A sentence as a {@link String}. */
    public final class Plain implements Sentence {

        public static final DateTimeFormatter VI_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

        private final StringBuilder b = new StringBuilder(96);

        @Override
        public Sentence words(String s) {
            b.append(s);
            return this;
        }

        @Override
        public Sentence text(String s) {
            b.append(s);
            return this;
        }

        @Override
        public Sentence number(long n) {
            b.append(n);
            return this;
        }

        @Override
        public Sentence isoDay(LocalDate d) {
            b.append(d);
            return this;
        }

        @Override
        public Sentence viDay(LocalDate d) {
            b.append(VI_DATE.format(d));
            return this;
        }

        @Override
        public Sentence percent(Ratio r, char mark) {
            String p = r.percent().map(BigDecimal::toPlainString).orElseThrow();
            b.append(mark == '.' ? p : p.replace('.', mark));
            return this;
        }

        @Override
        public int mark() {
            return b.length();
        }

        @Override
        public Sentence repeat(int from, int to) {
            b.append(b, from, to);
            return this;
        }

        @Override
        public String toString() {
            return b.toString();
        }
    }
}
