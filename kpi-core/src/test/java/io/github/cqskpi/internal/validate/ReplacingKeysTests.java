package io.github.cqskpi.internal.validate;

import io.github.cqskpi.internal.ruleset.MetricDef;
import io.github.cqskpi.internal.ruleset.MetricType;
import io.github.cqskpi.internal.ruleset.SampleVocabulary;
import io.github.cqskpi.internal.ruleset.Vocabulary;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A rule set may name a newer key for an older one from a given day (Decree 42's wording). */
class ReplacingKeysTests {

    static final LocalDate FROM = LocalDate.of(2022, 8, 15);

    static MetricDef replacing(String key, String whole, String replaces) {
        return new MetricDef(key, MetricType.COUNT, whole, replaces, FROM);
    }

    @Test
    void eachOlderKeyKnowsTheKeyThatReplacesIt() {
        Vocabulary v = SampleVocabulary.withExtras(List.of(
                replacing("dossiers.fullProcess.total", null, "dossiers.level4.total"),
                replacing("dossiers.fullProcess.online", "dossiers.fullProcess.total", "dossiers.level4.online")),
                List.of());
        assertEquals(v.indexOf("dossiers.fullProcess.total"), v.replacementOf(v.indexOf("dossiers.level4.total")));
        assertEquals(v.indexOf("dossiers.fullProcess.online"), v.replacementOf(v.indexOf("dossiers.level4.online")));
        assertEquals(-1, v.replacementOf(v.indexOf("dossiers.level3.total")));
        assertEquals(-1, v.replacementOf(v.indexOf("dossiers.fullProcess.total")));
    }

    @Test
    void aReplacementMustNameADeclaredKeyOfItsOwnTypeOnceAndADay() {
        assertRefused(List.of(replacing("new.total", null, "no.such.key")), "replaces no.such.key");
        assertRefused(List.of(new MetricDef("new.day", MetricType.DATE, null, "documents.total", FROM)),
                "replaces documents.total");
        assertRefused(List.of(new MetricDef("new.total", MetricType.COUNT, null, "documents.total", null)),
                "replaces documents.total");
        assertRefused(List.of(replacing("a.total", null, "documents.total"), replacing("b.total", null,
                "documents.total")), "documents.total is replaced twice");
        assertRefused(List.of(replacing("a.total", null, "documents.total"), replacing("b.total", null, "a.total")),
                "replaces a.total");
    }

    private static void assertRefused(List<MetricDef> extras, String words) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SampleVocabulary.withExtras(extras, List.of()));
        assertTrue(e.getMessage().contains(words), e.getMessage());
    }
}
