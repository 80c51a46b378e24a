package io.github.cqskpi.table;

import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Passes a JSON response through, reading it as JSON tokens only as far as it must: when an
 * object has given a string {@code "path"} and then gives a string {@code "message"}, the
 * message's closing quote is preceded by the place in the table the path names. Results'
 * messages are objects ({@code {vi, en}}) and results have no {@code path}, so only errors
 * change. The response's own layout (spaces, line breaks) is kept byte for byte.
 */
final class LocatingOutputStream extends FilterOutputStream {

    private final TableLocations locations;
    private final ByteArrayOutputStream string = new ByteArrayOutputStream();
    private boolean inString;
    private boolean escape;
    private String lastString;
    private String key;
    private boolean stringIsValue;
    private String path;

    LocatingOutputStream(OutputStream out, TableLocations locations) {
        super(out);
        this.locations = locations;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        int from = off;
        for (int i = off; i < off + len; i++) {
            byte[] before = step(b[i]);
            if (before != null) {
                out.write(b, from, i - from);
                out.write(before);
                from = i;
            }
        }
        out.write(b, from, off + len - from);
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    /** Reads one byte; returns what to write before it, or {@code null}. */
    private byte[] step(int b) {
        if (inString) {
            if (escape) {
                escape = false;
            } else if (b == '\\') {
                escape = true;
            } else if (b == '"') {
                inString = false;
                String s = string.toString(StandardCharsets.UTF_8);
                string.reset();
                lastString = s;
                if (stringIsValue && "path".equals(key)) {
                    path = unescape(s);
                } else if (stringIsValue && "message".equals(key) && path != null) {
                    String where = locations.describe(path);
                    path = null;
                    if (!where.isEmpty()) {
                        return (" (" + where + ")").getBytes(StandardCharsets.UTF_8);
                    }
                }
                return null;
            }
            if ((stringIsValue && "path".equals(key)) || string.size() < 64) {
                // Keys are short: a long string is a value nobody compares with a key.
                string.write(b);
            }
            return null;
        }
        switch (b) {
            case '"' -> {
                inString = true;
                stringIsValue = key != null;
                string.reset();
            }
            case ':' -> key = lastString;
            case ',', '[' -> key = null;
            case '{', '}' -> {
                key = null;
                path = null;
            }
            default -> {
            }
        }
        return null;
    }

    /** The escapes Jackson writes in a path: quote, backslash, and backslash-u for control characters. */
    private static String unescape(String s) {
        if (s.indexOf('\\') < 0) {
            return s;
        }
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(++i);
                switch (n) {
                    case 'u' -> {
                        b.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
                        i += 4;
                    }
                    case 'n' -> b.append('\n');
                    case 't' -> b.append('\t');
                    case 'r' -> b.append('\r');
                    case 'b' -> b.append('\b');
                    case 'f' -> b.append('\f');
                    default -> b.append(n);
                }
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
