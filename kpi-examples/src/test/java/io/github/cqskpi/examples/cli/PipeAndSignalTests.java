package io.github.cqskpi.examples.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line in a process of its own, its standard input a real pipe: {@code cat f |
 * kpi-cli evaluate --input /dev/stdin}, an empty pipe, and a pipe that never ends, killed.
 * Each starts a JVM (a second or two).
 */
class PipeAndSignalTests {

    static final Path SAMPLE = MainTests.SAMPLE;

    static Process start(Path tmp, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.io.tmpdir=" + tmp, "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).start();
    }

    static List<Path> spools(Path tmp) throws IOException {
        try (Stream<Path> s = Files.list(tmp)) {
            return s.filter(p -> p.getFileName().toString().startsWith("cqs-kpi-request-")).toList();
        }
    }

    /** Feeds standard input on a thread of its own, so that reading the outputs never waits on it. */
    static CompletableFuture<Void> feed(Process p, byte[] bytes) {
        return CompletableFuture.runAsync(() -> {
            try (OutputStream in = p.getOutputStream()) {
                in.write(bytes);
            } catch (IOException e) {
                // The process stopped reading.
            }
        });
    }

    @Test
    void devStdinAsAPipeGivesTheSameBytesAsTheFile(@TempDir Path tmp) throws Exception {
        ByteArrayOutputStream fromFile = new ByteArrayOutputStream();
        assertEquals(Main.OK, new Main(java.io.InputStream.nullInputStream(), fromFile,
                new PrintStream(new ByteArrayOutputStream(), true, UTF_8)).run("evaluate", "--input", SAMPLE.toString()));

        Process p = start(tmp, "evaluate", "--input", "/dev/stdin");
        feed(p, Files.readAllBytes(SAMPLE));
        CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(p.getErrorStream()));
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(Main.OK, p.exitValue(), new String(err.get(), UTF_8));
        assertEquals(fromFile.toString(UTF_8), new String(out, UTF_8));
        assertEquals(List.of(), spools(tmp), "the copy is deleted");
    }

    @Test
    void anEmptyPipePrintsNothingOnStandardOutput(@TempDir Path tmp) throws Exception {
        for (String[] args : List.of(new String[] {"evaluate", "--input", "/dev/stdin"}, new String[] {"evaluate"})) {
            Process p = start(tmp, args);
            p.getOutputStream().close();
            CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(p.getErrorStream()));
            byte[] out = p.getInputStream().readAllBytes();
            assertTrue(p.waitFor(120, TimeUnit.SECONDS));
            String e = new String(err.get(), UTF_8);
            assertEquals(Main.UNREADABLE, p.exitValue(), e);
            assertEquals(0, out.length, "nothing on standard output: " + new String(out, UTF_8));
            assertEquals("kpi-cli: the request cannot be read: the request is empty\n", e);
        }
        assertEquals(List.of(), spools(tmp));
    }

    @Test
    void theCopyOfAnEndlessPipeIsDeletedOnSigtermAndSigint(@TempDir Path tmp) throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/bin/kill")) || Files.isExecutable(Path.of("/usr/bin/kill")),
                "needs kill");
        for (String signal : List.of("TERM", "INT")) {
            Process p = start(tmp, "evaluate");
            try {
                CompletableFuture<Void> feeding = endlessRequestCopied(p, tmp, Set.of());
                kill(p, signal);
                assertTrue(p.waitFor(60, TimeUnit.SECONDS), signal + " stops it");
                feeding.get(60, TimeUnit.SECONDS);
            } finally {
                p.destroyForcibly();
            }
            assertEquals(List.of(), spools(tmp), "SIG" + signal + " leaves no copy behind");
        }
    }

    /**
     * Feeds the process a request whose records never end and drains its outputs, each on a
     * thread of its own, until the copies of standard input in {@code tmp} that were not there
     * {@code before} hold 100 KB. Returns the feeding, which ends when the process stops reading.
     */
    static CompletableFuture<Void> endlessRequestCopied(Process p, Path tmp, Set<Path> before) throws Exception {
        byte[] record = ("{\"unit\":{\"id\":\"x\",\"level\":\"COMMUNE\"},\"period\":{\"from\":\"2022-01-01\","
                + "\"to\":\"2022-12-31\"},\"metrics\":{}},").getBytes(UTF_8);
        CompletableFuture<Void> feeding = CompletableFuture.runAsync(() -> {
            try (OutputStream in = p.getOutputStream()) {
                in.write("{\"records\":[".getBytes(UTF_8));
                while (true) {
                    in.write(record);
                }
            } catch (IOException e) {
                // Stopped: the pipe is closed.
            }
        });
        CompletableFuture.runAsync(() -> readAll(p.getInputStream()));
        CompletableFuture.runAsync(() -> readAll(p.getErrorStream()));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (newSpools(tmp, before).stream().mapToLong(PipeAndSignalTests::size).sum() < 100_000) {
            assertTrue(System.nanoTime() < deadline, "no copy appeared");
            Thread.sleep(20);
        }
        return feeding;
    }

    static void kill(Process p, String signal) throws Exception {
        assertEquals(0, new ProcessBuilder("kill", "-" + signal, Long.toString(p.pid())).start().waitFor());
    }

    static List<Path> newSpools(Path tmp, Set<Path> before) throws IOException {
        return spools(tmp).stream().filter(p -> !before.contains(p)).toList();
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return 0;
        }
    }

    static byte[] readAll(java.io.InputStream in) {
        try {
            return in.readAllBytes();
        } catch (IOException e) {
            return new byte[0];
        }
    }
}
