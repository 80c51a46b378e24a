package org.example.consumer;

import io.github.cqskpi.EvaluationRequest;
import io.github.cqskpi.EvaluationResponse;
import io.github.cqskpi.KpiEngine;
import io.github.cqskpi.Level;
import io.github.cqskpi.Period;
import io.github.cqskpi.TargetResult;
import io.github.cqskpi.Unit;
import io.github.cqskpi.UnitRecord;
import java.time.LocalDate;

/**
 * README.md's "Use it from Java" example as it is written there: the imports above are the
 * block's imports and the lines between the two markers the rest of it, line for line
 * (kpi-examples' ReadmeJavaExampleTests checks it). Having exactly those imports and nothing
 * more, this file compiling shows the block compiles as shown.
 */
final class ReadmeExample {

    private ReadmeExample() {
    }

    static EvaluationResponse run() {
        // README "Use it from Java": begin
        KpiEngine engine = KpiEngine.builder().build();          // once, at start-up; thread-safe

        UnitRecord commune = UnitRecord.of(Unit.of("xa-quang-son", Level.COMMUNE), Period.year(2022))
                .with("dossiers.level4.total", 120)
                .with("dossiers.level4.online", 50);

        EvaluationResponse response = engine.evaluate(EvaluationRequest.of(commune).asOf(LocalDate.of(2022, 12, 31)));
        for (TargetResult r : response.results()) {
            System.out.println(r.target() + " " + r.status() + " " + r.message().en());
        }
        // among them: DOSSIER_ONLINE_L4 MET Online share of level-4 dossiers: met — 50 of 120 (41.67%); required more than 40%
        // README "Use it from Java": end
        return response;
    }
}
