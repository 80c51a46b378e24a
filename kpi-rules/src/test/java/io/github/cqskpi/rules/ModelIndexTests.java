package io.github.cqskpi.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The jar says where its executable-model lists are ({@code META-INF/cqs-kpi/drools-models}), so
 * that the engine need not scan for them: the path it gives must be the one kie-maven-plugin
 * writes, which follows the artifactId, or loading would fall back to the scan unnoticed.
 */
class ModelIndexTests {

    @Test
    void theModelIndexNamesTheListThatHoldsTheModelOfTheRuleSetsDrlPackage() throws IOException {
        ClassLoader loader = ModelIndexTests.class.getClassLoader();
        List<URL> indexes = Collections.list(loader.getResources("META-INF/cqs-kpi/drools-models"));
        assertEquals(1, indexes.size(), "one index on this module's classpath: " + indexes);
        List<String> models = new ArrayList<>();
        for (String path : lines(indexes.get(0))) {
            URL list = loader.getResource(path);
            assertNotNull(list, "the index lists " + path + ", which is not on the classpath");
            models.addAll(lines(list));
        }
        assertTrue(models.stream().anyMatch(m -> m.startsWith("io.github.cqskpi.rules.daknong2022.v1_0_0.Rules")),
                "the listed model lists name the model of the rule set's DRL package: " + models);
    }

    private static List<String> lines(URL url) throws IOException {
        List<String> out = new ArrayList<>();
        try (InputStream in = url.openStream()) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                line = line.trim();
                if (!line.isEmpty() && !line.startsWith("#") && !line.startsWith("Drools-Model-Version")) {
                    out.add(line);
                }
            }
        }
        return out;
    }
}
