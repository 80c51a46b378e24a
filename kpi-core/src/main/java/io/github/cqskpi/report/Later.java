package io.github.cqskpi.report;

import io.github.cqskpi.internal.output.Spill;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * What a report writes later, kept meanwhile in a {@link Spill}: in memory up to a limit, then
 * in a temporary file, deleted on close. A report's memory so grows with its units, never with
 * its records.
 */
final class Later implements Closeable {

    private static final int IN_MEMORY = 1 << 20;

    private final Spill spill = new Spill(IN_MEMORY);
    private final DataOutputStream data = new DataOutputStream(spill);

    /** Where to write, with Java's data encodings. */
    DataOutputStream data() {
        return data;
    }

    /** Appends text, UTF-8. */
    Later append(String s) throws IOException {
        data.write(s.getBytes(StandardCharsets.UTF_8));
        return this;
    }

    /** Appends a string that may be {@code null}, for {@link #string(DataInputStream)}. */
    void string(String s) throws IOException {
        if (s == null) {
            data.writeInt(-1);
            return;
        }
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        data.writeInt(b.length);
        data.write(b);
    }

    /** Reads a string {@link #string(String)} wrote. */
    static String string(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0) {
            return null;
        }
        return new String(in.readNBytes(n), StandardCharsets.UTF_8);
    }

    /** How many bytes were written so far: where the next write starts. */
    long position() {
        return spill.size();
    }

    /** What was written, from a position {@link #position} gave; the caller closes it. */
    DataInputStream readAt(long offset) throws IOException {
        data.flush();
        return new DataInputStream(spill.readFrom(offset));
    }

    /** What was written, from the start; the caller closes it. */
    DataInputStream read() throws IOException {
        return readAt(0);
    }

    /** Copies what was appended as text. */
    void copyTo(Writer out) throws IOException {
        try (InputStream in = read()) {
            new InputStreamReader(in, StandardCharsets.UTF_8).transferTo(out);
        }
    }

    @Override
    public void close() throws IOException {
        spill.close();
    }
}
