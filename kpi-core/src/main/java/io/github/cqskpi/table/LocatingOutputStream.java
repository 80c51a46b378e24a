package io.github.cqskpi.table;

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

    private static final byte[] PATH = "path".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] MESSAGE = "message".getBytes(StandardCharsets.US_ASCII);
    private static final int OTHER = 0;
    private static final int IS_PATH = 1;
    private static final int IS_MESSAGE = 2;

    private final TableLocations locations;
    /** The current string's bytes, while they may still be a key or a path. */
    private byte[] string = new byte[64];
    private int length;
    private boolean keep;
    private boolean inString;
    private boolean escape;
    /** What the last string read was: OTHER, IS_PATH or IS_MESSAGE. */
    private int last;
    /** What the current key is: OTHER (or none), IS_PATH or IS_MESSAGE. */
    private int key;
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
    private byte[] step(byte b) {
        if (inString) {
            if (escape) {
                escape = false;
            } else if (b == '\\') {
                escape = true;
            } else if (b == '"') {
                inString = false;
                return closeString();
            }
            if (keep) {
                if (length == string.length) {
                    if (!(stringIsValue && key == IS_PATH)) {
                        keep = false; // longer than any key: compared with none
                        return null;
                    }
                    string = java.util.Arrays.copyOf(string, length * 2);
                }
                string[length++] = b;
            }
            return null;
        }
        switch (b) {
            case '"' -> {
                inString = true;
                stringIsValue = keyPending;
                length = 0;
                keep = true;
            }
            case ':' -> {
                key = last;
                keyPending = true;
            }
            case ',', '[' -> {
                key = OTHER;
                keyPending = false;
            }
            case '{', '}' -> {
                key = OTHER;
                keyPending = false;
                path = null;
            }
            default -> {
            }
        }
        return null;
    }

    /** Whether a ':' was read since the last ',', '[', '{' or '}': the next string is a value. */
    private boolean keyPending;

    private byte[] closeString() {
        if (!stringIsValue) {
            last = !keep ? OTHER : same(PATH) ? IS_PATH : same(MESSAGE) ? IS_MESSAGE : OTHER;
            return null;
        }
        last = OTHER;
        if (key == IS_PATH && keep) {
            path = unescape(new String(string, 0, length, StandardCharsets.UTF_8));
        } else if (key == IS_MESSAGE && path != null) {
            String where = locations.describe(path);
            path = null;
            if (!where.isEmpty()) {
                return (" (" + where + ")").getBytes(StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private boolean same(byte[] word) {
        if (length != word.length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (string[i] != word[i]) {
                return false;
            }
        }
        return true;
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
