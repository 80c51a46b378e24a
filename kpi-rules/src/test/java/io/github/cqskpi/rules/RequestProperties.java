package io.github.cqskpi.rules;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cqskpi.EvaluationRequest;
import io.github.cqskpi.EvaluationResponse;
import io.github.cqskpi.KpiEngine;
import io.github.cqskpi.Period;
import io.github.cqskpi.RequestOverrides;
import io.github.cqskpi.Status;
import io.github.cqskpi.TargetResult;
import io.github.cqskpi.UnitRecord;
import io.github.cqskpi.testkit.ContractJson;
import io.github.cqskpi.testkit.KpiArbitraries;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Group;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

/**
 * Whole requests: the order of records, repeated runs and the JSON contract change nothing.
 */
class RequestProperties {

    static final KpiEngine ENGINE = KpiEngine.builder().build();
    static final KpiArbitraries KIT = KpiArbitraries.of(ENGINE, "dak-nong-2022");
    static final ObjectMapper MAPPER = new ObjectMapper();

    static byte[] json(EvaluationResponse response) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ENGINE.writeJson(response, out);
        return out.toByteArray();
    }

    /** A result without its record index, which is the only thing the order of records may change. */
    record Keyed(String target, Status status, Object actual, Object required, Object reason, Object message) {
        static Keyed of(TargetResult r) {
            return new Keyed(r.target(), r.status(), r.actual(), r.required(), r.reason(), r.message());
        }
    }

    static Map<List<Object>, List<Keyed>> byUnitAndPeriod(EvaluationResponse response) {
        Map<List<Object>, List<Keyed>> out = new LinkedHashMap<>();
        for (TargetResult r : response.results()) {
            out.computeIfAbsent(List.of(r.unitId(), r.period()), k -> new ArrayList<>()).add(Keyed.of(r));
        }
        return out;
    }

    @Group
    class OrderFree {

        @Property(tries = 1000)
        void shufflingTheRecordsChangesNoRecordsResults(@ForAll("shuffled") Tuple.Tuple2<EvaluationRequest, List<UnitRecord>> t) {
            EvaluationRequest request = t.get1();
            EvaluationRequest shuffled = new EvaluationRequest(request.asOf(), request.ruleSet(),
                    request.ruleSetVersion(), t.get2());
            EvaluationResponse a = ENGINE.evaluate(request);
            EvaluationResponse b = ENGINE.evaluate(shuffled);
            assertTrue(a.allEvaluated(), () -> "the kit made an invalid request: " + a.errors());
            assertEquals(byUnitAndPeriod(a), byUnitAndPeriod(b));
            assertEquals(a.summary(), b.summary());
        }

        @Provide
        Arbitrary<Tuple.Tuple2<EvaluationRequest, List<UnitRecord>>> shuffled() {
            return KIT.requests().flatMap(r -> Arbitraries.shuffle(r.records()).map(s -> Tuple.of(r, s)));
        }
    }

    @Group
    class Deterministic {

        @Property(tries = 1000)
        void theSameRequestGivesTheSameBytes(@ForAll("requests") EvaluationRequest request) throws IOException {
            byte[] first = json(ENGINE.evaluate(request));
            byte[] second = json(ENGINE.evaluate(request));
            byte[] viaJson = json(ENGINE.evaluateJson(ContractJson.requestStream(request), RequestOverrides.none()));
            assertArrayEquals(first, second);
            assertArrayEquals(first, viaJson);
        }

        @Provide
        Arbitrary<EvaluationRequest> requests() {
            return KIT.requests();
        }
    }

    @Group
    class JsonRoundTrip {

        @Property(tries = 1000)
        void aRequestSentAsJsonGivesTheSameResponseAsTheTypedRequest(@ForAll("requests") EvaluationRequest request)
                throws IOException {
            EvaluationResponse typed = ENGINE.evaluate(request);
            EvaluationResponse viaJson = ENGINE.evaluateJson(ContractJson.requestStream(request), RequestOverrides.none());
            Statistics.label("records").collect(request.records().size());
            assertEquals(typed, viaJson);
        }

        @Property(tries = 1000)
        void theResponseJsonParsesAndCarriesTheSameResults(@ForAll("requests") EvaluationRequest request)
                throws IOException {
            EvaluationResponse response = ENGINE.evaluate(request);
            JsonNode root = MAPPER.readTree(json(response));
            assertEquals(request.asOf().orElseThrow().toString(), root.get("asOf").asText());
            assertEquals(response.ruleSet().sha256(), root.get("ruleSet").get("sha256").asText());
            JsonNode results = root.get("results");
            assertEquals(response.results().size(), results.size());
            for (int i = 0; i < results.size(); i++) {
                TargetResult r = response.results().get(i);
                JsonNode n = results.get(i);
                assertEquals(r.record(), n.get("record").asInt());
                assertEquals(r.unitId(), n.get("unitId").asText());
                assertEquals(r.period(), Period.of(n.get("period").get("from").asText(), n.get("period").get("to").asText()));
                assertEquals(r.target(), n.get("target").asText());
                assertEquals(r.status().name(), n.get("status").asText());
                boolean verdict = r.status() == Status.MET || r.status() == Status.NOT_MET;
                assertEquals(verdict, n.get("reason").isNull(), () -> n.toString());
                r.reason().ifPresent(reason -> assertEquals(reason.code().name(), n.get("reason").get("code").asText()));
            }
            List<String> statuses = new ArrayList<>();
            Iterator<Map.Entry<String, JsonNode>> it = root.get("summary").get("byStatus").fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                statuses.add(e.getKey());
                assertEquals(response.summary().byStatus().get(Status.valueOf(e.getKey())).longValue(), e.getValue().asLong());
            }
            assertEquals(List.of("MET", "NOT_MET", "PENDING", "NOT_APPLICABLE", "INSUFFICIENT_DATA"), statuses);
            assertEquals(request.records().size(), root.get("summary").get("records").asInt());
        }

        @Provide
        Arbitrary<EvaluationRequest> requests() {
            return KIT.requests();
        }
    }
}
