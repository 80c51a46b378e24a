package io.github.cqskpi.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * README.md's "Use it from Java" example and the consumer project that CI compiles and runs
 * (kpi-examples/consumer, outside the reactor) hold the same lines, so the README cannot show
 * code that no longer compiles or no longer prints what it says.
 */
class ReadmeJavaExampleTests {

    static final Path README = Path.of("..", "README.md");
    static final Path CONSUMER = Path.of("consumer");
    static final Path CONSUMER_TEST = CONSUMER.resolve("src/test/java/org/example/consumer/ReadmeExampleTests.java");
    static final String BEGIN = "// README \"Use it from Java\": begin";
    static final String END = "// README \"Use it from Java\": end";

    @Test
    void theConsumerRunsTheReadmeExampleLineForLine() throws IOException {
        List<String> readme = readmeExample();
        List<String> consumer = consumerExample();
        assertFalse(readme.isEmpty(), "README.md has a java block under \"## Use it from Java\"");
        assertEquals(String.join("\n", readme), String.join("\n", consumer),
                "README.md's \"Use it from Java\" block and " + CONSUMER_TEST + " between its markers differ;"
                        + " change both, then run the consumer (see .ci/run)");
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

    /** The first java block after the heading, as written. */
    static List<String> readmeExample() throws IOException {
        String text = Files.readString(README, StandardCharsets.UTF_8);
        int section = text.indexOf("\n## Use it from Java\n");
        assertTrue(section >= 0, "README.md has a \"## Use it from Java\" section");
        Matcher m = Pattern.compile("\n```java\n(.*?)\n```\n", Pattern.DOTALL).matcher(text);
        assertTrue(m.find(section), "that section has a java block");
        return m.group(1).lines().toList();
    }

    /** The consumer's lines between the markers, less the indentation they share. */
    static List<String> consumerExample() throws IOException {
        List<String> lines = Files.readAllLines(CONSUMER_TEST, StandardCharsets.UTF_8);
        int from = -1;
        int to = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).strip().equals(BEGIN)) {
                from = i + 1;
            } else if (lines.get(i).strip().equals(END)) {
                to = i;
            }
        }
        assertTrue(from > 0 && to >= from, CONSUMER_TEST + " marks the example with\n" + BEGIN + "\n" + END);
        List<String> block = lines.subList(from, to);
        int indent = Integer.MAX_VALUE;
        for (String line : block) {
            if (!line.isBlank()) {
                indent = Math.min(indent, line.length() - line.stripLeading().length());
            }
        }
        List<String> out = new ArrayList<>();
        for (String line : block) {
            out.add(line.isBlank() ? "" : line.substring(indent));
        }
        return out;
    }
}
