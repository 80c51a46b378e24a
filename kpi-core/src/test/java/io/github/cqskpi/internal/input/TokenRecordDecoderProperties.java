package io.github.cqskpi.internal.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import io.github.cqskpi.internal.ruleset.MetricDef;
import io.github.cqskpi.internal.ruleset.MetricType;
import io.github.cqskpi.internal.ruleset.Vocabulary;
import java.io.IOException;
import java.util.List;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * The record decoder that reads tokens gives, for any JSON, the draft the tree decoder gives:
 * the same parts, values and problems (code, JSON Pointer, message, order), well-formed records
 * and malformed ones alike (wrong types, unknown and repeated keys, nulls, deep nesting, numbers
 * out of range or with fractions, days that do not exist), several records through one decoder.
 */
class TokenRecordDecoderProperties {

    private static final Vocabulary V = RecordDecoderTests.v();
    private static final JsonFactory JSON = new JsonFactory();

    @Property(tries = 3000)
    void oneRecordDecodesAsThroughTheTree(@ForAll("records") String json) throws IOException {
        RecordDraft d = BothDecoders.decode(7, json, V, JSON);
        long values = java.util.Arrays.stream(d.values).filter(java.util.Objects::nonNull).count();
        Statistics.label("accepted").collect(!d.rejected());
        Statistics.label("with values").collect(values > 0);
        // Both kinds must be common for the property to say anything.
        Statistics.label("accepted").coverage(c -> c.check(true).percentage(p -> p > 5));
        Statistics.label("accepted").coverage(c -> c.check(false).percentage(p -> p > 50));
    }

    @Property(tries = 1000)
    void recordsInARowDecodeAsThroughTheTree(@ForAll("arrays") String array) throws IOException {
        BothDecoders.decodeAll(array, V, JSON);
    }

    /** Under a tight string limit the parser stops both decoders at the same token, with the same words. */
    @Property(tries = 1000)
    void aParserLimitStopsBothAlike(@ForAll("records") String json) throws IOException {
        JsonFactory tight = JsonFactory.builder().streamReadConstraints(StreamReadConstraints.builder()
                .maxStringLength(12).maxNestingDepth(4).build()).build();
        String tree = outcome(json, tight, false);
        String tokens = outcome(json, tight, true);
        assertEquals(tree, tokens, json);
    }

    private static String outcome(String json, JsonFactory f, boolean tokens) {
        try (JsonParser p = f.createParser(json)) {
            p.nextToken();
            RecordDraft d = tokens ? new TokenRecordDecoder(V).decode(0, p)
                    : RecordDecoder.decode(0, JsonTree.read(p), V);
            return d.errors().toString() + " " + d.unitId + " " + java.util.Arrays.toString(d.values);
        } catch (IOException e) {
            return e.getClass().getName() + ": " + e.getMessage();
        }
    }

    @Example
    void problemsComeInTheTreesOrderWhateverOrderThePartsAreWritten() throws IOException {
        RecordDraft d = BothDecoders.decode(0, "{\"metrics\":{\"staff.total\":1.5,\"x\":1,\"staff.total\":2},"
                + "\"period\":{\"to\":\"2022-02-30\"},\"extra\":1,\"unit\":{\"level\":\"WARD\",\"id\":7}}", V, JSON);
        assertEquals(List.of("INVALID_TYPE /records/0/unit/id", "INVALID_LEVEL /records/0/unit/level",
                "UNKNOWN_FIELD /records/0/extra", "MISSING_FIELD /records/0/period/from",
                "INVALID_DATE /records/0/period/to", "DUPLICATE_KEY /records/0/metrics/staff.total",
                "UNKNOWN_METRIC /records/0/metrics/x"),
                d.errors().stream().map(e -> e.code() + " " + e.path()).toList());
    }

    /** A count as long as the parser's string limit is read; one character longer stops both alike. */
    @Example
    void aCountAtTheStringLimitIsReadAndOneLongerIsNot() {
        JsonFactory four = JsonFactory.builder().streamReadConstraints(StreamReadConstraints.builder()
                .maxStringLength(4).build()).build();
        // No string in these records is longer than the limit either.
        String record = "{\"unit\":{\"id\":\"u\",\"level\":\"X\"},\"period\":{\"from\":\"x\",\"to\":\"y\"},"
                + "\"metrics\":{\"staff.total\":%s}}";
        String at = String.format(record, "1234");
        String past = String.format(record, "12345");
        String read = outcome(at, four, true);
        assertEquals(outcome(at, four, false), read);
        assertTrue(read.contains("Count[value=1234]"), read);
        String stopped = outcome(past, four, true);
        assertEquals(outcome(past, four, false), stopped);
        assertTrue(stopped.startsWith("com.fasterxml.jackson.core.exc.StreamConstraintsException"), stopped);
    }

