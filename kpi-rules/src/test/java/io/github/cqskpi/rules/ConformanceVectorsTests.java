package io.github.cqskpi.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cqskpi.KpiEngine;
import io.github.cqskpi.conformance.CaseResult;
import io.github.cqskpi.conformance.Conformance;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every conformance vector shipped beside each rule set version of this module against
 * the real engine, one dynamic test a vector.
 */
class ConformanceVectorsTests {

    static final KpiEngine ENGINE = KpiEngine.builder().build();

    static final Path RESOURCES = Path.of("src/main/resources");

    /** A rule set version's folder of vectors, with the id and version its descriptor declares. */
    record VectorSet(String id, String version, Path dir) {
        String name() {
            return id + "@" + version;
        }
    }

    static List<VectorSet> vectorSets() {
        ObjectMapper json = new ObjectMapper();
        try (Stream<Path> walk = Files.walk(RESOURCES)) {
            return walk.filter(p -> p.getFileName().toString().equals("ruleset.json"))
                    .filter(p -> Files.isDirectory(p.resolveSibling("conformance")))
                    .map(p -> {
                        try {
                            JsonNode d = json.readTree(p.toFile());
                            return new VectorSet(d.get("id").asText(), d.get("version").asText(),
                                    p.resolveSibling("conformance"));
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    })
                    .sorted(java.util.Comparator.comparing(VectorSet::name))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @TestFactory
    Stream<DynamicNode> everyShippedVectorPasses() {
        List<VectorSet> sets = vectorSets();
        assertFalse(sets.isEmpty(), "no conformance folders under " + RESOURCES.toAbsolutePath());
        return sets.stream().map(set -> {
            List<CaseResult> results = Conformance.of(ENGINE).runAll(set.dir());
            assertFalse(results.isEmpty(), "no vectors in " + set.dir());
            return DynamicContainer.dynamicContainer(set.name(), results.stream().map(r ->
                    DynamicTest.dynamicTest(r.name() + ": " + r.description(),
                            () -> assertTrue(r.passed(), () -> String.join("\n", r.mismatches())))));
        });
    }

    @Test
    void aVectorThatExpectsAWrongStatusFails() {
        byte[] request = ("{\"asOf\":\"2022-12-31\",\"records\":[{\"unit\":{\"id\":\"x\",\"level\":\"COMMUNE\"},"
                + "\"period\":{\"from\":\"2022-01-01\",\"to\":\"2022-12-31\"},"
                + "\"metrics\":{\"dossiers.level4.total\":100,\"dossiers.level4.online\":40}}]}").getBytes();
        byte[] wrong = ("{\"description\":\"wrong on purpose\",\"records\":[{\"record\":0,"
                + "\"results\":{\"DOSSIER_ONLINE_L4\":\"MET\"},\"otherResults\":\"INSUFFICIENT_DATA/MISSING_KEYS\"}]}")
                .getBytes();
        CaseResult r = Conformance.of(ENGINE).run("wrong", request, wrong);
        assertFalse(r.passed());
        assertEquals(List.of("record 0, DOSSIER_ONLINE_L4: expected MET, got NOT_MET"), r.mismatches());
    }

    @Test
    void aVectorThatExpectsAWrongGapFails() {
        byte[] request = ("{\"asOf\":\"2022-12-31\",\"records\":[{\"unit\":{\"id\":\"x\",\"level\":\"COMMUNE\"},"
                + "\"period\":{\"from\":\"2022-01-01\",\"to\":\"2022-12-31\"},"
                + "\"metrics\":{\"dossiers.level4.total\":100,\"dossiers.level4.online\":40}}]}").getBytes();
        // More than 40% of 100 needs 41: the gap is +1, not +2; and a level's roll-up is checked too.
        byte[] wrong = ("{\"description\":\"wrong on purpose\",\"records\":[{\"record\":0,"
                + "\"results\":{\"DOSSIER_ONLINE_L4\":\"NOT_MET\"},"
                + "\"gaps\":{\"DOSSIER_ONLINE_L4\":{\"key\":\"dossiers.level4.online\",\"change\":2}},"
                + "\"otherResults\":\"INSUFFICIENT_DATA/MISSING_KEYS\"}],"
                + "\"levels\":[{\"level\":\"COMMUNE\",\"period\":{\"from\":\"2022-01-01\",\"to\":\"2022-12-31\"},"
                + "\"target\":\"DOSSIER_ONLINE_L4\",\"status\":\"NOT_MET\",\"gap\":null}]}").getBytes();
        CaseResult r = Conformance.of(ENGINE).run("wrong", request, wrong);
        assertFalse(r.passed());
        assertEquals(List.of("record 0, DOSSIER_ONLINE_L4: expected gap dossiers.level4.online+2, got"
                + " dossiers.level4.online+1", "level COMMUNE 2022-01-01..2022-12-31 DOSSIER_ONLINE_L4: expected"
                + " NOT_MET gap null, got NOT_MET gap dossiers.level4.online+1"), r.mismatches());
    }
}
