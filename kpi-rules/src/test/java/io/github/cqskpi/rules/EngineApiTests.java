package io.github.cqskpi.rules;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cqskpi.EvaluationRequest;
import io.github.cqskpi.EvaluationResponse;
import io.github.cqskpi.ErrorCode;
import io.github.cqskpi.KpiEngine;
import io.github.cqskpi.Level;
import io.github.cqskpi.Measurement;
import io.github.cqskpi.MetricValue;
import io.github.cqskpi.Period;
import io.github.cqskpi.RecordError;
import io.github.cqskpi.RequestOverrides;
import io.github.cqskpi.RuleSetInfo;
import io.github.cqskpi.TargetInfo;
import io.github.cqskpi.TargetResult;
import io.github.cqskpi.UnreadableRequestException;
import io.github.cqskpi.Unit;
import io.github.cqskpi.UnitRecord;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The Java API's conveniences and promises, against the real engine and rule sets. */
class EngineApiTests {

    static final KpiEngine ENGINE = ConformanceVectorsTests.ENGINE;
    static final LocalDate END_2022 = LocalDate.of(2022, 12, 31);

    static final String REQUEST = """
            {"asOf":"2022-12-31","ruleSet":"dak-nong-2022","ruleSetVersion":"1.0.0","records":[
              {"unit":{"id":"xa-quang-son","name":"UBND xã Quảng Sơn","level":"COMMUNE","roles":[]},
               "period":{"from":"2022-01-01","to":"2022-12-31"},
               "metrics":{"dossiers.level4.total":120,"dossiers.level4.online":50}}]}
            """;

    @Nested
    class RuleSetLookup {

        @Test
        void everyKeyAndFieldOfTheRuleSetHasAVietnameseLabelFromItsData() {
            for (String version : new String[] {"1.0.0", "1.1.0"}) {
                RuleSetInfo rs = ENGINE.ruleSet("dak-nong-2022", version).orElseThrow();
                for (io.github.cqskpi.MetricInfo m : rs.metrics()) {
                    assertTrue(rs.labels().containsKey(m.key()), version + " labels " + m.key());
                    assertTrue(!rs.labels().get(m.key()).isBlank(), version + " labels " + m.key());
                }
                for (String field : new String[] {"unit.id", "unit.level", "period.from", "period.to"}) {
                    assertTrue(rs.labels().containsKey(field), version + " labels " + field);
                }
            }
            assertEquals("Tổng số văn bản đi, đến",
                    ENGINE.ruleSet("dak-nong-2022").orElseThrow().labels().get("documents.total"));
        }

        @Test
        void anIdAloneGivesTheNewestVersion() {
            RuleSetInfo newest = ENGINE.ruleSets().stream().filter(r -> r.ref().id().equals("dak-nong-2022"))
                    .reduce((a, b) -> b).orElseThrow();
            assertEquals(Optional.of(newest), ENGINE.ruleSet("dak-nong-2022"));
            assertEquals("1.1.0", newest.ref().version());
        }

        @Test
        void anIdAndVersionGiveThatVersion() {
            assertEquals("1.0.0", ENGINE.ruleSet("dak-nong-2022", "1.0.0").orElseThrow().ref().version());
            assertEquals("1.1.0", ENGINE.ruleSet("dak-nong-2022", "1.1.0").orElseThrow().ref().version());
        }

        @Test
        void whatIsNotLoadedIsEmpty() {
            assertEquals(Optional.empty(), ENGINE.ruleSet("no-such-set"));
            assertEquals(Optional.empty(), ENGINE.ruleSet("no-such-set", "1.0.0"));
            assertEquals(Optional.empty(), ENGINE.ruleSet("dak-nong-2022", "9.9.9"));
            assertEquals(Optional.empty(), ENGINE.ruleSet("dak-nong-2022", "1.0"));
            assertEquals(Optional.empty(), ENGINE.ruleSet("dak-nong-2022", ""));
        }

