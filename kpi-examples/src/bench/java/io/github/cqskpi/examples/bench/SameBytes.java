package io.github.cqskpi.examples.bench;

import io.github.cqskpi.EvaluationSummary;
import io.github.cqskpi.KpiEngine;
import io.github.cqskpi.RequestOverrides;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Checks, untimed, that {@link PlainJavaEndToEnd} writes the engine's response byte for byte on
 * a request, so that the end-to-end ratio compares equal work. The two run at once and the
 * bytes are compared as they come (a response of hundreds of megabytes is never held whole):
 * the engine writes into a bounded queue of chunks from a thread of its own, and the plain-Java
 * evaluator's output is compared against it. Only the rule set's fingerprint may differ, and
 * does not when the evaluator is given the engine's.
 */
final class SameBytes {

    private static final byte[] END = new byte[0];
    private static final byte[] FINGERPRINT = "\"sha256\":\"".getBytes(StandardCharsets.US_ASCII);

    private SameBytes() {
    }

    /**
     * Fails with the first differing offset, and the bytes around it, unless both responses are
     * the same apart from the fingerprint's value.
     *
     * @return the engine's summary and the plain-Java counts, for the count check
     */
    static Object[] check(KpiEngine engine, PlainJavaEndToEnd plain, Path request, String label) throws IOException {
        return check(engine, plain, request, request, label);
    }

    /** As {@link #check(KpiEngine, PlainJavaEndToEnd, Path, String)}, each on its own file (to test the check). */
    static Object[] check(KpiEngine engine, PlainJavaEndToEnd plain, Path request, Path plainRequest, String label)
            throws IOException {
        BlockingQueue<byte[]> chunks = new ArrayBlockingQueue<>(256);
        EvaluationSummary[] summary = new EvaluationSummary[1];
        Throwable[] failed = new Throwable[1];
        Thread writer = new Thread(() -> {
            try {
                summary[0] = engine.evaluateJson(request, new OutputStream() {
                    @Override
                    public void write(int b) throws IOException {
                        write(new byte[] {(byte) b}, 0, 1);
                    }

                    @Override
                    public void write(byte[] b, int off, int len) throws IOException {
                        if (len > 0) {
                            put(chunks, Arrays.copyOfRange(b, off, off + len));
                        }
                    }
                }, RequestOverrides.none());
            } catch (Throwable e) {
                failed[0] = e;
            } finally {
                try {
                    put(chunks, END);
                } catch (IOException e) {
                    // The reader gave up first.
                }
            }
        }, "engine-writer");
        writer.setDaemon(true);
        writer.start();
        Comparing compared = new Comparing(chunks, label);
        long[] counts = plain.run(plainRequest, compared);
        compared.finish();
        try {
            writer.join(TimeUnit.MINUTES.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (failed[0] != null) {
            throw new IllegalStateException("the engine failed on " + label, failed[0]);
        }
        System.out.println(String.format("   %s: the plain-Java evaluator wrote the engine's %d bytes, byte for byte%s",
                label, compared.offset, compared.fingerprintDiffers ? " (the rule set's fingerprint aside)" : ""));
        return new Object[] {summary[0], counts};
    }

    private static void put(BlockingQueue<byte[]> q, byte[] b) throws IOException {
        try {
            if (!q.offer(b, 10, TimeUnit.MINUTES)) {
                throw new IOException("the comparison stopped reading");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    /** Compares what is written with the engine's chunks as they come. */
    private static final class Comparing extends OutputStream {
        private final BlockingQueue<byte[]> chunks;
        private final String label;
        private byte[] chunk = new byte[0];
        private int at;
        private boolean ended;
        /** Bytes of the plain-Java response compared so far. */
        long offset;
        boolean fingerprintDiffers;
        /** The last bytes both wrote, for context. */
        private final byte[] recent = new byte[160];
        /** How far into {@code "sha256":"} the common bytes are; past it, the fingerprint's value. */
        private int fingerprintMatch;
        private boolean inFingerprint;
        private final StringBuilder fingerprint = new StringBuilder();

        Comparing(BlockingQueue<byte[]> chunks, String label) {
            this.chunks = chunks;
            this.label = label;
        }

        private int nextEngineByte() throws IOException {
            while (at == chunk.length) {
                if (ended) {
                    return -1;
                }
                try {
                    byte[] next = chunks.poll(10, TimeUnit.MINUTES);
                    if (next == null) {
                        throw new IOException("the engine wrote nothing for 10 minutes");
                    }
                    if (next == END) {
                        ended = true;
                        return -1;
                    }
                    chunk = next;
                    at = 0;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException(e);
                }
            }
            return chunk[at++] & 0xFF;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            for (int i = off; i < off + len; i++) {
                int mine = b[i] & 0xFF;
                if (inFingerprint) {
                    // The fingerprint's value: skip both sides to the closing quote.
                    if (mine == '"') {
                        StringBuilder theirs = new StringBuilder();
                        for (int e; (e = nextEngineByte()) != '"'; ) {
                            if (e < 0) {
                                fail(b, i, off + len, -1);
                            }
                            theirs.append((char) e);
                        }
                        fingerprintDiffers = !theirs.toString().equals(fingerprint.toString());
                        inFingerprint = false;
                    } else {
                        // Counted as the plain-Java evaluator's bytes: offsets are into its response.
                        fingerprint.append((char) mine);
                        recent[(int) (offset % recent.length)] = (byte) mine;
                        offset++;
                        continue;
                    }
                } else {
                    int theirs = nextEngineByte();
                    if (theirs != mine) {
                        fail(b, i, off + len, theirs);
                    }
                }
                recent[(int) (offset % recent.length)] = (byte) mine;
                offset++;
                if (offset < 4096) {
                    fingerprintMatch = mine == FINGERPRINT[fingerprintMatch] ? fingerprintMatch + 1
                            : mine == FINGERPRINT[0] ? 1 : 0;
                    if (fingerprintMatch == FINGERPRINT.length) {
                        inFingerprint = true;
                        fingerprintMatch = 0;
                    }
                }
            }
        }

        void finish() throws IOException {
            int theirs = nextEngineByte();
            if (theirs >= 0) {
                fail(new byte[0], 0, 0, theirs);
            }
        }

        private void fail(byte[] b, int i, int end, int theirs) throws IOException {
            int n = (int) Math.min(offset, recent.length);
            byte[] before = new byte[n];
            for (int k = 0; k < n; k++) {
                before[k] = recent[(int) ((offset - n + k) % recent.length)];
            }
            StringBuilder engineNext = new StringBuilder();
            if (theirs >= 0) {
                byte[] more = new byte[160];
                int m = 0;
                more[m++] = (byte) theirs;
                for (int e; m < more.length && (e = nextEngineByte()) >= 0; ) {
                    more[m++] = (byte) e;
                }
                engineNext.append(new String(more, 0, m, StandardCharsets.UTF_8));
            } else {
                engineNext.append("(the end)");
            }
            String plainNext = i < end ? new String(b, i, Math.min(160, end - i), StandardCharsets.UTF_8) : "(the end)";
            throw new IllegalStateException("the plain-Java evaluator does not write the engine's bytes on " + label
                    + ": first difference at byte offset " + offset + "\n   after: "
                    + new String(before, StandardCharsets.UTF_8) + "\n   engine: " + engineNext + "\n   plain:  "
                    + plainNext);
        }
    }
}
