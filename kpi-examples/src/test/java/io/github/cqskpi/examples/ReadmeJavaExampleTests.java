package io.github.cqskpi.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * README.md's "Use it from Java" example and the consumer project that CI compiles and runs
 * (kpi-examples/consumer, outside the reactor) hold the same lines, imports included, so the
 * README cannot show code that no longer compiles or no longer prints what it says; and the
 * consumer's POM holds what the README's Maven block tells a user to write.
 */
class ReadmeJavaExampleTests {

    static final Path CONSUMER = Path.of("consumer");
    static final Path CONSUMER_EXAMPLE = CONSUMER.resolve("src/test/java/org/example/consumer/ReadmeExample.java");
    static final String BEGIN = "// README \"Use it from Java\": begin";
    static final String END = "// README \"Use it from Java\": end";

    @Test
    void theConsumerRunsTheReadmeExampleLineForLine() throws IOException {
        List<String> readme = ReadmeBlocks.block("## Use it from Java", "java", 0);
        List<String> consumer = new ArrayList<>(ReadmeBlocks.imports(CONSUMER_EXAMPLE));
        consumer.add("");
        consumer.addAll(ReadmeBlocks.between(CONSUMER_EXAMPLE, BEGIN, END));
        assertFalse(readme.isEmpty(), "README.md has a java block under \"## Use it from Java\"");
        assertEquals(String.join("\n", readme), String.join("\n", consumer),
                "README.md's \"Use it from Java\" block and " + CONSUMER_EXAMPLE + " (its imports, then the lines"
                        + " between its markers) differ; change both, then run the consumer (see .ci/run)");
    }

    @Test
    void theConsumerHoldsWhatTheReadmesMavenBlockShows() throws IOException {
        List<String> xml = ReadmeBlocks.block("## Use it from Java", "xml", 0);
        assertTrue(xml.stream().anyMatch(l -> l.strip().equals("<release>17</release>")),
                "the README's Maven block compiles for Java 17");
        assertNull(ReadmeBlocks.missingFromPom(xml, CONSUMER.resolve("pom.xml"), System.getProperty("cqskpi.version")),
                "consumer/pom.xml holds every line of the README's Maven block, in order");
    }

    @Test
    void theConsumerAsksForThisVersionThroughTheBom() throws IOException {
        String version = System.getProperty("cqskpi.version");
        assertTrue(version != null && !version.isEmpty(), "surefire passes the project's version");
        String pom = Files.readString(CONSUMER.resolve("pom.xml"), StandardCharsets.UTF_8);
        assertTrue(pom.contains("<cqskpi.version>" + version + "</cqskpi.version>"),
                "consumer/pom.xml asks for CQS KPI " + version + ", the version being built");
        assertTrue(pom.contains("<artifactId>kpi-bom</artifactId>"), "consumer/pom.xml imports the BOM");
        assertFalse(pom.contains("<parent>"), "consumer/pom.xml stands alone, as a user's project does");
    }
}
