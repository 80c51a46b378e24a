package io.github.cqskpi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.URLClassLoader;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The public API's promises that need no rule set: kpi-core's own test classpath has none, so
 * building an engine here must fail and say where it looked.
 */
class KpiEngineBuilderTests {

    @Nested
    class BuildWithNoRuleSet {

        @Test
        void failsNamingTheIndexResourceAndTheClassLoader() {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> KpiEngine.builder().build());
            assertTrue(e.getMessage().startsWith("no rule set found: no resource META-INF/cqs-kpi/rule-sets"),
                    e.getMessage());
            assertTrue(e.getMessage().contains(KpiEngineBuilder.class.getClassLoader().toString()), e.getMessage());
            assertTrue(e.getMessage().contains("io.github.cqskpi:kpi-rules"), e.getMessage());
        }

        @Test
        void namesTheClassLoaderItWasGiven() throws Exception {
            try (URLClassLoader empty = new URLClassLoader("no-rules", new URL[0], null)) {
                IllegalStateException e = assertThrows(IllegalStateException.class,
                        () -> KpiEngine.builder().classLoader(empty).build());
                assertTrue(e.getMessage().contains("on the class loader \"no-rules\" ("), e.getMessage());
            }
        }

        @Test
        void theIndexItNamesIsTheOneTheLoaderReads() {
            assertEquals("META-INF/cqs-kpi/rule-sets", KpiEngineBuilder.RULE_SET_INDEX);
        }
    }

    @Nested
    class Nulls {

        @Test
        void aNullArgumentFailsAtOnceNamingTheParameter() {
            assertEquals("name", assertThrows(NullPointerException.class,
                    () -> Unit.of("u", null, Level.COMMUNE)).getMessage());
            assertEquals("name", assertThrows(NullPointerException.class,
                    () -> new Unit("u", null, Level.COMMUNE, Set.of())).getMessage());
            assertEquals("date", assertThrows(NullPointerException.class, () -> MetricValue.date(null)).getMessage());
            assertEquals("date", assertThrows(NullPointerException.class,
                    () -> new MetricValue.Day(null)).getMessage());
            assertEquals("date", assertThrows(NullPointerException.class,
                    () -> new Measurement.OfDate(null)).getMessage());
            assertEquals("previous", assertThrows(NullPointerException.class,
                    () -> new Measurement.OfTrend(new Ratio(1, 2), null)).getMessage());
            assertEquals("clock", assertThrows(NullPointerException.class,
                    () -> KpiEngine.builder().clock(null)).getMessage());
        }

        @Test
        void anAbsentValueIsAnEmptyOptional() {
            assertEquals(Optional.empty(), Unit.of("u", Level.COMMUNE).name());
            assertEquals(Optional.of("UBND xã Quảng Sơn"), Unit.of("u", "UBND xã Quảng Sơn", Level.COMMUNE).name());
            assertEquals(Optional.empty(), ((MetricValue.Day) MetricValue.notSubmitted()).date());
            assertEquals(Optional.of(java.time.LocalDate.of(2022, 3, 1)),
                    ((MetricValue.Day) MetricValue.date(java.time.LocalDate.of(2022, 3, 1))).date());
        }

        @Test
        void aNamedUnitHasNoRolesAndKeepsItsNameWhenGivenRoles() {
            Unit u = Unit.of("so-tttt", "Sở Thông tin và Truyền thông", Level.PROVINCE);
            assertEquals(Set.of(), u.roles());
            Unit dic = u.withRoles("DIC");
            assertEquals(Optional.of("Sở Thông tin và Truyền thông"), dic.name());
            assertEquals(Set.of("DIC"), dic.roles());
        }
    }

    @Nested
    class CatalogueOrder {

        private final Message title = new Message("vi", "en");

        private TargetInfo target(Set<Level> levels, Set<String> roles) {
            return new TargetInfo("T", "1", title, false, levels, roles, "a / b", List.of("a", "b"), List.of());
        }

        @Test
        void levelsComeInLevelOrderWhateverTheOrderGiven() {
            List<Level> expected = List.of(Level.PROVINCE, Level.DISTRICT, Level.COMMUNE);
            for (List<Level> given : List.of(expected, List.of(Level.COMMUNE, Level.DISTRICT, Level.PROVINCE),
                    List.of(Level.DISTRICT, Level.COMMUNE, Level.PROVINCE))) {
                assertEquals(expected, List.copyOf(target(new java.util.LinkedHashSet<>(given), Set.of()).levels()));
            }
            assertEquals(List.of(Level.DISTRICT, Level.COMMUNE),
                    List.copyOf(target(Set.of(Level.COMMUNE, Level.DISTRICT), Set.of()).levels()));
        }

        @Test
        void rolesComeInAlphabeticalOrder() {
            TargetInfo t = target(Set.of(Level.PROVINCE),
                    new java.util.LinkedHashSet<>(List.of("NEWSPAPER", "BROADCASTER", "DIC")));
            assertEquals(List.of("BROADCASTER", "DIC", "NEWSPAPER"), List.copyOf(t.roles()));
        }

        @Test
        void aFiguresLevelsComeInLevelOrder() {
            FigureInfo f = new FigureInfo("r", new java.util.LinkedHashSet<>(List.of(Level.COMMUNE, Level.PROVINCE)),
                    "year 2022", new Requirement.Done(), "q", Optional.empty());
            assertEquals(List.of(Level.PROVINCE, Level.COMMUNE), List.copyOf(f.levels()));
        }

        @Test
        void theCopiesCannotBeChanged() {
            TargetInfo t = target(Set.of(Level.PROVINCE), Set.of("DIC"));
            assertThrows(UnsupportedOperationException.class, () -> t.levels().add(Level.COMMUNE));
            assertThrows(UnsupportedOperationException.class, () -> t.roles().add("X"));
        }
    }
}
