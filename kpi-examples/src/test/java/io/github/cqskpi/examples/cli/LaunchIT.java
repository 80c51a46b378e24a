package io.github.cqskpi.examples.cli;

import static io.github.cqskpi.examples.cli.PipeAndSignalTests.readAll;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged {@code kpi-cli.jar}, started as users start it, {@code java -jar} with no option:
 * the command runs in a second JVM that maps the archive the build left beside the jar, and
 * nothing a user sees differs from one JVM: the bytes, the status, a closed pipe, a signal.
 * Runs after {@code package} (failsafe); each case starts a JVM or two.
 */
class LaunchIT {

    static final Path JAR = Path.of("target", "kpi-cli.jar").toAbsolutePath();
    static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    static Path archive;

    @BeforeAll
    static void theBuildMadeTheArchive() throws IOException {
        assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "the build makes the archive with a POSIX shell");
        archive = Launch.archive(JAR.toRealPath(), Runtime.version().feature());
        assertTrue(Files.isRegularFile(archive), archive + " is made at package time");
    }

    record Run(int status, byte[] out, String err) {
    }

    static Process start(Map<String, String> env, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(JAVA, "-jar", JAR.toString()));
        command.addAll(List.of(args));
        ProcessBuilder b = new ProcessBuilder(command);
        for (String v : Launch.OPTION_VARIABLES) {
            b.environment().remove(v);
        }
        b.environment().remove(Launch.SWITCH);
        b.environment().putAll(env);
        return b.start();
    }

    static Run run(Map<String, String> env, String... args) throws Exception {
        return finish(start(env, args));
    }

    /** Closes the process's standard input and waits for its end and all it wrote. */
    static Run finish(Process p) throws Exception {
        p.getOutputStream().close();
        CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(p.getErrorStream()));
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        return new Run(p.exitValue(), out, new String(err.get(), UTF_8));
    }

    @Test
    void theSameBytesStatusAndErrorsAsOneJvm() throws Exception {
        List<String[]> cases = new ArrayList<>();
        for (String format : List.of("json", "text", "csv", "html")) {
            cases.add(new String[] {"evaluate", "--input", MainTests.SAMPLE.toString(), "--format", format});
        }
        cases.add(new String[] {"evaluate", "--input", MainTests.WITH_ERRORS.toString()});
        cases.add(new String[] {"evaluate", "--input", "src/main/resources/samples/dak-nong-2022.xlsx"});
        cases.add(new String[] {"evaluate", "--input", "missing.json"});
        cases.add(new String[] {"evaluate", "--format", "yaml"});
        cases.add(new String[] {"targets"});
        cases.add(new String[] {"rule-sets"});
        for (String[] args : cases) {
            Run two = run(Map.of(), args);
            Run one = run(Map.of(Launch.SWITCH, "0"), args);
            String what = String.join(" ", args);
            assertEquals(one.status(), two.status(), what + ": " + two.err());
            assertArrayEquals(one.out(), two.out(), what);
            assertEquals(one.err(), two.err(), what);
        }
        assertEquals(Main.REJECTED, run(Map.of(), "evaluate", "--input", MainTests.WITH_ERRORS.toString()).status());
    }

    @Test
    void theLauncherScriptMapsTheSameArchive() throws Exception {
        java.nio.file.attribute.FileTime made = Files.getLastModifiedTime(archive);
        String[] args = {"evaluate", "--input", MainTests.SAMPLE.toString(), "--format", "text"};
        List<String> command = new ArrayList<>(List.of("sh", "bin/../bin/kpi-cli"));
        command.addAll(List.of(args));
        ProcessBuilder b = new ProcessBuilder(command);
        b.environment().put("JAVA_HOME", System.getProperty("java.home"));
        b.environment().remove("KPI_CLI_JAR");
        Run script = finish(b.start());
        Run one = run(Map.of(Launch.SWITCH, "0"), args);
        assertEquals(one.status(), script.status());
        assertArrayEquals(one.out(), script.out());
        // A JVM that could not map it would say so here (the script keeps those warnings).
        assertEquals("", script.err());
        assertEquals(made, Files.getLastModifiedTime(archive), "the script found the build's archive, made none");
    }

    @Test
    void aClosedPipeStopsTheChildWithStatus74(@TempDir Path tmp) throws Exception {
        StringBuilder request = new StringBuilder("{\"asOf\":\"2022-12-31\",\"records\":[");
        for (int i = 0; i < 20_000; i++) {
            request.append(i == 0 ? "" : ",").append("{\"unit\":{\"id\":\"xa-").append(i)
                    .append("\",\"level\":\"COMMUNE\"},\"period\":{\"from\":\"2022-01-01\",\"to\":\"2022-12-31\"},")
                    .append("\"metrics\":{\"dossiers.level4.total\":10,\"dossiers.level4.online\":5}}");
        }
        Path big = Files.writeString(tmp.resolve("big.json"), request.append("]}"));
        Process p = start(Map.of(), "evaluate", "--input", big.toString());
        p.getOutputStream().close();
        CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(p.getErrorStream()));
        assertEquals(10, p.getInputStream().readNBytes(10).length);
        p.getInputStream().close();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(Main.OUTPUT_FAILED, p.exitValue(), new String(err.get(), UTF_8));
        assertEquals("kpi-cli: cannot write standard output: Broken pipe; stopped\n", new String(err.get(), UTF_8));
    }

    @Test
    void aChildWhoseParentIsKilledOutrightStopsAndLeavesNoCopyBehind() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/bin/kill")) || Files.isExecutable(Path.of("/usr/bin/kill")),
                "needs kill");
        Path tmp = Path.of("/tmp");
        Set<Path> before = new HashSet<>(PipeAndSignalTests.spools(tmp));
        Process p = start(Map.of(), "evaluate");
        List<ProcessHandle> children = new ArrayList<>();
        try {
            CompletableFuture<Void> feeding = PipeAndSignalTests.endlessRequestCopied(p, tmp, before);
            ProcessHandle child = p.children().findFirst().orElseThrow();
            children.add(child); // once the parent is gone, p.descendants() no longer finds it
            PipeAndSignalTests.kill(p, "KILL");
            assertTrue(p.waitFor(60, TimeUnit.SECONDS));
            assertEquals(137, p.exitValue());
            child.onExit().get(15, TimeUnit.SECONDS);
            feeding.get(60, TimeUnit.SECONDS);
            assertEquals(List.of(), PipeAndSignalTests.newSpools(tmp, before), "the orphan deleted its copy");
        } finally {
            children.forEach(ProcessHandle::destroyForcibly);
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            for (Path left : PipeAndSignalTests.newSpools(tmp, before)) {
                Files.deleteIfExists(left); // a SIGKILLed orphan's copy, when this fails
            }
        }
    }

    @Test
    void aSignalToTheJarStopsTheChildAndLeavesNoCopyBehind() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/bin/kill")) || Files.isExecutable(Path.of("/usr/bin/kill")),
                "needs kill");
        Path tmp = Path.of("/tmp"); // the child's java.io.tmpdir: it is started with no option
        for (Map.Entry<String, Integer> signal : Map.of("TERM", 143, "INT", 130).entrySet()) {
            Set<Path> before = new HashSet<>(PipeAndSignalTests.spools(tmp));
            Process p = start(Map.of(), "evaluate");
            try {
                CompletableFuture<Void> feeding = PipeAndSignalTests.endlessRequestCopied(p, tmp, before);
                List<ProcessHandle> children = p.children().toList();
                assertEquals(1, children.size(), "one child JVM");
                ProcessHandle child = children.get(0);
                String flag = archive.toString().endsWith(".aot") ? "-XX:AOTCache=" : "-XX:SharedArchiveFile=";
                assertTrue(child.info().arguments().map(List::of).orElse(List.of()).contains(flag + archive),
                        "the child maps the archive: " + child.info().commandLine().orElse("?"));

                PipeAndSignalTests.kill(p, signal.getKey());
                assertTrue(p.waitFor(60, TimeUnit.SECONDS), "SIG" + signal.getKey() + " stops it");
                assertEquals(signal.getValue(), p.exitValue(), "SIG" + signal.getKey());
                assertFalse(child.isAlive(), "the child ended before the jar's JVM");
                feeding.get(60, TimeUnit.SECONDS);
                assertEquals(List.of(), PipeAndSignalTests.newSpools(tmp, before),
                        "SIG" + signal.getKey() + " leaves no copy behind");
            } finally {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
            }
        }
    }
}
