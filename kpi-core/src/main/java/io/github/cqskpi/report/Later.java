package io.github.cqskpi.report;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What a report writes later, kept meanwhile: in memory up to a limit, then in a temporary
 * file, deleted on close. A report's memory so grows with its units, never with its records.
 */
final class Later implements Closeable {

    private static final int IN_MEMORY = 1 << 20;

    private ByteArrayOutputStream memory = new ByteArrayOutputStream(1 << 12);
    private Path file;
    private long written;
    /** The bytes in memory, once reading has begun. */
    private byte[] frozen;
    private OutputStream fileOut;
    private final DataOutputStream data = new DataOutputStream(new OutputStream() {
        @Override
        public void write(int b) throws IOException {
            target(1).write(b);
            written++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            target(len).write(b, off, len);
            written += len;
        }
    });

    private OutputStream target(int more) throws IOException {
        if (fileOut != null) {
            return fileOut;
        }
        if (memory.size() + more <= IN_MEMORY) {
            return memory;
        }
        file = Files.createTempFile("cqs-kpi-report-", ".part");
        fileOut = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
        memory.writeTo(fileOut);
        memory = null;
        return fileOut;
    }

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
        return written;
    }

    /** What was written, from a position {@link #position} gave; the caller closes it. */
    DataInputStream readAt(long offset) throws IOException {
        data.flush();
        if (fileOut == null) {
            if (frozen == null || frozen.length != memory.size()) {
                frozen = memory.toByteArray();
            }
            return new DataInputStream(new ByteArrayInputStream(frozen, (int) offset, frozen.length - (int) offset));
        }
        fileOut.flush();
        java.nio.channels.SeekableByteChannel ch = Files.newByteChannel(file);
        ch.position(offset);
        return new DataInputStream(new BufferedInputStream(java.nio.channels.Channels.newInputStream(ch), 1 << 13));
    }

    /** What was written, from the start; the caller closes it. */
    DataInputStream read() throws IOException {
        data.flush();
        if (fileOut == null) {
            return new DataInputStream(new ByteArrayInputStream(memory.toByteArray()));
        }
        fileOut.flush();
        return new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16));
    }

    /** Copies what was appended as text. */
    void copyTo(Writer out) throws IOException {
        try (InputStream in = read()) {
            new InputStreamReader(in, StandardCharsets.UTF_8).transferTo(out);
        }
    }

    @Override
    public void close() throws IOException {
        if (fileOut != null) {
            try {
                fileOut.close();
            } finally {
                Files.deleteIfExists(file);
                fileOut = null;
            }
        }
        memory = null;
    }
}
