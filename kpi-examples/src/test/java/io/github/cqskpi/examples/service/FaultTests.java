package io.github.cqskpi.examples.service;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cqskpi.DecisionRecord;
import io.github.cqskpi.ErrorCode;
import io.github.cqskpi.EvaluationRequest;
import io.github.cqskpi.EvaluationResponse;
import io.github.cqskpi.KpiEngine;
import io.github.cqskpi.RecordError;
import io.github.cqskpi.RequestOverrides;
import io.github.cqskpi.RuleSetInfo;
import io.github.cqskpi.Status;
import io.github.cqskpi.TargetResult;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults: a rule that throws while the engine runs (the test rule set in
 * {@code kpi-examples/faulty-rule-set}, compiled by kie-maven-plugin like any rule set), rule
 * sets that are corrupt or missing (start-up fails naming the file), a service whose engine
 * fails (500 without detail), and the decision log.
 */
class FaultTests {

    static final String FAULTY = "io/github/cqskpi/testing/faulty/v1_0_0/";
    static final String MODEL_LIST = "META-INF/kie/io.github.cqskpi/kpi-test-faulty-rule-set/drools-model";

    /** A class loader whose rule set index lists the given descriptors, the rest from the test's classpath. */
    static ClassLoader listing(Path dir, String... descriptors) throws IOException {
        Path index = dir.resolve("META-INF/cqs-kpi/rule-sets");
        Files.createDirectories(index.getParent());
        Files.writeString(index, String.join("\n", descriptors) + "\n");
        return new URLClassLoader(new URL[] {dir.toUri().toURL()}, FaultTests.class.getClassLoader());
    }

