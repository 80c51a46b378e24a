package io.github.cqskpi.examples.cli;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * When a plain {@code java -jar kpi-cli.jar} runs its command in a second JVM that maps the
 * jar's archive, and with which flags. {@code LaunchIT} runs the real jar.
 */
class LaunchTests {

    static final String VM = "17.0.15+6-Debian-1deb12u1";
    static final String HOME = "/usr/lib/jvm/jdk";

    @TempDir
    Path dir;
    Path jar;
    Path archive;
    Path small;

    @BeforeEach
    void jarAndArchive() throws IOException {
        jar = Files.write(dir.resolve("kpi-cli.jar"), new byte[] {'P', 'K'});
        archive = Files.write(dir.resolve("kpi-cli.j17.jsa"), header(VM));
        Files.setLastModifiedTime(jar, FileTime.fromMillis(1_000_000));
        Files.setLastModifiedTime(archive, FileTime.fromMillis(2_000_000));
        small = Files.writeString(dir.resolve("small.json"), "{\"records\":[]}");
    }

    static byte[] header(String vm) {
        byte[] b = new byte[5000];
        byte[] ident = ("OpenJDK 64-Bit Server VM (" + vm + ") for linux-amd64 JRE (" + vm + ")").getBytes(ISO_8859_1);
        System.arraycopy(ident, 0, b, 16, ident.length);
        return b;
    }

    Optional<List<String>> plan(List<String> jvm, Map<String, String> env, String... args) throws IOException {
        return Launch.childCommand(jvm, env, jar, HOME, VM, 17, List.of(args));
    }

    List<String> jvm() {
        return List.of("-jar", jar.toString());
    }

    @Test
    void aPlainJavaJarRunsASmallEvaluationInAJvmThatMapsTheArchive() throws IOException {
        assertEquals(Optional.of(List.of(HOME + "/bin/java", "-XX:TieredStopAtLevel=1", "-XX:CICompilerCount=1",
                "-XX:SharedArchiveFile=" + archive, "-Xshare:auto", "-Xlog:disable", "-Xlog:all=warning,cds*=off:stderr",
                "-jar", jar.toString(), "evaluate", "--input", small.toString(), "--format", "html")),
                plan(jvm(), Map.of(), "evaluate", "--input", small.toString(), "--format", "html"));
        assertTrue(plan(jvm(), Map.of(), "evaluate", "--input=" + small).orElseThrow()
                .contains("-XX:TieredStopAtLevel=1"), "--input=FILE is read too");
    }

    @Test
    void theQuickCompilerOnlyForAFileUnderOneMegabyte() throws IOException {
        Path big = Files.write(dir.resolve("big.json"), new byte[(int) Launch.SMALL_INPUT]);
        for (String[] args : List.of(new String[] {"evaluate", "--input", big.toString()}, new String[] {"evaluate"},
                new String[] {"evaluate", "--input", "/dev/stdin"}, new String[] {"evaluate", "--input", "missing.json"},
                new String[] {"targets"})) {
            List<String> c = plan(jvm(), Map.of(), args).orElseThrow();
            assertFalse(c.contains("-XX:TieredStopAtLevel=1"), String.join(" ", args));
            assertTrue(c.contains("-XX:SharedArchiveFile=" + archive), String.join(" ", args));
            assertEquals(List.of(args), c.subList(c.size() - args.length, c.size()));
        }
    }

    @Test
    void onJava25TheAheadOfTimeCache() throws IOException {
        Path aot = Files.write(dir.resolve("kpi-cli.j25.aot"), header("25.0.3+9-LTS"));
        Files.setLastModifiedTime(aot, FileTime.fromMillis(2_000_000));
        List<String> c = Launch.childCommand(jvm(), Map.of(), jar, HOME, "25.0.3+9-LTS", 25, List.of("targets"))
                .orElseThrow();
        assertTrue(c.contains("-XX:AOTCache=" + aot), c.toString());
        assertFalse(c.stream().anyMatch(a -> a.startsWith("-XX:SharedArchiveFile")), c.toString());
        assertTrue(c.contains("-Xlog:all=warning,cds*=off,aot*=off:stderr"), c.toString());
    }

