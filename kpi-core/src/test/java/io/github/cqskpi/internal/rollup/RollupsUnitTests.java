package io.github.cqskpi.internal.rollup;

import io.github.cqskpi.internal.ruleset.Measure;
import io.github.cqskpi.internal.ruleset.TargetDef;
import io.github.cqskpi.internal.judge.Verdict;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.cqskpi.Level;
import io.github.cqskpi.Measurement;
import io.github.cqskpi.Message;
import io.github.cqskpi.Operator;
import io.github.cqskpi.Period;
import io.github.cqskpi.Ratio;
import io.github.cqskpi.ReasonCode;
import io.github.cqskpi.Requirement;
import io.github.cqskpi.Status;
import io.github.cqskpi.UnitScore;
import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Roll-ups fed result by result, without rules: sums, figures and ranks worked out by hand. */
class RollupsUnitTests {

    static final TargetDef L4 = new TargetDef(0, "L4", "1", new Message("v", "e"), EnumSet.allOf(Level.class), Set.of(),
            new Measure.OfRatio("n", 0, "d", 1, null));
    static final Period YEAR = Period.year(2022);
    static final Requirement.Percent MORE_THAN_40 = new Requirement.Percent(Operator.GREATER_THAN, new BigDecimal("40"));

    static Verdict ratio(Status s, long n, long d) {
        return new Verdict(s, new Measurement.OfRatio(new Ratio(n, d)), MORE_THAN_40, null, List.of(), null);
    }

    @Test
    void ranksBestFirstWithinEachLevelInLevelOrderTiesSharingARankAndNothingJudgedLast() {
        Rollups r = new Rollups();
        // 2 of 3 and 4 of 6 tie (compared as 2*6 = 4*3, never as rounded percents); 3 of 3 is best.
        r.add(Level.COMMUNE, "a", YEAR, L4, ratio(Status.MET, 1, 2));
        r.add(Level.COMMUNE, "a", YEAR, L4, ratio(Status.MET, 1, 2));
        r.add(Level.COMMUNE, "a", YEAR, L4, ratio(Status.NOT_MET, 0, 2));
        for (int i = 0; i < 4; i++) {
            r.add(Level.COMMUNE, "b", YEAR, L4, ratio(Status.MET, 1, 2));
        }
        r.add(Level.COMMUNE, "b", YEAR, L4, ratio(Status.NOT_MET, 0, 2));
        r.add(Level.COMMUNE, "b", YEAR, L4, ratio(Status.NOT_MET, 0, 2));
        for (int i = 0; i < 3; i++) {
            r.add(Level.COMMUNE, "c", YEAR, L4, ratio(Status.MET, 1, 2));
        }
        r.add(Level.COMMUNE, "d", YEAR, L4, Verdict.OUTSIDE_WINDOW);
        r.add(Level.DISTRICT, "z", YEAR, L4, ratio(Status.NOT_MET, 0, 2));
        assertEquals(List.of(
                new UnitScore("z", Level.DISTRICT, 0, 1, Optional.of(1)),
                new UnitScore("c", Level.COMMUNE, 3, 3, Optional.of(1)),
                new UnitScore("a", Level.COMMUNE, 2, 3, Optional.of(2)),
                new UnitScore("b", Level.COMMUNE, 4, 6, Optional.of(2)),
                new UnitScore("d", Level.COMMUNE, 0, 0, Optional.empty())), r.units());
    }

    @Test
    void aUnitWithNothingJudgedComesAfterEveryJudgedOneWhateverItsId() {
        Rollups r = new Rollups();
        r.add(Level.COMMUNE, "a-nothing", YEAR, L4, Verdict.OUTSIDE_WINDOW);
        r.add(Level.COMMUNE, "z-none-met", YEAR, L4, ratio(Status.NOT_MET, 0, 2));
        r.add(Level.COMMUNE, "m-all-met", YEAR, L4, ratio(Status.MET, 1, 2));
        assertEquals(List.of(
                new UnitScore("m-all-met", Level.COMMUNE, 1, 1, Optional.of(1)),
                new UnitScore("z-none-met", Level.COMMUNE, 0, 1, Optional.of(2)),
                new UnitScore("a-nothing", Level.COMMUNE, 0, 0, Optional.empty())), r.units());
    }

