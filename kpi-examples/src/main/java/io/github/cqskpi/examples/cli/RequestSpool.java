package io.github.cqskpi.examples.cli;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import io.github.cqskpi.Limits;
import java.io.Closeable;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * A request the engine can read twice, from whatever the user gave: a regular file is read where
 * it is; anything else (a pipe, a FIFO, {@code /dev/stdin}, a terminal) is opened once and copied
 * to a temporary file, which is deleted on every way out: {@link #close()}, a normal exit, or
 * Ctrl-C and {@code kill} (a shutdown hook).
 *
 * <p>The copy is checked while it is made, with the limits the engine will apply: the bytes go
 * through a JSON parser with the same nesting depth, string and name length and byte count, and
 * copying stops at the first byte the engine would refuse (bad JSON, a limit passed, anything
 * after the request's closing brace). The engine then reads the copy up to that byte and refuses
 * it with its own message; so an endless stream of garbage costs a few kilobytes of disk, not
 * gigabytes.
 */
final class RequestSpool implements Closeable {

    private static final String PREFIX = "cqs-kpi-request-";

    private final Path path;
    private final boolean temporary;
    private final Thread cleanup;

    private RequestSpool(Path path, boolean temporary) {
        this.path = path;
        this.temporary = temporary;
        if (temporary) {
            this.cleanup = new Thread(this::delete, "cqs-kpi-spool-cleanup");
            Runtime.getRuntime().addShutdownHook(cleanup);
        } else {
            this.cleanup = null;
        }
    }

    /**
     * The request named on the command line: the file itself when it is a regular file, else a
     * checked copy of what opening it once gives.
     */
    static RequestSpool of(Path input, Limits limits) throws IOException {
        if (Files.isRegularFile(input)) {
            return new RequestSpool(input, false);
        }
        try (InputStream in = Files.newInputStream(input)) {
            return copy(in, limits);
        }
    }

    /** A checked copy of a stream, read once to its end or to the first byte the engine would refuse. */
    static RequestSpool copy(InputStream in, Limits limits) throws IOException {
        Path file = Files.createTempFile(PREFIX, ".json",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        RequestSpool spool = new RequestSpool(file, true);
        try (OutputStream out = Files.newOutputStream(file)) {
            check(new Tee(in, out, limits.maxBytes()), limits);
        } catch (IOException | RuntimeException e) {
            spool.close();
            throw e;
        }
        return spool;
    }

    /** Parses the request as the bytes are copied; returns at its end or at the first fault. */
    private static void check(Tee in, Limits limits) throws IOException {
        JsonFactory json = JsonFactory.builder().streamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(limits.maxNestingDepth())
                .maxStringLength(limits.maxStringLength())
                .maxNameLength(limits.maxStringLength())
                .build()).build();
        try (JsonParser p = json.createParser(in)) {
            int depth = 0;
            boolean inRecords = false;
            long records = 0;
            JsonToken t;
            while ((t = p.nextToken()) != null && !in.past()) {
                if (inRecords && depth == 2 && t != JsonToken.END_ARRAY && ++records > limits.maxRecords()) {
                    return; // the first record past the limit is copied: the engine names it
                }
                if (t == JsonToken.VALUE_STRING) {
                    p.getTextLength(); // read, not skipped: a skipped string is never held to the length limit
                } else if (t.isStructStart()) {
                    depth++;
                    if (depth == 2) {
                        inRecords = t == JsonToken.START_ARRAY && "records".equals(p.currentName());
                    }
                } else if (t.isStructEnd()) {
                    depth--;
                    inRecords = inRecords && depth >= 2;
                }
                if (depth == 0) {
                    // One value, then nothing: read on, so that anything after it is copied for the engine to refuse.
                    p.nextToken();
                    return;
                }
            }
        } catch (JacksonException e) {
            // The copy holds the bytes up to the fault; the engine refuses them with its own message.
        }
    }

    /** The file the engine reads. */
    Path path() {
        return path;
    }

    private void delete() {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + path, e);
        }
    }

    @Override
    public void close() {
        if (!temporary) {
            return;
        }
        delete();
        try {
            Runtime.getRuntime().removeShutdownHook(cleanup);
        } catch (IllegalStateException e) {
            // Shutting down already: the hook runs (and deletes nothing more).
        }
    }

    /** Copies what is read; past the byte limit, reads end, one byte over, for the engine to name. */
    private static final class Tee extends FilterInputStream {
        private final OutputStream copy;
        private final long maxBytes;
        private long count;

        Tee(InputStream in, OutputStream copy, long maxBytes) {
            super(in);
            this.copy = copy;
            this.maxBytes = maxBytes;
        }

        boolean past() {
            return count > maxBytes;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (past()) {
                return -1;
            }
            long room = maxBytes - count; // and one byte over, so that the engine sees the limit passed
            int n = super.read(b, off, room < len ? (int) room + 1 : len);
            if (n > 0) {
                copy.write(b, off, n);
                count += n;
            }
            return n;
        }
    }
}
