package io.github.cqskpi.examples.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cqskpi.examples.SampleProvince;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Smoke tests of the command line: each drives {@code Main.run} with captured streams, as a
 * shell would, and checks the exit status, standard output and standard error the contract
 * fixes.
 */
class MainTests {

    static final Path SAMPLE = Path.of("src/main/resources/samples/dak-nong-2022.json");
    static final Path WITH_ERRORS = Path.of("src/main/resources/samples/with-errors.json");
    static final Path TARGETS_MD = Path.of("../docs/TARGETS.md");

    static final ObjectMapper JSON = new ObjectMapper();

    static final List<String> STATUSES = List.of("MET", "NOT_MET", "PENDING", "NOT_APPLICABLE", "INSUFFICIENT_DATA");

    /** What one run of the command line left behind. */
    record Run(int status, String out, String err) {

        JsonNode json() {
            return parse(out);
        }
    }

    static Run run(byte[] stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = new Main(new ByteArrayInputStream(stdin), new PrintStream(out, true, UTF_8),
                new PrintStream(err, true, UTF_8)).run(args);
        return new Run(status, out.toString(UTF_8), err.toString(UTF_8));
    }

    static Run run(String... args) {
        return run(new byte[0], args);
    }

    static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode read(Path p) {
        try {
            return JSON.readTree(p.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Run mainSampleRun;

    /** The main sample evaluated once (it is the slowest run) and shared by the tests that read it. */
    static synchronized Run mainSample() {
        if (mainSampleRun == null) {
            mainSampleRun = run("evaluate", "--input", SAMPLE.toString());
        }
        return mainSampleRun;
    }

    /** A one-record request: a commune that has not sent its computer report. */
    static byte[] unsentReport(String extraTopLevel) {
        return ("{" + extraTopLevel + "\"asOf\":\"2022-12-31\",\"records\":[{\"unit\":{\"id\":\"xa-dak-som\",\"level\":"
                + "\"COMMUNE\"},\"period\":{\"from\":\"2022-01-01\",\"to\":\"2022-12-31\"},"
                + "\"metrics\":{\"reports.computers.submittedOn\":null}}]}").getBytes(UTF_8);
    }

    static JsonNode result(JsonNode response, int record, String target) {
        for (JsonNode r : response.get("results")) {
            if (r.get("record").asInt() == record && r.get("target").asText().equals(target)) {
                return r;
            }
        }
        throw new AssertionError("no result for record " + record + ", target " + target);
    }

    /** A wrong command line: exit 2, nothing on standard output, one line on standard error. */
    static void assertUsageOnStderr(Run r) {
        assertEquals(Main.UNREADABLE, r.status());
        assertEquals("", r.out(), "nothing on standard output");
        assertTrue(r.err().startsWith("kpi-cli: ") && r.err().endsWith("\n"), r.err());
        assertEquals(1, r.err().lines().count(), "one line: " + r.err());
        assertFalse(r.err().contains("internal error"), r.err());
    }

    // ==================================================================================== evaluate

    @Nested
    class Evaluate {

        @Test
        void theMainSampleIsEvaluatedRecordByRecordAsTheContractFixes() {
            Run r = mainSample();
            assertEquals(Main.OK, r.status(), r.err());
            assertEquals("", r.err());
            assertTrue(r.out().startsWith("{\"ruleSet\":{\"id\":\"dak-nong-2022\""), r.out().substring(0, 80));

            JsonNode sample = read(SAMPLE);
            int records = sample.get("records").size();
            JsonNode response = r.json();
            assertEquals("2022-12-31", response.get("asOf").asText());
            assertEquals("1.0.0", response.at("/ruleSet/version").asText());
            assertTrue(response.at("/ruleSet/sha256").asText().matches("[0-9a-f]{64}"));

            JsonNode summary = response.get("summary");
            assertEquals(records, summary.get("records").asInt());
            assertEquals(records, summary.get("evaluated").asInt());
            assertEquals(0, summary.get("rejected").asInt());
            assertEquals(0, response.get("errors").size());

            // every record has results, in record order, under its own unit id and period
            JsonNode results = response.get("results");
            Set<Integer> seen = new TreeSet<>();
            int previous = -1;
            for (JsonNode t : results) {
                int i = t.get("record").asInt();
                assertTrue(i >= previous, "results out of record order at record " + i);
                previous = i;
                seen.add(i);
                JsonNode rec = sample.get("records").get(i);
                assertEquals(rec.at("/unit/id").asText(), t.get("unitId").asText());
                assertEquals(rec.get("period"), t.get("period"));
            }
            assertEquals(IntStream.range(0, records).boxed().collect(Collectors.toSet()), seen);

            // byStatus: all five statuses in the contract's order, adding up to the results
            List<String> names = new ArrayList<>();
            summary.get("byStatus").fieldNames().forEachRemaining(names::add);
            assertEquals(STATUSES, names);
            Map<String, Integer> counted = new HashMap<>();
            results.forEach(t -> counted.merge(t.get("status").asText(), 1, Integer::sum));
            for (String s : STATUSES) {
                assertEquals(counted.getOrDefault(s, 0), summary.at("/byStatus/" + s).asInt(), s);
            }
        }

        @Test
        void theSameRequestGivesTheSameBytes() {
            Run again = run("evaluate", "--input", SAMPLE.toString());
            assertEquals(mainSample().out(), again.out());
        }

        @Test
        void textFormatPrintsTheReportWithTheSameTotals() {
            Run r = run("evaluate", "--input", SAMPLE.toString(), "--format", "text");
            assertEquals(Main.OK, r.status(), r.err());
            assertEquals("", r.err());
            JsonNode json = mainSample().json();
            String sha = json.at("/ruleSet/sha256").asText();
            assertTrue(r.out().startsWith("dak-nong-2022@1.0.0  as of 2022-12-31  sha256 " + sha + "\n"), r.out());
            assertFalse(r.out().trim().startsWith("{"), "text, not JSON");
            // one row a record, e.g. Đắk Mil's annual record with its marks
            int records = json.at("/summary/records").asInt();
            for (int i = 0; i < records; i++) {
                assertTrue(Pattern.compile("(?m)^" + i + " +\\S+ +\\d{4}-\\d\\d-\\d\\d\\.\\.").matcher(r.out()).find(),
                        "no row for record " + i);
            }
            assertTrue(r.out().contains("huyen-dak-mil"));
            // the closing line has the JSON's counts
            JsonNode by = json.at("/summary/byStatus");
            String expected = records + " records: " + records + " evaluated, 0 rejected; results {"
                    + STATUSES.stream().map(s -> s + "=" + by.get(s).asInt()).collect(Collectors.joining(", ")) + "}";
            assertTrue(r.out().trim().endsWith(expected), "expected to end with " + expected + "\n" + r.out());
            assertFalse(r.out().contains("rejected records:"));
        }

        @Test
        void rejectedRecordsExitWith3AndAreReported() {
            Run r = run("evaluate", "--input", WITH_ERRORS.toString());
            assertEquals(Main.REJECTED, r.status(), r.err());
            assertEquals("", r.err());
            JsonNode response = r.json();
            assertEquals(7, response.at("/summary/records").asInt());
            assertEquals(2, response.at("/summary/evaluated").asInt());
            assertEquals(5, response.at("/summary/rejected").asInt());

            Map<Integer, String> codes = new TreeMap<>();
            for (JsonNode e : response.get("errors")) {
                codes.put(e.get("record").asInt(), e.get("code").asText());
                assertTrue(e.get("path").asText().startsWith("/records/" + e.get("record").asInt() + "/"), e.toString());
            }
            assertEquals(Map.of(1, "PART_EXCEEDS_WHOLE", 2, "ROLE_LEVEL_MISMATCH", 3, "UNKNOWN_METRIC",
                    4, "INVALID_DATE", 5, "PERIOD_REVERSED"), codes);
            assertEquals("/records/3/metrics/satisfaction.satisfed", response.at("/errors/2/path").asText());

            Set<Integer> evaluated = new TreeSet<>();
            response.get("results").forEach(t -> evaluated.add(t.get("record").asInt()));
            assertEquals(Set.of(0, 6), evaluated, "rejected records have no results; the others are evaluated");
            // the last record is still judged: exactly 60% at district level is not "trên 60%"
            assertEquals("NOT_MET", result(response, 6, "DOSSIER_ONLINE_L4").get("status").asText());
        }

        @Test
        void rejectedRecordsAreListedInTheTextReportToo() {
            Run r = run("evaluate", "--input", WITH_ERRORS.toString(), "--format", "text");
            assertEquals(Main.REJECTED, r.status());
            assertTrue(r.out().contains("rejected records:"), r.out());
            for (String code : List.of("PART_EXCEEDS_WHOLE", "ROLE_LEVEL_MISMATCH", "UNKNOWN_METRIC", "INVALID_DATE",
                    "PERIOD_REVERSED")) {
                assertTrue(r.out().contains(code), code);
            }
            assertTrue(r.out().contains("7 records: 2 evaluated, 5 rejected"), r.out());
        }

        @Test
        void readsStandardInputWithoutInput() {
            Run r = run(unsentReport(""), "evaluate");
            assertEquals(Main.OK, r.status(), r.err());
            JsonNode response = r.json();
            assertEquals("xa-dak-som", response.at("/results/0/unitId").asText());
            assertEquals("NOT_MET", result(response, 0, "COMPUTER_REPORT").get("status").asText());
        }

        @Test
        void aRequestThatIsNotJsonIsUnreadable(@TempDir Path dir) throws IOException {
            Path file = dir.resolve("request.json");
            Files.writeString(file, "asOf: 2022-12-31\nrecords: []\n");
            Run r = run("evaluate", "--input", file.toString());
            assertEquals(Main.UNREADABLE, r.status());
            assertEquals("", r.out(), "nothing on standard output");
            assertTrue(r.err().startsWith("kpi-cli: the request cannot be read: "), r.err());
            assertTrue(r.err().contains("not valid JSON"), r.err());
        }

        @Test
        void anUnknownRuleSetIsUnreadable() {
            Run r = run(unsentReport("\"ruleSet\":\"dak-nong-2099\","), "evaluate");
            assertEquals(Main.UNREADABLE, r.status());
            assertEquals("", r.out());
            assertTrue(r.err().contains("unknown rule set dak-nong-2099"), r.err());
            assertTrue(r.err().contains("/ruleSet"), r.err());
        }

        @Test
        void aRequestWithoutRecordsIsUnreadable() {
            Run r = run("{\"asOf\":\"2022-12-31\"}".getBytes(UTF_8), "evaluate");
            assertEquals(Main.UNREADABLE, r.status());
            assertEquals("", r.out());
            assertTrue(r.err().contains("records"), r.err());
        }

        @Test
        void aMissingFileIsUnreadable(@TempDir Path dir) {
            Path missing = dir.resolve("no-such-request.json");
            Run r = run("evaluate", "--input", missing.toString());
            assertEquals(Main.UNREADABLE, r.status());
            assertEquals("", r.out());
            assertTrue(r.err().contains("no such file") && r.err().contains("no-such-request.json"), r.err());
        }

        @Test
        void asOfOverridesTheRequestsDate() {
            // as of 31/12/2022 an unsent report is late; as of 10/3/2022 it is not yet due (reading 9)
            Run asGiven = run(unsentReport(""), "evaluate");
            assertEquals("2022-12-31", asGiven.json().get("asOf").asText());
            assertEquals("NOT_MET", result(asGiven.json(), 0, "COMPUTER_REPORT").get("status").asText());

            Run r = run(unsentReport(""), "evaluate", "--as-of", "2022-03-10");
            assertEquals(Main.OK, r.status(), r.err());
            JsonNode response = r.json();
            assertEquals("2022-03-10", response.get("asOf").asText());
            JsonNode report = result(response, 0, "COMPUTER_REPORT");
            assertEquals("PENDING", report.get("status").asText());
            assertEquals("NOT_YET_DUE", report.at("/reason/code").asText());

            Run eq = run(unsentReport(""), "evaluate", "--as-of=2022-03-15");
            assertEquals("2022-03-15", eq.json().get("asOf").asText());
            assertEquals("NOT_MET", result(eq.json(), 0, "COMPUTER_REPORT").get("status").asText());
        }

        @Test
        void anEarlierAsOfRejectsTheSamplesLaterSubmissions() {
            Run r = run("evaluate", "--input", SAMPLE.toString(), "--as-of", "2022-03-01");
            assertEquals(Main.REJECTED, r.status(), r.err());
            JsonNode response = r.json();
            assertEquals("2022-03-01", response.get("asOf").asText());
            assertTrue(response.at("/summary/rejected").asInt() > 0);
            for (JsonNode e : response.get("errors")) {
                assertEquals("SUBMITTED_AFTER_AS_OF", e.get("code").asText(), e.toString());
            }
        }

        @Test
        void aBadAsOfIsAUsageError() {
            Run r = run(unsentReport(""), "evaluate", "--as-of", "2022-02-30");
            assertUsageOnStderr(r);
            assertTrue(r.err().contains("2022-02-30"), r.err());
        }

        @Test
        void ruleSetOverridesTheRequestsRuleSet() {
            byte[] elsewhere = unsentReport("\"ruleSet\":\"no-such-set\",\"ruleSetVersion\":\"9.9.9\",");
            assertEquals(Main.UNREADABLE, run(elsewhere, "evaluate").status());

            Run pinned = run(elsewhere, "evaluate", "--rule-set", "dak-nong-2022@1.0.0");
            assertEquals(Main.OK, pinned.status(), pinned.err());
            assertEquals("dak-nong-2022", pinned.json().at("/ruleSet/id").asText());
            assertEquals("1.0.0", pinned.json().at("/ruleSet/version").asText());

            // ID alone is the newest version, whatever version the request asks for
            Run newest = run(elsewhere, "evaluate", "--rule-set", "dak-nong-2022");
            assertEquals(Main.OK, newest.status(), newest.err());
            assertEquals("dak-nong-2022", newest.json().at("/ruleSet/id").asText());
            assertEquals("NOT_MET", result(newest.json(), 0, "COMPUTER_REPORT").get("status").asText());
        }

        @Test
        void anUnknownRuleSetOnTheCommandLineIsUnreadable() {
            Run r = run(unsentReport(""), "evaluate", "--rule-set", "dak-nong-2022@9.9.9");
            assertEquals(Main.UNREADABLE, r.status());
            assertEquals("", r.out());
            assertTrue(r.err().contains("unknown rule set dak-nong-2022@9.9.9"), r.err());
        }
    }

    // ==================================================================================== targets

    @Nested
    class Targets {

        /** Target ID → clause, as TARGETS.md states them: the measurable table, then the INFO_* list. */
        static Map<String, String> documented() throws IOException {
            String md = Files.readString(TARGETS_MD, UTF_8);
            String table = md.substring(md.indexOf("## Measurable targets"), md.indexOf("## Readings"));
            Map<String, String> ids = new LinkedHashMap<>();
            Matcher row = Pattern.compile("(?m)^\\| `([A-Z0-9_]+)` \\| ([^|]+?) \\|").matcher(table);
            while (row.find()) {
                ids.put(row.group(1), row.group(2).trim());
            }
            Matcher info = Pattern.compile("`(INFO_[A-Z_]+)` \\(([^)]+)\\)").matcher(md);
            while (info.find()) {
                ids.put(info.group(1), info.group(2).trim());
            }
            return ids;
        }

        @Test
        void listsEveryTargetOfTargetsMdWithItsClause() throws IOException {
            Map<String, String> documented = documented();
            assertEquals(18, documented.keySet().stream().filter(id -> !id.startsWith("INFO_")).count(), documented
                    .toString());
            assertEquals(7, documented.keySet().stream().filter(id -> id.startsWith("INFO_")).count(),
                    documented.toString());

            Run r = run("targets", "--rule-set", "dak-nong-2022@1.0.0");
            assertEquals(Main.OK, r.status(), r.err());
            assertEquals("", r.err());
            assertTrue(r.out().startsWith("dak-nong-2022@1.0.0  sha256 "), r.out());

            Map<String, String> listed = new LinkedHashMap<>();
            Set<String> informational = new HashSet<>();
            Matcher m = Pattern.compile("(?m)^([A-Z][A-Z0-9_]+)  \\(clause ([^)]+)\\)(  informational)?$").matcher(r.out());
            while (m.find()) {
                assertFalse(listed.containsKey(m.group(1)), "listed twice: " + m.group(1));
                listed.put(m.group(1), m.group(2));
                if (m.group(3) != null) {
                    informational.add(m.group(1));
                }
            }
            assertEquals(documented, listed);
            assertEquals(documented.keySet().stream().filter(id -> id.startsWith("INFO_")).collect(Collectors.toSet()),
                    informational);
        }

        @Test
        void listsTheFiguresTheSpecificationGives() {
            String out = run("targets").out();
            assertTrue(out.contains("    - PROVINCE, year 2022: > 80%"), out);
            assertTrue(out.contains("    - DISTRICT, year 2022: > 30%"), out);
            assertTrue(out.contains("    - COMMUNE, year 2022: >= 35%"), out);
            assertTrue(out.contains("    - all levels, year 2025: = 100%"), out);
            assertTrue(out.contains("submitted before 2022-03-15"), out);
        }

        @Test
        void theFingerprintIsTheOneEvaluateReports() {
            String first = run("targets", "--rule-set", "dak-nong-2022@1.0.0").out().lines().findFirst().orElseThrow();
            assertEquals("dak-nong-2022@1.0.0  sha256 " + mainSample().json().at("/ruleSet/sha256").asText(), first);
        }

        @Test
        void withoutARuleSetTheNewestVersionIsListed() {
            Run r = run("targets", "--rule-set", "dak-nong-2022@1.1.0");
            assertEquals(Main.OK, r.status());
            assertTrue(r.out().startsWith("dak-nong-2022@1.1.0  sha256 "), r.out());
            assertEquals(run("targets").out(), r.out());
        }

        @Test
        void anUnknownRuleSetIsUnreadable() {
            Run r = run("targets", "--rule-set", "nope");
            assertEquals(Main.UNREADABLE, r.status());
            assertEquals("", r.out());
            assertTrue(r.err().contains("unknown rule set nope"), r.err());
        }
    }

    // ==================================================================================== usage

    @Nested
    class Usage {

        @Test
        void anUnknownCommandIsOneLine() {
            Run r = run("evaluat", "--input", SAMPLE.toString());
            assertUsageOnStderr(r);
            assertTrue(r.err().startsWith("kpi-cli: unknown command \"evaluat\""), r.err());
        }

        @Test
        void anUnknownOptionIsOneLineThatPointsToTheCommandsHelp() {
            Run r = run("evaluate", "--inptu", SAMPLE.toString());
            assertUsageOnStderr(r);
            assertTrue(r.err().startsWith("kpi-cli: unknown option \"--inptu\""), r.err());
            assertTrue(r.err().contains("kpi-cli evaluate --help"), r.err());
        }

        @Test
        void anOptionOfAnotherCommandIsOneLine() {
            Run r = run("targets", "--format", "text");
            assertUsageOnStderr(r);
            assertTrue(r.err().contains("unknown option \"--format\""), r.err());
        }

        @Test
        void anOptionWithoutValueIsOneLine() {
            Run r = run("evaluate", "--input");
            assertUsageOnStderr(r);
            assertTrue(r.err().contains("--input needs a value"), r.err());
        }

        @Test
        void aRepeatedOptionIsOneLine() {
            Run r = run("evaluate", "--input", SAMPLE.toString(), "--input", WITH_ERRORS.toString());
            assertUsageOnStderr(r);
            assertTrue(r.err().contains("--input is given twice"), r.err());
        }

        @Test
        void anUnknownFormatIsOneLine() {
            Run r = run("evaluate", "--input", SAMPLE.toString(), "--format", "xml");
            assertUsageOnStderr(r);
            assertTrue(r.err().contains("--format must be json, text, csv or html"), r.err());
        }

        @Test
        void helpGoesToStandardOutput() {
            for (String[] args : List.of(new String[] {"help"}, new String[] {"--help"}, new String[] {"-h"})) {
                Run r = run(args);
                assertEquals(Main.OK, r.status());
                assertEquals("", r.err());
                assertTrue(r.out().startsWith("usage: kpi-cli <command> [options]"), r.out());
            }
        }
    }

    // ==================================================================================== the sample

    @Nested
    class Sample {

        record Key(String unit, String from, String to) {
        }

        static Map<Key, Integer> index(JsonNode sample) {
            Map<Key, Integer> index = new LinkedHashMap<>();
            JsonNode records = sample.get("records");
            for (int i = 0; i < records.size(); i++) {
                JsonNode r = records.get(i);
                Key k = new Key(r.at("/unit/id").asText(), r.at("/period/from").asText(), r.at("/period/to").asText());
                assertEquals(null, index.put(k, i), "same unit and period twice: " + k);
            }
            return index;
        }

        static int annual(Map<Key, Integer> index, String unit) {
            Integer i = index.get(new Key(unit, "2022-01-01", "2022-12-31"));
            assertNotNull(i, "no 2022 record for " + unit);
            return i;
        }

        @Test
        void theCommittedSampleIsWhatTheGeneratorWrites() throws IOException {
            String generated = SampleProvince.json();
            assertEquals(generated, SampleProvince.json(), "the generator is deterministic");
            assertSameText(generated, Files.readString(SAMPLE, UTF_8), SAMPLE.toString());
            try (InputStream packaged = SampleProvince.class.getResourceAsStream(SampleProvince.RESOURCE)) {
                assertNotNull(packaged, "the sample is on the classpath at " + SampleProvince.RESOURCE);
                assertSameText(generated, new String(packaged.readAllBytes(), UTF_8), SampleProvince.RESOURCE);
            }
        }

        /** Fails at the first line that differs, rather than printing two copies of the whole file. */
        static void assertSameText(String generated, String file, String where) {
            List<String> want = generated.lines().toList();
            List<String> got = file.replace("\r\n", "\n").lines().toList();
            for (int i = 0; i < Math.max(want.size(), got.size()); i++) {
                String w = i < want.size() ? want.get(i) : "<end of file>";
                String g = i < got.size() ? got.get(i) : "<end of file>";
                assertEquals(w, g, where + " differs from what SampleProvince writes at line " + (i + 1)
                        + "; regenerate with: java -cp kpi-examples/target/kpi-cli.jar "
                        + "io.github.cqskpi.examples.SampleProvince");
            }
            assertEquals(generated, file.replace("\r\n", "\n"), where);
        }

        @Test
        void theSampleIsTheProvince() throws IOException {
            JsonNode sample = read(SAMPLE);
            assertTrue(Files.size(SAMPLE) < 1_000_000, "under 1 MB");
            assertEquals("2022-12-31", sample.get("asOf").asText());
            assertEquals("dak-nong-2022", sample.get("ruleSet").asText());

            Map<String, JsonNode> units = new LinkedHashMap<>();
            for (JsonNode r : sample.get("records")) {
                JsonNode u = r.get("unit");
                JsonNode before = units.putIfAbsent(u.get("id").asText(), u);
                assertTrue(before == null || before.equals(u), "one unit, one description: " + u);
                assertTrue(u.get("id").asText().matches("[a-z0-9]+(-[a-z0-9]+)*"), "ascii slug: " + u.get("id"));
            }
            Map<String, Long> perLevel = units.values().stream()
                    .collect(Collectors.groupingBy(u -> u.get("level").asText(), TreeMap::new, Collectors.counting()));
            assertEquals(8L, perLevel.get("DISTRICT"));
            assertEquals(71L, perLevel.get("COMMUNE"));
            assertTrue(perLevel.get("PROVINCE") >= 20, perLevel.toString());
            assertEquals(Set.of("thanh-pho-gia-nghia", "huyen-cu-jut", "huyen-krong-no", "huyen-dak-mil",
                    "huyen-dak-song", "huyen-dak-glong", "huyen-dak-rlap", "huyen-tuy-duc"),
                    units.values().stream().filter(u -> u.get("level").asText().equals("DISTRICT"))
                            .map(u -> u.get("id").asText()).collect(Collectors.toSet()));

            Map<String, List<String>> byRole = new TreeMap<>();
            for (JsonNode u : units.values()) {
                u.get("roles").forEach(role -> byRole.computeIfAbsent(role.asText(), k -> new ArrayList<>())
                        .add(u.get("id").asText() + " " + u.get("level").asText()));
            }
            assertEquals(Map.of("DIC", List.of("so-thong-tin-va-truyen-thong PROVINCE"),
                    "NEWSPAPER", List.of("bao-dak-nong PROVINCE"),
                    "BROADCASTER", List.of("dai-phat-thanh-va-truyen-hinh PROVINCE")), byRole);

            // names keep their diacritics
            assertEquals("UBND xã Quảng Sơn, huyện Đắk Glong", units.get("xa-quang-son").get("name").asText());
            assertEquals("UBND huyện Đắk R'lấp", units.get("huyen-dak-rlap").get("name").asText());
            assertEquals("Sở Thông tin và Truyền thông", units.get("so-thong-tin-va-truyen-thong").get("name").asText());
        }

        @Test
        void everyUnitHasItsYearAndThePressItsMonths() {
            JsonNode sample = read(SAMPLE);
            Map<Key, Integer> index = index(sample);
            Set<String> units = new LinkedHashSet<>();
            index.keySet().forEach(k -> units.add(k.unit()));
            for (String u : units) {
                JsonNode metrics = sample.at("/records/" + annual(index, u) + "/metrics");
                for (String key : List.of("documents.total", "procedures.eligible", "results.valid",
                        "dossiers.paperRequested", "dossiers.level4.total", "dossiers.level3.total",
                        "satisfaction.responses", "payments.total", "staff.total", "reports.computers.submittedOn")) {
                    assertTrue(metrics.has(key), u + " lacks " + key);
                }
            }
            for (String press : List.of("bao-dak-nong", "dai-phat-thanh-va-truyen-hinh")) {
                for (int month = 1; month <= 12; month++) {
                    LocalDate from = LocalDate.of(2022, month, 1);
                    Integer i = index.get(new Key(press, from.toString(), from.plusMonths(1).minusDays(1).toString()));
                    assertNotNull(i, press + " has no record for month " + month);
                    long issues = sample.at("/records/" + i + "/metrics/media.dtColumnIssues").asLong(-1);
                    assertTrue(issues >= 0 && issues <= 4, press + " " + month + ": " + issues);
                }
            }
            JsonNode dic = sample.at("/records/" + annual(index, "so-thong-tin-va-truyen-thong") + "/metrics");
            for (String key : List.of("systems.required", "systems.connected", "reports.computersConsolidated.submittedOn",
                    "reports.sectorSystems.submittedOn", "milestones.reportingSystemUpgraded",
                    "milestones.dtPortalSection")) {
                assertTrue(dic.has(key), "the DIC lacks " + key);
            }
        }

        @Test
        void monthlyPaymentsAddUpToTheYear() {
            JsonNode sample = read(SAMPLE);
            Map<Key, Integer> index = index(sample);
            int units = 0;
            for (String unit : List.of("thanh-pho-gia-nghia", "so-ke-hoach-va-dau-tu", "so-giao-thong-van-tai",
                    "phuong-nghia-thanh")) {
                long total = 0;
                long online = 0;
                for (int month = 1; month <= 12; month++) {
                    LocalDate from = LocalDate.of(2022, month, 1);
                    Integer i = index.get(new Key(unit, from.toString(), from.plusMonths(1).minusDays(1).toString()));
                    assertNotNull(i, unit + " month " + month);
                    total += sample.at("/records/" + i + "/metrics/payments.total").asLong();
                    online += sample.at("/records/" + i + "/metrics/payments.online").asLong();
                }
                JsonNode year = sample.at("/records/" + annual(index, unit) + "/metrics");
                assertEquals(year.get("payments.total").asLong(), total, unit);
                assertEquals(year.get("payments.online").asLong(), online, unit);
                units++;
            }
            assertEquals(4, units);
        }

        @Test
        void theAnnualTrendComparesWithThePreviousYearNotWithAMonth() {
            JsonNode sample = read(SAMPLE);
            Map<Key, Integer> index = index(sample);
            JsonNode response = mainSample().json();
            for (String unit : List.of("thanh-pho-gia-nghia", "phuong-nghia-thanh")) {
                Integer baseline = index.get(new Key(unit, "2021-01-01", "2021-12-31"));
                assertNotNull(baseline, unit);
                JsonNode previous = result(response, annual(index, unit), "ONLINE_PAYMENT_TREND").at("/actual/previous");
                assertEquals(sample.at("/records/" + baseline + "/metrics/payments.total").asLong(),
                        previous.get("denominator").asLong(), unit);
                assertEquals(sample.at("/records/" + baseline + "/metrics/payments.online").asLong(),
                        previous.get("numerator").asLong(), unit);
                JsonNode january = result(response, index.get(new Key(unit, "2022-01-01", "2022-01-31")),
                        "ONLINE_PAYMENT_TREND");
                assertEquals(previous, january.at("/actual/previous"), "January also follows 2021");
            }
            // a commune of Tuy Đức has no 2021 figure
            JsonNode noBaseline = result(response, annual(index, "xa-quang-truc"), "ONLINE_PAYMENT_TREND");
            assertEquals("INSUFFICIENT_DATA", noBaseline.get("status").asText());
            assertEquals("NO_PREVIOUS_RECORD", noBaseline.at("/reason/code").asText());
        }

        @Test
        void unitsOnAThresholdGetTheVerdictTheTextGives() {
            JsonNode response = mainSample().json();
            Map<Key, Integer> index = index(read(SAMPLE));
            int exact = 0;
            for (Map.Entry<String, Map<String, String>> unit : SampleProvince.pinned().entrySet()) {
                for (Map.Entry<String, String> target : unit.getValue().entrySet()) {
                    JsonNode r = result(response, annual(index, unit.getKey()), target.getKey());
                    assertEquals(target.getValue(), r.get("status").asText(), unit.getKey() + " " + target.getKey());
                    JsonNode percent = r.at("/required/percent");
                    if (!percent.isMissingNode() && !r.at("/actual/numerator").isMissingNode()) {
                        // the figures sit exactly on the threshold: numerator × 100 = threshold × denominator
                        BigDecimal lhs = new BigDecimal(r.at("/actual/numerator").bigIntegerValue()).multiply(
                                BigDecimal.valueOf(100));
                        BigDecimal rhs = new BigDecimal(percent.asText()).multiply(
                                new BigDecimal(r.at("/actual/denominator").bigIntegerValue()));
                        assertEquals(0, lhs.compareTo(rhs), unit.getKey() + " " + target.getKey() + " is off "
                                + percent.asText() + "%");
                        exact++;
                    }
                }
            }
            assertTrue(exact >= 8, "ratios exactly on a threshold: " + exact);

            // the three headline cases, spelled out
            JsonNode dakMil = result(response, annual(index, "huyen-dak-mil"), "DOSSIER_ONLINE_L4");
            assertEquals("NOT_MET", dakMil.get("status").asText(), "exactly 60% is not 'trên 60%'");
            assertEquals("60.00", dakMil.at("/actual/percent").asText());
            assertEquals(">", dakMil.at("/required/operator").asText());
            JsonNode quangSon = result(response, annual(index, "xa-quang-son"), "RESULT_DIGITIZATION");
            assertEquals("MET", quangSon.get("status").asText(), "exactly 35% is 'tối thiểu 35%'");
            assertEquals("35.00", quangSon.at("/actual/percent").asText());
            assertEquals(">=", quangSon.at("/required/operator").asText());
            JsonNode tuPhap = result(response, annual(index, "so-tu-phap"), "SATISFACTION");
            assertEquals("MET", tuPhap.get("status").asText(), "exactly 90% is 'Đạt 90%'");
            assertEquals("90.00", tuPhap.at("/actual/percent").asText());

            // reading 3: submitted on the deadline day is late, the day before is in time
            assertEquals("2022-03-15",
                    result(response, annual(index, "so-noi-vu"), "COMPUTER_REPORT").at("/actual/date").asText());
            assertEquals("2022-03-14",
                    result(response, annual(index, "huyen-tuy-duc"), "COMPUTER_REPORT").at("/actual/date").asText());
        }

        @Test
        void aRateThatStaysPutIsNoRise() {
            JsonNode response = mainSample().json();
            Map<Key, Integer> index = index(read(SAMPLE));
            JsonNode june = result(response, index.get(new Key("phuong-nghia-thanh", "2022-06-01", "2022-06-30")),
                    "ONLINE_PAYMENT_TREND");
            assertEquals("NOT_MET", june.get("status").asText());
            JsonNode c = june.at("/actual/current");
            JsonNode p = june.at("/actual/previous");
            BigInteger lhs = c.get("numerator").bigIntegerValue().multiply(p.get("denominator").bigIntegerValue());
            BigInteger rhs = p.get("numerator").bigIntegerValue().multiply(c.get("denominator").bigIntegerValue());
            assertEquals(lhs, rhs, "June's rate equals May's");
            assertTrue(c.get("denominator").asLong() != p.get("denominator").asLong(), "with other counts");
        }

        @Test
        void thePressIsJudgedMonthByMonth() {
            JsonNode response = mainSample().json();
            Map<Key, Integer> index = index(read(SAMPLE));
            JsonNode march = result(response, index.get(new Key("bao-dak-nong", "2022-03-01", "2022-03-31")),
                    "MEDIA_DT_COLUMN");
            assertEquals("MET", march.get("status").asText());
            assertEquals(2, march.at("/actual/value").asInt());
            JsonNode august = result(response, index.get(new Key("bao-dak-nong", "2022-08-01", "2022-08-31")),
                    "MEDIA_DT_COLUMN");
            assertEquals("NOT_MET", august.get("status").asText());
            assertEquals(1, august.at("/actual/value").asInt());
            JsonNode year = result(response, annual(index, "bao-dak-nong"), "MEDIA_DT_COLUMN");
            assertEquals("INSUFFICIENT_DATA", year.get("status").asText());
            assertEquals("NOT_ONE_CALENDAR_MONTH", year.at("/reason/code").asText());
        }

        @Test
        void everyTargetForAllUnitsHasUnitsThatPassAndUnitsThatFail() {
            JsonNode response = mainSample().json();
            Map<String, Set<String>> statuses = new TreeMap<>();
            for (JsonNode r : response.get("results")) {
                if (r.at("/period/from").asText().equals("2022-01-01") && r.at("/period/to").asText().equals("2022-12-31")) {
                    statuses.computeIfAbsent(r.get("target").asText(), k -> new TreeSet<>()).add(r.get("status").asText());
                }
            }
            for (String target : List.of("DOC_ELECTRONIC", "DOC_SIGNED", "PROC_LEVEL4", "PROC_NATIONAL_PORTAL",
                    "RESULT_DIGITIZATION", "NO_PAPER_RESUBMISSION", "DOSSIER_ONLINE_L4", "DOSSIER_ONLINE_L3",
                    "SATISFACTION", "ONLINE_PAYMENT_TREND", "STAFF_COMPUTERS", "COMPUTER_REPORT")) {
                assertTrue(statuses.get(target).containsAll(Set.of("MET", "NOT_MET")), target + " " + statuses.get(target));
            }
        }
    }
}
