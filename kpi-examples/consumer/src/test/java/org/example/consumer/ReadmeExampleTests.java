package org.example.consumer;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cqskpi.EvaluationRequest;
import io.github.cqskpi.EvaluationResponse;
import io.github.cqskpi.KpiEngine;
import io.github.cqskpi.Level;
import io.github.cqskpi.Period;
import io.github.cqskpi.TargetResult;
import io.github.cqskpi.Unit;
import io.github.cqskpi.UnitRecord;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Runs README.md's "Use it from Java" example as it is written there: the lines between the
 * two markers are that block, line for line (kpi-examples' ReadmeJavaExampleTests checks it).
 */
class ReadmeExampleTests {

    @Test
    void theReadmeExampleRunsAndPrintsTheLineItPromises() {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream stdout = System.out;
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        EvaluationResponse evaluated;
        try {
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
            evaluated = response;
        } finally {
            System.setOut(stdout);
        }
        String out = printed.toString(StandardCharsets.UTF_8);
        System.out.print(out);

        List<String> lines = out.lines().toList();
        assertTrue(lines.contains("DOSSIER_ONLINE_L4 MET Online share of level-4 dossiers: met — 50 of 120 (41.67%);"
                + " required more than 40%"), "the line the README promises is printed:\n" + out);
        assertTrue(evaluated.errors().isEmpty(), "no record is rejected: " + evaluated.errors());
        assertTrue(evaluated.results().size() > 1, "the commune gets a result for every target that addresses it");
        assertTrue(evaluated.results().stream().allMatch(r -> r.unitId().equals("xa-quang-son")), "every result is the commune's");
    }
}
