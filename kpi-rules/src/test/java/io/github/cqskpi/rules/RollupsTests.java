package io.github.cqskpi.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.cqskpi.EvaluationRequest;
import io.github.cqskpi.EvaluationResponse;
import io.github.cqskpi.Gap;
import io.github.cqskpi.Level;
import io.github.cqskpi.LevelRollup;
import io.github.cqskpi.Period;
import io.github.cqskpi.Ratio;
import io.github.cqskpi.Requirement;
import io.github.cqskpi.Status;
import io.github.cqskpi.Unit;
import io.github.cqskpi.UnitRecord;
import io.github.cqskpi.UnitScore;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Roll-ups against sums worked out by hand: a level's rate is the ratio of its units' summed
 * counts (never the average of their rates), judged against that level's figure.
 */
class RollupsTests {

    static UnitRecord commune(String id, Period p, long l4Online, long l4Total) {
        return UnitRecord.of(Unit.of(id, Level.COMMUNE), p)
                .with("dossiers.level4.total", l4Total).with("dossiers.level4.online", l4Online);
    }

    static EvaluationResponse evaluate(UnitRecord... records) {
        return ConformanceVectorsTests.ENGINE.evaluate(EvaluationRequest.of(records)
                .ruleSet("dak-nong-2022", "1.0.0").asOf(LocalDate.of(2022, 12, 31)));
    }

    @Test
    void aLevelsRateIsTheRatioOfItsSumsNotTheAverageOfItsRates() {
        Period year = Period.year(2022);
        // Rates 90%, 10%, 45%: their average is 48.33% (> 40%, would be MET), but the sums are
        // 9 + 100 + 9 = 118 online of 10 + 1000 + 20 = 1030 in all, 11.46%: NOT_MET; more than 40%
        // of 1030 is 413 at least, so the level needs 295 more (xa-b alone needs 301: 401 of 1000).
        EvaluationResponse r = evaluate(commune("xa-a", year, 9, 10), commune("xa-b", year, 100, 1000),
                commune("xa-c", year, 9, 20));
        assertEquals(List.of(new LevelRollup(Level.COMMUNE, year, "DOSSIER_ONLINE_L4", 3, new Ratio(118, 1030),
                new Requirement.Percent(io.github.cqskpi.Operator.GREATER_THAN, new BigDecimal("40")),
                Status.NOT_MET, Optional.of(new Gap("dossiers.level4.online", 295)))), r.summary().levels());
    }

    @Test
    void periodsAndLevelsAreRolledUpApartAndEachLevelGetsItsOwnFigure() {
        Period year = Period.year(2022);
        Period march = Period.month(2022, 3);
        UnitRecord district = UnitRecord.of(Unit.of("huyen-x", Level.DISTRICT), year)
                .with("dossiers.level4.total", 100).with("dossiers.level4.online", 61);
        // Two communes exactly at 40% together: 40 + 20 = 60 of 100 + 50 = 150, 40%, not > 40%.
        EvaluationResponse r = evaluate(commune("xa-a", year, 40, 100), commune("xa-b", year, 20, 50),
                commune("xa-a", march, 5, 10), district);
        List<LevelRollup> levels = r.summary().levels();
        assertEquals(3, levels.size(), levels.toString());
        assertEquals(new Ratio(61, 100), levels.get(0).ratio());
        assertEquals(Level.DISTRICT, levels.get(0).level());
        assertEquals(new BigDecimal("60"), ((Requirement.Percent) levels.get(0).required()).percent());
        assertEquals(Status.MET, levels.get(0).status());
        assertEquals(march, levels.get(1).period());
        assertEquals(new Ratio(5, 10), levels.get(1).ratio());
        assertEquals(Status.MET, levels.get(1).status());
        assertEquals(year, levels.get(2).period());
        assertEquals(new Ratio(60, 150), levels.get(2).ratio());
        assertEquals(Status.NOT_MET, levels.get(2).status());
    }

    @Test
    void unitsAreScoredOverAllTheirRecordsAndRankedWithinTheirLevelWithTiesSharingARank() {
        Period year = Period.year(2022);
        Period march = Period.month(2022, 3);
        // xa-a: 2 met of 2 (year and March); xa-b: 1 of 1; xa-c: 0 of 1; xa-d: nothing judged.
        EvaluationResponse r = evaluate(commune("xa-a", year, 50, 100), commune("xa-a", march, 5, 10),
                commune("xa-b", year, 41, 100), commune("xa-c", year, 40, 100),
                UnitRecord.of(Unit.of("xa-d", Level.COMMUNE), year));
        assertEquals(List.of(
                new UnitScore("xa-a", Level.COMMUNE, 2, 2, Optional.of(1)),
                new UnitScore("xa-b", Level.COMMUNE, 1, 1, Optional.of(1)),
                new UnitScore("xa-c", Level.COMMUNE, 0, 1, Optional.of(3)),
                new UnitScore("xa-d", Level.COMMUNE, 0, 0, Optional.empty())), r.summary().units());
    }
}
