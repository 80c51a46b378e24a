package io.github.cqskpi.testkit;

import java.math.BigInteger;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A tiny JSON writer that keeps what a map cannot: the same key twice and numbers exactly as
 * written. Objects are lists of entries, so that invalid requests can be spelt on purpose.
 */
final class Json {

    /** A number or other JSON text written as is, such as {@code 12.5} or {@code -0}. */
    record Raw(String text) {
    }

    /** An object: its entries in order, a key possibly twice. */
    static final class Obj {
        final List<Map.Entry<String, Object>> entries = new ArrayList<>();

        Obj put(String key, Object value) {
            entries.add(new AbstractMap.SimpleImmutableEntry<>(key, value));
            return this;
        }

        Obj remove(String key) {
            entries.removeIf(e -> e.getKey().equals(key));
            return this;
        }

        Obj replace(String key, Object value) {
            for (int i = 0; i < entries.size(); i++) {
                if (entries.get(i).getKey().equals(key)) {
                    entries.set(i, new AbstractMap.SimpleImmutableEntry<>(key, value));
                    return this;
                }
            }
            return put(key, value);
        }

        Object get(String key) {
            for (Map.Entry<String, Object> e : entries) {
                if (e.getKey().equals(key)) {
                    return e.getValue();
                }
            }
            return null;
        }
    }

    private Json() {
    }

    static String write(Object value) {
        StringBuilder out = new StringBuilder();
        write(value, out);
        return out.toString();
    }

    private static void write(Object v, StringBuilder out) {
        if (v == null) {
            out.append("null");
        } else if (v instanceof String s) {
            string(s, out);
        } else if (v instanceof Long || v instanceof Integer || v instanceof BigInteger) {
            out.append(v);
        } else if (v instanceof Boolean b) {
            out.append(b);
        } else if (v instanceof Raw r) {
            out.append(r.text());
        } else if (v instanceof Obj o) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<String, Object> e : o.entries) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                string(e.getKey(), out);
                out.append(':');
                write(e.getValue(), out);
            }
            out.append('}');
        } else if (v instanceof List<?> l) {
            out.append('[');
            for (int i = 0; i < l.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                write(l.get(i), out);
            }
            out.append(']');
        } else {
            throw new IllegalArgumentException("no JSON for " + v.getClass());
        }
    }

    private static void string(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
