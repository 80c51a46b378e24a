package io.github.cqskpi.examples.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.cqskpi.Limits;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the command line does when its output fails or its input is not a plain file: every
 * write checked, a pipe or FIFO read once, nothing on standard output for exit 2.
 */
class OutputAndInputTests {

    static final Path SAMPLE = MainTests.SAMPLE;
    static final List<String> FORMATS = List.of("json", "text", "csv", "html");

    record Run(int status, String out, String err) {
    }

    static Run run(InputStream in, OutputStream out, String... args) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = new Main(in, out, new PrintStream(err, true, UTF_8)).run(args);
        return new Run(status, out instanceof ByteArrayOutputStream b ? b.toString(UTF_8) : "", err.toString(UTF_8));
    }

    static void assertOneLine(Run r, String start) {
        assertTrue(r.err().startsWith("kpi-cli: " + start), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
    }

    /** Takes {@code room} bytes, then fails like a pipe whose reader has gone; counts the writes after. */
    static final class ClosingPipe extends OutputStream {
        final int room;
        int taken;
        int failed;

        ClosingPipe(int room) {
            this.room = room;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (taken + len > room) {
                failed++;
                throw new IOException("Broken pipe");
            }
            taken += len;
        }
    }

    // ============================================================================= every write checked

    @Test
    void aFullDiskStopsEveryFormatWithItsOwnStatusAndOneLine() throws IOException {
        Path full = Path.of("/dev/full");
        assumeTrue(Files.isWritable(full), "needs /dev/full");
        for (String format : FORMATS) {
            try (OutputStream out = new FileOutputStream(full.toFile())) {
                Run r = run(InputStream.nullInputStream(), out, "evaluate", "--input", SAMPLE.toString(), "--format",
                        format);
                assertEquals(Main.OUTPUT_FAILED, r.status(), format + ": " + r.err());
                assertOneLine(r, "cannot write standard output: No space left on device");
            }
        }
        for (String[] args : List.of(new String[] {"targets"}, new String[] {"rule-sets"}, new String[] {"help"},
                new String[] {"--version"}, new String[] {"evaluate", "--help"})) {
            try (OutputStream out = new FileOutputStream(full.toFile())) {
                Run r = run(InputStream.nullInputStream(), out, args);
                assertEquals(Main.OUTPUT_FAILED, r.status(), String.join(" ", args) + ": " + r.err());
                assertOneLine(r, "cannot write standard output");
            }
        }
    }

    @Test
    void aClosedPipeStopsTheWorkAtTheFirstFailedWrite() {
        for (String format : FORMATS) {
            ClosingPipe pipe = new ClosingPipe(100);
            Run r = run(InputStream.nullInputStream(), pipe, "evaluate", "--input", SAMPLE.toString(), "--format",
                    format);
            assertEquals(Main.OUTPUT_FAILED, r.status(), format + ": " + r.err());
            assertOneLine(r, "cannot write standard output: Broken pipe");
            assertEquals(1, pipe.failed, format + ": nothing is written after the first failure");
        }
    }

    // ============================================================================= input read once

    @Test
    void aFifoIsOpenedOnceAndGivesTheSameBytesAsTheFile(@TempDir Path dir) throws Exception {
        Path fifo = dir.resolve("request.fifo");
        assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0, "needs mkfifo");
        ByteArrayOutputStream fromFile = new ByteArrayOutputStream();
        assertEquals(Main.OK, run(InputStream.nullInputStream(), fromFile, "evaluate", "--input", SAMPLE.toString())
                .status());
        for (String format : List.of("json", "text")) {
            Thread writer = new Thread(() -> {
                try (OutputStream w = Files.newOutputStream(fifo)) {
                    Files.copy(SAMPLE, w);
                } catch (IOException e) {
                    // The reader went away: the assertion below says why.
                }
            });
            writer.start();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Run r = assertTimeoutPreemptively(Duration.ofSeconds(60),
                    () -> run(InputStream.nullInputStream(), out, "evaluate", "--input", fifo.toString(), "--format",
                            format), "a FIFO opened twice waits for a second writer forever");
            writer.join(10_000);
            assertEquals(Main.OK, r.status(), r.err());
            if (format.equals("json")) {
                assertEquals(fromFile.toString(UTF_8), r.out());
            }
        }
    }

    @Test
    void anEmptyOrBadStreamPrintsNothingOnStandardOutput(@TempDir Path dir) throws Exception {
        for (String request : List.of("", "   ", "{\"records\":[", "{\"records\":[]} trailing", "yyyyyyyy",
                "{\"asOf\":\"2022-12-31\",\"records\":[]}".replace("}", ",\"x\":1}"))) {
            for (String format : FORMATS) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                Run r = run(new ByteArrayInputStream(request.getBytes(UTF_8)), out, "evaluate", "--format", format);
                assertEquals(Main.UNREADABLE, r.status(), request + " " + format);
                assertEquals("", r.out(), request + " " + format);
                assertOneLine(r, "the request cannot be read");
            }
        }
    }

    @Test
    void anUnreadableFileSaysPermissionDenied(@TempDir Path dir) throws IOException {
        Path secret = Files.copy(SAMPLE, dir.resolve("secret.json"));
        Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("---------"));
        assumeTrue(!Files.isReadable(secret), "the superuser reads every file");
        for (String format : FORMATS) {
            Run r = run(InputStream.nullInputStream(), new ByteArrayOutputStream(), "evaluate", "--input",
                    secret.toString(), "--format", format);
            assertEquals(Main.UNREADABLE, r.status());
            assertOneLine(r, "permission denied: " + secret);
        }
    }

    @Test
    void aDirectoryIsNoRequest(@TempDir Path dir) {
        Run r = run(InputStream.nullInputStream(), new ByteArrayOutputStream(), "evaluate", "--input", dir.toString());
        assertEquals(Main.UNREADABLE, r.status());
        assertEquals("", r.out());
        assertOneLine(r, "cannot read the input");
    }

    // ============================================================================= the spool

    /** An endless stream: {@code head} once, then {@code body} again and again. */
    static InputStream endless(String head, String body) {
        byte[] h = head.getBytes(UTF_8);
        byte[] b = body.getBytes(UTF_8);
        return new InputStream() {
            long at;

            @Override
            public int read() {
                long i = at++;
                return i < h.length ? h[(int) i] : b[(int) ((i - h.length) % b.length)];
            }
        };
    }

    @Test
    void theCopyOfAStreamStopsAtTheFirstByteTheEngineWouldRefuse() throws IOException {
        Limits unlimited = Limits.unlimitedRecords();
        String record = "{\"unit\":{\"id\":\"x\",\"level\":\"COMMUNE\"},\"period\":{\"from\":\"2022-01-01\","
                + "\"to\":\"2022-12-31\"},\"metrics\":{}},";
        List<InputStream> endless = List.of(
                endless("", "y\n"), // garbage
                endless("", "["), // nesting without end
                endless("{\"records\":[\"", "a"), // a string without end
                endless("{\"records\":[1", "0"), // a number without end
                endless("{\"records\":[]}", "x"), // content after the request
                endless("", "\"a\" "), // one string after another
                endless("{\"records\":[{\"unit\":{\"", "k")); // a key without end
        for (InputStream in : endless) {
            assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
                try (RequestSpool spool = RequestSpool.copy(in, unlimited)) {
                    assertTrue(Files.size(spool.path()) < 1 << 20, "stopped early: " + Files.size(spool.path()));
                }
            });
        }
        try (RequestSpool spool = RequestSpool.copy(endless("{\"records\":[", record), unlimited.withMaxBytes(5000))) {
            assertEquals(5001, Files.size(spool.path()), "one byte past the limit, for the engine to name it");
        }
        try (RequestSpool spool = RequestSpool.copy(endless("{\"records\":[", record), unlimited.withMaxRecords(5))) {
            long size = Files.size(spool.path());
            assertTrue(size > 5 * record.length() && size < 1 << 20, "stopped at the 6th record: " + size);
        }
    }

    @Test
    void theCopyIsPrivateAndDeletedWhenClosedWhateverItHolds() throws IOException {
        for (String request : List.of("", "{\"records\":[]}", "not json")) {
            Path copy;
            try (RequestSpool spool = RequestSpool.copy(new ByteArrayInputStream(request.getBytes(UTF_8)),
                    Limits.unlimitedRecords())) {
                copy = spool.path();
                assertEquals(request, Files.readString(copy));
                assertEquals(PosixFilePermissions.fromString("rw-------"), Files.getPosixFilePermissions(copy));
            }
            assertFalse(Files.exists(copy), copy.toString());
        }
    }

    @Test
    void aRegularFileIsReadWhereItIs() throws IOException {
        try (RequestSpool spool = RequestSpool.of(SAMPLE, Limits.unlimitedRecords())) {
            assertEquals(SAMPLE, spool.path());
        }
        assertTrue(Files.exists(SAMPLE), "closing never deletes the user's own file");
    }

    @Test
    void endlessGarbageOnStandardInputIsRefusedAtOnce() {
        Run r = assertTimeoutPreemptively(Duration.ofSeconds(60),
                () -> run(endless("", "y"), new ByteArrayOutputStream(), "evaluate"));
        assertEquals(Main.UNREADABLE, r.status());
        assertEquals("", r.out());
        assertOneLine(r, "the request cannot be read: the request is not valid JSON");
        Run string = assertTimeoutPreemptively(Duration.ofSeconds(60),
                () -> run(endless("{\"records\":[\"", "a"), new ByteArrayOutputStream(), "evaluate"));
        assertEquals(Main.UNREADABLE, string.status());
        assertEquals("", string.out());
        assertOneLine(string, "the request cannot be read: the request holds a string longer than the limit of 65536");
    }
}
