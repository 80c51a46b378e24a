package io.github.cqskpi.internal.wording;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class WordsTests {

    @Test
    void aTemplateSplitsAtItsNumberedPlaceholdersOnly() {
        Words.Template t = Words.Template.parse("{0} of {1} ({2}%) {x} {}");
        assertEquals(List.of("", " of ", " (", "%) {x} {}"), t.literals());
        assertEquals("5 of 8 (62.50%) {x} {}", t.format(5, 8, "62.50"));
        assertTrue(t.inOrder(3));
        assertFalse(t.inOrder(2));
    }

    @Test
    void aTranslationMayReorderThePlaceholders() {
        Words.Template t = Words.Template.parse("{1} trên {0}");
        assertEquals("8 trên 5", t.format(5, 8));
        assertFalse(t.inOrder(2), "the fast writer must not use a reordered template");
    }

    @Test
    void aKeyFilledInSequenceMustHoldItsPlaceholdersInOrderInBothLanguages() {
        Words.Key k = new Words.Key("ratio.percent", 3);
        Sentence.Plain out = new Sentence.Plain();
        Words.Template t = k.in(Words.VI);
        t.piece(out, 0);
        out.number(5);
        t.piece(out, 1);
        out.number(8);
        t.piece(out, 2);
        out.words("62,50");
        t.piece(out, 3);
        assertEquals(Words.VI.format("ratio.percent", 5, 8, "62,50"), out.toString());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new Words.Key("ratio.percent", 2));
        assertTrue(e.getMessage().contains("ratio.percent"), e.getMessage());
    }

    @Test
    void everyTemplateOfBothBundlesHoldsItsPlaceholdersInOrderAndWordingLoads() {
        for (Words w : List.of(Words.VI, Words.EN)) {
            for (String key : w.keys()) {
                Words.Template t = w.template(key);
                assertTrue(t.inOrder(t.order().length), key + " fills its placeholders out of order");
            }
        }
        // Its templates are checked as it loads: a bundle that broke the order would fail here.
        assertEquals("the whole", Wording.denominator(new io.github.cqskpi.internal.ruleset.TargetDef(0, "T", "1",
                new io.github.cqskpi.Message("v", "e"), java.util.Set.of(), java.util.Set.of(), null)));
    }

    @Test
    void bothLanguagesCarryEveryKeyAndKeepTheirDiacritics() {
        for (String key : List.of("message", "status.MET", "status.NOT_MET", "status.PENDING", "status.NOT_APPLICABLE",
                "status.INSUFFICIENT_DATA", "operator.GREATER_THAN", "operator.AT_LEAST", "operator.EQUAL", "ratio",
                "ratio.percent", "ratio.none", "date.submitted", "date.notSubmitted", "flag.done", "flag.notDone",
                "trend", "required.percent", "required.count", "required.deadline", "required.done",
                "required.rises", "keys.join", "reason.OUTSIDE_WINDOW", "reason.MISSING_KEYS",
                "reason.ZERO_DENOMINATOR", "reason.NO_PREVIOUS_RECORD", "reason.NOT_ONE_CALENDAR_MONTH")) {
            if (!key.equals("reason.NO_PREVIOUS_RECORD")) {
                Words.EN.get(key);
            }
            Words.VI.get(key);
        }
        assertEquals("không đạt", Words.VI.get("status.NOT_MET"));
        assertEquals("not met", Words.EN.get("status.NOT_MET"));
    }

    @Test
    void theJvmsOwnLanguageDoesNotChangeTheWords() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.FRANCE);
            assertEquals("đạt", Words.VI.get("status.MET"));
            assertEquals("met", Words.EN.get("status.MET"));
        } finally {
            Locale.setDefault(before);
        }
    }
}
