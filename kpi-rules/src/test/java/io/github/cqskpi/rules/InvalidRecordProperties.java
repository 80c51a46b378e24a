package io.github.cqskpi.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cqskpi.ErrorCode;
import io.github.cqskpi.EvaluationResponse;
import io.github.cqskpi.KpiEngine;
import io.github.cqskpi.RequestOverrides;
import io.github.cqskpi.TargetResult;
import io.github.cqskpi.testkit.InvalidRequest;
import io.github.cqskpi.testkit.KpiArbitraries;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * Every kind of bad record the contract names is reported with its code at its JSON Pointer,
 * once, and rejects that record alone.
 */
class InvalidRecordProperties {

    static final KpiEngine ENGINE = KpiEngine.builder().build();
    static final KpiArbitraries KIT = KpiArbitraries.of(ENGINE, "dak-nong-2022");

    @Property(tries = 1500)
    void everyBadRecordGetsItsErrorAndNoResults(@ForAll("invalid") InvalidRequest bad) throws IOException {
        Statistics.label("code").collect(bad.code());
        EvaluationResponse r = ENGINE.evaluateJson(bad.stream(), RequestOverrides.none());
        List<InvalidRequest.ExpectedError> got = r.errors().stream()
                .map(e -> new InvalidRequest.ExpectedError(e.record(), e.path(), e.code())).toList();
        assertEquals(bad.errors(), got, bad::json);
        assertEquals(bad.records(), r.summary().records());
        assertEquals(bad.rejectedRecords().size(), r.summary().rejected());
        assertEquals(bad.records() - bad.rejectedRecords().size(), r.summary().evaluated());
        Set<Integer> evaluated = new HashSet<>();
        for (TargetResult t : r.results()) {
            evaluated.add(t.record());
        }
        assertTrue(evaluated.stream().noneMatch(bad.rejectedRecords()::contains), bad::json);
        assertEquals(r.summary().evaluated(), evaluated.size(), bad::json);
        Statistics.label("code").coverage(cov -> {
            for (ErrorCode code : ErrorCode.values()) {
                // RULE_FAILED comes from a failing rule, never from input.
                if (code != ErrorCode.RULE_FAILED) {
                    cov.check(code).count(n -> n > 0);
                }
            }
        });
    }

    @Provide
    Arbitrary<InvalidRequest> invalid() {
        return KIT.invalidRequests();
    }
}
