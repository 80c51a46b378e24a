package io.github.cqskpi.internal.input;

import io.github.cqskpi.internal.ruleset.SampleVocabulary;
import io.github.cqskpi.internal.ruleset.Vocabulary;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cqskpi.Level;
import io.github.cqskpi.MetricValue;
import io.github.cqskpi.RecordError;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

public class RecordDecoderTests {

    /** Made afresh for every use, so that a mutant of Vocabulary is not hidden in a static field built once. */
    public static Vocabulary v() {
        return SampleVocabulary.withExtras(List.of(), List.of());
    }

    public static final String UNIT = "\"unit\":{\"id\":\"u\",\"level\":\"COMMUNE\"}";
    public static final String PERIOD = "\"period\":{\"from\":\"2022-01-01\",\"to\":\"2022-12-31\"}";

    public static RecordDraft decode(int index, String json) throws IOException {
        // Both decoders, held to the same draft: every example here tests the one read from tokens too.
        return BothDecoders.decode(index, json, v(), new com.fasterxml.jackson.core.JsonFactory());
    }

    /** The record's errors as "CODE path". */
    public static List<String> errors(String json) throws IOException {
        return decode(0, json).errors().stream().map(e -> e.code() + " " + e.path()).toList();
    }

    public static String withMetrics(String metrics) {
        return "{" + UNIT + "," + PERIOD + ",\"metrics\":" + metrics + "}";
    }

    public static MetricValue value(RecordDraft d, String key) {
        return d.values[v().indexOf(key)];
    }

    @Test
    void aValidRecordIsReadWhole() throws IOException {
        RecordDraft d = decode(3, "{\"unit\":{\"id\":\"so-tttt\",\"name\":\"Sở\",\"level\":\"PROVINCE\",\"roles\":[\"DIC\"]},"
                + PERIOD + ",\"metrics\":{\"documents.total\":10,\"documents.electronic\":-0,"
                + "\"reports.computers.submittedOn\":\"2022-03-10\",\"reports.sectorSystems.submittedOn\":null,"
                + "\"milestones.dtPortalSection\":true,\"payments.total\":9007199254740991}}");
        assertFalse(d.rejected(), () -> d.errors().toString());
        assertEquals(3, d.index);
        assertEquals("so-tttt", d.unitId);
        assertEquals(Level.PROVINCE, d.level);
        assertEquals(List.of("DIC"), d.roles);
        assertEquals(LocalDate.of(2022, 1, 1), d.from);
        assertEquals(LocalDate.of(2022, 12, 31), d.to);
        assertEquals(MetricValue.count(10), value(d, "documents.total"));
        assertEquals(MetricValue.count(0), value(d, "documents.electronic"));
        assertEquals(MetricValue.date(LocalDate.of(2022, 3, 10)), value(d, "reports.computers.submittedOn"));
        assertEquals(MetricValue.notSubmitted(), value(d, "reports.sectorSystems.submittedOn"));
        assertEquals(MetricValue.flag(true), value(d, "milestones.dtPortalSection"));
        assertEquals(MetricValue.count(9_007_199_254_740_991L), value(d, "payments.total"));
        assertNull(value(d, "staff.total"));
    }

    @Test
    void rolesAbsentAreNone() throws IOException {
        assertEquals(List.of(), decode(0, withMetrics("{}")).roles);
    }

    @Test
    void aRecordThatIsNotAnObject() throws IOException {
        assertEquals(List.of("INVALID_TYPE /records/0"), errors("[]"));
        assertEquals(List.of("INVALID_TYPE /records/0"), errors("null"));
    }

    @Test
    void missingParts() throws IOException {
        assertEquals(List.of("MISSING_FIELD /records/0/unit"), errors("{" + PERIOD + ",\"metrics\":{}}"));
        assertEquals(List.of("MISSING_FIELD /records/0/period"), errors("{" + UNIT + ",\"metrics\":{}}"));
        assertEquals(List.of("MISSING_FIELD /records/0/metrics"), errors("{" + UNIT + "," + PERIOD + "}"));
        assertEquals(List.of("MISSING_FIELD /records/0/unit/id"),
                errors("{\"unit\":{\"level\":\"COMMUNE\"}," + PERIOD + ",\"metrics\":{}}"));
        assertEquals(List.of("MISSING_FIELD /records/0/unit/level"),
                errors("{\"unit\":{\"id\":\"u\"}," + PERIOD + ",\"metrics\":{}}"));
        assertEquals(List.of("MISSING_FIELD /records/0/period/from"),
                errors("{" + UNIT + ",\"period\":{\"to\":\"2022-12-31\"},\"metrics\":{}}"));
        assertEquals(List.of("MISSING_FIELD /records/0/period/to"),
                errors("{" + UNIT + ",\"period\":{\"from\":\"2022-12-31\"},\"metrics\":{}}"));
    }

