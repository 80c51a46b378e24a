package org.example.consumer;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cqskpi.EvaluationResponse;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Runs README.md's "Use it from Java" example ({@link ReadmeExample}) and checks what it prints. */
class ReadmeExampleTests {

    @Test
    void theReadmeExampleRunsAndPrintsTheLineItPromises() {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream stdout = System.out;
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        EvaluationResponse evaluated;
        try {
            evaluated = ReadmeExample.run();
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
