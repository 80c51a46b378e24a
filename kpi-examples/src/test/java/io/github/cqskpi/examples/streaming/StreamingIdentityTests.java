package io.github.cqskpi.examples.streaming;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cqskpi.EvaluationResponse;
import io.github.cqskpi.EvaluationSummary;
import io.github.cqskpi.KpiEngine;
import io.github.cqskpi.RequestOverrides;
import io.github.cqskpi.RecordError;
import io.github.cqskpi.RejectedRecord;
import io.github.cqskpi.ResultListener;
import io.github.cqskpi.Summary;
import io.github.cqskpi.TargetResult;
import io.github.cqskpi.UnreadableRequestException;
import java.util.ArrayList;
import java.util.List;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The sinks of the one evaluation loop agree, whatever the request holds: the streamed JSON
 * (the loop writing as it goes, rules fired on a second thread) is byte for byte the JSON of the
 * collected response ({@code evaluateJson} then {@code writeJson}, the loop on the caller's
 * thread), and a {@link ResultListener} gets the collected response's results and errors, record
 * by record. The rule sets live outside kpi-core, so these tests of core behaviour live here.
 */
class StreamingIdentityTests {

    static final KpiEngine ENGINE = KpiEngine.builder()
            .clock(Clock.fixed(Instant.parse("2022-09-01T00:00:00Z"), ZoneOffset.UTC)).build();

    @TempDir
    Path dir;

    static Stream<Arguments> requests() {
        return Stream.of(
                Arguments.of("small, top level first", MessyRequests.request(1, 12, false, null), RequestOverrides.none()),
                Arguments.of("top level after the records", MessyRequests.request(2, 300, true, "1.0.0"),
                        RequestOverrides.none()),
                Arguments.of("version 1.1.0", MessyRequests.request(3, 500, false, "1.1.0"), RequestOverrides.none()),
                Arguments.of("several batches", MessyRequests.request(4, 2600, false, "1.0.0"), RequestOverrides.none()),
                Arguments.of("overrides", MessyRequests.request(5, 400, true, "1.1.0"),
                        RequestOverrides.none().withAsOf(LocalDate.of(2022, 3, 1)).withRuleSet("dak-nong-2022@1.0.0")),
                Arguments.of("no top level but records", MessyRequests.request(6, 200, false, null)
                        .replaceFirst("\"asOf\":\"[0-9-]+\",", ""), RequestOverrides.none()),
                Arguments.of("the example rule set", "{\"ruleSet\":\"example-province-2024\",\"records\":[]}",
                        RequestOverrides.none()),
                Arguments.of("empty", "{\"records\":[]}", RequestOverrides.none()),
                // Records read from a file are decoded from the parser's tokens, in memory through a
                // tree: the problems must come in the same order and words whatever order the parts are in.
                Arguments.of("malformed records, their parts in any order", String.join("\n",
                        "{\"asOf\":\"2022-12-31\",\"records\":[",
                        "{\"metrics\":{\"payments.total\":1.5,\"x\":1,\"payments.total\":2,\"payments.online\":-3},"
                                + "\"note\":[1,{\"a\":null}],\"period\":{\"to\":\"2022-02-30\",\"to\":1},"
                                + "\"unit\":{\"level\":\"WARD\",\"roles\":[\"DIC\",7],\"id\":\"u1\",\"id\":\"u2\"}},",
                        "[],",
                        "{\"unit\":\"u\",\"period\":null,\"metrics\":[],\"unit\":{}},",
                        "{\"period\":{\"from\":\"2022-01-01\",\"to\":\"2022-12-31\",\"x\":{}},\"unit\":{\"id\":5,"
                                + "\"level\":\"COMMUNE\",\"name\":[\"" + "n".repeat(90) + "\"]},\"metrics\":{"
                                + "\"payments.total\":123456789012345678901234567890,\"reports.computers.submittedOn\":\""
                                + "d".repeat(90) + "\",\"milestones.dtPortalSection\":\"yes\"}},",
                        rec("ok", "2022-01-01", "2022-12-31", 5, 10),
                        "]}"), RequestOverrides.none()),
                Arguments.of("duplicates and trend later in the request", String.join("\n",
                        "{\"records\":[",
                        rec("a", "2022-02-01", "2022-02-28", 5, 10) + ",",
                        rec("b", "2022-02-01", "2022-02-28", 5, 10) + ",",
                        rec("b", "2022-02-01", "2022-02-28", 6, 10) + ",",
                        rec("c", "2022-02-01", "2022-02-28", 6, 10) + ",",
                        rec("a", "2022-01-01", "2022-01-31", 4, 10) + ",",
                        rec("b", "2022-01-01", "2022-01-31", 4, 10) + ",",
                        rec("c", "2022-01-01", "2022-01-31", 4, 10) + ",",
                        rec("c", "2021-12-01", "2022-01-31", 3, 10) + ",",
                        rec("a", "2022-02-01", "2022-02-28", 5, 10),
                        "],\"asOf\":\"2022-12-31\"}"), RequestOverrides.none()));
    }

