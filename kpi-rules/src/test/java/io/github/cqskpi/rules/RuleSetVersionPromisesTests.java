package io.github.cqskpi.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cqskpi.FigureInfo;
import io.github.cqskpi.RequestOverrides;
import io.github.cqskpi.RuleSetInfo;
import io.github.cqskpi.TargetInfo;
import io.github.cqskpi.conformance.CaseResult;
import io.github.cqskpi.conformance.Conformance;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Checks what a rule set's versions promise (VERSIONING.md): within one major version every
 * earlier verdict stands, so each version's vectors pass unchanged under every later version
 * of the same major; a patch version changes wording and metadata only, so its figures are
 * those of the version before it.
 */
class RuleSetVersionPromisesTests {

    @TestFactory
    Stream<DynamicTest> laterVersionsOfTheSameMajorKeepEveryVerdict() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        List<ConformanceVectorsTests.VectorSet> sets = ConformanceVectorsTests.vectorSets();
        for (ConformanceVectorsTests.VectorSet older : sets) {
            for (RuleSetInfo newer : ConformanceVectorsTests.ENGINE.ruleSets()) {
                if (!newer.ref().id().equals(older.id()) || !sameMajorAndLater(older.version(), newer.ref().version())) {
                    continue;
                }
                Conformance run = Conformance.of(ConformanceVectorsTests.ENGINE)
                        .withOverrides(RequestOverrides.none().withRuleSet(older.id() + "@" + newer.ref().version()));
                for (CaseResult r : run.runAll(older.dir())) {
                    // A vector refused as a whole may be refused for naming the older version
                    // itself; the promise is about verdicts, which it has none of.
                    if (expectsUnreadable(older, r.name())) {
                        continue;
                    }
                    tests.add(DynamicTest.dynamicTest(older.name() + " vector " + r.name() + " under "
                            + newer.ref().version(), () -> assertTrue(r.passed(), () -> String.join("\n",
                            r.mismatches()))));
                }
            }
        }
        assertFalse(tests.isEmpty(), "no later version of the same major to check");
        return tests.stream();
    }

    @Test
    void aPatchVersionKeepsEveryFigure() {
        List<RuleSetInfo> all = ConformanceVectorsTests.ENGINE.ruleSets();
        for (int i = 1; i < all.size(); i++) {
            RuleSetInfo before = all.get(i - 1);
            RuleSetInfo after = all.get(i);
            String[] b = before.ref().version().split("\\.");
            String[] a = after.ref().version().split("\\.");
            if (!before.ref().id().equals(after.ref().id()) || !b[0].equals(a[0]) || !b[1].equals(a[1])) {
                continue;
            }
            assertEquals(figures(before), figures(after), after.ref().id() + "@" + after.ref().version()
                    + " is a patch version but its figures differ from " + before.ref().version());
        }
    }

    @Test
    void everyVersionHasItsOwnFingerprint() {
        List<String> prints = ConformanceVectorsTests.ENGINE.ruleSets().stream().map(r -> r.ref().sha256()).toList();
        assertEquals(prints.size(), prints.stream().distinct().count(), "two versions share a fingerprint: " + prints);
        prints.forEach(p -> assertTrue(p.matches("[0-9a-f]{64}"), p));
    }

    private static List<String> figures(RuleSetInfo rs) {
        List<String> out = new ArrayList<>();
        for (TargetInfo t : rs.targets()) {
            out.add(t.id() + " " + t.levels() + " " + t.roles() + " " + t.measure());
            for (FigureInfo f : t.figures()) {
                out.add("  " + f.rule() + " " + f.levels() + " " + f.required());
            }
        }
        return out;
    }

    private static boolean sameMajorAndLater(String older, String newer) {
        String[] o = older.split("\\.");
        String[] n = newer.split("\\.");
        if (!o[0].equals(n[0])) {
            return false;
        }
        for (int i = 1; i < 3; i++) {
            int c = Integer.compare(Integer.parseInt(n[i]), Integer.parseInt(o[i]));
            if (c != 0) {
                return c > 0;
            }
        }
        return false;
    }

    private static boolean expectsUnreadable(ConformanceVectorsTests.VectorSet set, String name) throws IOException {
        String expected = Files.readString(set.dir().resolve(name + Conformance.EXPECTED));
        return expected.replace(" ", "").contains("\"unreadable\":true");
    }
}
