package org.example.tester;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.cqskpi.KpiEngine;
import io.github.cqskpi.Status;
import io.github.cqskpi.testkit.KpiArbitraries;
import io.github.cqskpi.testkit.ThresholdCase;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class ThresholdProperties {
    static final KpiEngine ENGINE = KpiEngine.builder().build();
    static final KpiArbitraries KIT = KpiArbitraries.of(ENGINE, "dak-nong-2022");

    @Property(tries = 1000)
    void everyThresholdIsExact(@ForAll("thresholds") ThresholdCase c) {
        Status got = ENGINE.evaluate(c.request()).results().stream()
                .filter(r -> r.record() == c.subject() && r.target().equals(c.target()))
                .findFirst().orElseThrow().status();
        assertEquals(c.expected(), got);
    }

    @Provide Arbitrary<ThresholdCase> thresholds() { return KIT.thresholdCases(); }
}
