package io.github.cqskpi.examples;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cqskpi.ErrorCode;
import io.github.cqskpi.EvaluationResponse;
import io.github.cqskpi.KpiEngine;
import io.github.cqskpi.RecordError;
import io.github.cqskpi.RequestOverrides;
import io.github.cqskpi.UnreadableRequestException;
import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Generated hostile requests: cut, corrupted and mistyped versions of a valid one. Each ends
 * either refused as a whole ({@link UnreadableRequestException}, one line) or with every record
 * evaluated or rejected; nothing else is thrown.
 */
class HostileInputProperties {

    static final KpiEngine ENGINE = KpiEngine.builder().build();
    static final byte[] VALID = ("{\"asOf\":\"2022-12-31\",\"records\":[{\"unit\":{\"id\":\"xã-quảng-sơn\",\"level\":"
            + "\"COMMUNE\",\"roles\":[]},\"period\":{\"from\":\"2022-01-01\",\"to\":\"2022-12-31\"},\"metrics\":"
            + "{\"dossiers.level4.total\":120,\"dossiers.level4.online\":50,\"reports.computers.submittedOn\":"
            + "\"2022-03-10\",\"milestones.dtPortalSection\":true}},{\"unit\":{\"id\":\"huyen-a\",\"level\":\"DISTRICT\"},"
            + "\"period\":{\"from\":\"2022-01-01\",\"to\":\"2022-12-31\"},\"metrics\":{}}]}").getBytes(UTF_8);

    /** Evaluates, returning the response or {@code null} when the request is refused as a whole. */
    static EvaluationResponse evaluate(byte[] body) {
        try {
            EvaluationResponse r = ENGINE.evaluateJson(new ByteArrayInputStream(body), RequestOverrides.none());
            assertEquals(r.summary().records(), r.summary().evaluated() + r.summary().rejected());
            long rejected = r.errors().stream().mapToInt(RecordError::record).distinct().count();
            assertEquals(r.summary().rejected(), rejected, "every rejected record has its errors");
            return r;
        } catch (UnreadableRequestException e) {
            assertTrue(!e.getMessage().isBlank() && !e.getMessage().contains("\n"), e.getMessage());
            return null;
        } catch (java.io.IOException e) {
            throw new AssertionError("an in-memory request cannot fail to be read", e);
        }
    }

    @Property(tries = 300)
    void everyCutOfAValidRequestIsRefusedAsAWhole(@ForAll @IntRange(min = 0, max = 10_000) int at) {
        int cut = at % VALID.length;
        byte[] prefix = java.util.Arrays.copyOf(VALID, cut);
        assertEquals(null, evaluate(prefix), "a cut request is never evaluated");
    }

    @Property(tries = 500)
    void corruptedBytesNeverEscapeAsAnythingButAClearError(@ForAll @IntRange(min = 0, max = 100_000) int position,
            @ForAll @IntRange(min = 0, max = 255) int value, @ForAll @IntRange(min = 1, max = 4) int times) {
        byte[] b = VALID.clone();
        for (int i = 0; i < times; i++) {
            b[(position + i * 37) % b.length] = (byte) (value + i * 71);
        }
        evaluate(b);
    }

    @Provide
    Arbitrary<String> jsonValues() {
        Arbitrary<String> ints = Arbitraries.bigIntegers().between(BigInteger.TWO.pow(70).negate(), BigInteger.TWO.pow(70))
                .map(BigInteger::toString);
        Arbitrary<String> decimals = Arbitraries.doubles().map(d -> Double.isFinite(d) ? Double.toString(d) : "1.5");
        Arbitrary<String> exps = Arbitraries.integers().between(0, 99).map(i -> i + "e" + (i % 7));
        Arbitrary<String> strings = Arbitraries.strings().ofMaxLength(20).map(s -> "\"" + s.replace("\\", "\\\\")
                .replace("\"", "\\\"").chars().mapToObj(c -> c < 0x20 ? String.format("\\u%04x", c)
                        : String.valueOf((char) c)).reduce("", String::concat) + "\"");
        Arbitrary<String> others = Arbitraries.of("true", "false", "null", "{}", "[]", "[1]", "{\"a\":1}", "-0");
        return Arbitraries.oneOf(ints, decimals, exps, strings, others);
    }

    @Property(tries = 500)
    void anyValueForACountIsTheCountOrAnErrorAtItsPath(@ForAll("jsonValues") String value) {
        byte[] body = ("{\"asOf\":\"2022-12-31\",\"records\":[{\"unit\":{\"id\":\"a\",\"level\":\"COMMUNE\"},"
                + "\"period\":{\"from\":\"2022-01-01\",\"to\":\"2022-12-31\"},\"metrics\":{\"payments.total\":" + value
                + "}}]}").getBytes(UTF_8);
        EvaluationResponse r = evaluate(body);
        assertTrue(r != null, "a well-formed request is read: " + value);
        boolean count = value.matches("-?[0-9]+") && new BigInteger(value).signum() >= 0
                && new BigInteger(value).compareTo(BigInteger.TWO.pow(53)) < 0;
        if (count) {
            assertEquals(1, r.summary().evaluated(), value);
        } else {
            assertEquals(1, r.summary().rejected(), value);
            List<RecordError> errors = r.errors();
            assertEquals(1, errors.size(), value);
            assertEquals("/records/0/metrics/payments.total", errors.get(0).path());
            assertTrue(Set.of(ErrorCode.INVALID_TYPE, ErrorCode.OUT_OF_RANGE).contains(errors.get(0).code()), value);
        }
    }
}
