package io.github.cqskpi.examples.service;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cqskpi.RequestOverrides;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A request at the service's record limit answers whole in a small heap: the service used to
 * build the 75 MB response in a buffer and died with {@code -Xmx256m}; it now streams it.
 */
class LargeRequestTests {

    @Test
    void tenThousandRecordsAnswerWholeWithA96MegabyteHeap(@TempDir Path dir) throws Exception {
        StringBuilder b = new StringBuilder("{\"asOf\":\"2022-12-31\",\"records\":[");
        for (int i = 0; i < 10_000; i++) {
            b.append(i == 0 ? "" : ",").append("{\"unit\":{\"id\":\"xa-").append(i).append("\",\"name\":\"UBND xã ")
                    .append(i).append("\",\"level\":\"COMMUNE\"},\"period\":{\"from\":\"2022-01-01\",\"to\":"
                            + "\"2022-12-31\"},\"metrics\":{\"dossiers.level4.total\":120,\"dossiers.level4.online\":")
                    .append(i % 121).append(",\"documents.total\":900,\"documents.electronic\":").append(i % 901)
                    .append(",\"payments.total\":50,\"payments.online\":").append(i % 51).append("}}");
        }
        Path request = dir.resolve("request.json");
        Files.writeString(request, b.append("]}").toString(), UTF_8);
        // what the engine writes for it, streamed to a digest
        MessageDigest expected = MessageDigest.getInstance("SHA-256");
        long expectedBytes;
        try (DigestCount out = new DigestCount(expected)) {
            KpiServiceTests.ENGINE.evaluateJson(request, out, RequestOverrides.none());
            expectedBytes = out.count;
        }
        assertTrue(expectedBytes > 30_000_000, "a large response: " + expectedBytes);

        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-Xmx96m", "-cp", System.getProperty("java.class.path"),
                "io.github.cqskpi.examples.cli.Main", "serve", "--port", "0", "--max-evaluations", "2")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            BufferedReader err = new BufferedReader(new InputStreamReader(p.getErrorStream(), UTF_8));
            Pattern started = Pattern.compile("serving on http://127\\.0\\.0\\.1:(\\d+)/");
            int port = -1;
            StringBuilder log = new StringBuilder();
            while (port < 0) {
                String line = err.readLine();
                if (line == null) {
                    throw new AssertionError("the service did not start: " + log);
                }
                log.append(line).append('\n');
                Matcher m = started.matcher(line);
                port = m.find() ? Integer.parseInt(m.group(1)) : -1;
            }
            HttpResponse<InputStream> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                    "http://127.0.0.1:" + port + "/v1/evaluate")).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofFile(request)).build(), HttpResponse.BodyHandlers.ofInputStream());
            assertEquals(200, r.statusCode());
            assertFalse(r.headers().firstValue("Content-Length").isPresent(), "streamed, not built whole");
            MessageDigest got = MessageDigest.getInstance("SHA-256");
            long gotBytes = 0;
            try (InputStream in = r.body()) {
                byte[] buf = new byte[1 << 16];
                for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
                    got.update(buf, 0, n);
                    gotBytes += n;
                }
            }
            assertEquals(expectedBytes, gotBytes);
            assertEquals(HexFormat.of().formatHex(expected.digest()),
                    HexFormat.of().formatHex(got.digest()), "the engine's bytes, whole");
            assertEquals(0, new ProcessBuilder("kill", "-TERM", Long.toString(p.pid())).start().waitFor());
            String rest = err.lines().reduce("", (x, y) -> x + y + "\n");
            assertTrue(p.waitFor(30, TimeUnit.SECONDS));
            assertEquals(0, p.exitValue(), rest);
            assertFalse(rest.contains("OutOfMemoryError"), rest);
        } finally {
            p.destroyForcibly();
        }
    }

    /** Digests and counts what is written. */
    private static final class DigestCount extends OutputStream {
        private final MessageDigest digest;
        long count;

        DigestCount(MessageDigest digest) {
            this.digest = digest;
        }

        @Override
        public void write(int b) {
            digest.update((byte) b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            digest.update(b, off, len);
            count += len;
        }
    }
}
