package io.github.cqskpi.internal.input;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small JSON tree that keeps what Jackson's own tree loses for validation: every key that an
 * object holds twice, and whether a number was written as a plain integer.
 */
public final class JsonTree {

    private JsonTree() {
    }

    /** A JSON value. */
    public sealed interface Node permits Obj, Arr, Num, Str, Bool, Null {
        /** The value's JSON type in words, for messages. */
        public String typeName();
    }

    /**
     * An object; {@code duplicates} lists each key given more than once (the first value is kept).
     */
    public record Obj(Map<String, Node> fields, List<String> duplicates) implements Node {
        public String typeName() {
            return "object";
        }

        public Node get(String key) {
            return fields.get(key);
        }
    }

    public record Arr(List<Node> items) implements Node {
        public String typeName() {
            return "array";
        }
    }

    /** A number as written; {@code integral} when written without fraction or exponent. */
    public record Num(String text, boolean integral) implements Node {
        public String typeName() {
            return integral ? "integer" : "number with a fraction or exponent";
        }
    }

    public record Str(String value) implements Node {
        public String typeName() {
            return "string";
        }
    }

    public record Bool(boolean value) implements Node {
        public String typeName() {
            return "boolean";
        }
    }

    public enum Null implements Node {
        INSTANCE;

        public String typeName() {
            return "null";
        }
    }

    /** Reads the value at the parser's current token, which must be the value's first token. */
    public static Node read(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        if (t == null) {
            throw new IOException("unexpected end of input");
        }
        switch (t) {
            case START_OBJECT: {
                Map<String, Node> fields = new LinkedHashMap<>();
                List<String> duplicates = null;
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    p.nextToken();
                    Node value = read(p);
                    if (fields.putIfAbsent(name, value) != null) {
                        if (duplicates == null) {
                            duplicates = new ArrayList<>(1);
                        }
                        if (!duplicates.contains(name)) {
                            duplicates.add(name);
                        }
                    }
                }
                return new Obj(Collections.unmodifiableMap(fields), duplicates == null ? List.of() : duplicates);
            }
            case START_ARRAY: {
                List<Node> items = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    items.add(read(p));
                }
                return new Arr(items);
            }
            case VALUE_STRING:
                return new Str(p.getText());
            case VALUE_NUMBER_INT:
                return new Num(p.getText(), true);
            case VALUE_NUMBER_FLOAT:
                return new Num(p.getText(), false);
            case VALUE_TRUE:
                return new Bool(true);
            case VALUE_FALSE:
                return new Bool(false);
            case VALUE_NULL:
                return Null.INSTANCE;
            default:
                throw new IOException("unexpected token " + t);
        }
    }

    /** Escapes one segment of a JSON Pointer (RFC 6901). */
    public static String pointerSegment(String s) {
        if (s.indexOf('~') < 0 && s.indexOf('/') < 0) {
            return s;
        }
        return s.replace("~", "~0").replace("/", "~1");
    }

    /** A value shown in a message: strings quoted, long ones cut. */
    public static String show(Node n) {
        String s;
        if (n instanceof Str str) {
            s = '"' + str.value() + '"';
        } else if (n instanceof Num num) {
            s = num.text();
        } else if (n instanceof Bool b) {
            s = Boolean.toString(b.value());
        } else if (n == Null.INSTANCE) {
            s = "null";
        } else {
            s = "an " + n.typeName();
        }
        return s.length() > 80 ? s.substring(0, 77) + "…" : s;
    }
}
