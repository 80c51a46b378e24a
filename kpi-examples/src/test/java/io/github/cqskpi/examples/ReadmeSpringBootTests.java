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
 * README.md's "Use it from Spring Boot" and the Spring Boot project that CI builds and tests
 * (kpi-examples/spring-boot, outside the reactor) say the same: the project imports the BOMs
 * the README shows, in its order, with the Jackson this build tests kpi-core with.
 */
class ReadmeSpringBootTests {

    static final String SECTION = "## Use it from Spring Boot";
    static final Path APP = Path.of("spring-boot");

    static String property(String pom, String name) {
        int at = pom.indexOf("<" + name + ">");
        assertTrue(at >= 0, "the POM sets " + name);
        return pom.substring(at + name.length() + 2, pom.indexOf("</" + name + ">", at));
    }

    @Test
    void theApplicationImportsTheBomsTheReadmeShowsInItsOrder() throws IOException {
        List<String> xml = ReadmeBlocks.block(SECTION, "xml", 0);
        assertNull(ReadmeBlocks.missingFromPom(xml, APP.resolve("pom.xml"), System.getProperty("cqskpi.version")),
                "spring-boot/pom.xml holds every line of the README's block, in order");
        String block = String.join("\n", xml);
        assertTrue(block.indexOf("jackson-bom") < block.indexOf("spring-boot-dependencies"),
                "the README imports Jackson's BOM before Boot's");
    }

    @Test
    void itPinsTheJacksonThisBuildTestsWith() throws IOException {
        String parent = Files.readString(Path.of("..", "pom.xml"), StandardCharsets.UTF_8);
        String app = Files.readString(APP.resolve("pom.xml"), StandardCharsets.UTF_8);
        String jackson = property(parent, "jackson.version");
        assertEquals(jackson, property(app, "jackson.version"));
        String section = String.join("\n", ReadmeBlocks.block(SECTION, "xml", 0));
        assertTrue(section.contains("<version>" + jackson + "</version>"), "the README names Jackson " + jackson);
    }

    @Test
    void itStandsAloneOnThisVersionWithoutBootsParent() throws IOException {
        String app = Files.readString(APP.resolve("pom.xml"), StandardCharsets.UTF_8);
        assertFalse(app.contains("<parent>"), "spring-boot/pom.xml has no parent, Boot's or ours");
        assertEquals(System.getProperty("cqskpi.version"), property(app, "cqskpi.version"));
        assertTrue(app.contains("<parameters>true</parameters>") && app.contains("<release>17</release>"),
                "it sets what Boot's parent would set for the compiler");
    }
}