    static byte[] resource(String path) throws IOException {
        try (InputStream in = FaultTests.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IOException(path + " is not on the test classpath");
            }
            return in.readAllBytes();
        }
    }

    static String record(String id, int signed, int electronic) {
        return "{\"unit\":{\"id\":\"" + id + "\",\"level\":\"COMMUNE\"},\"period\":{\"from\":\"2024-01-01\","
                + "\"to\":\"2024-12-31\"},\"metrics\":{\"documents.electronic\":" + electronic + ",\"documents.signed\":"
                + signed + ",\"dossiers.level4.total\":10,\"dossiers.level4.online\":5}}";
    }

    static EvaluationResponse evaluate(KpiEngine engine, List<String> records) throws IOException {
        String json = "{\"asOf\":\"2024-12-31\",\"ruleSet\":\"faulty-test\",\"records\":[" + String.join(",", records)
                + "]}";
        return engine.evaluateJson(new ByteArrayInputStream(json.getBytes(UTF_8)), RequestOverrides.none());
    }

    @Test
    void aRuleThatThrowsFailsItsRecordNamingTheRuleAndTheOthersAreJudged(@TempDir Path dir) throws Exception {
        KpiEngine engine = KpiEngine.builder().classLoader(listing(dir, FAULTY + "ruleset.json")).build();
        EvaluationResponse r = evaluate(engine, List.of(record("a", 9, 10), record("boom-consequence", 9, 10),
                record("b", 1, 10), record("boom-condition", 9, 10), record("c", 5, 10)));

        assertEquals(5, r.summary().records());
        assertEquals(3, r.summary().evaluated());
        assertEquals(2, r.summary().rejected());
        Map<Integer, List<RecordError>> errors = r.errors().stream().collect(Collectors.groupingBy(RecordError::record));
        assertEquals(List.of(1, 3), errors.keySet().stream().sorted().toList());
        RecordError consequence = errors.get(1).get(0);
        assertEquals(ErrorCode.RULE_FAILED, consequence.code());
        assertEquals("/records/1", consequence.path());
        assertEquals(Optional.of("boom-consequence"), consequence.unitId());
        assertTrue(consequence.message().contains("rule \"T_SIGNED throws for boom-consequence\""), consequence.message());
        assertFalse(consequence.message().contains("secret"), "the exception's own words stay in the log");
        assertEquals(ErrorCode.RULE_FAILED, errors.get(3).get(0).code());
        assertTrue(errors.get(3).get(0).message().contains("failed while matching"), errors.get(3).get(0).message());
        assertTrue(errors.get(3).get(0).message().contains("T_ONLINE fails to match boom-condition"),
                errors.get(3).get(0).message());

        assertTrue(r.results().stream().noneMatch(t -> t.record() == 1 || t.record() == 3), "never a verdict");
        Map<String, Status> verdicts = r.results().stream()
                .collect(Collectors.toMap(t -> t.unitId() + " " + t.target(), TargetResult::status));
        assertEquals(Map.of("a T_SIGNED", Status.MET, "a T_ONLINE", Status.MET, "b T_SIGNED", Status.NOT_MET,
                "b T_ONLINE", Status.MET, "c T_SIGNED", Status.MET, "c T_ONLINE", Status.MET), verdicts);
    }

    @Test
    void aFailingRecordInALargeBatchLeavesTheOthersVerdictsAsTheyWouldBe(@TempDir Path dir) throws Exception {
        KpiEngine engine = KpiEngine.builder().classLoader(listing(dir, FAULTY + "ruleset.json")).build();
        List<String> clean = new ArrayList<>();
        for (int i = 0; i < 2500; i++) {
            clean.add(record("u" + i, i % 11, 10));
        }
        List<String> hostile = new ArrayList<>(clean);
        hostile.set(700, record("boom-consequence", 1, 10));
        hostile.set(1500, record("boom-condition", 1, 10));
        EvaluationResponse good = evaluate(engine, clean);
        EvaluationResponse bad = evaluate(engine, hostile);
        assertEquals(2498, bad.summary().evaluated());
        assertEquals(List.of(700, 1500), bad.errors().stream().map(RecordError::record).toList());
        List<TargetResult> expected = good.results().stream().filter(t -> t.record() != 700 && t.record() != 1500)
                .toList();
        assertEquals(expected, bad.results());
    }

    @Test
    void theFaultyRuleSetIsInvisibleUnlessListed() {
        assertTrue(KpiEngine.builder().build().ruleSet("faulty-test").isEmpty());
    }

    @Test
    void aDescriptorThatIsNotJsonFailsAtStartUpNamingTheFile(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("broken"));
        Files.writeString(dir.resolve("broken/ruleset.json"), "{ \"id\": \"broken\", ");
        ClassLoader loader = listing(dir, "broken/ruleset.json");
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> KpiEngine.builder().classLoader(loader).build());
        assertTrue(e.getMessage().contains("broken/ruleset.json"), e.getMessage());
    }

    @Test
    void aDescriptorWithAWrongFieldFailsAtStartUpNamingTheFile(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("wrong"));
        Files.writeString(dir.resolve("wrong/ruleset.json"), new String(resource(FAULTY + "ruleset.json"), UTF_8)
                .replace("\"1.0.0\"", "\"one\""));
        ClassLoader loader = listing(dir, "wrong/ruleset.json");
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> KpiEngine.builder().classLoader(loader).build());
        assertTrue(e.getMessage().contains("wrong/ruleset.json") && e.getMessage().contains("\"one\""), e.getMessage());
    }

    @Test
    void anIndexThatListsAMissingDescriptorFailsAtStartUpNamingIt(@TempDir Path dir) throws Exception {
        ClassLoader loader = listing(dir, "nowhere/ruleset.json");
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> KpiEngine.builder().classLoader(loader).build());
        assertTrue(e.getMessage().contains("nowhere/ruleset.json") && e.getMessage().contains("not on the classpath"),
                e.getMessage());
    }

    @Test
    void aDrlPackageWithoutAnExecutableModelFailsAtStartUpNamingTheFile(@TempDir Path dir) throws Exception {
        Path folder = Files.createDirectories(dir.resolve("nomodel"));
        Files.writeString(folder.resolve("ruleset.json"), new String(resource(FAULTY + "ruleset.json"), UTF_8)
                .replace("\"faulty-test\"", "\"no-model\"")
                .replace("io.github.cqskpi.testing.faulty.v1_0_0", "io.github.cqskpi.testing.nomodel"));
        Files.writeString(folder.resolve("targets.drl"), new String(resource(FAULTY + "targets.drl"), UTF_8)
                .replace("io.github.cqskpi.testing.faulty.v1_0_0", "io.github.cqskpi.testing.nomodel"));
        ClassLoader loader = listing(dir, "nomodel/ruleset.json");
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> KpiEngine.builder().classLoader(loader).build());
        assertTrue(e.getMessage().contains("nomodel/ruleset.json"), e.getMessage());
        assertTrue(e.getMessage().contains("expected one executable model for DRL package io.github.cqskpi.testing.nomodel"),
                e.getMessage());
    }

    /** The faulty rule set's descriptor and DRL in a folder of their own, its rule set id changed. */
    static void copyFaulty(Path dir, String folder, String id) throws IOException {
        Path f = Files.createDirectories(dir.resolve(folder));
        Files.writeString(f.resolve("ruleset.json"), new String(resource(FAULTY + "ruleset.json"), UTF_8)
                .replace("\"faulty-test\"", "\"" + id + "\""));
        Files.write(f.resolve("targets.drl"), resource(FAULTY + "targets.drl"));
    }

    @Test
    void aModelIndexThatListsAMissingModelListFailsAtStartUpNamingBoth(@TempDir Path dir) throws Exception {
        copyFaulty(dir, "listed", "listed-test");
        Path index = dir.resolve("META-INF/cqs-kpi/drools-models");
        Files.createDirectories(index.getParent());
        Files.writeString(index, "# one list\nMETA-INF/kie/nowhere/drools-model\n");
        ClassLoader loader = listing(dir, "listed/ruleset.json");
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> KpiEngine.builder().classLoader(loader).build());
        assertTrue(e.getMessage().contains("listed/ruleset.json"), e.getMessage());
        assertTrue(e.getMessage().contains("META-INF/cqs-kpi/drools-models lists META-INF/kie/nowhere/drools-model,"
                + " which is not there"), e.getMessage());
    }

    @Test
    void aModelIndexIsReadInsteadOfAScanAndOneThatMissesThePackageFallsBackToTheScan(@TempDir Path dir)
            throws Exception {
        // Listed: the model list is where the index says, a place no scan looks (models are
        // found once per jar or folder, so each case has a folder of its own).
        Path a = Files.createDirectories(dir.resolve("a"));
        copyFaulty(a, "listed", "listed-test");
        write(a.resolve("lists/models"), resource(MODEL_LIST));
        write(a.resolve("META-INF/cqs-kpi/drools-models"), "lists/models\n".getBytes(UTF_8));
        assertEquals(List.of("T_ONLINE", "T_SIGNED"), targets(listing(a, "listed/ruleset.json"), "listed-test"));
        // The index names a list without this package's model (a shaded jar may keep one jar's
        // index only): the scan finds it under another name.
        Path b = Files.createDirectories(dir.resolve("b"));
        copyFaulty(b, "listed", "listed-test");
        write(b.resolve(MODEL_LIST), "Drools-Model-Version:10.2.0\n".getBytes(UTF_8));
        write(b.resolve("META-INF/kie/other/elsewhere/drools-model"), resource(MODEL_LIST));
        write(b.resolve("META-INF/cqs-kpi/drools-models"), (MODEL_LIST + "\n").getBytes(UTF_8));
        assertEquals(List.of("T_ONLINE", "T_SIGNED"), targets(listing(b, "listed/ruleset.json"), "listed-test"));
    }

    private static void write(Path file, byte[] bytes) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
    }

    private static List<String> targets(ClassLoader loader, String id) {
        return KpiEngine.builder().classLoader(loader).build().ruleSets().stream()
                .filter(r -> r.ref().id().equals(id)).findFirst().orElseThrow()
                .targets().stream().map(t -> t.id()).sorted().toList();
    }

    @Test
    void aRuleNamingATargetTheDescriptorLacksFailsAtStartUpNamingTheFile(@TempDir Path dir) throws Exception {
        // The compiled rules of the faulty rule set, beside a descriptor that no longer declares T_ONLINE.
        Path folder = Files.createDirectories(dir.resolve("unknowntarget"));
        String descriptor = new String(resource(FAULTY + "ruleset.json"), UTF_8).replace("\"faulty-test\"", "\"unknown-target\"");
        int online = descriptor.indexOf(",\n    {\n      \"id\": \"T_ONLINE\"");
        assertTrue(online > 0, "the descriptor's layout changed");
        descriptor = descriptor.substring(0, online) + "\n  ]\n}\n";
        Files.writeString(folder.resolve("ruleset.json"), descriptor);
        Files.write(folder.resolve("targets.drl"), resource(FAULTY + "targets.drl"));
        Path models = dir.resolve(MODEL_LIST);
        Files.createDirectories(models.getParent());
        Files.write(models, resource(MODEL_LIST));
        ClassLoader loader = listing(dir, "unknowntarget/ruleset.json");
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> KpiEngine.builder().classLoader(loader).build());
        assertTrue(e.getMessage().contains("unknowntarget/ruleset.json"), e.getMessage());
        assertTrue(e.getMessage().contains("names target T_ONLINE, which the descriptor lacks"), e.getMessage());
    }

    /** An engine whose evaluation fails as a bug would, with internal detail in its message. */
    static final class BrokenEngine implements KpiEngine {
        @Override
        public EvaluationResponse evaluate(EvaluationRequest request) {
            throw new IllegalStateException("secret: /opt/app/internal/State.java line 42");
        }

        @Override
        public EvaluationResponse evaluateJson(InputStream json, RequestOverrides overrides) {
            throw new IllegalStateException("secret: /opt/app/internal/State.java line 42");
        }

        @Override
        public void writeJson(EvaluationResponse response, OutputStream out) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<RuleSetInfo> ruleSets() {
            return List.of();
        }

        @Override
        public Optional<RuleSetInfo> ruleSet(String id) {
            return Optional.empty();
        }

        @Override
        public Optional<RuleSetInfo> ruleSet(String id, String version) {
            return Optional.empty();
        }

        @Override
        public Optional<String> defaultRuleSet() {
            return Optional.empty();
        }
    }

    @Test
    void theServicesFiveHundredCarriesNoInternalDetail() throws Exception {
        try (KpiService s = KpiService.start(new BrokenEngine(), 0, 4096)) {
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + s.port() + "/v1/evaluate"))
                    .POST(HttpRequest.BodyPublishers.ofString(KpiServiceTests.REQUEST)).build(),
                    HttpResponse.BodyHandlers.ofString(UTF_8));
            assertEquals(500, r.statusCode());
            assertEquals("{\"error\":{\"status\":500,\"code\":\"INTERNAL_ERROR\","
                    + "\"message\":\"the service failed; no result was produced\"}}", r.body());
            assertFalse(r.body().contains("secret") || r.body().contains("IllegalState"), r.body());
        }
    }

    @Test
    void theServiceNamesTheFailedRuleButNotWhatItThrew(@TempDir Path dir) throws Exception {
        try (KpiService s = KpiService.start(KpiEngine.builder().classLoader(listing(dir, FAULTY + "ruleset.json")),
                "127.0.0.1", 0, 4096, null)) {
            String body = "{\"asOf\":\"2024-12-31\",\"ruleSet\":\"faulty-test\",\"records\":["
                    + record("boom-consequence", 1, 2) + "," + record("fine", 1, 2) + "]}";
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + s.port() + "/v1/evaluate"))
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString(UTF_8));
            assertEquals(200, r.statusCode());
            assertTrue(r.body().contains("\"code\":\"RULE_FAILED\""), r.body());
            assertTrue(r.body().contains("\"unitId\":\"fine\""), r.body());
            assertFalse(r.body().contains("secret"), r.body());
        }
    }

    static String sha256(byte[] b) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    }

    @Test
    void theDecisionLogHookGetsOneRecordPerEvaluatedRequest() throws Exception {
        List<DecisionRecord> log = new CopyOnWriteArrayList<>();
        KpiEngine engine = KpiEngine.builder().decisionLog(log::add).build();
        byte[] request = KpiServiceTests.REQUEST.getBytes(UTF_8);
        EvaluationResponse r = engine.evaluateJson(new ByteArrayInputStream(request), RequestOverrides.none());
        assertEquals(1, log.size());
        DecisionRecord d = log.get(0);
        assertEquals(r.ruleSet(), d.ruleSet());
        assertEquals(Optional.of(sha256(request)), d.requestSha256());
        assertEquals(r.summary(), d.summary());
        assertEquals(r.asOf(), d.asOf());
        assertThrows(io.github.cqskpi.UnreadableRequestException.class,
                () -> engine.evaluateJson(new ByteArrayInputStream("{".getBytes(UTF_8)), RequestOverrides.none()));
        assertEquals(1, log.size(), "an unreadable request is not a decision");
        engine.evaluate(EvaluationRequest.of(io.github.cqskpi.UnitRecord.of(
                io.github.cqskpi.Unit.of("xa-a", io.github.cqskpi.Level.COMMUNE), io.github.cqskpi.Period.year(2022))));
        assertEquals(Optional.empty(), log.get(1).requestSha256(), "Java objects have no bytes to hash");
    }

    @Test
    void theServiceWritesOneDecisionLogLinePerDeliveredResponseInTheEnginesLineFormat(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("decisions.jsonl");
        try (KpiService s = KpiService.start(KpiEngine.builder(), "127.0.0.1", 0, 4096, file)) {
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + s.port() + "/v1/evaluate"))
                    .POST(HttpRequest.BodyPublishers.ofString(KpiServiceTests.REQUEST)).build(),
                    HttpResponse.BodyHandlers.ofString(UTF_8));
            assertEquals(200, r.statusCode());
        }
        List<String> lines = Files.readAllLines(file);
        assertEquals(1, lines.size());
        String line = lines.get(0);
        assertTrue(line.matches("\\{\"time\":\"[0-9T:.Z-]+\",\"ruleSet\":\"dak-nong-2022@1\\.1\\.0\",\"ruleSetSha256\":"
                + "\"[0-9a-f]{64}\",\"requestSha256\":\"" + sha256(KpiServiceTests.REQUEST.getBytes(UTF_8))
                + "\",\"asOf\":\"2022-12-31\",\"records\":1,\"evaluated\":1,\"rejected\":0,\"byStatus\":\\{\"MET\":1,"
                + "\"NOT_MET\":0,\"PENDING\":0,\"NOT_APPLICABLE\":0,\"INSUFFICIENT_DATA\":11\\}\\}"), line);
    }
}
