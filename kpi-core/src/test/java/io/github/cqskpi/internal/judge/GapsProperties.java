package io.github.cqskpi.internal.judge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cqskpi.Gap;
import io.github.cqskpi.Operator;
import io.github.cqskpi.Ratio;
import io.github.cqskpi.Requirement;
import java.math.BigDecimal;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** The gap arithmetic on its own, against the verdicts' own comparison ({@link Exact}). */
class GapsProperties {

    private static boolean meets(long part, long whole, Requirement.Percent q) {
        return Judge.holds(q.operator(), Exact.comparePercent(part, whole, q.percent()));
    }

    @Provide
    Arbitrary<Requirement.Percent> figures() {
        Arbitrary<BigDecimal> percents = Arbitraries.oneOf(
                Arbitraries.of("0", "20", "35", "40", "60", "80", "90", "100", "62.5", "33.33", "0.01", "99.99")
                        .map(BigDecimal::new),
                Arbitraries.bigDecimals().between(BigDecimal.ZERO, BigDecimal.valueOf(100)).ofScale(3));
        return net.jqwik.api.Combinators.combine(
                Arbitraries.of(Operator.GREATER_THAN, Operator.AT_LEAST, Operator.EQUAL), percents)
                .as(Requirement.Percent::new);
    }

    /** On small wholes, every part is tried: the least part is the first one that meets the figure. */
    @Property(tries = 2000)
    void theLeastPartIsTheFirstThatMeets(@ForAll("figures") Requirement.Percent q,
            @ForAll @IntRange(min = 1, max = 300) int whole) {
        long first = -1;
        for (long p = 0; p <= whole; p++) {
            if (meets(p, whole, q)) {
                first = p;
                break;
            }
        }
        assertEquals(first, Gaps.leastPart(whole, q), q + " of " + whole);
    }

    /** On any whole, up to 2^53 − 1: the least part meets the figure and one less does not. */
    @Property(tries = 2000)
    void onLargeWholesTheLeastPartMeetsAndOneLessDoesNot(@ForAll("figures") Requirement.Percent q,
            @ForAll @LongRange(min = 1, max = 9_007_199_254_740_991L) long whole) {
        long least = Gaps.leastPart(whole, q);
        if (least < 0) {
            assertTrue(q.operator() == Operator.EQUAL || (q.operator() == Operator.GREATER_THAN
                    && q.percent().compareTo(BigDecimal.valueOf(100)) >= 0), "only '=' and '> 100%' can have no part"
                    + " that meets them: " + q + " of " + whole);
            assertFalse(meets(whole, whole, q) && q.operator() != Operator.EQUAL);
            return;
        }
        assertTrue(least <= whole);
        assertTrue(meets(least, whole, q), q + " of " + whole + ": " + least);
        if (least > 0 && q.operator() != Operator.EQUAL) {
            assertFalse(meets(least - 1, whole, q), q + " of " + whole + ": " + (least - 1));
        }
    }

    @Property(tries = 1000)
    void aTrendsGapMakesTheRateRiseAndOneLessDoesNot(@ForAll @LongRange(min = 1, max = 1_000_000_000_000L) long b,
            @ForAll @LongRange(min = 0, max = 1_000_000_000_000L) long a,
            @ForAll @LongRange(min = 1, max = 1_000_000_000_000L) long t,
            @ForAll @LongRange(min = 0, max = 1_000_000_000_000L) long c) {
        Ratio before = new Ratio(a % (b + 1), b);
        Ratio now = new Ratio(c % (t + 1), t);
        boolean full = before.numerator() == before.denominator();
        boolean met = Exact.compareFractions(now.numerator(), t, before.numerator(), b) > 0
                || (full && now.numerator() == t);
        Gap g = Gaps.trend("k", now, before);
        if (met) {
            assertNull(g);
            return;
        }
        long after = now.numerator() + g.change();
        assertTrue(g.change() > 0 && after <= t);
        assertTrue(full ? after == t : Exact.compareFractions(after, t, before.numerator(), b) > 0);
        assertTrue(full || Exact.compareFractions(after - 1, t, before.numerator(), b) <= 0);
    }

    @Example
    void theContractsExample() {
        assertEquals(new Gap("dossiers.level4.online", 4), Gaps.ratio("dossiers.level4.online", 45, 120,
                new Requirement.Percent(Operator.GREATER_THAN, new BigDecimal("40"))));
        assertEquals(new Gap("dossiers.paperRequested", -3), Gaps.count("dossiers.paperRequested", 3,
                new Requirement.Count(Operator.EQUAL, 0)));
        assertEquals(new Gap("media.dtColumnIssues", 2), Gaps.count("media.dtColumnIssues", 0,
                new Requirement.Count(Operator.AT_LEAST, 2)));
        assertNull(Gaps.count("media.dtColumnIssues", 2, new Requirement.Count(Operator.AT_LEAST, 2)));
        assertEquals(new Gap("payments.online", 1), Gaps.trend("payments.online", new Ratio(69, 70), new Ratio(50, 50)));
        assertNull(Gaps.ratio("x", 5, 8, new Requirement.Percent(Operator.EQUAL, new BigDecimal("62.5"))));
        assertNull(Gaps.ratio("x", 3, 7, new Requirement.Percent(Operator.EQUAL, new BigDecimal("62.5"))),
                "no whole part of 7 is 62.5%");
    }
}
