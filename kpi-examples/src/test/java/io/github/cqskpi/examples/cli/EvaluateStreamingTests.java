package io.github.cqskpi.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cqskpi.KpiEngine;
import io.github.cqskpi.RequestOverrides;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line's evaluate streams the response and keeps the contract's exit statuses. */
class EvaluateStreamingTests {

    static final String REQUEST = "{\"records\":[{\"unit\":{\"id\":\"a\",\"level\":\"COMMUNE\"},"
            + "\"period\":{\"from\":\"2022-01-01\",\"to\":\"2022-12-31\"},"
            + "\"metrics\":{\"dossiers.level4.total\":100,\"dossiers.level4.online\":40}},"
            + "{\"unit\":{\"id\":\"b\",\"level\":\"COMMUNE\"},\"period\":{\"from\":\"2022-01-01\",\"to\":\"2022-12-31\"},"
            + "\"metrics\":{\"dossiers.level4.total\":1,\"dossiers.level4.online\":4}}],\"asOf\":\"2022-12-31\"}";

    @TempDir
    Path dir;

    record Run(int status, byte[] out, String err) {
    }

    static Run run(byte[] stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = new Main(new ByteArrayInputStream(stdin), new PrintStream(out, false, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
        return new Run(status, out.toByteArray(), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aFileAndStandardInputGiveTheResponseOfTheEngine() throws IOException {
        KpiEngine engine = KpiEngine.builder().build();
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        engine.writeJson(engine.evaluateJson(new ByteArrayInputStream(REQUEST.getBytes(StandardCharsets.UTF_8)),
                RequestOverrides.none()), expected);
        Path file = dir.resolve("r.json");
        Files.writeString(file, REQUEST);

        Run fromFile = run(new byte[0], "evaluate", "--input", file.toString());
        assertEquals(Main.REJECTED, fromFile.status());
        assertEquals(expected.toString(StandardCharsets.UTF_8), new String(fromFile.out(), StandardCharsets.UTF_8));

        Run fromStdin = run(REQUEST.getBytes(StandardCharsets.UTF_8), "evaluate");
        assertEquals(Main.REJECTED, fromStdin.status());
        assertEquals(expected.toString(StandardCharsets.UTF_8), new String(fromStdin.out(), StandardCharsets.UTF_8));
    }

    @Test
    void anUnreadableRequestExitsTwoWithNothingOnStandardOutput() throws IOException {
        // The syntax error is at the very end, after every record: the first pass finds it first.
        String broken = REQUEST.substring(0, REQUEST.length() - 1) + ",}";
        Path file = dir.resolve("broken.json");
        Files.writeString(file, broken);
        Run r = run(new byte[0], "evaluate", "--input", file.toString());
        assertEquals(Main.UNREADABLE, r.status());
        assertEquals(0, r.out().length);
        assertTrue(r.err().contains("the request cannot be read"), r.err());

        Run s = run(broken.getBytes(StandardCharsets.UTF_8), "evaluate");
        assertEquals(Main.UNREADABLE, s.status());
        assertEquals(0, s.out().length);
    }
}
