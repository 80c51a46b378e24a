package io.github.cqskpi.examples.service;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cqskpi.KpiEngine;
import io.github.cqskpi.RequestOverrides;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The service on a loopback port, driven by the JDK's HTTP client. */
class KpiServiceTests {

    static final KpiEngine ENGINE = KpiEngine.builder().build();
    static final String REQUEST = "{\"asOf\":\"2022-12-31\",\"records\":[{\"unit\":{\"id\":\"xa-quang-son\","
            + "\"name\":\"UBND xã Quảng Sơn\",\"level\":\"COMMUNE\"},\"period\":{\"from\":\"2022-01-01\","
            + "\"to\":\"2022-12-31\"},\"metrics\":{\"dossiers.level4.total\":120,\"dossiers.level4.online\":50}}]}";

    static KpiService service;
    static HttpClient client;

    @BeforeAll
    static void start() throws IOException {
        service = KpiService.start(ENGINE, 0, 4096);
        client = HttpClient.newHttpClient();
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    static HttpResponse<byte[]> call(String method, String path, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.port() + path));
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        return client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static String text(HttpResponse<byte[]> r) {
        return new String(r.body(), StandardCharsets.UTF_8);
    }

    @Nested
    class Evaluate {
        @Test
        void givesTheSameBytesAsTheEngineWrites() throws Exception {
            HttpResponse<byte[]> r = call("POST", "/v1/evaluate", REQUEST);
            assertEquals(200, r.statusCode());
            assertEquals("application/json; charset=utf-8", r.headers().firstValue("Content-Type").orElse(""));
            ByteArrayOutputStream expected = new ByteArrayOutputStream();
            ENGINE.writeJson(ENGINE.evaluateJson(new ByteArrayInputStream(REQUEST.getBytes(StandardCharsets.UTF_8)),
                    RequestOverrides.none()), expected);
            assertArrayEquals(expected.toByteArray(), r.body());
            assertTrue(text(r).contains("\"target\":\"DOSSIER_ONLINE_L4\",\"clause\":\"1 ¶5\",\"status\":\"MET\""));
        }

        @Test
        void refusesAnUnreadableRequestWith400AndNoStackTrace() throws Exception {
            HttpResponse<byte[]> r = call("POST", "/v1/evaluate", "{\"records\": [");
            assertEquals(400, r.statusCode());
            assertTrue(text(r).startsWith("{\"error\":{\"status\":400,\"code\":\"UNREADABLE_REQUEST\""), text(r));
            assertFalse(text(r).contains("at io.github"), text(r));
        }

        @Test
        void refusesABodyPastTheLimitWith413() throws Exception {
            HttpResponse<byte[]> r = call("POST", "/v1/evaluate", "{\"records\":[" + " ".repeat(5000) + "]}");
            assertEquals(413, r.statusCode());
            assertTrue(text(r).contains("\"code\":\"REQUEST_TOO_LARGE\""), text(r));
        }

        @Test
        void allowsOnlyPost() throws Exception {
            HttpResponse<byte[]> r = call("GET", "/v1/evaluate", null);
            assertEquals(405, r.statusCode());
            assertEquals("POST, OPTIONS", r.headers().firstValue("Allow").orElse(""));
        }
    }

    @Nested
    class Catalogue {
        @Test
        void listsTheRuleSetsWithFingerprints() throws Exception {
            HttpResponse<byte[]> r = call("GET", "/v1/rule-sets", null);
            assertEquals(200, r.statusCode());
            for (var rs : ENGINE.ruleSets()) {
                assertTrue(text(r).contains("\"id\":\"" + rs.ref().id() + "\",\"version\":\"" + rs.ref().version()
                        + "\",\"sha256\":\"" + rs.ref().sha256() + "\""), rs.ref().toString());
            }
        }

        @Test
        void listsTheTargetsOfAVersionAndRefusesAnUnknownOne() throws Exception {
            HttpResponse<byte[]> r = call("GET", "/v1/targets?ruleSet=dak-nong-2022%401.0.0", null);
            assertEquals(200, r.statusCode());
            assertTrue(text(r).contains("\"id\":\"MEDIA_DT_COLUMN\""));
            assertTrue(text(r).contains("\"id\":\"INFO_MEDIA_PROPAGANDA\""));
            assertEquals(404, call("GET", "/v1/targets?ruleSet=dak-nong-2022@9.9.9", null).statusCode());
        }

        @Test
        void healthIsUp() throws Exception {
            HttpResponse<byte[]> r = call("GET", "/health", null);
            assertEquals(200, r.statusCode());
            assertTrue(text(r).startsWith("{\"status\":\"UP\""));
        }

        @Test
        void anUnknownPathIs404AsJson() throws Exception {
            HttpResponse<byte[]> r = call("GET", "/nothing", null);
            assertEquals(404, r.statusCode());
            assertTrue(text(r).contains("\"code\":\"NOT_FOUND\""));
        }
    }

    @Nested
    class OpenApi {
        @Test
        void isServedAndNamesExactlyThePathsTheServiceAnswers() throws Exception {
            HttpResponse<byte[]> r = call("GET", "/v1/openapi.json", null);
            assertEquals(200, r.statusCode());
            assertTrue(text(r).contains("\"openapi\": \"3.1.0\""));
            java.util.Set<String> documented = new java.util.TreeSet<>();
            Matcher m = Pattern.compile("\"(/[a-z0-9./-]*)\": \\{\\s*\"(get|post)\"").matcher(text(r));
            while (m.find()) {
                documented.add(m.group(2).toUpperCase() + " " + m.group(1));
                // every documented operation answers with something other than 404/405
                HttpResponse<byte[]> answer = call(m.group(2).toUpperCase(), m.group(1),
                        m.group(2).equals("post") ? REQUEST : null);
                assertEquals(200, answer.statusCode(), m.group(0));
            }
            assertEquals(java.util.Set.of("POST /v1/evaluate", "GET /v1/rule-sets", "GET /v1/targets", "GET /health",
                    "GET /v1/openapi.json"), documented);
        }
    }
}