    @Example
    void aKeyGivenTwiceInOneRecordIsNotTwiceInTheNext() throws IOException {
        List<RecordDraft> d = BothDecoders.decodeAll("[" + RecordDecoderTests.withMetrics("{\"staff.total\":1}") + ","
                + RecordDecoderTests.withMetrics("{\"staff.total\":2}") + "]", V, JSON);
        assertFalse(d.get(1).rejected());
        assertEquals(io.github.cqskpi.MetricValue.count(2), d.get(1).values[V.indexOf("staff.total")]);
    }

    @Example
    void aTruncatedRecordFailsBothAlike() {
        String json = "{\"unit\":{\"id\":\"u\",\"roles\":[\"a\"";
        assertThrows(IOException.class, () -> BothDecoders.decode(0, json, V, JSON));
        assertEquals(outcome(json, JSON, false), outcome(json, JSON, true));
    }

    // ---- generators ----

    @Provide
    Arbitrary<String> arrays() {
        return records().list().ofMinSize(1).ofMaxSize(4).map(l -> "[" + String.join(",", l) + "]");
    }

    @Provide
    Arbitrary<String> records() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(10, shaped()),
                net.jqwik.api.Tuple.of(12, object(Arbitraries.frequencyOf(
                        net.jqwik.api.Tuple.of(4, entry("unit", unit())),
                        net.jqwik.api.Tuple.of(4, entry("period", period())),
                        net.jqwik.api.Tuple.of(4, entry("metrics", metrics())),
                        net.jqwik.api.Tuple.of(1, entry(Arbitraries.of("unit", "period", "metrics", "units", "a/b~c",
                                "é"), any(2)))), 0, 5)),
                net.jqwik.api.Tuple.of(1, any(3)));
    }

    /** A record of the contract's shape, its parts in any order, now and then a part or a value wrong. */
    private Arbitrary<String> shaped() {
        Arbitrary<String> unit = net.jqwik.api.Combinators.combine(
                Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(8),
                Arbitraries.of("PROVINCE", "DISTRICT", "COMMUNE"),
                Arbitraries.of("", ",\"roles\":[]", ",\"roles\":[\"DIC\"]", ",\"name\":\"Sở\""))
                .as((id, level, more) -> "\"unit\":{\"id\":\"" + id + "\",\"level\":\"" + level + "\"" + more + "}");
        Arbitrary<String> period = Arbitraries.of("\"period\":{\"from\":\"2022-01-01\",\"to\":\"2022-12-31\"}",
                "\"period\":{\"to\":\"2022-03-31\",\"from\":\"2022-03-01\"}");
        List<String> keys = V.metrics().stream().map(MetricDef::key).toList();
        Arbitrary<String> metric = Arbitraries.of(keys).flatMap(k -> entry(k, Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(30, right(V.metric(V.indexOf(k)).type())),
                net.jqwik.api.Tuple.of(1, any(1)))));
        Arbitrary<String> metrics = object(metric, 0, 10).map(m -> "\"metrics\":" + m);
        Arbitrary<String> wrong = Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(20, Arbitraries.just("")),
                net.jqwik.api.Tuple.of(1, entry(Arbitraries.of("unit", "period", "metrics", "x"), any(1))));
        return net.jqwik.api.Combinators.combine(unit, period, metrics, wrong).as((u, p, m, w) -> {
            List<String> parts = new java.util.ArrayList<>(List.of(u, p, m));
            if (!w.isEmpty()) {
                parts.add(w);
            }
            return parts;
        }).flatMap(parts -> Arbitraries.shuffle(parts)).map(l -> "{" + String.join(",", l) + "}");
    }

    private static Arbitrary<String> right(MetricType type) {
        return switch (type) {
            case COUNT -> Arbitraries.longs().between(0, 1_000_000).map(String::valueOf);
            case DATE -> Arbitraries.of("\"2022-03-10\"", "null");
            case FLAG -> Arbitraries.of("true", "false");
        };
    }

    private Arbitrary<String> unit() {
        return Arbitraries.oneOf(object(Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, entry("id", Arbitraries.oneOf(text(), any(1)))),
                net.jqwik.api.Tuple.of(2, entry("name", Arbitraries.oneOf(text(), any(1)))),
                net.jqwik.api.Tuple.of(4, entry("level", Arbitraries.oneOf(
                        Arbitraries.of("\"PROVINCE\"", "\"DISTRICT\"", "\"COMMUNE\"", "\"WARD\"", "\"commune\"", "\"\""),
                        any(1)))),
                net.jqwik.api.Tuple.of(3, entry("roles", Arbitraries.oneOf(
                        Arbitraries.oneOf(text(), Arbitraries.of("\"DIC\"", "\"ONE_STOP\""), any(1)).list()
                                .ofMaxSize(4).map(l -> "[" + String.join(",", l) + "]"),
                        any(1)))),
                net.jqwik.api.Tuple.of(1, entry(Arbitraries.of("x", "ID", "a/b", "~"), any(1)))), 0, 6), any(1));
    }

    private Arbitrary<String> period() {
        Arbitrary<String> day = Arbitraries.oneOf(days(), any(1));
        return Arbitraries.oneOf(object(Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, entry("from", day)),
                net.jqwik.api.Tuple.of(4, entry("to", day)),
                net.jqwik.api.Tuple.of(1, entry(Arbitraries.of("x", "From"), any(1)))), 0, 4), any(1));
    }

    private Arbitrary<String> metrics() {
        List<String> keys = V.metrics().stream().map(MetricDef::key).toList();
        Arbitrary<String> known = Arbitraries.of(keys).flatMap(k -> entry(k, valueFor(V.metric(V.indexOf(k)).type())));
        Arbitrary<String> unknown = entry(Arbitraries.of("x", "staff", "staff.total ", "a/b", "~1", ""), any(1));
        return Arbitraries.oneOf(object(Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, known), net.jqwik.api.Tuple.of(1, unknown)), 0, 8), any(1));
    }

    private Arbitrary<String> valueFor(MetricType type) {
        Arbitrary<String> right = switch (type) {
            case COUNT -> numbers();
            case DATE -> Arbitraries.oneOf(days(), Arbitraries.just("null"));
            case FLAG -> Arbitraries.of("true", "false");
        };
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(4, right), net.jqwik.api.Tuple.of(1, any(2)));
    }

    private static Arbitrary<String> numbers() {
        return Arbitraries.oneOf(
                Arbitraries.longs().between(0, 1_000_000).map(String::valueOf),
                Arbitraries.longs().map(String::valueOf),
                Arbitraries.of("0", "-0", "-1", "9007199254740991", "9007199254740992", "-9007199254740991",
                        "999999999999999999", "-99999999999999999", "9999999999999999999", "-9223372036854775809", "1000000000000000000", "123456789012345678901234567890",
                        "-123456789012345678901234567890", "1.0", "1.5", "1e3", "-0.0", "1E-2", "0.000000001"));
    }

    private static Arbitrary<String> days() {
        return Arbitraries.oneOf(
                Arbitraries.of("\"2022-01-01\"", "\"2022-12-31\"", "\"2024-02-29\"", "\"2023-02-29\"", "\"2022-13-01\"",
                        "\"2022-1-01\"", "\"20220101\"", "\"\"", "\"+2022-01-01\"", "\"２０２２-01-01\""),
                Arbitraries.integers().between(1990, 2030).flatMap(y -> Arbitraries.integers().between(0, 13)
                        .flatMap(m -> Arbitraries.integers().between(0, 32)
                                .map(d -> String.format("\"%04d-%02d-%02d\"", y, m, d)))));
    }

    /** Strings, some with escapes, quotes, slashes, non-ASCII and more than 80 characters. */
    private static Arbitrary<String> text() {
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(6).alpha().numeric(),
                Arbitraries.strings().ofMinLength(70).ofMaxLength(100).alpha(),
                Arbitraries.of("Sở", "a\\\"b", "x\\u0041", "a/b", "", "tab\\t", "😀"))
                .map(s -> "\"" + s + "\"");
    }

    /** Any JSON value, nested up to {@code depth} more levels. */
    private static Arbitrary<String> any(int depth) {
        Arbitrary<String> scalar = Arbitraries.oneOf(text(), numbers(), days(), Arbitraries.of("true", "false", "null"));
        if (depth <= 0) {
            return scalar;
        }
        Arbitrary<String> array = Arbitraries.lazy(() -> any(depth - 1)).list().ofMaxSize(3)
                .map(l -> "[" + String.join(",", l) + "]");
        Arbitrary<String> object = object(entry(Arbitraries.of("a", "b", "id", "unit"),
                Arbitraries.lazy(() -> any(depth - 1))), 0, 3);
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(4, scalar), net.jqwik.api.Tuple.of(1, array),
                net.jqwik.api.Tuple.of(1, object));
    }

    private static Arbitrary<String> object(Arbitrary<String> entries, int min, int max) {
        return entries.list().ofMinSize(min).ofMaxSize(max).map(l -> l.stream().collect(Collectors.joining(",", "{", "}")));
    }

    private static Arbitrary<String> entry(String key, Arbitrary<String> value) {
        return value.map(v -> "\"" + key + "\":" + v);
    }

    private static Arbitrary<String> entry(Arbitrary<String> keys, Arbitrary<String> value) {
        return net.jqwik.api.Combinators.combine(keys, value).as((k, v) -> "\"" + k + "\":" + v);
    }
}
