package io.github.cqskpi.examples.cli;

import static io.github.cqskpi.examples.cli.MainTests.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code rule-sets}, {@code diff} and {@code verify}, through the command line. */
class RuleSetCommandsTests {

    static final Path V100 = Path.of("../kpi-rules/src/main/resources/io/github/cqskpi/rules/daknong2022/v1_0_0/conformance");
    static final Path V110 = Path.of("../kpi-rules/src/main/resources/io/github/cqskpi/rules/daknong2022/v1_1_0/conformance");
    static final Path EXAMPLE = Path.of("example-rule-set/src/main/resources/org/example/kpi/mauprovince/v1_0_0/conformance");

    @Nested
    class RuleSets {
        @Test
        void listsEachIdWithItsVersionsWindowsAndFingerprints() {
            MainTests.Run r = run("rule-sets");
            assertEquals(Main.OK, r.status(), r.err());
            assertTrue(r.out().contains("dak-nong-2022  "), r.out());
            assertTrue(r.out().matches("(?s).*\\n  1\\.0\\.0  sha256 [0-9a-f]{64}\\n.*"), r.out());
            assertTrue(r.out().matches("(?s).*\\n  1\\.1\\.0  sha256 [0-9a-f]{64}\\n.*"), r.out());
            assertTrue(r.out().contains("example-province-2024  EXAMPLE, NOT LAW"), r.out());
            assertTrue(r.out().contains("windows: from 2022-01-15; from 2022-01-11; year 2022; year 2025"), r.out());
        }
    }

    @Nested
    class Diff {
        @Test
        void showsTheVerdictsThatDecree42sKeysChange() {
            MainTests.Run r = run("diff", "--from", "dak-nong-2022@1.0.0", "--to", "dak-nong-2022@1.1.0", "--input",
                    V110.resolve("decree42-full-process-and-partial.request.json").toString());
            assertEquals(Main.OK, r.status(), r.err());
            assertTrue(r.out().contains("record 0 (record): REJECTED UNKNOWN_METRIC -> -"), r.out());
            assertTrue(r.out().contains("record 0 DOSSIER_ONLINE_L3: - -> MET"), r.out());
            assertTrue(r.out().contains("record 1 DOSSIER_ONLINE_L4: - -> MET"), r.out());
            assertTrue(r.out().contains("record 3 (record): REJECTED UNKNOWN_METRIC -> REJECTED DUPLICATE_KEY"), r.out());
        }

        @Test
        void showsNothingOnARequestWithoutDecree42sKeys() {
            MainTests.Run r = run("diff", "--from", "dak-nong-2022@1.0.0", "--to", "dak-nong-2022@1.1.0", "--input",
                    MainTests.SAMPLE.toString());
            assertEquals(Main.OK, r.status(), r.err());
            assertTrue(r.out().endsWith("0 verdicts differ\n"), r.out());
        }

        @Test
        void refusesAnUnknownVersionNamingWhatExists() {
            MainTests.Run r = run("diff", "--from", "dak-nong-2022@1.0.0", "--to", "dak-nong-2022@2.0.0", "--input",
                    MainTests.SAMPLE.toString());
            assertEquals(Main.UNREADABLE, r.status());
            assertEquals("", r.out());
            assertTrue(r.err().contains("dak-nong-2022@1.0.0, dak-nong-2022@1.1.0"), r.err());
        }
    }

    @Nested
    class Verify {
        @Test
        void passesEveryShippedVectorSet() {
            for (Path dir : new Path[] {V100, V110, EXAMPLE}) {
                MainTests.Run r = run("verify", dir.toString());
                assertEquals(Main.OK, r.status(), r.out());
                assertTrue(r.out().matches("(?s).*\\n[1-9][0-9]* passed, 0 failed\\n"), r.out());
            }
        }

        @Test
        void failsWhenAVectorExpectsAWrongStatus(@TempDir Path dir) throws IOException {
            String name = "dossier-online-l4-commune-threshold";
            Files.copy(V100.resolve(name + ".request.json"), dir.resolve(name + ".request.json"));
            String expected = Files.readString(V100.resolve(name + ".expected.json"));
            String wrong = expected.replaceFirst("\"DOSSIER_ONLINE_L4\": \"NOT_MET\"", "\"DOSSIER_ONLINE_L4\": \"MET\"");
            assertTrue(!wrong.equals(expected), "the edit must change the vector");
            Files.writeString(dir.resolve(name + ".expected.json"), wrong);
            MainTests.Run r = run("verify", dir.toString());
            assertEquals(1, r.status(), r.out());
            assertTrue(r.out().contains("FAIL " + name), r.out());
            assertTrue(r.out().endsWith("0 passed, 1 failed\n"), r.out());
        }

        @Test
        void countsCoveragePerTargetAndStatus() {
            MainTests.Run r = run("verify", V100.toString(), "--coverage");
            assertEquals(Main.OK, r.status(), r.out());
            assertTrue(r.out().contains("  MEDIA_DT_COLUMN  "), r.out());
            assertTrue(r.out().contains("INSUFFICIENT_DATA/NOT_ONE_CALENDAR_MONTH"), r.out());
            assertTrue(r.out().contains("PENDING/NOT_YET_DONE"), r.out());
        }
    }
}
