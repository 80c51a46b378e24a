package io.github.cqskpi.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cqskpi.EvaluationRequest;
import io.github.cqskpi.EvaluationResponse;
import io.github.cqskpi.Gap;
import io.github.cqskpi.KpiEngine;
import io.github.cqskpi.Level;
import io.github.cqskpi.LevelRollup;
import io.github.cqskpi.Measurement;
import io.github.cqskpi.MetricValue;
import io.github.cqskpi.Requirement;
import io.github.cqskpi.Status;
import io.github.cqskpi.TargetResult;
import io.github.cqskpi.Period;
import io.github.cqskpi.Unit;
import io.github.cqskpi.UnitRecord;
import java.time.LocalDate;
import io.github.cqskpi.testkit.KpiArbitraries;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * What an unmet target would take ({@code gap}), checked on the real engine: applying it meets
 * the figure and one less does not, it never takes a part past its whole, and a level never
 * needs more than its unmet units together.
 */
class GapProperties {

    static final KpiEngine ENGINE = KpiEngine.builder().build();
    static final KpiArbitraries KIT = KpiArbitraries.of(ENGINE, "dak-nong-2022");

    @Property(tries = 300)
    void theGapIsTheLeastChangeThatMeetsTheFigure(@ForAll("requests") EvaluationRequest request) {
        checkEveryGap(request);
    }

    @Property(tries = 200)
    void theTrendsGapIsTheLeastChangeThatMeetsIt(@ForAll("consecutive") EvaluationRequest request) {
        checkEveryGap(request);
    }

    /** Two consecutive years of one commune, the previous rate at 100% as often as not. */
    @Property(tries = 500)
    void theTrendsGapOnAnyTwoRates(@ForAll("twoYears") EvaluationRequest request) {
        checkEveryGap(request);
    }

    @Provide
    Arbitrary<EvaluationRequest> twoYears() {
        Arbitrary<Long> wholes = Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.longs().between(1, 50)),
                Tuple.of(1, Arbitraries.longs().between(1, KpiArbitraries.MAX_COUNT)));
        return Combinators.combine(wholes, wholes, Arbitraries.longs().greaterOrEqual(0),
                Arbitraries.longs().greaterOrEqual(0), Arbitraries.of(true, false)).as((b, t, a, c, full) -> {
                    long before = full ? b : a % (b + 1);
                    Unit u = Unit.of("xa-trend", Level.COMMUNE);
                    return EvaluationRequest.of(
                            UnitRecord.of(u, Period.year(2021)).with("payments.total", b).with("payments.online", before),
                            UnitRecord.of(u, Period.year(2022)).with("payments.total", t).with("payments.online", c % (t + 1)))
                            .ruleSet("dak-nong-2022", "1.0.0").asOf(LocalDate.of(2022, 12, 31));
                });
    }

    @Property(tries = 300)
    void aLevelNeedsNoMoreThanItsUnmetUnitsTogether(@ForAll("requests") EvaluationRequest request) {
        EvaluationResponse r = ENGINE.evaluate(request);
        for (LevelRollup l : r.summary().levels()) {
            Statistics.label("level").collect(l.status());
            assertEquals(l.status() == Status.NOT_MET, l.gap().isPresent(), l::toString);
            if (l.gap().isEmpty()) {
                continue;
            }
            long units = 0;
            for (TargetResult t : r.results()) {
                Level level = request.records().get(t.record()).unit().level();
                if (level == l.level() && t.period().equals(l.period()) && t.target().equals(l.target())
                        && t.status() == Status.NOT_MET) {
                    units += t.gap().orElseThrow().change();
                }
            }
            long sum = units;
            assertTrue(l.gap().get().change() > 0 && l.gap().get().change() <= sum,
                    () -> l + " needs more than its units together (" + sum + ")");
            assertTrue(l.ratio().numerator() + l.gap().get().change() <= l.ratio().denominator(), l::toString);
        }
    }

    private static void checkEveryGap(EvaluationRequest request) {
        EvaluationResponse r = ENGINE.evaluate(request);
        for (TargetResult t : r.results()) {
            boolean reachable = t.required().isPresent() && (t.required().get() instanceof Requirement.Percent
                    || t.required().get() instanceof Requirement.Count || t.required().get() instanceof Requirement.Rises);
            // Every figure of the directive can be reached by one whole change, so every NOT_MET
            // with a figure to reach has a gap, and nothing else has one.
            assertEquals(t.status() == Status.NOT_MET && reachable, t.gap().isPresent(), t::toString);
            if (t.gap().isEmpty()) {
                continue;
            }
            Gap g = t.gap().get();
            Statistics.label("target").collect(t.target());
            assertTrue(g.change() != 0);
            if (t.actual().orElseThrow() instanceof Measurement.OfRatio m) {
                assertTrue(m.ratio().numerator() + g.change() <= m.ratio().denominator(), t::toString);
            } else if (t.actual().orElseThrow() instanceof Measurement.OfTrend m) {
                assertTrue(m.current().numerator() + g.change() <= m.current().denominator(), t::toString);
            }
            long value = ((MetricValue.Count) request.records().get(t.record()).metrics().get(g.key())).value();
            assertTrue(value + g.change() >= 0, t::toString);
            assertEquals(Status.MET, statusAfter(request, t, value + g.change()),
                    () -> t + ": applying the gap does not meet the figure");
            long oneLess = value + g.change() - Long.signum(g.change());
            assertEquals(Status.NOT_MET, statusAfter(request, t, oneLess),
                    () -> t + ": one less than the gap already meets the figure");
        }
    }

    /** The status of the same record and target with the gap's key set to {@code value}, all else as it was. */
    private static Status statusAfter(EvaluationRequest request, TargetResult t, long value) {
        List<UnitRecord> records = new ArrayList<>(request.records());
        records.set(t.record(), records.get(t.record()).with(t.gap().get().key(), value));
        EvaluationResponse after = ENGINE.evaluate(new EvaluationRequest(request.asOf(), request.ruleSet(),
                request.ruleSetVersion(), records));
        assertTrue(after.errors().isEmpty(), () -> "the changed request is rejected: " + after.errors());
        return VerdictProperties.resultOf(after, t.record(), t.target()).status();
    }

    @Provide
    Arbitrary<EvaluationRequest> requests() {
        return KIT.requests();
    }

    @Provide
    Arbitrary<EvaluationRequest> consecutive() {
        return KIT.consecutivePeriods();
    }
}
