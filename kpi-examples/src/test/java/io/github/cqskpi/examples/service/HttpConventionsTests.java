package io.github.cqskpi.examples.service;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Content types, Accept, HEAD, OPTIONS, CORS, the bound address and one code for an unknown rule set. */
class HttpConventionsTests {

    static HttpResponse<String> call(KpiService s, String method, String path, String body, String... headers)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.port() + path))
                .timeout(Duration.ofSeconds(20));
        if (headers.length > 0) {
            b.headers(headers);
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString(UTF_8));
    }

    static KpiService start(ServiceSettings settings) throws Exception {
        return KpiService.start(KpiServiceTests.ENGINE, settings.withPort(0));
    }

    @Nested
    class ContentTypes {
        @Test
        void jsonIsReadWithOrWithoutAContentTypeAndAnythingElseIs415() throws Exception {
            try (KpiService s = start(ServiceSettings.defaults())) {
                String req = KpiServiceTests.REQUEST;
                assertEquals(200, call(s, "POST", "/v1/evaluate", req).statusCode());
                assertEquals(200, call(s, "POST", "/v1/evaluate", req, "Content-Type", "application/json").statusCode());
                assertEquals(200, call(s, "POST", "/v1/evaluate", req, "Content-Type",
                        "application/json; charset=UTF-8").statusCode());
                for (String type : List.of("text/plain", "application/x-www-form-urlencoded", "application/xml",
                        "application/json; charset=latin1")) {
                    HttpResponse<String> r = call(s, "POST", "/v1/evaluate", req, "Content-Type", type);
                    assertEquals(415, r.statusCode(), type);
                    assertEquals("application/json, text/csv, "
                            + "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                            r.headers().firstValue("Accept-Post").orElse(""));
                    assertTrue(r.body().contains("\"code\":\"UNSUPPORTED_MEDIA_TYPE\""), r.body());
                }
            }
        }

        @Test
        void acceptGivesJsonCsvOrHtmlAnd406ForWhatCannotBeServed() throws Exception {
            try (KpiService s = start(ServiceSettings.defaults())) {
                String req = KpiServiceTests.REQUEST;
                HttpResponse<String> csv = call(s, "POST", "/v1/evaluate", req, "Accept", "text/csv");
                assertEquals(200, csv.statusCode());
                assertEquals("text/csv; charset=utf-8", csv.headers().firstValue("Content-Type").orElse(""));
                assertTrue(csv.body().contains("xa-quang-son") && csv.body().contains("DOSSIER_ONLINE_L4"), csv.body());
                HttpResponse<String> html = call(s, "POST", "/v1/evaluate", req, "Accept",
                        "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8");
                assertEquals("text/html; charset=utf-8", html.headers().firstValue("Content-Type").orElse(""));
                assertTrue(html.body().contains("<html") && html.body().contains("UBND xã Quảng Sơn"));
                HttpResponse<String> json = call(s, "POST", "/v1/evaluate", req, "Accept", "text/csv;q=0.5, */*");
                assertEquals("application/json; charset=utf-8", json.headers().firstValue("Content-Type").orElse(""));
                HttpResponse<String> none = call(s, "POST", "/v1/evaluate", req, "Accept", "image/png");
                assertEquals(406, none.statusCode());
                assertTrue(none.body().contains("\"code\":\"NOT_ACCEPTABLE\""));
                assertEquals(406, call(s, "GET", "/v1/rule-sets", null, "Accept", "text/csv").statusCode());
                assertEquals(200, call(s, "GET", "/v1/rule-sets", null, "Accept", "application/*").statusCode());
            }
        }
    }

    @Nested
    class Methods {
        @Test
        void headIsAnsweredWhereverGetIsWithTheHeadersAndNoBody() throws Exception {
            try (KpiService s = start(ServiceSettings.defaults())) {
                for (String path : List.of("/health", "/v1/rule-sets", "/v1/targets", "/v1/openapi.json")) {
                    HttpResponse<String> get = call(s, "GET", path, null);
                    HttpResponse<String> head = call(s, "HEAD", path, null);
                    assertEquals(200, head.statusCode(), path);
                    assertEquals("", head.body());
                    assertEquals(get.headers().firstValue("Content-Length"), head.headers().firstValue("Content-Length"));
                }
                assertEquals(405, call(s, "HEAD", "/v1/evaluate", null).statusCode());
            }
        }

        @Test
        void optionsListsTheMethodsOfThePath() throws Exception {
            try (KpiService s = start(ServiceSettings.defaults())) {
                HttpResponse<String> r = call(s, "OPTIONS", "/health", null);
                assertEquals(204, r.statusCode());
                assertEquals("GET, HEAD, OPTIONS", r.headers().firstValue("Allow").orElse(""));
                assertEquals("POST, OPTIONS", call(s, "OPTIONS", "/v1/evaluate", null).headers().firstValue("Allow")
                        .orElse(""));
                HttpResponse<String> put = call(s, "PUT", "/v1/evaluate", "{}");
                assertEquals(405, put.statusCode());
                assertEquals("POST, OPTIONS", put.headers().firstValue("Allow").orElse(""));
            }
        }
    }

    @Nested
    class Cors {
        @Test
        void noCorsHeadersUnlessAsked() throws Exception {
            try (KpiService s = start(ServiceSettings.defaults())) {
                HttpResponse<String> r = call(s, "OPTIONS", "/v1/evaluate", null, "Origin", "https://portal.example",
                        "Access-Control-Request-Method", "POST");
                assertEquals(204, r.statusCode());
                assertFalse(r.headers().firstValue("Access-Control-Allow-Origin").isPresent());
            }
        }

        @Test
        void anAllowedOriginGetsItsPreflightAndItsHeadersAndAnotherGetsNone() throws Exception {
            try (KpiService s = start(ServiceSettings.defaults().withCorsOrigins(List.of("https://portal.example",
                    "http://localhost:3000")))) {
                HttpResponse<String> pre = call(s, "OPTIONS", "/v1/evaluate", null, "Origin", "https://portal.example",
                        "Access-Control-Request-Method", "POST", "Access-Control-Request-Headers", "content-type");
                assertEquals(204, pre.statusCode());
                assertEquals("https://portal.example", pre.headers().firstValue("Access-Control-Allow-Origin").orElse(""));
                assertEquals("POST, OPTIONS", pre.headers().firstValue("Access-Control-Allow-Methods").orElse(""));
                assertTrue(pre.headers().firstValue("Access-Control-Allow-Headers").orElse("").contains("Content-Type"));
                HttpResponse<String> post = call(s, "POST", "/v1/evaluate", KpiServiceTests.REQUEST, "Origin",
                        "http://localhost:3000");
                assertEquals("http://localhost:3000", post.headers().firstValue("Access-Control-Allow-Origin").orElse(""));
                assertTrue(post.headers().allValues("Vary").contains("Origin"));
                HttpResponse<String> other = call(s, "GET", "/health", null, "Origin", "https://evil.example");
                assertEquals(200, other.statusCode());
                assertFalse(other.headers().firstValue("Access-Control-Allow-Origin").isPresent());
            }
        }

        @Test
        void aWrongOriginIsRefusedWhenTheServiceStarts() {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> ServiceSettings.defaults().withCorsOrigins(List.of("portal.example/")));
            assertTrue(e.getMessage().contains("\"portal.example/\""), e.getMessage());
        }
    }

    @Nested
    class Binding {
        @Test
        void loopbackUnlessToldAndTheStartUpLineSaysTheRealAddress() throws Exception {
            assertEquals("127.0.0.1", ServiceSettings.defaults().bind());
            try (KpiService s = start(ServiceSettings.defaults())) {
                assertEquals("http://127.0.0.1:" + s.port() + "/", s.uri());
            }
        }

        @Test
        void theCommandLinePrintsTheAddressItListensOnAndStopsOnSigtermWithExit0(@TempDir Path dir) throws Exception {
            Path log = dir.resolve("decisions.jsonl");
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                    "io.github.cqskpi.examples.cli.Main", "serve", "--port", "0", "--decision-log", log.toString(),
                    "--drain-seconds", "5").redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            try {
                BufferedReader err = new BufferedReader(new InputStreamReader(p.getErrorStream(), UTF_8));
                Pattern started = Pattern.compile("^kpi-cli: serving on http://127\\.0\\.0\\.1:(\\d+)/ ");
                Matcher m = null;
                StringBuilder seen = new StringBuilder();
                while (m == null) {
                    String line = err.readLine();
                    if (line == null) {
                        break;
                    }
                    seen.append(line).append('\n');
                    Matcher candidate = started.matcher(line);
                    m = candidate.find() ? candidate : null;
                }
                assertTrue(m != null, "no start-up line naming 127.0.0.1: " + seen);
                int port = Integer.parseInt(m.group(1));
                HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                        "http://127.0.0.1:" + port + "/v1/evaluate")).POST(HttpRequest.BodyPublishers.ofString(
                        KpiServiceTests.REQUEST)).build(), HttpResponse.BodyHandlers.ofString(UTF_8));
                assertEquals(200, r.statusCode());
                // SIGTERM, by kill: Process.destroy() would close the streams read below
                assertEquals(0, new ProcessBuilder("kill", "-TERM", Long.toString(p.pid())).start().waitFor());
                String rest = err.lines().collect(Collectors.joining("\n")); // to its end
                assertTrue(p.waitFor(20, TimeUnit.SECONDS), "still running after SIGTERM");
                assertEquals(0, p.exitValue(), rest);
                assertFalse(rest.contains("Exception"), rest);
                assertEquals(1, Files.readAllLines(log).size());
            } finally {
                p.destroyForcibly();
            }
        }

        @Test
        void badServeArgumentsAreUsageErrorsNamingTheValue() {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ServeCommand.settings(
                    name -> name.equals("--port") ? java.util.Optional.of("99999") : java.util.Optional.empty(),
                    List.of()));
            assertEquals("--port must be 0 to 65535, not 99999", e.getMessage());
            e = assertThrows(IllegalArgumentException.class, () -> ServeCommand.settings(
                    name -> name.equals("--max-bytes") ? java.util.Optional.of("0") : java.util.Optional.empty(),
                    List.of()));
            assertEquals("--max-bytes must be 1 to 9223372036854775807, not 0", e.getMessage());
        }
    }

    @Nested
    class UnknownRuleSets {
        @Test
        void oneCodeAndOneListOnEveryEndpointEmptyNameIncluded() throws Exception {
            try (KpiService s = start(ServiceSettings.defaults())) {
                String loaded = "\"loaded\":[\"dak-nong-2022@1.0.0\",\"dak-nong-2022@1.1.0\",\"example-province-2024@1.0.0\"]";
                HttpResponse<String> targets = call(s, "GET", "/v1/targets?ruleSet=nope", null);
                HttpResponse<String> version = call(s, "GET", "/v1/targets?ruleSet=dak-nong-2022@9.9.9", null);
                HttpResponse<String> empty = call(s, "GET", "/v1/targets?ruleSet=", null);
                HttpResponse<String> body = call(s, "POST", "/v1/evaluate", "{\"ruleSet\":\"nope\",\"records\":[]}");
                HttpResponse<String> query = call(s, "POST", "/v1/evaluate?ruleSet=nope", "{\"records\":[]}");
                HttpResponse<String> emptyQuery = call(s, "POST", "/v1/evaluate?ruleSet=", "{\"records\":[]}");
                assertEquals(404, targets.statusCode());
                assertEquals(400, body.statusCode());
                for (HttpResponse<String> r : List.of(targets, version, empty, body, query, emptyQuery)) {
                    assertTrue(r.body().contains("\"code\":\"UNKNOWN_RULE_SET\""), r.body());
                    assertTrue(r.body().contains("; loaded: dak-nong-2022@1.0.0, dak-nong-2022@1.1.0, "
                            + "example-province-2024@1.0.0\""), r.body());
                    assertTrue(r.body().contains(loaded), r.body());
                }
                assertTrue(empty.body().contains("unknown rule set \\\"\\\";"), empty.body());
                assertTrue(targets.body().contains("\"message\":\"unknown rule set nope;"), targets.body());
                assertTrue(body.body().contains("\"message\":\"unknown rule set nope;"), body.body());
            }
        }
    }
}
