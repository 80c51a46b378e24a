package io.github.cqskpi.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cqskpi.KpiEngine;
import io.github.cqskpi.conformance.CaseResult;
import io.github.cqskpi.conformance.Conformance;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every conformance vector shipped with each rule set version of this module against the
 * real engine, one dynamic test a vector.
 */
class ConformanceVectorsTests {

    static final KpiEngine ENGINE = KpiEngine.builder().build();

    static final Path V1_0_0 = Path.of("src/main/resources/io/github/cqskpi/rules/daknong2022/v1_0_0/conformance");

    @TestFactory
    Stream<DynamicTest> daknong2022v100() {
        List<CaseResult> results = Conformance.of(ENGINE).runAll(V1_0_0);
        assertFalse(results.isEmpty(), "no vectors found in " + V1_0_0.toAbsolutePath());
        return results.stream().map(r -> DynamicTest.dynamicTest(r.name() + ": " + r.description(),
                () -> assertTrue(r.passed(), () -> String.join("\n", r.mismatches()))));
    }

    @Test
    void aVectorThatExpectsAWrongStatusFails() {
        byte[] request = ("{\"asOf\":\"2022-12-31\",\"records\":[{\"unit\":{\"id\":\"x\",\"level\":\"COMMUNE\"},"
                + "\"period\":{\"from\":\"2022-01-01\",\"to\":\"2022-12-31\"},"
                + "\"metrics\":{\"dossiers.level4.total\":100,\"dossiers.level4.online\":40}}]}").getBytes();
        byte[] wrong = ("{\"description\":\"wrong on purpose\",\"records\":[{\"record\":0,"
                + "\"results\":{\"DOSSIER_ONLINE_L4\":\"MET\"},\"otherResults\":\"INSUFFICIENT_DATA/MISSING_KEYS\"}]}")
                .getBytes();
        CaseResult r = Conformance.of(ENGINE).run("wrong", request, wrong);
        assertFalse(r.passed());
        assertEquals(List.of("record 0, DOSSIER_ONLINE_L4: expected MET, got NOT_MET"), r.mismatches());
    }
}
