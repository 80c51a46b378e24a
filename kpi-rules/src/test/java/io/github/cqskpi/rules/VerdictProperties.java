package io.github.cqskpi.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.github.cqskpi.EvaluationResponse;
import io.github.cqskpi.KpiEngine;
import io.github.cqskpi.Operator;
import io.github.cqskpi.RuleSetInfo;
import io.github.cqskpi.Status;
import io.github.cqskpi.TargetInfo;
import io.github.cqskpi.TargetResult;
import io.github.cqskpi.testkit.KpiArbitraries;
import io.github.cqskpi.testkit.Placement;
import io.github.cqskpi.testkit.RatioCase;
import io.github.cqskpi.testkit.ThresholdCase;
import java.math.BigDecimal;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Group;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.statistics.Statistics;

/**
 * Verdicts against the figures of dak-nong-2022: exact on every threshold, monotonic in the
 * part, free of scale.
 */
class VerdictProperties {

    static final KpiEngine ENGINE = KpiEngine.builder().build();
    static final KpiArbitraries KIT = KpiArbitraries.of(ENGINE, "dak-nong-2022");

    /** The one result of a record for a target. */
    static TargetResult resultOf(EvaluationResponse response, int record, String target) {
        List<TargetResult> found = response.results().stream()
                .filter(r -> r.record() == record && r.target().equals(target)).toList();
        assertEquals(1, found.size(), () -> "results of record " + record + " for " + target + ": " + found
                + ", errors " + response.errors());
        return found.get(0);
    }

    @Group
    class Thresholds {

        @Property(tries = 2000)
        void everyThresholdIsExact(@ForAll("thresholds") ThresholdCase c) {
            Statistics.label("target").collect(c.target());
            Statistics.label("placement").collect(c.placement());
            TargetResult r = resultOf(ENGINE.evaluate(c.request()), c.subject(), c.target());
            assertEquals(c.expected(), r.status(), () -> c.rule() + " " + c.required() + " " + c.placement() + ": "
                    + r.actual());
        }

        /** The directive's own words, spelt out: on "= 100%" one below is not met, on "> 60%" 60% is not. */
        @Property(tries = 1000)
        void theKitsExpectationsFollowTheOperator(@ForAll("thresholds") ThresholdCase c) {
            Operator op = c.required().operator();
            if (c.placement() == Placement.JUST_BELOW) {
                assertEquals(op == Operator.BEFORE ? Status.MET : Status.NOT_MET, c.expected());
            } else if (c.placement() == Placement.AT && op == Operator.GREATER_THAN) {
                assertEquals(Status.NOT_MET, c.expected());
            } else if (c.placement() == Placement.AT && (op == Operator.AT_LEAST || op == Operator.EQUAL)) {
                assertEquals(Status.MET, c.expected());
            }
        }

        @Provide
        Arbitrary<ThresholdCase> thresholds() {
            return KIT.thresholdCases();
        }
    }

    @Group
    class Monotonic {

        @Property(tries = 1000)
        void raisingThePartNeverTurnsMetIntoNotMet(@ForAll("ratios") RatioCase c,
                @ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long raise) {
            boolean exactlyAFigureBelowAll = c.required().operator() == Operator.EQUAL
                    && c.required().percent().compareTo(BigDecimal.valueOf(100)) != 0;
            if (exactlyAFigureBelowAll) {
                return; // "= p%" below 100% is not monotonic by its nature; the directive has none.
            }
            long d = c.denominator();
            long higher = c.numerator() + Long.remainderUnsigned(raise, d - c.numerator() + 1);
            Status before = resultOf(ENGINE.evaluate(c.request(c.numerator(), d)), 0, c.target()).status();
            Status after = resultOf(ENGINE.evaluate(c.request(higher, d)), 0, c.target()).status();
            Statistics.label("before").collect(before);
            if (before == Status.MET) {
                assertEquals(Status.MET, after, () -> c.rule() + ": " + c.numerator() + "/" + d + " met, " + higher
                        + "/" + d + " not");
            }
            if (d > 0) {
                assertNotEquals(Status.NOT_APPLICABLE, after);
            }
        }

        @Provide
        Arbitrary<RatioCase> ratios() {
            return KIT.ratioCases();
        }
    }

    @Group
    class ScaleFree {

        @Property(tries = 1000)
        void multiplyingPartAndWholeByTheSameFactorChangesNoVerdict(@ForAll("ratios") RatioCase c,
                @ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long factor) {
            long d = c.denominator();
            long k = d == 0 ? 1 + factor % 1000 : 1 + Long.remainderUnsigned(factor, KpiArbitraries.MAX_COUNT / d);
            TargetResult once = resultOf(ENGINE.evaluate(c.request(c.numerator(), d)), 0, c.target());
            TargetResult scaled = resultOf(ENGINE.evaluate(c.request(c.numerator() * k, d * k)), 0, c.target());
            Statistics.label("status").collect(once.status());
            assertEquals(once.status(), scaled.status(), () -> c.rule() + ": " + c.numerator() + "/" + d + " × " + k);
            assertEquals(once.reason().map(x -> x.code()), scaled.reason().map(x -> x.code()));
        }

        @Provide
        Arbitrary<RatioCase> ratios() {
            return KIT.ratioCases();
        }
    }

    /** The kit reads the catalogue, not a table of its own: every ratio figure is one of the rule set's. */
    @Property(tries = 1000)
    void ratioCasesComeFromTheCatalogue(@ForAll("ratioCases") RatioCase c) {
        RuleSetInfo rs = KIT.ruleSet();
        TargetInfo t = rs.targets().stream().filter(x -> x.id().equals(c.target())).findFirst().orElseThrow();
        assertEquals(1, t.figures().stream().filter(f -> f.rule().equals(c.rule()) && f.required().equals(c.required()))
                .count());
        assertEquals(List.of(c.numeratorKey(), c.denominatorKey()), t.keys());
    }

    @Provide
    Arbitrary<RatioCase> ratioCases() {
        return KIT.ratioCases();
    }
}