    @Test
    void partsOfTheWrongType() throws IOException {
        assertEquals(List.of("INVALID_TYPE /records/0/unit"), errors("{\"unit\":[]," + PERIOD + ",\"metrics\":{}}"));
        assertEquals(List.of("INVALID_TYPE /records/0/period"), errors("{" + UNIT + ",\"period\":\"2022\",\"metrics\":{}}"));
        assertEquals(List.of("INVALID_TYPE /records/0/metrics"), errors("{" + UNIT + "," + PERIOD + ",\"metrics\":[]}"));
        assertEquals(List.of("INVALID_TYPE /records/0/unit/id"),
                errors("{\"unit\":{\"id\":7,\"level\":\"COMMUNE\"}," + PERIOD + ",\"metrics\":{}}"));
        assertEquals(List.of("INVALID_TYPE /records/0/unit/name"),
                errors("{\"unit\":{\"id\":\"u\",\"name\":1,\"level\":\"COMMUNE\"}," + PERIOD + ",\"metrics\":{}}"));
        assertEquals(List.of("INVALID_TYPE /records/0/unit/level"),
                errors("{\"unit\":{\"id\":\"u\",\"level\":3}," + PERIOD + ",\"metrics\":{}}"));
        assertEquals(List.of("INVALID_TYPE /records/0/unit/roles"),
                errors("{\"unit\":{\"id\":\"u\",\"level\":\"PROVINCE\",\"roles\":\"DIC\"}," + PERIOD + ",\"metrics\":{}}"));
        assertEquals(List.of("INVALID_TYPE /records/0/period/to"),
                errors("{" + UNIT + ",\"period\":{\"from\":\"2022-01-01\",\"to\":20221231},\"metrics\":{}}"));
    }

    @Test
    void aRoleThatIsNotAStringIsReportedAtItsIndexAndTheRolesAreNotUsed() throws IOException {
        RecordDraft d = decode(0, "{\"unit\":{\"id\":\"u\",\"level\":\"PROVINCE\",\"roles\":[\"DIC\",1,\"NEWSPAPER\",null]},"
                + PERIOD + ",\"metrics\":{}}");
        assertEquals(List.of("INVALID_TYPE /records/0/unit/roles/1", "INVALID_TYPE /records/0/unit/roles/3"),
                d.errors().stream().map(e -> e.code() + " " + e.path()).toList());
        assertNull(d.roles);
    }

    @Test
    void anUnknownLevel() throws IOException {
        RecordDraft d = decode(0, "{\"unit\":{\"id\":\"u\",\"level\":\"commune\"}," + PERIOD + ",\"metrics\":{}}");
        assertEquals(List.of("INVALID_LEVEL /records/0/unit/level"),
                d.errors().stream().map(e -> e.code() + " " + e.path()).toList());
        assertNull(d.level);
    }

    @Test
    void unknownFieldsAtEveryLevelWithEscapedPointers() throws IOException {
        assertEquals(List.of("UNKNOWN_FIELD /records/0/note"), errors("{" + UNIT + "," + PERIOD + ",\"metrics\":{},\"note\":1}"));
        assertEquals(List.of("UNKNOWN_FIELD /records/0/unit/a~1b"),
                errors("{\"unit\":{\"id\":\"u\",\"level\":\"COMMUNE\",\"a/b\":1}," + PERIOD + ",\"metrics\":{}}"));
        assertEquals(List.of("UNKNOWN_FIELD /records/0/period/~0x"),
                errors("{" + UNIT + ",\"period\":{\"from\":\"2022-01-01\",\"to\":\"2022-12-31\",\"~x\":1},\"metrics\":{}}"));
    }

    @Test
    void duplicateFields() throws IOException {
        assertEquals(List.of("DUPLICATE_KEY /records/0/unit/id"),
                errors("{\"unit\":{\"id\":\"u\",\"id\":\"v\",\"level\":\"COMMUNE\"}," + PERIOD + ",\"metrics\":{}}"));
        assertEquals(List.of("DUPLICATE_KEY /records/0/period/to"),
                errors("{" + UNIT + ",\"period\":{\"from\":\"2022-01-01\",\"to\":\"2022-12-31\",\"to\":\"2022-12-30\"},"
                        + "\"metrics\":{}}"));
        assertEquals(List.of("DUPLICATE_KEY /records/0/metrics"),
                errors("{" + UNIT + "," + PERIOD + ",\"metrics\":{},\"metrics\":{}}"));
    }

    @Test
    void aMetricGivenTwiceIsAnErrorAndNeitherValueIsUsed() throws IOException {
        RecordDraft d = decode(0, withMetrics("{\"documents.total\":1,\"documents.total\":2}"));
        assertEquals(List.of("DUPLICATE_KEY /records/0/metrics/documents.total"),
                d.errors().stream().map(e -> e.code() + " " + e.path()).toList());
        assertNull(value(d, "documents.total"));
    }

