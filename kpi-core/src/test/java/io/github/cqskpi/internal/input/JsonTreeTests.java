package io.github.cqskpi.internal.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonTreeTests {

    static JsonTree.Node parse(String json) throws IOException {
        try (JsonParser p = new JsonFactory().createParser(json)) {
            p.nextToken();
            return JsonTree.read(p);
        }
    }

    @Test
    void aKeyGivenTwiceIsListedOnceAndTheFirstValueIsKept() throws IOException {
        JsonTree.Obj o = (JsonTree.Obj) parse("{\"a\":1,\"b\":2,\"a\":3,\"a\":4}");
        assertEquals(List.of("a"), o.duplicates());
        assertEquals(new JsonTree.Num("1", true), o.get("a"));
        assertEquals(List.of("a", "b"), List.copyOf(o.fields().keySet()));
    }

    @Test
    void severalDuplicatesAreListedInTheOrderTheyRepeat() throws IOException {
        JsonTree.Obj o = (JsonTree.Obj) parse("{\"x\":1,\"y\":2,\"y\":3,\"x\":4}");
        assertEquals(List.of("y", "x"), o.duplicates());
    }

    @Test
    void duplicatesAreFoundInNestedObjectsOnly() throws IOException {
        JsonTree.Obj o = (JsonTree.Obj) parse("{\"m\":{\"k\":1,\"k\":2},\"n\":[{\"k\":1},{\"k\":2}]}");
        assertTrue(o.duplicates().isEmpty());
        assertEquals(List.of("k"), ((JsonTree.Obj) o.get("m")).duplicates());
        JsonTree.Arr n = (JsonTree.Arr) o.get("n");
        assertTrue(((JsonTree.Obj) n.items().get(0)).duplicates().isEmpty());
    }

    @Test
    void keysThatDifferOnlyInEscapesAreTheSameKey() throws IOException {
        JsonTree.Obj o = (JsonTree.Obj) parse("{\"a\\u0062\":1,\"ab\":2}");
        assertEquals(List.of("ab"), o.duplicates());
    }

    @Test
    void numbersKeepHowTheyWereWritten() throws IOException {
        assertEquals(new JsonTree.Num("12", true), parse("12"));
        assertEquals(new JsonTree.Num("-0", true), parse("-0"));
        assertEquals(new JsonTree.Num("12.0", false), parse("12.0"));
        assertEquals(new JsonTree.Num("1e3", false), parse("1e3"));
        assertEquals("integer", parse("7").typeName());
        assertEquals("number with a fraction or exponent", parse("7.5").typeName());
    }

    @Test
    void everyKindOfValue() throws IOException {
        assertEquals(new JsonTree.Str("x"), parse("\"x\""));
        assertEquals(new JsonTree.Bool(true), parse("true"));
        assertEquals(new JsonTree.Bool(false), parse("false"));
        assertSame(JsonTree.Null.INSTANCE, parse("null"));
        JsonTree.Arr a = (JsonTree.Arr) parse("[1,\"a\",[],{}]");
        assertEquals(4, a.items().size());
        assertInstanceOf(JsonTree.Arr.class, a.items().get(2));
        assertInstanceOf(JsonTree.Obj.class, a.items().get(3));
        assertEquals("array", a.typeName());
        assertEquals("object", a.items().get(3).typeName());
        assertEquals("string", parse("\"\"").typeName());
        assertEquals("boolean", parse("true").typeName());
        assertEquals("null", parse("null").typeName());
        assertFalse(((JsonTree.Obj) parse("{}")).fields().containsKey("x"));
    }

    @Test
    void readingPastTheEndFails() throws IOException {
        try (JsonParser p = new JsonFactory().createParser("")) {
            p.nextToken();
            assertThrows(IOException.class, () -> JsonTree.read(p));
        }
    }

    @Test
    void pointerSegmentsEscapeTildeThenSlash() {
        assertEquals("documents.total", JsonTree.pointerSegment("documents.total"));
        assertEquals("a~1b", JsonTree.pointerSegment("a/b"));
        assertEquals("a~0b", JsonTree.pointerSegment("a~b"));
        assertEquals("~01", JsonTree.pointerSegment("~1"));
        assertEquals("~0~1", JsonTree.pointerSegment("~/"));
        assertEquals("~1a", JsonTree.pointerSegment("/a"));
        assertEquals("~0a", JsonTree.pointerSegment("~a"));
    }

    @Test
    void showQuotesStringsAndCutsLongOnes() throws IOException {
        assertEquals("\"ab\"", JsonTree.show(new JsonTree.Str("ab")));
        assertEquals("12.5", JsonTree.show(new JsonTree.Num("12.5", false)));
        assertEquals("true", JsonTree.show(new JsonTree.Bool(true)));
        assertEquals("null", JsonTree.show(JsonTree.Null.INSTANCE));
        assertEquals("an array", JsonTree.show(parse("[1]")));
        assertEquals("an object", JsonTree.show(parse("{}")));
        String s = JsonTree.show(new JsonTree.Str("x".repeat(100)));
        assertEquals(78, s.length());
        assertTrue(s.endsWith("…"));
        String exactly80 = JsonTree.show(new JsonTree.Str("x".repeat(78)));
        assertEquals(80, exactly80.length());
        assertFalse(exactly80.endsWith("…"));
    }
}