    @Test
    void sumsOnlyMeasuredRatiosAndJudgesTheSumWithTheLevelsFigure() {
        Rollups r = new Rollups();
        r.add(Level.COMMUNE, "a", YEAR, L4, ratio(Status.MET, 41, 100));
        r.add(Level.COMMUNE, "b", YEAR, L4, new Verdict(Status.NOT_APPLICABLE,
                new Measurement.OfRatio(new Ratio(0, 0)), MORE_THAN_40, ReasonCode.ZERO_DENOMINATOR, List.of(), null));
        r.add(Level.COMMUNE, "c", YEAR, L4, new Verdict(Status.INSUFFICIENT_DATA, null, MORE_THAN_40,
                ReasonCode.MISSING_KEYS, List.of("n"), null));
        r.add(Level.COMMUNE, "d", YEAR, L4, ratio(Status.NOT_MET, 39, 100));
        var levels = r.levels();
        assertEquals(1, levels.size());
        assertEquals(new Ratio(80, 200), levels.get(0).ratio());
        assertEquals(3, levels.get(0).units());
        assertEquals(Status.NOT_MET, levels.get(0).status(), "exactly 40% is not more than 40%");
    }

    @Test
    void aWholeOfZeroIsNotApplicableAndTwoFiguresForOneGroupAreAFault() {
        Rollups r = new Rollups();
        r.add(Level.COMMUNE, "b", YEAR, L4, new Verdict(Status.NOT_APPLICABLE,
                new Measurement.OfRatio(new Ratio(0, 0)), MORE_THAN_40, ReasonCode.ZERO_DENOMINATOR, List.of(), null));
        assertEquals(Status.NOT_APPLICABLE, r.levels().get(0).status());
        Verdict other = new Verdict(Status.MET, new Measurement.OfRatio(new Ratio(1, 1)),
                new Requirement.Percent(Operator.AT_LEAST, new BigDecimal("50")), null, List.of(), null);
        assertThrows(IllegalStateException.class, () -> r.add(Level.COMMUNE, "x", YEAR, L4, other));
    }

    @Test
    void aUnitWhoseRecordsGiveTwoLevelsIsScoredUnderEachAndTheSharedIdsAreOnlyRead() {
        io.github.cqskpi.internal.engine.IdTable ids = new io.github.cqskpi.internal.engine.IdTable();
        ids.intern("b");
        ids.intern("a");
        Rollups r = new Rollups(ids);
        r.add(Level.COMMUNE, "a", YEAR, L4, ratio(Status.MET, 1, 2));
        r.add(Level.DISTRICT, "a", YEAR, L4, ratio(Status.NOT_MET, 0, 2));
        r.add(Level.COMMUNE, "b", YEAR, L4, ratio(Status.NOT_MET, 0, 2));
        r.add(Level.DISTRICT, "a", YEAR, L4, ratio(Status.MET, 1, 2));
        assertEquals(List.of(
                new UnitScore("a", Level.DISTRICT, 1, 2, Optional.of(1)),
                new UnitScore("a", Level.COMMUNE, 1, 1, Optional.of(1)),
                new UnitScore("b", Level.COMMUNE, 0, 1, Optional.of(2))), r.units());
        assertEquals(2, ids.size());
        assertThrows(IllegalStateException.class, () -> r.add(Level.COMMUNE, "c", YEAR, L4, Verdict.OUTSIDE_WINDOW));
    }

    @Test
    void aUnitAddedByItsNumberInTheSharedTableCountsAsByItsIdAndANumberOutsideItIsRefused() {
        io.github.cqskpi.internal.engine.IdTable ids = new io.github.cqskpi.internal.engine.IdTable();
        int b = ids.intern("b");
        int a = ids.intern("a");
        Rollups byNumber = new Rollups(ids);
        Rollups byId = new Rollups(ids);
        // Periods of one year, each its own object, as records give them: one row of sums each.
        for (int m = 1; m <= 12; m++) {
            Period month = Period.month(2022, m);
            byNumber.add(Level.COMMUNE, a, month, L4, ratio(Status.MET, m, 2 * m));
            byNumber.add(Level.COMMUNE, b, Period.month(2022, m), L4, ratio(Status.NOT_MET, 0, m));
            byId.add(Level.COMMUNE, "a", month, L4, ratio(Status.MET, m, 2 * m));
            byId.add(Level.COMMUNE, "b", Period.month(2022, m), L4, ratio(Status.NOT_MET, 0, m));
        }
        assertEquals(byId.units(), byNumber.units());
        assertEquals(byId.levels(), byNumber.levels());
        assertEquals(12, byNumber.levels().size());
        assertEquals(new Ratio(12, 36), byNumber.levels().get(11).ratio(), "December: 12 of 24 and 0 of 12");
        assertThrows(IllegalStateException.class, () -> byNumber.add(Level.COMMUNE, 2, YEAR, L4, Verdict.OUTSIDE_WINDOW));
        assertThrows(IllegalStateException.class, () -> byNumber.add(Level.COMMUNE, -1, YEAR, L4, Verdict.OUTSIDE_WINDOW));
    }
}