    @Test
    void unknownMetrics() throws IOException {
        assertEquals(List.of("UNKNOWN_METRIC /records/0/metrics/documents.totl"), errors(withMetrics("{\"documents.totl\":1}")));
        assertEquals(List.of("UNKNOWN_METRIC /records/0/metrics/a~1b~0c"), errors(withMetrics("{\"a/b~c\":1}")));
        assertEquals(List.of("DUPLICATE_KEY /records/0/metrics/x", "UNKNOWN_METRIC /records/0/metrics/x"),
                errors(withMetrics("{\"x\":1,\"x\":1}")));
    }

    @Test
    void countsMustBeWholeNumbersInRange() throws IOException {
        String path = "/records/0/metrics/staff.total";
        assertEquals(List.of("INVALID_TYPE " + path), errors(withMetrics("{\"staff.total\":\"12\"}")));
        assertEquals(List.of("INVALID_TYPE " + path), errors(withMetrics("{\"staff.total\":12.0}")));
        assertEquals(List.of("INVALID_TYPE " + path), errors(withMetrics("{\"staff.total\":1e2}")));
        assertEquals(List.of("INVALID_TYPE " + path), errors(withMetrics("{\"staff.total\":null}")));
        assertEquals(List.of("INVALID_TYPE " + path), errors(withMetrics("{\"staff.total\":true}")));
        assertEquals(List.of("OUT_OF_RANGE " + path), errors(withMetrics("{\"staff.total\":-1}")));
        assertEquals(List.of("OUT_OF_RANGE " + path), errors(withMetrics("{\"staff.total\":9007199254740992}")));
        assertEquals(List.of("OUT_OF_RANGE " + path), errors(withMetrics("{\"staff.total\":100000000000000000000000}")));
        assertEquals(List.of(), errors(withMetrics("{\"staff.total\":0}")));
        RecordDraft d = decode(0, withMetrics("{\"staff.total\":-1}"));
        assertNull(value(d, "staff.total"));
    }

    @Test
    void datesAndFlags() throws IOException {
        String date = "/records/0/metrics/reports.computers.submittedOn";
        assertEquals(List.of("INVALID_DATE " + date), errors(withMetrics("{\"reports.computers.submittedOn\":\"2022-02-29\"}")));
        assertEquals(List.of("INVALID_DATE " + date), errors(withMetrics("{\"reports.computers.submittedOn\":\"2022-3-10\"}")));
        assertEquals(List.of("INVALID_TYPE " + date), errors(withMetrics("{\"reports.computers.submittedOn\":20220310}")));
        String flag = "/records/0/metrics/milestones.dtPortalSection";
        assertEquals(List.of("INVALID_TYPE " + flag), errors(withMetrics("{\"milestones.dtPortalSection\":\"true\"}")));
        assertEquals(List.of("INVALID_TYPE " + flag), errors(withMetrics("{\"milestones.dtPortalSection\":null}")));
        assertEquals(List.of("INVALID_TYPE " + flag), errors(withMetrics("{\"milestones.dtPortalSection\":1}")));
        assertEquals(MetricValue.flag(false), value(decode(0, withMetrics("{\"milestones.dtPortalSection\":false}")),
                "milestones.dtPortalSection"));
    }

    @Test
    void periodDates() throws IOException {
        assertEquals(List.of("INVALID_DATE /records/0/period/from"),
                errors("{" + UNIT + ",\"period\":{\"from\":\"2022-13-01\",\"to\":\"2022-12-31\"},\"metrics\":{}}"));
        assertEquals(List.of("INVALID_DATE /records/0/period/to"),
                errors("{" + UNIT + ",\"period\":{\"from\":\"2022-01-01\",\"to\":\"31/12/2022\"},\"metrics\":{}}"));
    }

    @Test
    void errorsNameTheUnitWhenItCouldBeRead() throws IOException {
        List<RecordError> named = decode(2, "{\"unit\":{\"id\":\"u\",\"level\":\"X\"}," + PERIOD + ",\"metrics\":{}}").errors();
        assertEquals(Optional.of("u"), named.get(0).unitId());
        assertEquals(2, named.get(0).record());
        assertEquals("/records/2/unit/level", named.get(0).path());
        assertTrue(named.get(0).message().contains("\"X\""));
        List<RecordError> anonymous = decode(0, "{\"unit\":{\"level\":\"X\"}," + PERIOD + ",\"metrics\":{}}").errors();
        assertEquals(Optional.empty(), anonymous.get(0).unitId());
    }

    @Test
    void parseDayTakesOnlyRealDaysWrittenInFull() {
        assertEquals(LocalDate.of(2024, 2, 29), RecordDecoder.parseDay("2024-02-29"));
        assertNull(RecordDecoder.parseDay("2023-02-29"));
        assertNull(RecordDecoder.parseDay("2022-1-01"));
        assertNull(RecordDecoder.parseDay("2022-01-1"));
        assertNull(RecordDecoder.parseDay("2022_01-01"));
        assertNull(RecordDecoder.parseDay("2022-01_01"));
        assertNull(RecordDecoder.parseDay("20220101"));
        assertNull(RecordDecoder.parseDay("2022-01-011"));
        assertNull(RecordDecoder.parseDay(""));
        assertNull(RecordDecoder.parseDay("+202-01-01"));
    }
}
