package io.github.cqskpi.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cqskpi.EvaluationResponse;
import io.github.cqskpi.RequestOverrides;
import io.github.cqskpi.TargetResult;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * A NOT_MET message ends with what it would take, the counted thing in the rule set's words,
 * written the same by the streaming writer and by the in-memory one.
 */
class GapMessagesTests {

    private static final String REQUEST = """
            {"asOf":"2022-12-31","ruleSet":"dak-nong-2022","ruleSetVersion":"1.0.0","records":[
            {"unit":{"id":"xa-a","level":"COMMUNE"},"period":{"from":"2022-01-01","to":"2022-12-31"},
             "metrics":{"dossiers.level4.total":120,"dossiers.level4.online":45,"dossiers.paperRequested":3}},
            {"unit":{"id":"xa-b","level":"COMMUNE"},"period":{"from":"2022-01-01","to":"2022-12-31"},
             "metrics":{"dossiers.level4.total":120,"dossiers.level4.online":48,"dossiers.paperRequested":1}}]}
            """;

    private static TargetResult result(EvaluationResponse r, int record, String target) {
        return VerdictProperties.resultOf(r, record, target);
    }

    @Test
    void theMessageEndsWithTheGapInWordsInBothLanguages() throws Exception {
        EvaluationResponse r = ConformanceVectorsTests.ENGINE.evaluateJson(
                new ByteArrayInputStream(REQUEST.getBytes(StandardCharsets.UTF_8)), RequestOverrides.none());
        TargetResult l4 = result(r, 0, "DOSSIER_ONLINE_L4");
        assertEquals("Hồ sơ trực tuyến dịch vụ công mức độ 4: không đạt — 45/120 (37,50%); yêu cầu trên 40%;"
                + " cần thêm 4 hồ sơ trực tuyến mức độ 4 để đạt", l4.message().vi());
        assertTrue(l4.message().en().endsWith("; required more than 40%; 4 more online level-4 dossiers needed"),
                l4.message().en());
        assertTrue(result(r, 1, "DOSSIER_ONLINE_L4").message().en().endsWith("; 1 more online level-4 dossier needed"),
                "one is singular in English");
        assertTrue(result(r, 0, "NO_PAPER_RESUBMISSION").message().vi()
                .endsWith("; cần giảm 3 lần yêu cầu nộp bổ sung hồ sơ giấy để đạt"));
        assertTrue(result(r, 1, "NO_PAPER_RESUBMISSION").message().en()
                .endsWith("; 1 fewer demand for a paper dossier needed"));
        assertTrue(result(r, 0, "SATISFACTION").gap().isEmpty(), "INSUFFICIENT_DATA has no gap");
        assertTrue(!result(r, 0, "SATISFACTION").message().vi().contains("để đạt"));
    }

    @Test
    void theStreamingWriterWritesTheSameBytes() throws Exception {
        EvaluationResponse r = ConformanceVectorsTests.ENGINE.evaluateJson(
                new ByteArrayInputStream(REQUEST.getBytes(StandardCharsets.UTF_8)), RequestOverrides.none());
        ByteArrayOutputStream general = new ByteArrayOutputStream();
        ConformanceVectorsTests.ENGINE.writeJson(r, general);
        ByteArrayOutputStream streamed = new ByteArrayOutputStream();
        ConformanceVectorsTests.ENGINE.evaluateJson(new ByteArrayInputStream(REQUEST.getBytes(StandardCharsets.UTF_8)),
                streamed, RequestOverrides.none());
        assertEquals(general.toString(StandardCharsets.UTF_8), streamed.toString(StandardCharsets.UTF_8));
        assertTrue(streamed.toString(StandardCharsets.UTF_8).contains(
                "\"reason\":null,\"gap\":{\"key\":\"dossiers.level4.online\",\"change\":4},\"message\":"));
    }
}