        @Test
        void aNullFailsNamingTheParameter() {
            assertEquals("id", assertThrows(NullPointerException.class, () -> ENGINE.ruleSet(null)).getMessage());
            assertEquals("version", assertThrows(NullPointerException.class,
                    () -> ENGINE.ruleSet("dak-nong-2022", null)).getMessage());
        }
    }

    @Nested
    class JsonConveniences {

        @Test
        void aStringAndItsBytesGiveTheResponseTheStreamGives() throws Exception {
            byte[] bytes = REQUEST.getBytes(StandardCharsets.UTF_8);
            EvaluationResponse viaStream = ENGINE.evaluateJson(new ByteArrayInputStream(bytes), RequestOverrides.none());
            assertEquals(viaStream, ENGINE.evaluateJson(REQUEST));
            assertEquals(viaStream, ENGINE.evaluateJson(bytes));
            assertTrue(viaStream.results().stream().anyMatch(r -> r.target().equals("DOSSIER_ONLINE_L4")));
        }

        @Test
        void toJsonIsWhatWriteJsonWrites() throws Exception {
            EvaluationResponse r = ENGINE.evaluateJson(REQUEST);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ENGINE.writeJson(r, out);
            String json = ENGINE.toJson(r);
            assertArrayEquals(out.toByteArray(), json.getBytes(StandardCharsets.UTF_8));
            assertTrue(json.startsWith("{") && json.contains("\"unitId\":\"xa-quang-son\""), json);
        }

        @Test
        void anUnreadableStringIsRefusedAsAWhole() {
            assertThrows(UnreadableRequestException.class, () -> ENGINE.evaluateJson("{\"records\":"));
            assertThrows(UnreadableRequestException.class, () -> ENGINE.evaluateJson(new byte[0]));
            byte[] notUtf8 = REQUEST.replace("Quảng", "Qu\u00e1ng").getBytes(StandardCharsets.ISO_8859_1);
            assertThrows(UnreadableRequestException.class, () -> ENGINE.evaluateJson(notUtf8));
        }

        @Test
        void aNameGivenInJavaReachesTheUnitAsJsonWouldGiveIt() {
            UnitRecord commune = UnitRecord.of(Unit.of("xa-quang-son", "UBND xã Quảng Sơn", Level.COMMUNE),
                    Period.year(2022)).with("dossiers.level4.total", 120).with("dossiers.level4.online", 50);
            EvaluationResponse fromJava = ENGINE.evaluate(EvaluationRequest.of(commune)
                    .ruleSet("dak-nong-2022", "1.0.0").asOf(END_2022));
            assertEquals(ENGINE.toJson(ENGINE.evaluateJson(REQUEST)), ENGINE.toJson(fromJava));
        }
    }

    @Nested
    class CatalogueOrder {

        @Test
        void everyTargetsLevelsAndRolesComeInTheirFixedOrder() {
            for (RuleSetInfo rs : ENGINE.ruleSets()) {
                for (TargetInfo t : rs.targets()) {
                    List<Level> levels = List.copyOf(t.levels());
                    List<Level> sorted = new ArrayList<>(levels);
                    sorted.sort(Comparator.naturalOrder());
                    assertEquals(sorted, levels, rs.ref() + " " + t.id());
                    List<String> roles = List.copyOf(t.roles());
                    List<String> sortedRoles = new ArrayList<>(roles);
                    sortedRoles.sort(Comparator.naturalOrder());
                    assertEquals(sortedRoles, roles, rs.ref() + " " + t.id());
                    t.figures().forEach(f -> assertEquals(sortedLevels(f.levels()), List.copyOf(f.levels())));
                }
            }
        }

        @Test
        void aTargetForEveryLevelListsProvinceDistrictCommune() {
            TargetInfo t = ENGINE.ruleSet("dak-nong-2022", "1.0.0").orElseThrow().targets().stream()
                    .filter(x -> x.levels().size() == 3).findFirst().orElseThrow();
            assertEquals(List.of(Level.PROVINCE, Level.DISTRICT, Level.COMMUNE), List.copyOf(t.levels()));
        }

