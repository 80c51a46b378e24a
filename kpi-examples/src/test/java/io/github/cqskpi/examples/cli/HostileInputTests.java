package io.github.cqskpi.examples.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.cqskpi.ErrorCode;
import io.github.cqskpi.EvaluationResponse;
import io.github.cqskpi.KpiEngine;
import io.github.cqskpi.Limits;
import io.github.cqskpi.RecordError;
import io.github.cqskpi.RequestLimitException;
import io.github.cqskpi.RequestOverrides;
import io.github.cqskpi.UnknownRuleSetException;
import io.github.cqskpi.UnreadableRequestException;
import io.github.cqskpi.examples.service.KpiService;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile requests, each sent through the Java API, the command line and the service: each ends
 * in a clear error (the record's index, JSON Pointer and code) or is refused as a whole (exit 2,
 * HTTP 400) with a one-line reason; never a stack trace, never a verdict from bad data.
 */
class HostileInputTests {

    static final KpiEngine ENGINE = KpiEngine.builder().build();
    static final String UNIT = "{\"id\":\"xa-a\",\"level\":\"COMMUNE\"}";
    static final String PERIOD = "{\"from\":\"2022-01-01\",\"to\":\"2022-12-31\"}";

    static KpiService service;
    static HttpClient client;

    @BeforeAll
    static void start() throws Exception {
        service = KpiService.start(KpiEngine.builder(), "127.0.0.1", 0, KpiService.DEFAULT_MAX_BYTES, null);
        client = HttpClient.newHttpClient();
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    /** A hostile request and what it must end in. */
    record Case(String kind, String name, byte[] body, ErrorCode code, String path, String reason) {
        @Override
        public String toString() {
            return kind + ": " + name;
        }
    }

    static Case refused(String kind, String name, String body, String reason) {
        return new Case(kind, name, body.getBytes(UTF_8), null, null, reason);
    }

    static Case refused(String kind, String name, byte[] body, String reason) {
        return new Case(kind, name, body, null, null, reason);
    }

    static Case rejected(String kind, String name, String record, ErrorCode code, String path) {
        return new Case(kind, name, ("{\"asOf\":\"2022-12-31\",\"records\":[" + record + "]}").getBytes(UTF_8), code,
                path, null);
    }

    static String rec(String unit, String period, String metrics) {
        return "{\"unit\":" + unit + ",\"period\":" + period + ",\"metrics\":" + metrics + "}";
    }

    static String metric(String value) {
        return rec(UNIT, PERIOD, "{\"dossiers.level4.total\":" + value + "}");
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    static byte[] bytes(int... b) {
        byte[] out = new byte[b.length];
        for (int i = 0; i < b.length; i++) {
            out[i] = (byte) b[i];
        }
        return out;
    }

    static byte[] withUnitId(byte[] id) {
        return concat("{\"records\":[{\"unit\":{\"id\":\"".getBytes(UTF_8), id,
                ("\",\"level\":\"COMMUNE\"},\"period\":" + PERIOD + ",\"metrics\":{}}]}").getBytes(UTF_8));
    }

    static Stream<Case> cases() {
        List<Case> c = new ArrayList<>();
        String ok = rec(UNIT, PERIOD, "{}");
        // Malformed and truncated JSON.
        c.add(refused("malformed", "empty", "", "empty"));
        c.add(refused("malformed", "only whitespace", "  \n\t ", "empty"));
        c.add(refused("malformed", "open brace", "{", "not valid JSON"));
        c.add(refused("malformed", "open records", "{\"records\":[", "not valid JSON"));
        c.add(refused("malformed", "cut in a record", "{\"records\":[{\"unit\":{\"id\":\"x", "not valid JSON"));
        c.add(refused("malformed", "cut after a key", "{\"records\":[{\"unit\":", "not valid JSON"));
        c.add(refused("malformed", "missing closing brace", "{\"records\":[]", "not valid JSON"));
        c.add(refused("malformed", "extra closing brace", "{\"records\":[]}}", "not valid JSON"));
        c.add(refused("malformed", "two documents", "{\"records\":[]} {\"records\":[]}", "after its closing brace"));
        c.add(refused("malformed", "single quotes", "{'records':[]}", "not valid JSON"));
        c.add(refused("malformed", "trailing comma", "{\"records\":[" + ok + ",]}", "not valid JSON"));
        c.add(refused("malformed", "comment", "{/* hi */\"records\":[]}", "not valid JSON"));
        c.add(refused("malformed", "unquoted key", "{records:[]}", "not valid JSON"));
        c.add(refused("malformed", "raw control character", "{\"records\":[],\"asOf\":\"2022\u0001\"}", "not valid JSON"));
        c.add(refused("malformed", "array at top", "[]", "must be a JSON object"));
        c.add(refused("malformed", "string at top", "\"records\"", "must be a JSON object"));
        // Wrong types.
        c.add(refused("wrong type", "records an object", "{\"records\":{}}", "records must be an array"));
        c.add(refused("wrong type", "records null", "{\"records\":null}", "records must be an array"));
        c.add(refused("wrong type", "asOf a number", "{\"asOf\":20221231,\"records\":[]}", "asOf must be a string"));
        c.add(refused("wrong type", "ruleSet an array", "{\"ruleSet\":[\"x\"],\"records\":[]}", "ruleSet must be a string"));
        c.add(rejected("wrong type", "record a string", "\"x\"", ErrorCode.INVALID_TYPE, "/records/0"));
        c.add(rejected("wrong type", "unit a string", rec("\"xa-a\"", PERIOD, "{}"), ErrorCode.INVALID_TYPE, "/records/0/unit"));
        c.add(rejected("wrong type", "count a string", metric("\"10\""), ErrorCode.INVALID_TYPE, "/records/0/metrics/dossiers.level4.total"));
        c.add(rejected("wrong type", "count a boolean", metric("true"), ErrorCode.INVALID_TYPE, "/records/0/metrics/dossiers.level4.total"));
        c.add(rejected("wrong type", "count null", metric("null"), ErrorCode.INVALID_TYPE, "/records/0/metrics/dossiers.level4.total"));
        c.add(rejected("wrong type", "count an object", metric("{}"), ErrorCode.INVALID_TYPE, "/records/0/metrics/dossiers.level4.total"));
        c.add(rejected("wrong type", "level a number", rec("{\"id\":\"a\",\"level\":3}", PERIOD, "{}"), ErrorCode.INVALID_TYPE, "/records/0/unit/level"));
        c.add(rejected("wrong type", "roles a string", rec("{\"id\":\"a\",\"level\":\"COMMUNE\",\"roles\":\"X\"}", PERIOD, "{}"), ErrorCode.INVALID_TYPE, "/records/0/unit/roles"));
        c.add(rejected("wrong type", "period.from a number", rec(UNIT, "{\"from\":20220101,\"to\":\"2022-12-31\"}", "{}"), ErrorCode.INVALID_TYPE, "/records/0/period/from"));
        c.add(rejected("wrong type", "flag a string", rec(UNIT, PERIOD, "{\"milestones.dtPortalSection\":\"true\"}"), ErrorCode.INVALID_TYPE, "/records/0/metrics/milestones.dtPortalSection"));
        // Duplicate keys.
        c.add(refused("duplicate key", "records twice", "{\"records\":[],\"records\":[]}", "twice"));
        c.add(refused("duplicate key", "asOf twice", "{\"asOf\":\"2022-12-31\",\"asOf\":\"2021-12-31\",\"records\":[]}", "twice"));
        c.add(rejected("duplicate key", "metric twice", rec(UNIT, PERIOD, "{\"dossiers.level4.total\":1,\"dossiers.level4.total\":2}"), ErrorCode.DUPLICATE_KEY, "/records/0/metrics/dossiers.level4.total"));
        c.add(rejected("duplicate key", "unit.id twice", rec("{\"id\":\"a\",\"id\":\"b\",\"level\":\"COMMUNE\"}", PERIOD, "{}"), ErrorCode.DUPLICATE_KEY, "/records/0/unit/id"));
        c.add(rejected("duplicate key", "period.to twice", rec(UNIT, "{\"from\":\"2022-01-01\",\"to\":\"2022-12-31\",\"to\":\"2022-06-30\"}", "{}"), ErrorCode.DUPLICATE_KEY, "/records/0/period/to"));
        c.add(rejected("duplicate key", "escaped twin", rec(UNIT, PERIOD, "{\"dossiers.level4.total\":1,\"dossiers.level4.tot\\u0061l\":2}"), ErrorCode.DUPLICATE_KEY, "/records/0/metrics/dossiers.level4.total"));
        // Integers past 2^53 - 1, negatives, long numbers.
        c.add(rejected("big integer", "2^53", metric("9007199254740992"), ErrorCode.OUT_OF_RANGE, "/records/0/metrics/dossiers.level4.total"));
        c.add(rejected("big integer", "2^63", metric("9223372036854775808"), ErrorCode.OUT_OF_RANGE, "/records/0/metrics/dossiers.level4.total"));
        c.add(rejected("big integer", "10^40", metric("1" + "0".repeat(40)), ErrorCode.OUT_OF_RANGE, "/records/0/metrics/dossiers.level4.total"));
        c.add(rejected("big integer", "negative", metric("-1"), ErrorCode.OUT_OF_RANGE, "/records/0/metrics/dossiers.level4.total"));
        c.add(refused("big integer", "2,000 digits", "{\"records\":[" + metric("9".repeat(2000)) + "]}", "parser limit"));
        // Fractions and exponents.
        c.add(rejected("fraction or exponent", "10.5", metric("10.5"), ErrorCode.INVALID_TYPE, "/records/0/metrics/dossiers.level4.total"));
        c.add(rejected("fraction or exponent", "10.0", metric("10.0"), ErrorCode.INVALID_TYPE, "/records/0/metrics/dossiers.level4.total"));
        c.add(rejected("fraction or exponent", "1e3", metric("1e3"), ErrorCode.INVALID_TYPE, "/records/0/metrics/dossiers.level4.total"));
        c.add(rejected("fraction or exponent", "1E+2", metric("1E+2"), ErrorCode.INVALID_TYPE, "/records/0/metrics/dossiers.level4.total"));
        c.add(rejected("fraction or exponent", "-0.0", metric("-0.0"), ErrorCode.INVALID_TYPE, "/records/0/metrics/dossiers.level4.total"));
        c.add(refused("fraction or exponent", "leading zero", "{\"records\":[" + metric("012") + "]}", "not valid JSON"));
        c.add(refused("fraction or exponent", "plus sign", "{\"records\":[" + metric("+12") + "]}", "not valid JSON"));
        // NaN and Infinity.
        c.add(refused("NaN/Infinity", "NaN", "{\"records\":[" + metric("NaN") + "]}", "not valid JSON"));
        c.add(refused("NaN/Infinity", "Infinity", "{\"records\":[" + metric("Infinity") + "]}", "not valid JSON"));
        c.add(refused("NaN/Infinity", "-Infinity", "{\"records\":[" + metric("-Infinity") + "]}", "not valid JSON"));
        // Impossible dates and reversed periods.
        c.add(rejected("impossible date", "30 February", rec(UNIT, "{\"from\":\"2022-02-30\",\"to\":\"2022-12-31\"}", "{}"), ErrorCode.INVALID_DATE, "/records/0/period/from"));
        c.add(rejected("impossible date", "29 February 2021", rec(UNIT, "{\"from\":\"2021-01-01\",\"to\":\"2021-02-29\"}", "{}"), ErrorCode.INVALID_DATE, "/records/0/period/to"));
        c.add(rejected("impossible date", "month 13", rec(UNIT, "{\"from\":\"2022-13-01\",\"to\":\"2022-12-31\"}", "{}"), ErrorCode.INVALID_DATE, "/records/0/period/from"));
        c.add(rejected("impossible date", "no padding", rec(UNIT, "{\"from\":\"2022-1-1\",\"to\":\"2022-12-31\"}", "{}"), ErrorCode.INVALID_DATE, "/records/0/period/from"));
        c.add(rejected("impossible date", "a time", rec(UNIT, "{\"from\":\"2022-01-01T00:00\",\"to\":\"2022-12-31\"}", "{}"), ErrorCode.INVALID_DATE, "/records/0/period/from"));
        c.add(rejected("impossible date", "submission 31 April", rec(UNIT, PERIOD, "{\"reports.computers.submittedOn\":\"2022-04-31\"}"), ErrorCode.INVALID_DATE, "/records/0/metrics/reports.computers.submittedOn"));
        c.add(refused("impossible date", "asOf 30 February", "{\"asOf\":\"2022-02-30\",\"records\":[]}", "not a calendar day"));
        c.add(rejected("reversed period", "to before from", rec(UNIT, "{\"from\":\"2022-12-31\",\"to\":\"2022-01-01\"}", "{}"), ErrorCode.PERIOD_REVERSED, "/records/0/period"));
        // Unknown levels, roles, keys and fields.
        c.add(rejected("unknown name", "level VILLAGE", rec("{\"id\":\"a\",\"level\":\"VILLAGE\"}", PERIOD, "{}"), ErrorCode.INVALID_LEVEL, "/records/0/unit/level"));
        c.add(rejected("unknown name", "level in lower case", rec("{\"id\":\"a\",\"level\":\"commune\"}", PERIOD, "{}"), ErrorCode.INVALID_LEVEL, "/records/0/unit/level"));
        c.add(rejected("unknown name", "role KING", rec("{\"id\":\"a\",\"level\":\"COMMUNE\",\"roles\":[\"KING\"]}", PERIOD, "{}"), ErrorCode.INVALID_ROLE, "/records/0/unit/roles/0"));
        c.add(rejected("unknown name", "misspelt metric", rec(UNIT, PERIOD, "{\"dossiers.level4.totl\":1}"), ErrorCode.UNKNOWN_METRIC, "/records/0/metrics/dossiers.level4.totl"));
        c.add(rejected("unknown name", "unknown record field", "{\"unit\":" + UNIT + ",\"period\":" + PERIOD + ",\"metrics\":{},\"extra\":1}", ErrorCode.UNKNOWN_FIELD, "/records/0/extra"));
        c.add(refused("unknown name", "unknown top-level field", "{\"records\":[],\"__proto__\":{}}", "unknown field"));
        c.add(refused("unknown name", "unknown rule set", "{\"ruleSet\":\"nope\",\"records\":[]}", "nope"));
        c.add(refused("unknown name", "rule set as a path", "{\"ruleSet\":\"../../etc/passwd\",\"records\":[]}", "../../etc/passwd"));
        c.add(refused("unknown name", "rule set as a URL", "{\"ruleSet\":\"http://127.0.0.1:1/evil.jar\",\"records\":[]}", "evil.jar"));
        c.add(refused("unknown name", "rule set as a jar URL", "{\"ruleSet\":\"jar:file:/tmp/x.jar!/\",\"records\":[]}", "x.jar"));
        c.add(refused("unknown name", "version as a path", "{\"ruleSet\":\"dak-nong-2022\",\"ruleSetVersion\":\"../1.0.0\",\"records\":[]}", "../1.0.0"));
        // Deep nesting.
        c.add(refused("deep nesting", "33 arrays in a metric", "{\"records\":[" + metric("[".repeat(33) + "]".repeat(33)) + "]}", "deeper than the limit of 32"));
        c.add(refused("deep nesting", "100,000 open arrays", "{\"records\":" + "[".repeat(100_000), "deeper than the limit of 32"));
        c.add(refused("deep nesting", "100,000 open objects", "{\"records\":[" + "{\"a\":".repeat(100_000), "deeper than the limit of 32"));
        // Long strings.
        c.add(refused("long string", "unit.id of 70,000 characters", "{\"records\":[" + rec("{\"id\":\"" + "x".repeat(70_000) + "\",\"level\":\"COMMUNE\"}", PERIOD, "{}") + "]}", "longer than the limit of 65536"));
        c.add(refused("long string", "key of 70,000 characters", "{\"records\":[" + rec(UNIT, PERIOD, "{\"" + "k".repeat(70_000) + "\":1}") + "]}", "longer than the limit of 65536"));
        c.add(refused("long string", "unterminated string of 1 MB", "{\"records\":[\"" + "y".repeat(1 << 20), "longer than the limit of 65536"));
        c.add(rejected("long string", "unit.id of 201 characters", rec("{\"id\":\"" + "x".repeat(201) + "\",\"level\":\"COMMUNE\"}", PERIOD, "{}"), ErrorCode.ID_TOO_LONG, "/records/0/unit/id"));
        c.add(rejected("long string", "unit.id empty", rec("{\"id\":\"\",\"level\":\"COMMUNE\"}", PERIOD, "{}"), ErrorCode.OUT_OF_RANGE, "/records/0/unit/id"));
        // Bytes that are not UTF-8, and byte-order marks.
        c.add(refused("not UTF-8", "byte FF in a string", withUnitId(bytes(0xFF)), "not UTF-8"));
        c.add(refused("not UTF-8", "Latin-1 é", withUnitId(bytes('x', 0xE9, 'x')), "not UTF-8"));
        c.add(refused("not UTF-8", "overlong slash C0 AF", withUnitId(bytes(0xC0, 0xAF)), "not UTF-8"));
        c.add(refused("not UTF-8", "overlong E0 80 AF", withUnitId(bytes(0xE0, 0x80, 0xAF)), "not UTF-8"));
        c.add(refused("not UTF-8", "encoded surrogate ED A0 80", withUnitId(bytes(0xED, 0xA0, 0x80)), "not UTF-8"));
        c.add(refused("not UTF-8", "above U+10FFFF", withUnitId(bytes(0xF4, 0x90, 0x80, 0x80)), "not UTF-8"));
        c.add(refused("not UTF-8", "lone continuation byte", withUnitId(bytes(0x80)), "not UTF-8"));
        c.add(refused("not UTF-8", "cut inside a character", concat("{\"records\":[".getBytes(UTF_8), bytes(0xE1, 0xBA)), "not UTF-8"));
        c.add(refused("not UTF-8", "UTF-16LE", "{\"records\":[]}".getBytes(java.nio.charset.StandardCharsets.UTF_16LE), "not UTF-8"));
        c.add(refused("not UTF-8", "UTF-16 with its mark", "{\"records\":[]}".getBytes(java.nio.charset.StandardCharsets.UTF_16), "not UTF-8"));
        c.add(refused("not UTF-8", "UTF-32BE", "{\"records\":[]}".getBytes(java.nio.charset.Charset.forName("UTF-32BE")), "not UTF-8"));
        c.add(refused("byte-order mark", "UTF-8 mark", concat(bytes(0xEF, 0xBB, 0xBF), "{\"records\":[]}".getBytes(UTF_8)), "byte-order mark"));
        return c.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theJavaApiReportsEachClearly(Case c) throws Exception {
        if (c.reason() != null) {
            UnreadableRequestException e = assertThrows(UnreadableRequestException.class,
                    () -> ENGINE.evaluateJson(new ByteArrayInputStream(c.body()), RequestOverrides.none()));
            assertTrue(e.getMessage().contains(c.reason()), e.getMessage());
            assertFalse(e.getMessage().contains("\n"), e.getMessage());
            return;
        }
        EvaluationResponse r = ENGINE.evaluateJson(new ByteArrayInputStream(c.body()), RequestOverrides.none());
        assertEquals(0, r.summary().evaluated());
        assertEquals(1, r.summary().rejected());
        assertTrue(r.results().isEmpty(), "a rejected record has no verdict");
        assertTrue(r.errors().stream().anyMatch(e -> e.record() == 0 && e.code() == c.code() && e.path().equals(c.path())),
                () -> "want " + c.code() + " at " + c.path() + ", got " + r.errors());
        for (RecordError e : r.errors()) {
            assertFalse(e.message().isBlank());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theCommandLineExitsTwoOrThreeWithOneLine(Case c) {
        MainTests.Run run = MainTests.run(c.body(), "evaluate");
        if (c.reason() != null) {
            assertEquals(2, run.status(), run.err());
            assertEquals("", run.out());
            assertTrue(run.err().startsWith("kpi-cli: "), run.err());
            assertTrue(run.err().contains(c.reason()), run.err());
            assertEquals(1, run.err().strip().lines().count(), run.err());
        } else {
            assertEquals(3, run.status(), run.err());
            assertTrue(run.out().contains("\"code\":\"" + c.code() + "\""), run.out());
            assertEquals("", run.err());
        }
        assertFalse(run.err().contains("Exception"), run.err());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theServiceAnswers400OrTheRecordsErrors(Case c) throws Exception {
        HttpResponse<String> r = post(c.body());
        if (c.reason() != null) {
            assertEquals(400, r.statusCode(), r.body());
            // an unknown rule set has its own code, the same on every endpoint
            String code = c.name().startsWith("rule set as") || c.name().startsWith("version as")
                    || c.name().equals("unknown rule set") ? "UNKNOWN_RULE_SET" : "UNREADABLE_REQUEST";
            assertTrue(r.body().startsWith("{\"error\":{\"status\":400,\"code\":\"" + code + "\""), r.body());
        } else {
            assertEquals(200, r.statusCode(), r.body());
            assertTrue(r.body().contains("\"path\":\"" + c.path() + "\",\"code\":\"" + c.code() + "\""), r.body());
        }
        assertFalse(r.body().contains("Exception") || r.body().contains("\tat "), r.body());
    }

    static HttpResponse<String> post(byte[] body) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.port() + "/v1/evaluate"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString(UTF_8));
    }

    /** Records, one after another, for as many as asked, without holding them all in memory. */
    static InputStream manyRecords(long n) {
        byte[] head = "{\"asOf\":\"2022-12-31\",\"records\":[".getBytes(UTF_8);
        byte[] tail = "]}".getBytes(UTF_8);
        return new InputStream() {
            long i = -1;
            byte[] cur = head;
            int at;

            @Override
            public int read() {
                while (cur != null && at == cur.length) {
                    i++;
                    at = 0;
                    cur = i < n ? ((i == 0 ? "" : ",") + rec("{\"id\":\"u" + i + "\",\"level\":\"COMMUNE\"}", PERIOD,
                            "{\"dossiers.level4.total\":10,\"dossiers.level4.online\":5}")).getBytes(UTF_8)
                            : i == n ? tail : null;
                }
                return cur == null ? -1 : cur[at++] & 0xFF;
            }
        };
    }

    @Test
    void aMillionRecordsStopAtTheRecordLimitNamingIt() {
        long t0 = System.nanoTime();
        RequestLimitException e = assertThrows(RequestLimitException.class,
                () -> ENGINE.evaluateJson(new java.io.BufferedInputStream(manyRecords(1_000_000)), RequestOverrides.none()));
        assertEquals(RequestLimitException.Limit.RECORDS, e.limit());
        assertEquals(Limits.DEFAULT_MAX_RECORDS, e.configured());
        assertEquals("/records/10000", e.path());
        assertTrue(e.getMessage().contains("limit of 10000"), e.getMessage());
        assertTrue(System.nanoTime() - t0 < 30_000_000_000L, "stops early, at the limit");
    }

    @Test
    void aRequestPastTheByteLimitStopsThereNamingIt() {
        KpiEngine small = KpiEngine.builder().limits(Limits.defaults().withMaxBytes(1000)).build();
        byte[] body = ("{\"records\":[]" + " ".repeat(2000) + "}").getBytes(UTF_8);
        RequestLimitException e = assertThrows(RequestLimitException.class,
                () -> small.evaluateJson(new ByteArrayInputStream(body), RequestOverrides.none()));
        assertEquals(RequestLimitException.Limit.BYTES, e.limit());
        assertEquals(1000, e.configured());
        assertTrue(e.getMessage().contains("larger than the limit of 1000 bytes"), e.getMessage());
        // 17 MiB of whitespace against the default 16 MiB.
        RequestLimitException big = assertThrows(RequestLimitException.class, () -> ENGINE.evaluateJson(
                new java.io.SequenceInputStream(new ByteArrayInputStream("{\"records\":[]".getBytes(UTF_8)),
                        new ByteArrayInputStream(new byte[17 << 20]) {
                            { java.util.Arrays.fill(buf, (byte) ' '); }
                        }), RequestOverrides.none()));
        assertEquals(Limits.DEFAULT_MAX_BYTES, big.configured());
    }

    @Test
    void limitsAreConfigurableAndNamedWhenPassed() {
        KpiEngine tight = KpiEngine.builder().limits(new Limits(1 << 20, 6, 10, 2)).build();
        String two = rec(UNIT, PERIOD, "{}") + "," + rec("{\"id\":\"xa-b\",\"level\":\"COMMUNE\"}", PERIOD, "{}");
        assertEquals(2, evaluate(tight, "{\"asOf\":\"2022-12-31\",\"records\":[" + two + "]}").summary().evaluated());
        RequestLimitException records = assertThrows(RequestLimitException.class,
                () -> evaluate(tight, "{\"records\":[" + two + "," + rec(UNIT, PERIOD, "{}") + "]}"));
        assertEquals(RequestLimitException.Limit.RECORDS, records.limit());
        assertEquals(2, records.configured());
        RequestLimitException string = assertThrows(RequestLimitException.class,
                () -> evaluate(tight, "{\"records\":[" + rec("{\"id\":\"abcdefghijk\",\"level\":\"COMMUNE\"}", PERIOD, "{}") + "]}"));
        assertEquals(RequestLimitException.Limit.STRING_LENGTH, string.limit());
        assertEquals(10, string.configured());
        RequestLimitException depth = assertThrows(RequestLimitException.class,
                () -> evaluate(tight, "{\"records\":[" + rec(UNIT, PERIOD, "{\"a\":[[[1]]]}") + "]}"));
        assertEquals(RequestLimitException.Limit.NESTING_DEPTH, depth.limit());
        assertEquals(6, depth.configured());
        assertTrue(depth.getMessage().contains("limit of 6"), depth.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Limits(0, 1, 1, 1));
    }

    @Test
    void theCommandLineHasNoRecordCeiling() {
        ByteArrayOutputStream in = new ByteArrayOutputStream();
        try (InputStream s = manyRecords(Limits.DEFAULT_MAX_RECORDS + 1)) {
            s.transferTo(in);
        } catch (java.io.IOException e) {
            fail(e);
        }
        MainTests.Run run = MainTests.run(in.toByteArray(), "evaluate", "--format", "text");
        assertEquals(0, run.status(), run.err());
        assertTrue(run.out().contains("10001"), "the totals count every record");
    }

    @Test
    void theServiceRefusesABodyPastItsLimitWith413() throws Exception {
        HttpResponse<String> r = post(new byte[(int) KpiService.DEFAULT_MAX_BYTES + 1]);
        assertEquals(413, r.statusCode(), r.body());
        assertTrue(r.body().contains("REQUEST_TOO_LARGE"), r.body());
    }

    @Test
    void aRuleSetNamedAsAPathIsJustAnUnknownRuleSet() {
        for (String name : List.of("../../etc/passwd", "/etc/passwd", "file:///etc/passwd", "http://127.0.0.1:1/x.jar",
                "META-INF/cqs-kpi/rule-sets", "io/github/cqskpi/rules/daknong2022/v1_0_0/ruleset.json")) {
            UnknownRuleSetException e = assertThrows(UnknownRuleSetException.class,
                    () -> evaluate(ENGINE, "{\"ruleSet\":" + quote(name) + ",\"records\":[]}"), name);
            assertEquals("/ruleSet", e.path());
            assertTrue(e.getMessage().contains("dak-nong-2022@1.0.0"), "lists what is loaded: " + e.getMessage());
            assertInstanceOf(UnreadableRequestException.class, e);
        }
    }

    static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    static EvaluationResponse evaluate(KpiEngine engine, String json) {
        try {
            return engine.evaluateJson(new ByteArrayInputStream(json.getBytes(UTF_8)), RequestOverrides.none());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
