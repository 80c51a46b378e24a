package io.github.cqskpi.examples.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.cqskpi.KpiEngine;
import io.github.cqskpi.RequestOverrides;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DecisionLogTests {

    @Test
    void writesOneLineTyingTheVerdictsToTheRulesAndTheRequest(@TempDir Path dir) throws Exception {
        KpiEngine engine = KpiServiceTests.ENGINE;
        byte[] request = KpiServiceTests.REQUEST.getBytes(StandardCharsets.UTF_8);
        var response = engine.evaluateJson(new ByteArrayInputStream(request), RequestOverrides.none());
        Path file = dir.resolve("decisions.jsonl");
        try (DecisionLog log = DecisionLog.appendingTo(file,
                Clock.fixed(Instant.parse("2023-01-05T02:00:00Z"), ZoneOffset.UTC))) {
            log.record(request, response);
            log.record(request, response);
        }
        List<String> lines = Files.readAllLines(file);
        assertEquals(2, lines.size());
        assertEquals("{\"time\":\"2023-01-05T02:00:00Z\",\"ruleSet\":\"dak-nong-2022@1.1.0\",\"ruleSetSha256\":\""
                + response.ruleSet().sha256() + "\",\"requestSha256\":\"" + DecisionLog.sha256(request)
                + "\",\"asOf\":\"2022-12-31\",\"records\":1,\"evaluated\":1,\"rejected\":0,\"byStatus\":{\"MET\":1,"
                + "\"NOT_MET\":0,\"PENDING\":0,\"NOT_APPLICABLE\":0,\"INSUFFICIENT_DATA\":11}}", lines.get(0));
        assertEquals(64, DecisionLog.sha256(request).length());
    }
}