        private List<Level> sortedLevels(java.util.Set<Level> levels) {
            List<Level> out = new ArrayList<>(levels);
            out.sort(Comparator.naturalOrder());
            return out;
        }
    }

    @Nested
    class ValuesInMessages {

        private RecordError onlyError(UnitRecord r) {
            EvaluationResponse response = ENGINE.evaluate(EvaluationRequest.of(r).ruleSet("dak-nong-2022", "1.0.0")
                    .asOf(END_2022));
            assertEquals(1, response.errors().size(), response.errors().toString());
            return response.errors().get(0);
        }

        private UnitRecord commune() {
            return UnitRecord.of(Unit.of("xa-quang-son", Level.COMMUNE), Period.year(2022));
        }

        @Test
        void aDateWhereACountBelongsIsShownAsAJsonString() {
            RecordError e = onlyError(commune().with("dossiers.level4.total", MetricValue.date(LocalDate.of(2022, 1, 1))));
            assertEquals(ErrorCode.INVALID_TYPE, e.code());
            assertEquals("/records/0/metrics/dossiers.level4.total", e.path());
            assertTrue(e.message().endsWith(", not \"2022-01-01\""), e.message());
        }

        @Test
        void notSubmittedAndFlagsAreShownAsJsonLiterals() {
            RecordError e = onlyError(commune().with("dossiers.level4.total", MetricValue.notSubmitted()));
            assertTrue(e.message().endsWith(", not null"), e.message());
            RecordError f = onlyError(commune().with("dossiers.level4.total", MetricValue.flag(true)));
            assertTrue(f.message().endsWith(", not true"), f.message());
            RecordError c = onlyError(commune().with("milestones.dtPortalSection", 3));
            assertTrue(c.message().endsWith(", not 3"), c.message());
        }

        @Test
        void theJavaAndJsonPathsWordATypeErrorAlike() {
            String json = REQUEST.replace("\"dossiers.level4.total\":120", "\"dossiers.level4.total\":\"2022-01-01\"");
            RecordError fromJson = ENGINE.evaluateJson(json).errors().get(0);
            RecordError fromJava = onlyError(UnitRecord.of(Unit.of("xa-quang-son", "UBND xã Quảng Sơn", Level.COMMUNE),
                    Period.year(2022)).with("dossiers.level4.total", MetricValue.date(LocalDate.of(2022, 1, 1)))
                    .with("dossiers.level4.online", 50));
            assertEquals(fromJson.message(), fromJava.message());
        }

        @Test
        void aSubmissionAfterAsOfShowsTheDateAsAJsonString() {
            RecordError e = onlyError(UnitRecord.of(Unit.of("so-tttt", Level.PROVINCE).withRoles("DIC"),
                    Period.year(2022)).with("reports.computers.submittedOn", MetricValue.date(LocalDate.of(2023, 1, 5))));
            assertEquals(ErrorCode.SUBMITTED_AFTER_AS_OF, e.code());
            assertTrue(e.message().contains(" is \"2023-01-05\", after"), e.message());
        }
    }

    @Nested
    class AbsentValues {

        @Test
        void aReportNotSubmittedIsMeasuredAsAnEmptyDate() {
            UnitRecord dic = UnitRecord.of(Unit.of("so-tttt", Level.PROVINCE).withRoles("DIC"), Period.year(2022))
                    .with("reports.computers.submittedOn", MetricValue.notSubmitted());
            TargetResult r = ENGINE.evaluate(EvaluationRequest.of(dic).ruleSet("dak-nong-2022", "1.0.0")
                    .asOf(END_2022)).results().stream()
                    .filter(x -> x.actual().orElse(null) instanceof Measurement.OfDate).findFirst().orElseThrow();
            assertEquals(Optional.empty(), ((Measurement.OfDate) r.actual().orElseThrow()).date());
        }
    }
}
