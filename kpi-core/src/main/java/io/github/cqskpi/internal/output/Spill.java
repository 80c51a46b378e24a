package io.github.cqskpi.internal.output;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Bytes kept for later: in memory up to a limit, then in a temporary file, deleted on close.
 * What was written can be copied out whole or read back from any position, while writing goes
 * on.
 */
public final class Spill extends OutputStream {

    private final int limit;
    private ByteArrayOutputStream memory = new ByteArrayOutputStream(1 << 12);
    private Path file;
    private OutputStream fileOut;
    private long size;
    /** The bytes in memory as last read back, kept while nothing more is written. */
    private byte[] frozen;

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

    /**
     * What was written, from a position {@link #size()} gave earlier; the caller closes it.
     *
     * @param offset where to start
     * @return the bytes from there to what is written now
     * @throws IOException when the temporary file cannot be read
     */
    public InputStream readFrom(long offset) throws IOException {
        if (fileOut == null) {
            if (frozen == null || frozen.length != memory.size()) {
                frozen = memory.toByteArray();
            }
            return new ByteArrayInputStream(frozen, (int) offset, frozen.length - (int) offset);
        }
        fileOut.flush();
        SeekableByteChannel ch = Files.newByteChannel(file);
        ch.position(offset);
        return new BufferedInputStream(Channels.newInputStream(ch), 1 << 13);
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
        frozen = null;
    }
}
