package io.github.cqskpi.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cqskpi.KpiEngine;
import io.github.cqskpi.RuleSetInfo;
import io.github.cqskpi.conformance.CaseResult;
import io.github.cqskpi.conformance.Conformance;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The example province's rule set is resources only: this module finds it on the classpath and
 * runs its vectors, with no Java of the rule set's own.
 */
class ExampleRuleSetTests {

    static final KpiEngine ENGINE = KpiEngine.builder().build();

    @Test
    void isFoundOnTheClasspathBesideTheDirectiveAndSaysItIsNotLaw() {
        RuleSetInfo rs = ENGINE.ruleSet("example-province-2024").orElseThrow();
        assertEquals("1.0.0", rs.ref().version());
        assertTrue(rs.title().en().startsWith("EXAMPLE, NOT LAW"), rs.title().en());
        assertTrue(ENGINE.ruleSet("dak-nong-2022").isPresent());
        assertEquals(List.of("EX_SIGNED_DOCUMENTS", "EX_STAFF_TRAINED", "EX_HUB_REPORT", "EX_INFO_OUTREACH"),
                rs.targets().stream().map(t -> t.id()).toList());
    }

    @Test
    void passesItsOwnVectors() {
        List<CaseResult> results = Conformance.of(ENGINE).runAll(
                Path.of("example-rule-set/src/main/resources/org/example/kpi/mauprovince/v1_0_0/conformance"));
        assertFalse(results.isEmpty());
        for (CaseResult r : results) {
            assertTrue(r.passed(), () -> r.name() + ": " + String.join("\n", r.mismatches()));
        }
    }
}
