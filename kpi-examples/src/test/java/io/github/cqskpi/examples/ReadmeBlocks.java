package io.github.cqskpi.examples;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The code blocks of README.md, and the checks that tie them to the projects beside the build. */
final class ReadmeBlocks {

    static final Path README = Path.of("..", "README.md");

    private ReadmeBlocks() {
    }

    /** The {@code n}th (from 0) block of the language after the heading, as written. */
    static List<String> block(String heading, String language, int n) throws IOException {
        String text = Files.readString(README, StandardCharsets.UTF_8);
        int section = text.indexOf("\n" + heading + "\n");
        assertTrue(section >= 0, "README.md has a \"" + heading + "\" section");
        int next = text.indexOf("\n## ", section + 1);
        Matcher m = Pattern.compile("\n```" + language + "\n(.*?)\n```\n", Pattern.DOTALL).matcher(text);
        int from = section;
        for (int i = 0; i <= n; i++) {
            assertTrue(m.find(from) && (next < 0 || m.start() < next),
                    "\"" + heading + "\" has " + (n + 1) + " " + language + " block(s)");
            from = m.end() - 1;
        }
        return m.group(1).lines().toList();
    }

    /** The lines of a file between two marker lines, less the indentation they share. */
    static List<String> between(Path file, String begin, String end) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        int from = -1;
        int to = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).strip().equals(begin)) {
                from = i + 1;
            } else if (lines.get(i).strip().equals(end)) {
                to = i;
            }
        }
        assertTrue(from > 0 && to >= from, file + " marks the example with\n" + begin + "\n" + end);
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

    /** A Java file's import lines, static ones first, as written. */
    static List<String> imports(Path file) throws IOException {
        List<String> out = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.startsWith("import ")) {
                out.add(line);
            }
        }
        return out;
    }

    /**
     * The first README line (stripped) that a POM does not hold in the README's order, or
     * null when the POM holds every line of the block in order, with {@code ${cqskpi.version}}
     * read as the version the README names and the POM's other properties as it sets them.
     */
    static String missingFromPom(List<String> readmeXml, Path pom, String version) throws IOException {
        String text = Files.readString(pom, StandardCharsets.UTF_8);
        Map<String, String> properties = new HashMap<>();
        int from = text.indexOf("<properties>");
        if (from >= 0) {
            Matcher m = Pattern.compile("<([\\w.-]+)>([^<]*)</\\1>")
                    .matcher(text.substring(from, text.indexOf("</properties>", from)));
            while (m.find()) {
                properties.put(m.group(1), m.group(2));
            }
        }
        properties.put("cqskpi.version", version);
        List<String> have = new ArrayList<>();
        for (String line : text.lines().toList()) {
            String stripped = line.strip();
            for (Map.Entry<String, String> p : properties.entrySet()) {
                stripped = stripped.replace("${" + p.getKey() + "}", p.getValue());
            }
            have.add(stripped);
        }
        int at = 0;
        for (String line : readmeXml) {
            String want = line.strip();
            if (want.isEmpty()) {
                continue;
            }
            while (at < have.size() && !have.get(at).equals(want)) {
                at++;
            }
            if (at == have.size()) {
                return want;
            }
            at++;
        }
        return null;
    }
}
