package io.github.cqskpi.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The directive's base keys are data shipped with the rule set, and the contract's table of
 * keys is that data in words: the two cannot drift apart.
 */
class BaseVocabularyTests {

    static final String VOCABULARY = "io/github/cqskpi/rules/daknong2022/vocabulary.json";
    static final Pattern ROW = Pattern.compile("^\\| `([a-zA-Z0-9.]+)` \\| (count|date or `null`|boolean) \\|([^|]*)\\|$");
    static final Pattern WHOLE = Pattern.compile("≤ `([a-zA-Z0-9.]+)`");

    static JsonNode vocabulary() throws IOException {
        try (InputStream in = BaseVocabularyTests.class.getClassLoader().getResourceAsStream(VOCABULARY)) {
            assertNotNull(in, VOCABULARY + " is on the classpath");
            return new ObjectMapper().readTree(in);
        }
    }

    @Test
    void theContractsTableOfKeysIsTheBaseVocabularyInOrderWithTypesAndWholes() throws IOException {
        List<String> documented = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of("../docs/CONTRACT.md"))) {
            Matcher m = ROW.matcher(line);
            if (m.matches()) {
                String type = m.group(2).startsWith("date") ? "date" : m.group(2).equals("boolean") ? "flag" : "count";
                Matcher w = WHOLE.matcher(m.group(3));
                documented.add(m.group(1) + " " + type + (w.find() ? " ≤ " + w.group(1) : ""));
            }
        }
        List<String> shipped = new ArrayList<>();
        for (JsonNode k : vocabulary().get("metrics")) {
            shipped.add(k.get("key").asText() + " " + k.get("type").asText()
                    + (k.has("whole") ? " ≤ " + k.get("whole").asText() : ""));
        }
        assertEquals(27, shipped.size());
        assertEquals(shipped, documented);
    }

    @Test
    void theRolesAreTheDirectivesThreeProvincialBodies() throws IOException {
        List<String> roles = new ArrayList<>();
        for (JsonNode r : vocabulary().get("roles")) {
            roles.add(r.get("id").asText() + " " + r.get("levels"));
        }
        assertEquals(List.of("DIC [\"PROVINCE\"]", "NEWSPAPER [\"PROVINCE\"]", "BROADCASTER [\"PROVINCE\"]"), roles);
    }
}
