package org.example.springboot;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cqskpi.KpiEngine;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The application on a real port (bound to 127.0.0.1), spoken to over HTTP as a portal would. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "server.address=127.0.0.1")
class KpiApplicationTests {

    static final String REQUEST = """
            {"asOf":"2022-12-31","ruleSet":"dak-nong-2022","ruleSetVersion":"1.0.0","records":[
              {"unit":{"id":"xa-quang-son","name":"UBND xã Quảng Sơn","level":"COMMUNE","roles":[]},
               "period":{"from":"2022-01-01","to":"2022-12-31"},
               "metrics":{"dossiers.level4.total":120,"dossiers.level4.online":50}},
              {"unit":{"id":"xa-dak-ha","level":"COMMUNE","roles":[]},
               "period":{"from":"2022-01-01","to":"2022-12-31"},
               "metrics":{"dossiers.level4.total":"many"}}]}
            """;

    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @Autowired
    KpiEngine engine;

    HttpResponse<String> post(String path, String contentType, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body, UTF_8)).build(), HttpResponse.BodyHandlers.ofString(UTF_8));
    }

    HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString(UTF_8));
    }

    @Test
    void evaluateStreamsTheContractsJsonByteForByte() throws Exception {
        HttpResponse<String> r = post("/v1/evaluate", "application/json", REQUEST);
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        assertEquals(engine.toJson(engine.evaluateJson(REQUEST)), r.body(),
                "the service answers with the very bytes the library writes");
        JsonNode body = JSON.readTree(r.body());
        assertEquals("dak-nong-2022", body.at("/ruleSet/id").asText());
        assertEquals(1, body.at("/summary/rejected").asInt(), "the bad record is rejected, the other evaluated");
        assertEquals("/records/1/metrics/dossiers.level4.total", body.at("/errors/0/path").asText());
        boolean met = false;
        for (JsonNode result : body.get("results")) {
            met |= result.get("target").asText().equals("DOSSIER_ONLINE_L4") && result.get("status").asText().equals("MET");
        }
        assertTrue(met, "DOSSIER_ONLINE_L4 is MET for 50 of 120 at commune level in 2022");
    }

    @Test
    void overridesInTheQueryTakeThePlaceOfTheRequestsOwn() throws Exception {
        HttpResponse<String> r = post("/v1/evaluate?ruleSet=dak-nong-2022@1.1.0&asOf=2022-06-30", "application/json",
                REQUEST);
        assertEquals(200, r.statusCode(), r.body());
        JsonNode body = JSON.readTree(r.body());
        assertEquals("1.1.0", body.at("/ruleSet/version").asText());
        assertEquals("2022-06-30", body.at("/asOf").asText());
    }

    @Test
    void anUnreadableRequestIsA400WithAJsonErrorAndNoResponse() throws Exception {
        HttpResponse<String> r = post("/v1/evaluate", "application/json", "{\"records\": [");
        assertEquals(400, r.statusCode(), r.body());
        JsonNode error = JSON.readTree(r.body()).get("error");
        assertEquals(400, error.get("status").asInt());
        assertEquals("UNREADABLE_REQUEST", error.get("code").asText());
        assertFalse(r.body().contains("\"results\""), r.body());
    }

    @Test
    void anUnknownRuleSetIsA400NamingWhatIsLoaded() throws Exception {
        HttpResponse<String> r = post("/v1/evaluate?ruleSet=no-such-set", "application/json", REQUEST);
        assertEquals(400, r.statusCode(), r.body());
        JsonNode error = JSON.readTree(r.body()).get("error");
        assertEquals("UNKNOWN_RULE_SET", error.get("code").asText());
        assertTrue(error.get("message").asText().contains("dak-nong-2022@1.0.0"), r.body());
    }

    @Test
    void aBodyThatIsNotJsonIsRefusedBeforeTheEngine() throws Exception {
        HttpResponse<String> r = post("/v1/evaluate", "text/plain", REQUEST);
        assertEquals(415, r.statusCode(), r.body());
    }

    @Test
    void healthReportsTheLoadedRuleSets() throws Exception {
        HttpResponse<String> r = get("/actuator/health");
        assertEquals(200, r.statusCode(), r.body());
        JsonNode health = JSON.readTree(r.body());
        assertEquals("UP", health.get("status").asText());
        JsonNode ruleSets = health.at("/components/ruleSets");
        assertEquals("UP", ruleSets.get("status").asText(), r.body());
        List<String> loaded = new ArrayList<>();
        ruleSets.at("/details/loaded").forEach(n -> loaded.add(n.asText()));
        List<String> expected = engine.ruleSets().stream().map(s -> s.ref().id() + "@" + s.ref().version()).toList();
        assertEquals(expected, loaded);
        assertTrue(loaded.contains("dak-nong-2022@1.0.0") && loaded.contains("dak-nong-2022@1.1.0"), loaded.toString());
        assertEquals(engine.ruleSet("dak-nong-2022", "1.0.0").orElseThrow().ref().sha256(),
                ruleSets.at("/details/sha256/dak-nong-2022@1.0.0").asText());
    }

    @Test
    void oneJacksonVersionRunsBothTheLibraryAndSpring() {
        String core = com.fasterxml.jackson.core.json.PackageVersion.VERSION.toString();
        String databind = com.fasterxml.jackson.databind.cfg.PackageVersion.VERSION.toString();
        assertEquals(core, databind, "jackson-core and jackson-databind come from one release");
        assertTrue(core.startsWith("2.22."), "the Jackson kpi-core is built with: " + core);
    }
}
