package io.github.cqskpi.examples.service;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cqskpi.KpiEngine;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Clients that trickle, lie, leave or arrive during a shutdown, against a service with short
 * timeouts (1 s for headers and bodies). Each test names what used to go wrong.
 */
class HostileClientTests {

    static final KpiEngine ENGINE = KpiServiceTests.ENGINE;
    static final ServiceSettings SHORT = ServiceSettings.defaults().withPort(0).withMaxBytes(4096)
            .withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(5))
            .withDrain(Duration.ofSeconds(5));

    /** Sends raw bytes and returns what the service answers until it closes or goes quiet. */
    static String exchange(int port, String request, int quietMillis) throws IOException {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.getOutputStream().write(request.getBytes(UTF_8));
            s.getOutputStream().flush();
            return readUntilQuiet(s, quietMillis);
        }
    }

    static String readUntilQuiet(Socket s, int quietMillis) throws IOException {
        s.setSoTimeout(quietMillis);
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        InputStream in = s.getInputStream();
        byte[] buf = new byte[8192];
        try {
            for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
                got.write(buf, 0, n);
            }
        } catch (SocketTimeoutException e) {
            // quiet: what came is the answer
        } catch (IOException e) {
            // reset by the service: what came is the answer
        }
        return got.toString(UTF_8);
    }

    static HttpResponse<String> get(KpiService s, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.port() + path))
                .timeout(Duration.ofSeconds(3)).build(), HttpResponse.BodyHandlers.ofString(UTF_8));
    }

    static HttpResponse<String> post(KpiService s, String body) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.port()
                + "/v1/evaluate")).timeout(Duration.ofSeconds(20)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString(UTF_8));
    }

    /** Issue item 1: two connections trickling bytes took both workers, /health included. */
    @Nested
    class SlowClients {
        @Test
        void tricklingHeadersAndBodiesDoNotShutOthersOutAndAreCutAtTheirDeadline() throws Exception {
            // a slow body holds an admission (evaluations + queue) for at most the body timeout
            try (KpiService s = KpiService.start(ENGINE, SHORT.withPools(1, 4))) {
                List<Socket> slow = new ArrayList<>();
                List<Thread> tricklers = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    Socket sock = new Socket("127.0.0.1", s.port());
                    slow.add(sock);
                    // two trickle their headers, two promise a body they never finish
                    String start = i < 2 ? "GET /health HTTP/1.1\r\nHost: x\r\n"
                            : "POST /v1/evaluate HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{";
                    sock.getOutputStream().write(start.getBytes(UTF_8));
                    Thread t = new Thread(() -> {
                        try {
                            for (int k = 0; k < 40; k++) {
                                Thread.sleep(100);
                                sock.getOutputStream().write(i2b(k));
                            }
                        } catch (IOException | InterruptedException e) {
                            // cut by the service: expected
                        }
                    });
                    t.setDaemon(true);
                    t.start();
                    tricklers.add(t);
                }
                // while they trickle, others are served
                for (int k = 0; k < 5; k++) {
                    assertEquals(200, get(s, "/health").statusCode());
                    assertEquals(200, post(s, KpiServiceTests.REQUEST).statusCode());
                }
                // the header tricklers are closed after the header deadline, the body ones get 408
                for (int i = 0; i < 4; i++) {
                    String answer = readUntilQuiet(slow.get(i), 4000);
                    assertTrue(answer.startsWith("HTTP/1.1 408"), answer);
                    assertTrue(answer.contains("{\"error\":{\"status\":408,\"code\":\"REQUEST_TIMEOUT\""), answer);
                    assertTrue(answer.contains(i < 2 ? "headers did not arrive" : "body did not arrive"), answer);
                    slow.get(i).close();
                }
                for (Thread t : tricklers) {
                    t.join(5000);
                    assertFalse(t.isAlive(), "a trickler was never cut off");
                }
            }
        }

        private static byte[] i2b(int k) {
            return new byte[] {(byte) ('a' + k % 26)};
        }

        @Test
        void pastTheEvaluationsAndTheQueueTheAnswerIs503WithRetryAfter() throws Exception {
            try (KpiService s = KpiService.start(ENGINE, SHORT.withPools(1, 0));
                    Socket holder = new Socket("127.0.0.1", s.port())) {
                // holds the only admission by sending its body slowly
                holder.getOutputStream().write("POST /v1/evaluate HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{"
                        .getBytes(UTF_8));
                holder.getOutputStream().flush();
                Thread.sleep(200);
                HttpResponse<String> r = post(s, KpiServiceTests.REQUEST);
                assertEquals(503, r.statusCode(), r.body());
                assertEquals("1", r.headers().firstValue("Retry-After").orElse(""));
                assertTrue(r.body().startsWith("{\"error\":{\"status\":503,\"code\":\"BUSY\""), r.body());
                assertEquals(200, get(s, "/health").statusCode(), "cheap requests are not queued behind evaluations");
                // once the holder is cut at its deadline, evaluations are admitted again
                readUntilQuiet(holder, 3000);
                assertEquals(200, post(s, KpiServiceTests.REQUEST).statusCode());
            }
        }
    }

    /** Issue item 8: lies and conflicts in the framing got the JDK's HTML page or held a worker. */
    @Nested
    class Framing {
        @Test
        void aDeclaredLengthPastTheLimitIs413AtOnceWithoutContinue() throws Exception {
            try (KpiService s = KpiService.start(ENGINE, SHORT)) {
                String answer = exchange(s.port(), "POST /v1/evaluate HTTP/1.1\r\nHost: x\r\nContent-Type: "
                        + "application/json\r\nContent-Length: 999999\r\nExpect: 100-continue\r\n\r\n", 2000);
                assertFalse(answer.contains("100 Continue"), answer);
                assertTrue(answer.startsWith("HTTP/1.1 413"), answer);
                assertTrue(answer.contains("{\"error\":{\"status\":413,\"code\":\"REQUEST_TOO_LARGE\""), answer);
            }
        }

        @Test
        void aSmallEnoughLengthWithExpectGetsContinueThenTheAnswer() throws Exception {
            try (KpiService s = KpiService.start(ENGINE, SHORT); Socket sock = new Socket("127.0.0.1", s.port())) {
                byte[] body = KpiServiceTests.REQUEST.getBytes(UTF_8);
                OutputStream out = sock.getOutputStream();
                out.write(("POST /v1/evaluate HTTP/1.1\r\nHost: x\r\nContent-Length: " + body.length
                        + "\r\nExpect: 100-continue\r\nConnection: close\r\n\r\n").getBytes(UTF_8));
                out.flush();
                sock.setSoTimeout(3000);
                byte[] buf = new byte[25];
                int n = sock.getInputStream().read(buf);
                assertTrue(new String(buf, 0, n, UTF_8).startsWith("HTTP/1.1 100 Continue"));
                out.write(body);
                out.flush();
                String rest = readUntilQuiet(sock, 3000);
                assertTrue(rest.contains("HTTP/1.1 200 OK"), rest);
            }
        }

        @Test
        void conflictingOrBrokenFramingIsAnsweredInJson() throws Exception {
            try (KpiService s = KpiService.start(ENGINE, SHORT)) {
                for (String headers : List.of("Content-Length: 5\r\nTransfer-Encoding: chunked\r\n",
                        "Content-Length: 5\r\nContent-Length: 6\r\n", "Content-Length: abc\r\n",
                        "Transfer-Encoding: gzip\r\n")) {
                    String answer = exchange(s.port(), "POST /v1/evaluate HTTP/1.1\r\nHost: x\r\n" + headers
                            + "\r\n0\r\n\r\n", 2000);
                    assertTrue(answer.matches("(?s)HTTP/1\\.1 (400|501) .*"), headers + answer);
                    assertTrue(answer.contains("Content-Type: application/json; charset=utf-8"), answer);
                    assertTrue(answer.contains("{\"error\":{\"status\":"), answer);
                    assertFalse(answer.contains("<html") || answer.contains("Exception"), answer);
                }
                String answer = exchange(s.port(), "GET /health HTTP/1.1\r\nHost: x\r\nX: " + "y".repeat(20_000)
                        + "\r\n\r\n", 2000);
                assertTrue(answer.startsWith("HTTP/1.1 431"), answer);
                assertTrue(answer.contains("\"code\":\"HEADERS_TOO_LARGE\""), answer);
            }
        }

        @Test
        void aBodyShorterThanItsLengthIsCutAtTheDeadlineWithoutHoldingAThread() throws Exception {
            try (KpiService s = KpiService.start(ENGINE, SHORT.withPools(1, 2))) {
                CompletableFuture<String> liar = CompletableFuture.supplyAsync(() -> {
                    try {
                        return exchange(s.port(), "POST /v1/evaluate HTTP/1.1\r\nHost: x\r\nContent-Length: 500\r\n"
                                + "\r\n{\"records\":[]}", 4000);
                    } catch (IOException e) {
                        return e.toString();
                    }
                });
                assertEquals(200, post(s, KpiServiceTests.REQUEST).statusCode());
                String answer = liar.get(10, TimeUnit.SECONDS);
                assertTrue(answer.startsWith("HTTP/1.1 408"), answer);
                assertTrue(answer.contains("\"code\":\"REQUEST_TIMEOUT\""), answer);
            }
        }
    }

    /** Issue item 2: SIGTERM cut requests in flight and the log held lines for undelivered responses. */
    @Nested
    class Shutdown {
        @Test
        void closingFinishesTheRequestInFlightAndLogsOnlyDeliveredResponses(@TempDir Path dir) throws Exception {
            Path log = dir.resolve("decisions.jsonl");
            KpiService s = KpiService.start(ENGINE, SHORT.withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(5),
                    Duration.ofSeconds(5)).withDecisionLog(log));
            byte[] body = KpiServiceTests.REQUEST.getBytes(UTF_8);
            assertEquals(200, get(s, "/health").statusCode()); // warm: the request below is handled at once
            try (Socket sock = new Socket("127.0.0.1", s.port())) {
                OutputStream out = sock.getOutputStream();
                out.write(("POST /v1/evaluate HTTP/1.1\r\nHost: x\r\nContent-Length: " + body.length + "\r\n\r\n")
                        .getBytes(UTF_8));
                out.write(body, 0, 10);
                out.flush();
                Thread.sleep(300);
                Thread closer = new Thread(s::close);
                closer.start();
                Thread.sleep(100);
                // no new connection is taken while it drains
                assertTrue(refused(s.port()), "a connection was accepted during the drain");
                out.write(body, 10, body.length - 10);
                out.flush();
                String answer = readUntilQuiet(sock, 5000);
                assertTrue(answer.startsWith("HTTP/1.1 200"), answer);
                assertTrue(answer.contains("\"summary\""), answer);
                closer.join(10_000);
                assertFalse(closer.isAlive());
            }
            assertEquals(1, Files.readAllLines(log).size(), "one line for the one delivered response");
        }

        private static boolean refused(int port) {
            try (Socket probe = new Socket("127.0.0.1", port)) {
                probe.getOutputStream().write("GET /health HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(UTF_8));
                return !readUntilQuiet(probe, 200).startsWith("HTTP/1.1 200");
            } catch (IOException e) {
                return true;
            }
        }

        @Test
        void aClientThatLeavesBeforeTheEndGetsNoDecisionLogLine(@TempDir Path dir) throws Exception {
            Path log = dir.resolve("decisions.jsonl");
            StringBuilder records = new StringBuilder("{\"asOf\":\"2022-12-31\",\"records\":[");
            for (int i = 0; i < 3000; i++) {
                records.append(i == 0 ? "" : ",").append("{\"unit\":{\"id\":\"u").append(i)
                        .append("\",\"level\":\"COMMUNE\"},\"period\":{\"from\":\"2022-01-01\",\"to\":\"2022-12-31\"},"
                                + "\"metrics\":{\"dossiers.level4.total\":120,\"dossiers.level4.online\":50}}");
            }
            byte[] body = records.append("]}").toString().getBytes(UTF_8);
            try (KpiService s = KpiService.start(ENGINE, SHORT.withMaxBytes(1 << 20).withDecisionLog(log))) {
                try (Socket sock = new Socket("127.0.0.1", s.port())) {
                    sock.setReceiveBufferSize(4096);
                    sock.getOutputStream().write(("POST /v1/evaluate HTTP/1.1\r\nHost: x\r\nContent-Length: "
                            + body.length + "\r\n\r\n").getBytes(UTF_8));
                    sock.getOutputStream().write(body);
                    sock.getOutputStream().flush();
                    byte[] head = new byte[64];
                    sock.setSoTimeout(10_000);
                    assertTrue(sock.getInputStream().read(head) > 0);
                    sock.setSoLinger(true, 0); // leave with a reset, the response unread
                }
                Thread.sleep(1500);
                assertEquals(200, post(s, KpiServiceTests.REQUEST).statusCode());
            }
            List<String> lines = Files.readAllLines(log);
            assertEquals(1, lines.size(), "only the delivered response is logged: " + lines);
            assertTrue(lines.get(0).contains("\"records\":1,"), lines.get(0));
        }
    }
}
