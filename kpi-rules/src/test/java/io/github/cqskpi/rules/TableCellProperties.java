package io.github.cqskpi.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cqskpi.ErrorCode;
import io.github.cqskpi.EvaluationResponse;
import io.github.cqskpi.KpiEngine;
import io.github.cqskpi.Measurement;
import io.github.cqskpi.RecordError;
import io.github.cqskpi.RequestOverrides;
import io.github.cqskpi.TargetResult;
import io.github.cqskpi.table.CsvRows;
import io.github.cqskpi.table.TableRows;
import io.github.cqskpi.table.Tables;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/**
 * A count cell of a CSV table, through the real engine: any count written in digits reads back
 * exactly; any other text is an error for its record, never a number.
 */
class TableCellProperties {

    static final KpiEngine ENGINE = KpiEngine.builder().build();
    static final RequestOverrides OVERRIDES = RequestOverrides.none().withAsOf(LocalDate.of(2022, 12, 31))
            .withRuleSet("dak-nong-2022@1.0.0");
    static final long MAX = 9_007_199_254_740_991L;

    static EvaluationResponse evaluate(String cell) throws IOException {
        String quoted = "\"" + cell.replace("\"", "\"\"") + "\"";
        String csv = "unit.id,unit.level,period.from,period.to,documents.total,documents.electronic\r\n"
                + "x,COMMUNE,2022-01-01,2022-12-31," + quoted + "," + quoted + "\r\n";
        try (TableRows rows = new CsvRows(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)))) {
            return Tables.evaluate(ENGINE, rows, OVERRIDES);
        }
    }

    @Property
    void anyCountWrittenInDigitsReadsBackExactly(@ForAll @LongRange(min = 0, max = MAX) long count,
            @ForAll @IntRange(min = 0, max = 3) int zeros, @ForAll boolean spaces) throws IOException {
        String cell = "0".repeat(zeros) + count;
        EvaluationResponse r = evaluate(spaces ? " " + cell + " " : cell);
        assertTrue(r.errors().isEmpty(), r.errors().toString());
        TargetResult doc = r.results().stream().filter(t -> t.target().equals("DOC_ELECTRONIC")).findFirst()
                .orElseThrow();
        Measurement.OfRatio m = (Measurement.OfRatio) doc.actual().orElseThrow();
        assertEquals(count, m.ratio().denominator());
        assertEquals(count, m.ratio().numerator());
    }

    @Provide
    Arbitrary<String> notDigits() {
        return Arbitraries.strings().withChars("0123456789.,-+ eE٣３\"x;\t")
                .withCharRange('a', 'z').withChars("ăđươ")
                .ofMinLength(1).ofMaxLength(24)
                .filter(s -> !s.isBlank() && !s.strip().matches("-?[0-9]+"));
    }

    @Property
    void anyOtherTextIsAnErrorNeverANumber(@ForAll("notDigits") String cell) throws IOException {
        EvaluationResponse r = evaluate(cell);
        assertTrue(r.results().isEmpty(), "no verdict from " + cell);
        assertEquals(2, r.errors().size(), r.errors().toString());
        for (RecordError e : r.errors()) {
            assertEquals(ErrorCode.INVALID_TYPE, e.code(), e.toString());
            assertTrue(e.path().startsWith("/records/0/metrics/documents."), e.path());
            assertTrue(e.message().endsWith("(row 2, column " + col(e) + "; hàng 2, cột " + col(e) + ")"),
                    e.message());
        }
    }

    @Property
    void aMinusSignIsOutOfRangeNeverACount(@ForAll @LongRange(min = 1, max = MAX) long count) throws IOException {
        EvaluationResponse r = evaluate("-" + count);
        assertTrue(r.results().isEmpty());
        assertTrue(r.errors().stream().allMatch(e -> e.code() == ErrorCode.OUT_OF_RANGE), r.errors().toString());
    }

    @Example
    void thousandsSeparatorsAreNeverGuessed() throws IOException {
        for (String cell : new String[] {"1.234", "1,234", "1 234", "1e3", "12,5"}) {
            EvaluationResponse r = evaluate(cell);
            assertEquals(2, r.errors().size(), cell);
            assertEquals("metric documents.total must be a count (an integer from 0 to 9007199254740991), not \""
                    + cell + "\" (row 2, column E; hàng 2, cột E)", r.errors().get(0).message());
        }
    }

    /** The column a documents count's error names: total is E, electronic F. */
    private static String col(RecordError e) {
        return e.path().endsWith("total") ? "E" : "F";
    }
}
