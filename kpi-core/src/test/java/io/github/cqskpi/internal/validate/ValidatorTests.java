package io.github.cqskpi.internal.validate;

import io.github.cqskpi.internal.engine.Evaluation;
import io.github.cqskpi.internal.engine.PeriodIndex;
import io.github.cqskpi.internal.input.RecordDecoderTests;
import io.github.cqskpi.internal.input.RecordDraft;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cqskpi.Level;
import io.github.cqskpi.MetricValue;
import io.github.cqskpi.Period;
import io.github.cqskpi.Unit;
import io.github.cqskpi.UnitRecord;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ValidatorTests {

    static final LocalDate AS_OF = LocalDate.of(2022, 6, 30);
    static final long MAX = 9_007_199_254_740_991L;

    static UnitRecord record(String id, Level level, String... roles) {
        return UnitRecord.of(new Unit(id, Optional.empty(), level, Set.of(roles)), Period.year(2022));
    }

    /** As the evaluation loop validates: each record on its own, then the duplicates among them. */
    static void validateAll(List<RecordDraft> drafts) {
        PeriodIndex index = new PeriodIndex(new int[0]);
        for (RecordDraft d : drafts) {
            Validator.validate(d, RecordDecoderTests.v(), AS_OF);
            index.add(d);
        }
        index.seal();
        for (RecordDraft d : drafts) {
            Evaluation.duplicates(d, index);
        }
    }

    static List<String> errors(UnitRecord... records) {
        List<RecordDraft> drafts = new ArrayList<>();
        for (int i = 0; i < records.length; i++) {
            drafts.add(RecordDraft.of(i, records[i], RecordDecoderTests.v()));
        }
        validateAll(drafts);
        List<String> out = new ArrayList<>();
        for (RecordDraft d : drafts) {
            d.errors().forEach(e -> out.add(e.code() + " " + e.path()));
        }
        return out;
    }

    @Test
    void aValidRecordHasNoErrors() {
        assertEquals(List.of(), errors(record("u", Level.PROVINCE, "DIC")
                .with("documents.total", 5).with("documents.electronic", 5).with("documents.signed", 0)
                .with("payments.total", MAX).with("reports.computers.submittedOn", MetricValue.date(AS_OF))
                .with("reports.sectorSystems.submittedOn", MetricValue.notSubmitted())));
    }

    @Test
    void unitIdsFromOneToTwoHundredCharacters() {
        assertEquals(List.of("OUT_OF_RANGE /records/0/unit/id"), errors(record("", Level.COMMUNE)));
        assertEquals(List.of(), errors(record("x", Level.COMMUNE)));
        assertEquals(List.of(), errors(record("x".repeat(200), Level.COMMUNE)));
        assertEquals(List.of("ID_TOO_LONG /records/0/unit/id"), errors(record("x".repeat(201), Level.COMMUNE)));
        // Characters, not UTF-16 units: 200 emoji are 400 chars and still allowed.
        assertEquals(List.of(), errors(record("😀".repeat(200), Level.COMMUNE)));
        assertEquals(List.of("ID_TOO_LONG /records/0/unit/id"), errors(record("😀".repeat(201), Level.COMMUNE)));
    }

    @Test
    void rolesMustBeDeclaredAndFitTheLevel() {
        assertEquals(List.of("INVALID_ROLE /records/0/unit/roles/0"), errors(record("u", Level.PROVINCE, "MAYOR")));
        assertEquals(List.of("ROLE_LEVEL_MISMATCH /records/0/unit/roles/0"), errors(record("u", Level.COMMUNE, "DIC")));
        assertEquals(List.of("ROLE_LEVEL_MISMATCH /records/0/unit/roles/0"), errors(record("u", Level.DISTRICT, "NEWSPAPER")));
        UnitRecord two = UnitRecord.of(new Unit("u", Optional.empty(), Level.DISTRICT, new java.util.LinkedHashSet<>(List.of("BROADCASTER", "X"))),
                Period.year(2022));
        assertEquals(List.of("ROLE_LEVEL_MISMATCH /records/0/unit/roles/0", "INVALID_ROLE /records/0/unit/roles/1"),
                errors(two));
        assertEquals(List.of(), errors(record("u", Level.PROVINCE, "DIC", "NEWSPAPER", "BROADCASTER")));
    }

    @Test
    void aRoleIsNotMatchedAgainstALevelThatCouldNotBeRead() throws Exception {
        RecordDraft d = RecordDecoderTests.decode(0, "{\"unit\":{\"id\":\"u\",\"level\":\"WARD\",\"roles\":[\"DIC\"]},"
                + RecordDecoderTests.PERIOD + ",\"metrics\":{}}");
        validateAll(List.of(d));
        assertEquals(List.of("INVALID_LEVEL /records/0/unit/level"), d.errors().stream().map(e -> e.code() + " " + e.path()).toList());
    }

    @Test
    void periodsMayNotBeReversed() {
        UnitRecord reversed = UnitRecord.of(Unit.of("u", Level.COMMUNE), Period.of("2022-12-31", "2022-12-30"));
        assertEquals(List.of("PERIOD_REVERSED /records/0/period"), errors(reversed));
        UnitRecord oneDay = UnitRecord.of(Unit.of("u", Level.COMMUNE), Period.of("2022-12-31", "2022-12-31"));
        assertEquals(List.of(), errors(oneDay));
    }

    @Test
    void countsFromZeroToTwoToTheFiftyThreeMinusOne() {
        assertEquals(List.of("OUT_OF_RANGE /records/0/metrics/staff.total"),
                errors(record("u", Level.COMMUNE).with("staff.total", -1)));
        assertEquals(List.of("OUT_OF_RANGE /records/0/metrics/staff.total"),
                errors(record("u", Level.COMMUNE).with("staff.total", MAX + 1)));
        assertEquals(List.of("OUT_OF_RANGE /records/0/metrics/staff.total"),
                errors(record("u", Level.COMMUNE).with("staff.total", Long.MIN_VALUE)));
        assertEquals(List.of(), errors(record("u", Level.COMMUNE).with("staff.total", MAX).with("staff.withComputer", MAX)));
        assertEquals(List.of(), errors(record("u", Level.COMMUNE).with("staff.total", 0)));
    }

    @Test
    void aCountOutOfRangeIsNotAlsoComparedWithItsWhole() {
        assertEquals(List.of("OUT_OF_RANGE /records/0/metrics/staff.withComputer"),
                errors(record("u", Level.COMMUNE).with("staff.total", 3).with("staff.withComputer", MAX + 1)));
        assertEquals(List.of("OUT_OF_RANGE /records/0/metrics/staff.total"),
                errors(record("u", Level.COMMUNE).with("staff.total", -5).with("staff.withComputer", 2)));
        RecordDraft d = RecordDraft.of(0, record("u", Level.COMMUNE).with("staff.total", -5), RecordDecoderTests.v());
        Validator.validate(d, RecordDecoderTests.v(), AS_OF);
        assertNull(d.values[RecordDecoderTests.v().indexOf("staff.total")]);
    }

    @Test
    void aPartMayNotExceedItsWhole() {
        assertEquals(List.of("PART_EXCEEDS_WHOLE /records/0/metrics/documents.electronic"),
                errors(record("u", Level.COMMUNE).with("documents.total", 4).with("documents.electronic", 5)));
        assertEquals(List.of("PART_EXCEEDS_WHOLE /records/0/metrics/documents.signed"),
                errors(record("u", Level.COMMUNE).with("documents.electronic", 4).with("documents.signed", 5)));
        assertEquals(List.of(), errors(record("u", Level.COMMUNE).with("documents.total", 5).with("documents.electronic", 5)));
        assertEquals(List.of(), errors(record("u", Level.COMMUNE).with("documents.electronic", 5)));
        assertEquals(List.of(), errors(record("u", Level.COMMUNE).with("documents.total", 0)));
        assertEquals(List.of("PART_EXCEEDS_WHOLE /records/0/metrics/payments.online"),
                errors(record("u", Level.COMMUNE).with("payments.total", MAX - 1).with("payments.online", MAX)));
    }

    @Test
    void aSubmissionMayNotBeAfterAsOf() {
        assertEquals(List.of("SUBMITTED_AFTER_AS_OF /records/0/metrics/reports.computers.submittedOn"),
                errors(record("u", Level.COMMUNE).with("reports.computers.submittedOn", MetricValue.date(AS_OF.plusDays(1)))));
        assertEquals(List.of(), errors(record("u", Level.COMMUNE)
                .with("reports.computers.submittedOn", MetricValue.date(AS_OF))));
        RecordDraft d = RecordDraft.of(0, record("u", Level.COMMUNE)
                .with("reports.computers.submittedOn", MetricValue.date(AS_OF.plusDays(1))), RecordDecoderTests.v());
        Validator.validate(d, RecordDecoderTests.v(), AS_OF);
        assertNotNull(d.values[RecordDecoderTests.v().indexOf("reports.computers.submittedOn")]);
    }

    @Test
    void theSameUnitAndPeriodTwiceRejectsBothRecords() {
        UnitRecord a = record("u", Level.COMMUNE).with("staff.total", 1);
        UnitRecord b = record("u", Level.COMMUNE).with("staff.total", 2);
        UnitRecord other = record("v", Level.COMMUNE);
        UnitRecord otherPeriod = UnitRecord.of(Unit.of("u", Level.COMMUNE), Period.month(2022, 1));
        assertEquals(List.of("DUPLICATE_RECORD /records/0", "DUPLICATE_RECORD /records/2"), errors(a, other, b, otherPeriod));
        List<RecordDraft> drafts = List.of(RecordDraft.of(0, a, RecordDecoderTests.v()), RecordDraft.of(1, b, RecordDecoderTests.v()), RecordDraft.of(2, a, RecordDecoderTests.v()));
        validateAll(drafts);
        assertTrue(drafts.get(0).errors().get(0).message().endsWith("also given in record 1, 2"));
        assertTrue(drafts.get(1).errors().get(0).message().endsWith("also given in record 0, 2"));
    }

    @Test
    void recordsWhoseUnitOrPeriodCouldNotBeReadAreNotDuplicates() throws Exception {
        String noId = "{\"unit\":{\"level\":\"COMMUNE\"}," + RecordDecoderTests.PERIOD + ",\"metrics\":{}}";
        String badFrom = "{" + RecordDecoderTests.UNIT + ",\"period\":{\"from\":\"x\",\"to\":\"2022-12-31\"},\"metrics\":{}}";
        List<RecordDraft> drafts = List.of(RecordDecoderTests.decode(0, noId), RecordDecoderTests.decode(1, noId),
                RecordDecoderTests.decode(2, badFrom), RecordDecoderTests.decode(3, badFrom));
        validateAll(drafts);
        for (RecordDraft d : drafts) {
            assertEquals(1, d.errors().size(), d.errors()::toString);
        }
    }

    @Test
    void theJavaApiReportsUnknownKeysAndWrongTypes() {
        assertEquals(List.of("UNKNOWN_METRIC /records/0/metrics/a~1b"), errors(record("u", Level.COMMUNE).with("a/b", 1)));
        assertEquals(List.of("INVALID_TYPE /records/0/metrics/staff.total"),
                errors(record("u", Level.COMMUNE).with("staff.total", MetricValue.flag(true))));
        assertEquals(List.of("INVALID_TYPE /records/0/metrics/milestones.dtPortalSection"),
                errors(record("u", Level.COMMUNE).with("milestones.dtPortalSection", MetricValue.count(1))));
        assertEquals(List.of("INVALID_TYPE /records/0/metrics/reports.computers.submittedOn"),
                errors(record("u", Level.COMMUNE).with("reports.computers.submittedOn", MetricValue.flag(false))));
        String count = RecordDraft.of(0, record("u", Level.COMMUNE).with("staff.total", MetricValue.flag(true)),
                RecordDecoderTests.v()).errors().get(0).message();
        assertTrue(count.contains("must be a count (an integer from 0 to 9007199254740991)"), count);
        String date = RecordDraft.of(0, record("u", Level.COMMUNE).with("reports.computers.submittedOn",
                MetricValue.count(1)), RecordDecoderTests.v()).errors().get(0).message();
        assertTrue(date.contains("must be a date (YYYY-MM-DD) or null"), date);
        String flag = RecordDraft.of(0, record("u", Level.COMMUNE).with("milestones.dtPortalSection",
                MetricValue.count(1)), RecordDecoderTests.v()).errors().get(0).message();
        assertTrue(flag.contains("must be a boolean"), flag);
    }
}
