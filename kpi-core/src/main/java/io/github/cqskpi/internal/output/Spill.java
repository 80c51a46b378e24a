package io.github.cqskpi.internal.output;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Bytes kept for later: in memory up to a limit, then in a temporary file, deleted on close.
 */
public final class Spill extends OutputStream {

    private final int limit;
    private ByteArrayOutputStream memory = new ByteArrayOutputStream(1 << 12);
    private Path file;
    private OutputStream fileOut;
    private long size;

    public Spill(int limit) {
        this.limit = limit;
    }

    @Override
    public void write(int b) throws IOException {
        target(1).write(b);
        size++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        target(len).write(b, off, len);
        size += len;
    }

    private OutputStream target(int more) throws IOException {
        if (fileOut != null) {
            return fileOut;
        }
        if (memory.size() + more <= limit) {
            return memory;
        }
        file = Files.createTempFile("cqs-kpi-", ".part");
        fileOut = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
        memory.writeTo(fileOut);
        memory = null;
        return fileOut;
    }

    public long size() {
        return size;
    }

    /** Copies what was written to {@code out}. */
    public void copyTo(OutputStream out) throws IOException {
        if (fileOut == null) {
            memory.writeTo(out);
            return;
        }
        fileOut.flush();
        try (InputStream in = Files.newInputStream(file)) {
            in.transferTo(out);
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
