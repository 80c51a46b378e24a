package io.github.cqskpi.internal.input;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.github.cqskpi.internal.ruleset.Vocabulary;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes records both ways, through a {@link JsonTree} with {@link RecordDecoder} (the oracle) and
 * straight from the parser with {@link TokenRecordDecoder}, and checks the two drafts are the same
 * in every part a later stage reads, problems and their order included.
 */
final class BothDecoders {

    private BothDecoders() {
    }

    /** One record, decoded both ways; the token decoder's draft. */
    static RecordDraft decode(int index, String json, Vocabulary v, JsonFactory f) throws IOException {
        RecordDraft tree;
        try (JsonParser p = f.createParser(json)) {
            p.nextToken();
            tree = RecordDecoder.decode(index, JsonTree.read(p), v);
        }
        RecordDraft tokens;
        try (JsonParser p = f.createParser(json)) {
            p.nextToken();
            tokens = new TokenRecordDecoder(v).decode(index, p);
            assertNull(p.nextToken(), "the decoder leaves the parser on the record's last token");
        }
        assertSame(tree, tokens, json);
        return tokens;
    }

    /**
     * Records in a JSON array, decoded both ways, one token decoder for them all (as a reading
     * pass does), each draft checked against the tree's.
     */
    static List<RecordDraft> decodeAll(String array, Vocabulary v, JsonFactory f) throws IOException {
        List<RecordDraft> trees = new ArrayList<>();
        try (JsonParser p = f.createParser(array)) {
            p.nextToken();
            for (int i = 0; p.nextToken() != JsonToken.END_ARRAY; i++) {
                trees.add(RecordDecoder.decode(i, JsonTree.read(p), v));
            }
        }
        List<RecordDraft> out = new ArrayList<>();
        TokenRecordDecoder decoder = new TokenRecordDecoder(v);
        try (JsonParser p = f.createParser(array)) {
            p.nextToken();
            for (int i = 0; p.nextToken() != JsonToken.END_ARRAY; i++) {
                out.add(decoder.decode(i, p));
            }
            assertNull(p.nextToken());
        }
        assertEquals(trees.size(), out.size());
        for (int i = 0; i < out.size(); i++) {
            assertSame(trees.get(i), out.get(i), array);
        }
        return out;
    }

    static void assertSame(RecordDraft tree, RecordDraft tokens, String json) {
        assertEquals(tree.errors(), tokens.errors(), () -> "problems of " + json);
        assertEquals(tree.index, tokens.index, json);
        assertEquals(tree.unitId, tokens.unitId, json);
        assertEquals(tree.name, tokens.name, json);
        assertEquals(tree.level, tokens.level, json);
        assertEquals(tree.levelText, tokens.levelText, json);
        assertEquals(tree.roles, tokens.roles, json);
        assertEquals(tree.from, tokens.from, json);
        assertEquals(tree.to, tokens.to, json);
        assertEquals(tree.fromText, tokens.fromText, json);
        assertEquals(tree.toText, tokens.toText, json);
        assertArrayEquals(tree.values, tokens.values, json);
        assertEquals(tree.rejected(), tokens.rejected(), json);
    }
}
