package io.github.cqskpi.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * README.md's "Property-based checks for testers" and the tester project that CI builds and
 * runs (kpi-examples/tester, outside the reactor): the project's POM holds every line of the
 * README's Maven block and its property class is the README's Java block, so a tester who
 * follows the README gets a project that compiles and runs its properties.
 */
class ReadmeTesterExampleTests {

    static final String SECTION = "## Property-based checks for testers";
    static final Path TESTER = Path.of("tester");
    static final Path PROPERTIES = TESTER.resolve("src/test/java/org/example/tester/ThresholdProperties.java");

    @Test
    void theTesterRunsTheReadmePropertyLineForLine() throws IOException {
        List<String> readme = ReadmeBlocks.block(SECTION, "java", 0);
        List<String> file = Files.readAllLines(PROPERTIES, StandardCharsets.UTF_8);
        assertEquals("package org.example.tester;", file.get(0));
        assertEquals("", file.get(1));
        assertEquals(String.join("\n", readme), String.join("\n", file.subList(2, file.size())),
                "README.md's property block and " + PROPERTIES + " (after its package line) differ;"
                        + " change both, then run the tester project (see .ci/run)");
    }

    @Test
    void theTesterAddsWhatTheReadmeListsAndNothingElse() throws IOException {
        List<String> xml = ReadmeBlocks.block(SECTION, "xml", 0);
        String block = String.join("\n", xml);
        for (String needed : List.of("<type>test-jar</type>", "<artifactId>jqwik</artifactId>",
                "<artifactId>junit-jupiter</artifactId>", "<include>**/*Properties.java</include>")) {
            assertTrue(block.contains(needed), "the README's tester block has " + needed);
        }
        Path pom = TESTER.resolve("pom.xml");
        assertNull(ReadmeBlocks.missingFromPom(xml, pom, System.getProperty("cqskpi.version")),
                "tester/pom.xml holds every line of the README's tester block, in order");
        String text = Files.readString(pom, StandardCharsets.UTF_8);
        assertEquals(6, text.split("<dependency>", -1).length - 1,
                "tester/pom.xml has the BOM, kpi-core and kpi-rules (\"Use it from Java\") and the README's three");
        assertFalse(text.contains("<parent>"), "tester/pom.xml stands alone, as a tester's project does");
        assertTrue(text.contains("<cqskpi.version>" + System.getProperty("cqskpi.version") + "</cqskpi.version>"),
                "tester/pom.xml asks for the version being built");
    }

    @Test
    void theReadmesVersionsAreTheBuildsOwn() throws IOException {
        String block = String.join("\n", ReadmeBlocks.block(SECTION, "xml", 0));
        String parent = Files.readString(Path.of("..", "pom.xml"), StandardCharsets.UTF_8);
        for (String property : List.of("jqwik.version", "junit.version")) {
            int at = parent.indexOf("<" + property + ">");
            String version = parent.substring(at + property.length() + 2, parent.indexOf("</" + property + ">", at));
            assertTrue(block.contains("<version>" + version + "</version>"),
                    "the README names " + property + " " + version + ", the one the build tests with");
        }
    }

    @Test
    void theBomManagesTheTestKit() throws IOException {
        String bom = Files.readString(Path.of("..", "kpi-core", "bom", "pom.xml"), StandardCharsets.UTF_8);
        assertTrue(bom.replaceAll("\\s+", "").contains("<artifactId>kpi-core</artifactId><version>${project.version}"
                + "</version><type>test-jar</type>"), "kpi-bom manages kpi-core's test-jar");
    }
}
