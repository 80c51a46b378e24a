package io.github.cqskpi.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cqskpi.EvaluationRequest;
import io.github.cqskpi.EvaluationResponse;
import io.github.cqskpi.KpiEngine;
import io.github.cqskpi.Reason;
import io.github.cqskpi.TargetResult;
import io.github.cqskpi.testkit.KpiArbitraries;
import io.github.cqskpi.testkit.ReferenceReading;
import io.github.cqskpi.testkit.ThresholdCase;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Group;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * The Drools rules agree with an independent reading of TARGETS.md on every generated request:
 * the same results, in the same order, with the same status, reason and missing keys.
 */
class ReferenceReadingProperties {

    static final KpiEngine ENGINE = KpiEngine.builder().build();
    static final KpiArbitraries KIT = KpiArbitraries.of(ENGINE, "dak-nong-2022");

    static void agree(EvaluationRequest request) {
        EvaluationResponse response = ENGINE.evaluate(request);
        assertTrue(response.allEvaluated(), () -> "the kit made an invalid request: " + response.errors());
        List<ReferenceReading.Expectation> engine = response.results().stream().map(ReferenceReadingProperties::of)
                .toList();
        List<ReferenceReading.Expectation> reading = ReferenceReading.read(request);
        engine.forEach(e -> Statistics.label("status").collect(e.status(), e.reason().orElse(null)));
        assertEquals(reading, engine);
    }

    static ReferenceReading.Expectation of(TargetResult r) {
        Set<String> keys = new TreeSet<>(r.reason().map(Reason::keys).orElse(List.of()));
        return new ReferenceReading.Expectation(r.record(), r.unitId(), r.period(), r.target(), r.status(),
                r.reason().map(Reason::code), keys);
    }

    @Group
    class OnRequests {

        @Property(tries = 1500)
        void theRulesAgreeWithTheReading(@ForAll("requests") EvaluationRequest request) {
            agree(request);
        }

        @Provide
        Arbitrary<EvaluationRequest> requests() {
            return KIT.requests();
        }
    }

    @Group
    class OnConsecutivePeriods {

        @Property(tries = 1000)
        void theTrendAgreesWithReadingSeven(@ForAll("runs") EvaluationRequest request) {
            agree(request);
        }

        @Provide
        Arbitrary<EvaluationRequest> runs() {
            return KIT.consecutivePeriods();
        }
    }

    @Group
    class OnThresholds {

        @Property(tries = 1000)
        void theRulesAgreeWithTheReadingOnEveryThreshold(@ForAll("thresholds") ThresholdCase c) {
            agree(c.request());
        }

        @Provide
        Arbitrary<ThresholdCase> thresholds() {
            return KIT.thresholdCases();
        }
    }
}
