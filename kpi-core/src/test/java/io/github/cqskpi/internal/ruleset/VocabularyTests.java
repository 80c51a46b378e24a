package io.github.cqskpi.internal.ruleset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cqskpi.Level;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class VocabularyTests {

    @Test
    void theBaseKeysAndRolesComeFirstThenTheRuleSetsOwn() {
        Vocabulary v = SampleVocabulary.withExtras(List.of(new MetricDef("extra.total", MetricType.COUNT, null),
                new MetricDef("extra.done", MetricType.COUNT, "extra.total")),
                List.of(new RoleDef("PORTAL", Set.of(Level.DISTRICT))));
        assertEquals(29, v.size());
        assertEquals(0, v.indexOf("documents.total"));
        assertEquals(27, v.indexOf("extra.total"));
        assertEquals(28, v.indexOf("extra.done"));
        assertEquals(-1, v.indexOf("documents.totl"));
        assertEquals("extra.total", v.metric(28).whole());
        assertEquals(v.size(), v.metrics().size());
        assertEquals("documents.electronic", v.metrics().get(1).key());
        assertEquals(Set.of(Level.DISTRICT), v.role("PORTAL").levels());
        assertEquals(Set.of(Level.PROVINCE), v.role("DIC").levels());
        assertNull(v.role("MAYOR"));
    }

    @Test
    void theLibraryItselfKnowsNoKeyAndNoRole() {
        Vocabulary v = Vocabulary.of(List.of(), List.of());
        assertEquals(0, v.size());
        assertEquals(-1, v.indexOf("documents.total"));
        assertNull(v.role("DIC"));
    }

    @Test
    void keysKeepTheOrderTheyAreDeclaredIn() {
        Vocabulary v = Vocabulary.of(List.of(new MetricDef("b.day", MetricType.DATE, null),
                new MetricDef("a.total", MetricType.COUNT, null)), List.of(new RoleDef("HUB", Set.of(Level.COMMUNE))));
        assertEquals(0, v.indexOf("b.day"));
        assertEquals(1, v.indexOf("a.total"));
        assertEquals(Set.of(Level.COMMUNE), v.role("HUB").levels());
    }

    @Test
    void theSampleBaseHasTwentySevenKeysAndThreeRoles() {
        Vocabulary v = SampleVocabulary.withExtras(List.of(), List.of());
        assertEquals(27, v.size());
        assertEquals(MetricType.DATE, v.metric(v.indexOf("reports.computers.submittedOn")).type());
        assertEquals(MetricType.FLAG, v.metric(v.indexOf("milestones.dtPortalSection")).type());
        assertEquals("documents.electronic", v.metric(v.indexOf("documents.signed")).whole());
        for (String role : List.of("DIC", "NEWSPAPER", "BROADCASTER")) {
            assertEquals(Set.of(Level.PROVINCE), v.role(role).levels());
        }
    }

    @Test
    void aKeyOrRoleDeclaredTwiceIsRefused() {
        IllegalArgumentException key = assertThrows(IllegalArgumentException.class, () -> SampleVocabulary.withExtras(
                List.of(new MetricDef("documents.total", MetricType.COUNT, null)), List.of()));
        assertTrue(key.getMessage().contains("documents.total is declared twice"));
        IllegalArgumentException role = assertThrows(IllegalArgumentException.class, () -> SampleVocabulary.withExtras(
                List.of(), List.of(new RoleDef("DIC", Set.of(Level.PROVINCE)))));
        assertTrue(role.getMessage().contains("role DIC is declared twice"));
    }

    @Test
    void aWholeMustBeADeclaredCountAndSoMustItsPart() {
        assertThrows(IllegalArgumentException.class, () -> SampleVocabulary.withExtras(
                List.of(new MetricDef("x.part", MetricType.COUNT, "x.nothing")), List.of()));
        assertThrows(IllegalArgumentException.class, () -> SampleVocabulary.withExtras(
                List.of(new MetricDef("x.part", MetricType.COUNT, "reports.computers.submittedOn")), List.of()));
        assertThrows(IllegalArgumentException.class, () -> SampleVocabulary.withExtras(
                List.of(new MetricDef("x.part", MetricType.FLAG, "documents.total")), List.of()));
        // A whole declared after its part is still found.
        Vocabulary v = SampleVocabulary.withExtras(List.of(new MetricDef("y.part", MetricType.COUNT, "y.total"),
                new MetricDef("y.total", MetricType.COUNT, null)), List.of());
        assertEquals("y.total", v.metric(v.indexOf("y.part")).whole());
    }
}
