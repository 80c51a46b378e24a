package io.github.cqskpi.examples;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cqskpi.ErrorCode;
import io.github.cqskpi.EvaluationResponse;
import io.github.cqskpi.KpiEngine;
import io.github.cqskpi.RequestOverrides;
import io.github.cqskpi.UnknownRuleSetException;
import io.github.cqskpi.UnreadableRequestException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which rule set a request gets when it names none is data: the id a jar names in
 * {@code META-INF/cqs-kpi/default-rule-set}. Each rule set brings its own keys and roles.
 */
class DefaultRuleSetTests {

    static final String EMPTY = "{\"asOf\":\"2024-12-31\",\"records\":[]}";

    static EvaluationResponse evaluate(KpiEngine engine, String json, RequestOverrides overrides) throws IOException {
        return engine.evaluateJson(new ByteArrayInputStream(json.getBytes(UTF_8)), overrides);
    }

    /** The test classpath, plus a jar-like folder that names {@code id} as the default. */
    static ClassLoader declaring(Path dir, String id) throws IOException {
        Path file = dir.resolve("META-INF/cqs-kpi/default-rule-set");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "# another jar's choice\n" + id + "\n");
        return new URLClassLoader(new URL[] {dir.toUri().toURL()}, DefaultRuleSetTests.class.getClassLoader());
    }

    @Test
    void theRulesJarNamesTheDirectiveAsTheDefault() throws IOException {
        KpiEngine engine = KpiEngine.builder().build();
        assertEquals(Optional.of("dak-nong-2022"), engine.defaultRuleSet());
        assertEquals("dak-nong-2022", evaluate(engine, EMPTY, RequestOverrides.none()).ruleSet().id());
    }

    @Test
    void twoJarsNamingTwoDefaultsLeaveNoneAndARequestThatNamesNoneIsRefused(@TempDir Path dir) throws IOException {
        KpiEngine engine = KpiEngine.builder().classLoader(declaring(dir, "example-province-2024")).build();
        assertEquals(Optional.empty(), engine.defaultRuleSet());
        UnreadableRequestException e = assertThrows(UnreadableRequestException.class,
                () -> evaluate(engine, EMPTY, RequestOverrides.none()));
        assertEquals("/ruleSet", e.path());
        assertTrue(e.getMessage().contains("names no rule set and none is the default"), e.getMessage());
        assertTrue(e.getMessage().contains("dak-nong-2022") && e.getMessage().contains("example-province-2024"),
                "names the choices: " + e.getMessage());
        // A request that names its rule set is not affected.
        assertEquals("example-province-2024", evaluate(engine,
                "{\"ruleSet\":\"example-province-2024\",\"records\":[]}", RequestOverrides.none()).ruleSet().id());
    }

    @Test
    void twoJarsNamingTheSameDefaultAgree(@TempDir Path dir) throws IOException {
        KpiEngine engine = KpiEngine.builder().classLoader(declaring(dir, "dak-nong-2022")).build();
        assertEquals(Optional.of("dak-nong-2022"), engine.defaultRuleSet());
    }

    @Test
    void aDefaultThatIsNotLoadedFailsAtStartUpNamingIt(@TempDir Path dir) throws IOException {
        ClassLoader loader = declaring(dir, "no-such-rule-set");
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> KpiEngine.builder().classLoader(loader).build());
        assertTrue(e.getMessage().contains("names no-such-rule-set as the default rule set, which is not loaded"),
                e.getMessage());
    }

    @Test
    void aDescriptorNamingAMissingVocabularyFailsAtStartUpNamingIt(@TempDir Path dir) throws IOException {
        Path folder = Files.createDirectories(dir.resolve("novocabulary"));
        Files.writeString(folder.resolve("ruleset.json"), new String(DefaultRuleSetTests.class.getClassLoader()
                .getResourceAsStream("io/github/cqskpi/testing/faulty/v1_0_0/ruleset.json").readAllBytes(), UTF_8).replace("\"faulty-test\"", "\"no-vocabulary\"")
                .replace("\"drl\": {", "\"vocabulary\": \"../nowhere/vocabulary.json\",\n  \"drl\": {"));
        Path index = Files.createDirectories(dir.resolve("META-INF/cqs-kpi")).resolve("rule-sets");
        Files.writeString(index, "novocabulary/ruleset.json\n");
        ClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader());
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> KpiEngine.builder().classLoader(loader).build());
        assertTrue(e.getMessage().contains("novocabulary/ruleset.json cannot be loaded: /vocabulary names "
                + "../nowhere/vocabulary.json, which is not beside the descriptor"), e.getMessage());
    }

    @Test
    void anUnknownRuleSetAskedForInPlaceOfTheRequestsIsReportedOutsideTheRequest() {
        KpiEngine engine = KpiEngine.builder().build();
        UnknownRuleSetException e = assertThrows(UnknownRuleSetException.class,
                () -> evaluate(engine, EMPTY, RequestOverrides.none().withRuleSet("nope@1.0.0")));
        assertEquals("", e.path(), "not a part of the request");
        assertTrue(e.getMessage().startsWith("unknown rule set nope@1.0.0; loaded: "), e.getMessage());
        assertTrue(!e.getMessage().contains("--"), "the library names no command line option: " + e.getMessage());
    }

    @Test
    void theExampleRuleSetKnowsOnlyTheKeysItDeclaresNotTheDirectivesBase() throws IOException {
        KpiEngine engine = KpiEngine.builder().build();
        String record = "{\"unit\":{\"id\":\"%s\",\"level\":\"PROVINCE\",\"roles\":[\"%s\"]},"
                + "\"period\":{\"from\":\"2024-01-01\",\"to\":\"2024-12-31\"},\"metrics\":{\"%s\":1}}";
        String json = "{\"asOf\":\"2024-12-31\",\"ruleSet\":\"example-province-2024\",\"records\":["
                + record.formatted("hub", "DIGITAL_HUB", "staff.total") + "," + record.formatted("dic", "DIC", "staff.total") + ","
                + record.formatted("hub-2", "DIGITAL_HUB", "dossiers.level4.total") + "]}";
        EvaluationResponse r = evaluate(engine, json, RequestOverrides.none());
        assertEquals(2, r.errors().size(), r.errors().toString());
        assertEquals("/records/1/unit/roles/0", r.errors().get(0).path());
        assertEquals(ErrorCode.INVALID_ROLE, r.errors().get(0).code());
        assertEquals("/records/2/metrics/dossiers.level4.total", r.errors().get(1).path());
        assertEquals(ErrorCode.UNKNOWN_METRIC, r.errors().get(1).code());
        assertTrue(r.errors().get(1).message().contains("not declared by the rule set"), r.errors().get(1).message());
    }
}