    private static String rec(String unit, String from, String to, int online, int total) {
        return "{\"unit\":{\"id\":\"" + unit + "\",\"level\":\"DISTRICT\"},\"period\":{\"from\":\"" + from
                + "\",\"to\":\"" + to + "\"},\"metrics\":{\"payments.online\":" + online + ",\"payments.total\":"
                + total + "}}";
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("requests")
    void theStreamedResponseIsTheSameBytes(String name, String request, RequestOverrides overrides)
            throws IOException {
        byte[] bytes = request.getBytes(StandardCharsets.UTF_8);
        EvaluationResponse response = ENGINE.evaluateJson(new ByteArrayInputStream(bytes), overrides);
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        ENGINE.writeJson(response, expected);

        Path file = dir.resolve("request.json");
        Files.write(file, bytes);
        ByteArrayOutputStream fromFile = new ByteArrayOutputStream();
        EvaluationSummary summary = ENGINE.evaluateJson(file, fromFile, overrides);
        assertEquals(expected.toString(StandardCharsets.UTF_8), fromFile.toString(StandardCharsets.UTF_8));
        assertEquals(response.summary(), summary.summary());
        assertEquals(response.ruleSet(), summary.ruleSet());
        assertEquals(response.asOf(), summary.asOf());

        ByteArrayOutputStream fromStream = new ByteArrayOutputStream();
        ENGINE.evaluateJson(new ByteArrayInputStream(bytes), fromStream, overrides);
        assertArrayEquals(expected.toByteArray(), fromStream.toByteArray());

        List<TargetResult> results = new ArrayList<>();
        List<RecordError> errors = new ArrayList<>();
        List<Integer> order = new ArrayList<>();
        Summary[] end = new Summary[1];
        EvaluationSummary listened = ENGINE.evaluateJson(file, overrides, new ResultListener() {
            @Override
            public void evaluated(int record, List<TargetResult> r) {
                order.add(record);
                r.forEach(t -> assertEquals(record, t.record()));
                results.addAll(r);
            }

            @Override
            public void rejected(RejectedRecord r) {
                order.add(r.record());
                errors.addAll(r.errors());
            }

            @Override
            public void end(Summary s) {
                end[0] = s;
            }
        });
        assertEquals(response.results(), results, "the listener gets the results, with name and level");
        assertEquals(response.errors(), errors);
        assertEquals(response.summary(), end[0]);
        assertEquals(response.summary(), listened.summary());
        for (int i = 0; i < order.size(); i++) {
            assertEquals(i, order.get(i), "one call a record, in request order");
        }
    }

    @Test
    void theMessyRequestsHoldWhatTheyPromise() throws IOException {
        EvaluationResponse r = ENGINE.evaluateJson(new ByteArrayInputStream(
                MessyRequests.request(4, 2600, false, "1.0.0").getBytes(StandardCharsets.UTF_8)), RequestOverrides.none());
        assertTrue(r.summary().evaluated() > 1000, "evaluated " + r.summary().evaluated());
        assertTrue(r.summary().rejected() > 100, "rejected " + r.summary().rejected());
        assertTrue(r.errors().stream().anyMatch(e -> e.code().name().equals("DUPLICATE_RECORD")));
        assertTrue(r.results().stream().anyMatch(t -> t.target().equals("ONLINE_PAYMENT_TREND")
                && t.status().name().equals("MET")));
        for (var s : io.github.cqskpi.Status.values()) {
            assertTrue(r.summary().byStatus().get(s) > 0, s + " never comes");
        }
    }

    static Stream<String> unreadable() {
        return Stream.of("", "[]", "{\"records\":[{}]", "{\"records\":{}}", "{\"asOf\":\"2022-02-30\",\"records\":[]}",
                "{\"records\":[],\"records\":[]}", "{\"records\":[{\"a\":1},{\"b\":}]}",
                "{\"records\":[{\"unit\":{}}],\"ruleSet\":\"nope\"}", "{\"records\":[],\"extra\":1}",
                "{\"records\":[]} {}", MessyRequests.request(7, 50, true, "9.9.9"));
    }

    @ParameterizedTest
    @MethodSource("unreadable")
    void anUnreadableRequestWritesNothing(String request) throws IOException {
        Path file = dir.resolve("bad.json");
        Files.writeString(file, request);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThrows(UnreadableRequestException.class, () -> ENGINE.evaluateJson(file, out, RequestOverrides.none()));
        assertEquals(0, out.size());
        assertThrows(UnreadableRequestException.class, () -> ENGINE.evaluateJson(
                new ByteArrayInputStream(request.getBytes(StandardCharsets.UTF_8)), out, RequestOverrides.none()));
        assertEquals(0, out.size());
    }
}