    @Test
    void anyJvmOptionKeepsTheRunInThisJvm() throws IOException {
        assertEquals(Optional.empty(), plan(List.of("-Xmx256m", "-jar", jar.toString()), Map.of(), "evaluate"));
        assertEquals(Optional.empty(), plan(List.of("-cp", jar.toString(), Main.class.getName()), Map.of(), "evaluate"));
        assertEquals(Optional.empty(), plan(List.of(), Map.of(), "evaluate"), "arguments the system does not report");
        for (String variable : Launch.OPTION_VARIABLES) {
            assertEquals(Optional.empty(), plan(jvm(), Map.of(variable, "-Xmx1g"), "evaluate"), variable);
        }
        assertEquals(Optional.empty(), plan(jvm(), Map.of(Launch.SWITCH, "0"), "evaluate"));
        assertTrue(plan(jvm(), Map.of(Launch.SWITCH, "1"), "evaluate").isPresent());
    }

    @Test
    void serveHelpAndUnknownCommandsStayInThisJvm() throws IOException {
        for (String[] args : List.of(new String[] {"serve", "--port", "0"}, new String[] {}, new String[] {"--version"},
                new String[] {"help"}, new String[] {"evaluat"})) {
            assertEquals(Optional.empty(), plan(jvm(), Map.of(), args), String.join(" ", args));
        }
        for (String command : Launch.SHORT_COMMANDS) {
            assertTrue(plan(jvm(), Map.of(), command).isPresent(), command);
        }
    }

    @Test
    void aMissingStaleOrForeignArchiveKeepsTheRunInThisJvm() throws IOException {
        Files.setLastModifiedTime(archive, FileTime.fromMillis(999_000));
        assertEquals(Optional.empty(), plan(jvm(), Map.of(), "evaluate"), "older than the jar");
        Files.setLastModifiedTime(archive, FileTime.fromMillis(1_000_000));
        assertTrue(plan(jvm(), Map.of(), "evaluate").isPresent(), "as old as the jar");

        Files.write(archive, header("17.0.14+7"));
        Files.setLastModifiedTime(archive, FileTime.fromMillis(2_000_000));
        assertEquals(Optional.empty(), plan(jvm(), Map.of(), "evaluate"), "made by another JVM build");
        Files.write(archive, new byte[0]);
        Files.setLastModifiedTime(archive, FileTime.fromMillis(2_000_000));
        assertEquals(Optional.empty(), plan(jvm(), Map.of(), "evaluate"), "empty");
        Files.delete(archive);
        assertEquals(Optional.empty(), plan(jvm(), Map.of(), "evaluate"), "missing");
        assertEquals(Optional.empty(), Launch.childCommand(jvm(), Map.of(), null, HOME, VM, 17, List.of("evaluate")),
                "not started from a jar");
    }

    @Test
    void theArchiveIsNamedAfterTheJarAndTheFeatureRelease() {
        assertEquals(dir.resolve("kpi-cli.j17.jsa"), Launch.archive(jar, 17));
        assertEquals(dir.resolve("kpi-cli.j25.aot"), Launch.archive(jar, 25));
        assertEquals(dir.resolve("tool.j21.jsa"), Launch.archive(dir.resolve("tool"), 21));
    }

    @Test
    void theLauncherScriptUsesTheSameNamesThresholdAndFlags() throws IOException {
        String script = Files.readString(Path.of("bin", "kpi-cli"));
        assertTrue(script.contains("\"${jar%.jar}.j${major}.jsa\""), "archive name");
        assertTrue(script.contains("\"${jar%.jar}.j${major}.aot\""), "cache name");
        assertTrue(script.contains("-lt " + Launch.SMALL_INPUT + " ]"), "small input");
        assertTrue(script.contains("flags=\"-XX:TieredStopAtLevel=1 -XX:CICompilerCount=1\""), "flags");
    }
}
