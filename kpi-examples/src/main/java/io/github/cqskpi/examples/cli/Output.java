package io.github.cqskpi.examples.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Standard output with every write checked. The first failure (a full disk, a closed pipe) is
 * kept and every later write fails at once, so the command stops instead of working on for an
 * output nobody reads, and {@link Main} exits with {@link Main#OUTPUT_FAILED}.
 *
 * <p>A {@link PrintStream} swallows write errors; the one {@link #printer()} gives writes
 * through a view that throws {@link Failed}, unchecked, which a {@code PrintStream} lets pass.
 */
final class Output extends OutputStream {

    private final OutputStream out;
    private final PrintStream printer;
    private volatile IOException failure;

    Output(OutputStream out) {
        this.out = out;
        this.printer = new PrintStream(new OutputStream() {
            @Override
            public void write(int b) {
                unchecked(() -> Output.this.write(b));
            }

            @Override
            public void write(byte[] b, int off, int len) {
                unchecked(() -> Output.this.write(b, off, len));
            }

            @Override
            public void flush() {
                unchecked(Output.this::flush);
            }
        }, false, StandardCharsets.UTF_8);
    }

    /** A write to standard output failed; {@link Main} turns it into one line and its exit status. */
    static final class Failed extends UncheckedIOException {
        private static final long serialVersionUID = 1L;

        Failed(IOException cause) {
            super(cause.getMessage(), cause);
        }
    }

    private interface Write {
        void run() throws IOException;
    }

    private static void unchecked(Write w) {
        try {
            w.run();
        } catch (IOException e) {
            throw new Failed(e);
        }
    }

    /** A {@code PrintStream} over this output whose failures are thrown, not swallowed. */
    PrintStream printer() {
        return printer;
    }

    /** The first write that failed, or null. */
    IOException failure() {
        return failure;
    }

    private void check() throws IOException {
        if (failure != null) {
            throw new IOException("standard output failed before: " + failure.getMessage(), failure);
        }
    }

    @Override
    public void write(int b) throws IOException {
        check();
        try {
            out.write(b);
        } catch (IOException e) {
            failure = e;
            throw e;
        }
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        check();
        try {
            out.write(b, off, len);
        } catch (IOException e) {
            failure = e;
            throw e;
        }
    }

    @Override
    public void flush() throws IOException {
        check();
        try {
            out.flush();
        } catch (IOException e) {
            failure = e;
            throw e;
        }
    }

    /** Flushes the printer's own buffer, then this output; throws when any write failed. */
    void finish() throws IOException {
        printer.flush();
        flush();
    }
}
