package io.github.cqskpi.examples.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.cqskpi.EvaluationSummary;
import io.github.cqskpi.KpiEngine;
import io.github.cqskpi.Limits;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The end-to-end baseline writes the engine's bytes on both of the benchmark's data shapes and
 * on the rarer cases they hold few of, so that a change of the engine's words or figures that
 * the baseline does not follow fails here ({@code mvn -Pbench verify}) as well as in
 * {@code bench/run}. Runs with the benchmark profile only, as its sources do.
 */
class SameBytesTests {

    private final KpiEngine engine = KpiEngine.builder().limits(Limits.unlimitedRecords()).build();

    private PlainJavaEndToEnd plain() {
        return new PlainJavaEndToEnd(engine.ruleSet("dak-nong-2022", "1.1.0").orElseThrow().ref().sha256());
    }

    private void same(Path request) throws IOException {
        Object[] both = SameBytes.check(engine, plain(), request, request.getFileName().toString());
        EndToEnd.check((EvaluationSummary) both[0], (long[]) both[1]);
    }

    @Test
    void provinceDataGivesTheEngineBytes(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("province.json");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
            BenchRequests.writeRequest(3 * 13 * 110, out);
        }
        same(file);
    }

    @Test
    void mixedDataGivesTheEngineBytes(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("mixed.json");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
            MixedRequests.writeRequest(5000, out);
        }
        same(file);
    }

    /** Not yet due, two previous records, an unusable one, a whole of 0, both wordings in one roll-up, an escaped id. */
    @Test
    void rareCasesGiveTheEngineBytes(@TempDir Path dir) throws IOException {
        String unit = "{\"unit\":{\"id\":\"x \\\"q\\\"\",\"level\":\"PROVINCE\",\"roles\":[\"DIC\",\"NEWSPAPER\"]},";
        String request = "{\"asOf\":\"2022-09-20\",\"ruleSet\":\"dak-nong-2022\",\"records\":[\n"
                + unit + "\"period\":{\"from\":\"2022-09-01\",\"to\":\"2022-09-30\"},\"metrics\":{\"payments.total\":10,"
                + "\"payments.online\":5,\"reports.computers.submittedOn\":null,\"media.dtColumnIssues\":1,"
                + "\"milestones.dtPortalSection\":false,\"dossiers.paperRequested\":3}},\n"
                + unit + "\"period\":{\"from\":\"2022-09-15\",\"to\":\"2022-09-30\"},\"metrics\":{\"payments.total\":10,"
                + "\"payments.online\":5}},\n"
                + unit + "\"period\":{\"from\":\"2022-10-01\",\"to\":\"2022-10-31\"},\"metrics\":{\"payments.total\":10,"
                + "\"payments.online\":4,\"media.dtColumnIssues\":0}},\n"
                + "{\"unit\":{\"id\":\"y\",\"level\":\"DISTRICT\"},\"period\":{\"from\":\"2022-10-01\",\"to\":\"2022-10-31\"},"
                + "\"metrics\":{\"dossiers.level4.total\":100,\"dossiers.level4.online\":10}},\n"
                + "{\"unit\":{\"id\":\"z\",\"level\":\"DISTRICT\"},\"period\":{\"from\":\"2022-10-01\",\"to\":\"2022-10-31\"},"
                + "\"metrics\":{\"dossiers.fullProcess.total\":120,\"dossiers.fullProcess.online\":45}},\n"
                + "{\"unit\":{\"id\":\"w\",\"level\":\"DISTRICT\"},\"period\":{\"from\":\"2022-09-01\",\"to\":\"2022-09-30\"},"
                + "\"metrics\":{\"payments.total\":0,\"payments.online\":0}},\n"
                + "{\"unit\":{\"id\":\"w\",\"level\":\"DISTRICT\"},\"period\":{\"from\":\"2022-10-01\",\"to\":\"2022-10-31\"},"
                + "\"metrics\":{\"payments.total\":7,\"payments.online\":3,\"dossiers.fullProcess.total\":0,"
                + "\"dossiers.fullProcess.online\":0}}\n]}\n";
        Path file = dir.resolve("rare.json");
        Files.writeString(file, request, StandardCharsets.UTF_8);
        same(file);
    }

    /** The check itself can fail: a response one byte off is caught at that byte. */
    @Test
    void aDifferentResponseFails(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("province.json");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
            BenchRequests.writeRequest(26, out);
        }
        Path other = dir.resolve("other.json");
        Files.writeString(other, Files.readString(file).replace("\"asOf\":\"2022-12-31\"", "\"asOf\":\"2022-12-30\""));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> SameBytes.check(engine, plain(), file, other, "province"));
        String sha256 = engine.ruleSet("dak-nong-2022", "1.1.0").orElseThrow().ref().sha256();
        int offset = ("{\"ruleSet\":{\"id\":\"dak-nong-2022\",\"version\":\"1.1.0\",\"sha256\":\"" + sha256
                + "\"},\n\"asOf\":\"2022-12-3").length();
        String m = e.getMessage();
        assertEquals(true, m.contains("first difference at byte offset " + offset + "\n"), m);
        assertEquals(true, m.contains("engine: 1\""), m);
        assertEquals(true, m.contains("plain:  0\""), m);
    }
}
