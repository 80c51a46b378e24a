package io.github.cqskpi.examples.service;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.github.cqskpi.KpiEngine;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document is a valid 3.1 document whose schemas are valid JSON Schema 2020-12, and
 * what the service really answers validates against the schema the document gives for it.
 */
class OpenApiTests {

    static final String DOC = "io/github/cqskpi/examples/service/openapi.json";
    static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    static KpiService service;
    static JsonNode doc;

    @BeforeAll
    static void start() throws IOException {
        service = KpiService.start(KpiEngine.builder(), ServiceSettings.defaults().withPort(0).withMaxBytes(1 << 20));
        try (InputStream in = OpenApiTests.class.getClassLoader().getResourceAsStream(DOC)) {
            doc = new ObjectMapper().readTree(in);
        }
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    static Schema schema(String name) {
        return SCHEMAS.getSchema(SchemaLocation.of("classpath:" + DOC + "#/components/schemas/" + name));
    }

    static void assertValid(String schemaName, String json) {
        List<Error> errors = schema(schemaName).validate(json, InputFormat.JSON);
        assertTrue(errors.isEmpty(), schemaName + ": " + errors + "\n" + json.substring(0, Math.min(600, json.length())));
    }

    static HttpResponse<String> call(String method, String path, String body, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.port() + path));
        if (headers.length > 0) {
            b.headers(headers);
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString(UTF_8));
    }

    @Test
    void isOpenApi31WithAnOperationIdAndA4xxForEveryOperationAndServers() {
        assertEquals("3.1.0", doc.get("openapi").asText());
        assertFalse(doc.get("servers").isEmpty());
        Set<String> ids = new HashSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> p = doc.get("paths").fields(); p.hasNext();) {
            Map.Entry<String, JsonNode> path = p.next();
            for (Iterator<Map.Entry<String, JsonNode>> o = path.getValue().fields(); o.hasNext();) {
                Map.Entry<String, JsonNode> op = o.next();
                String where = op.getKey() + " " + path.getKey();
                assertTrue(ids.add(op.getValue().get("operationId").asText()), "operationId twice: " + where);
                boolean has4xx = false;
                for (Iterator<String> s = op.getValue().get("responses").fieldNames(); s.hasNext();) {
                    has4xx |= s.next().startsWith("4");
                }
                assertTrue(has4xx, where);
            }
        }
    }

    @Test
    void everySchemaIsValidJsonSchema2020AndEveryReferenceResolves() {
        Schema meta = SCHEMAS.getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));
        List<String> problems = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = doc.get("components").get("schemas").fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            List<Error> errors = meta.validate(e.getValue().toString(), InputFormat.JSON);
            if (!errors.isEmpty()) {
                problems.add(e.getKey() + ": " + errors);
            }
        }
        assertEquals(List.of(), problems);
        Set<String> missing = new TreeSet<>();
        refs(doc, missing);
        assertEquals(Set.of(), missing, "references to nothing");
    }

    private static void refs(JsonNode n, Set<String> missing) {
        if (n.isObject() && n.has("$ref")) {
            String ref = n.get("$ref").asText();
            if (!ref.startsWith("#/") || doc.at(ref.substring(1)).isMissingNode()) {
                missing.add(ref);
            }
        }
        for (JsonNode child : n) {
            refs(child, missing);
        }
    }

    @Test
    void realEvaluationsValidateAgainstTheResponseSchema() throws Exception {
        for (String sample : List.of("dak-nong-2022.json", "with-errors.json")) {
            String request = Files.readString(Path.of("src/main/resources/samples/" + sample), UTF_8);
            assertValid("Request", request);
            HttpResponse<String> r = call("POST", "/v1/evaluate", request, "Content-Type", "application/json");
            assertEquals(200, r.statusCode(), r.body());
            assertValid("Response", r.body());
        }
        HttpResponse<String> r = call("POST", "/v1/evaluate", KpiServiceTests.REQUEST);
        assertValid("Response", r.body());
    }

    @Test
    void theCatalogueRuleSetsAndHealthValidate() throws Exception {
        assertValid("RuleSets", call("GET", "/v1/rule-sets", null).body());
        for (var rs : KpiServiceTests.ENGINE.ruleSets()) {
            HttpResponse<String> r = call("GET", "/v1/targets?ruleSet=" + rs.ref().id() + "@" + rs.ref().version(), null);
            assertEquals(200, r.statusCode());
            assertValid("Catalogue", r.body());
        }
        assertValid("Health", call("GET", "/health", null).body());
        assertValid("OpenApiDocument", call("GET", "/v1/openapi.json", null).body());
    }

    @Test
    void everyErrorTheServiceAnswersValidatesAgainstTheErrorSchema() throws Exception {
        List<HttpResponse<String>> errors = List.of(
                call("POST", "/v1/evaluate", "{\"records\":["),
                call("POST", "/v1/evaluate", "{\"ruleSet\":\"nope\",\"records\":[]}"),
                call("GET", "/v1/targets?ruleSet=nope", null),
                call("GET", "/nothing", null),
                call("DELETE", "/health", null),
                call("GET", "/health", null, "Accept", "image/png"),
                call("POST", "/v1/evaluate", "a=b", "Content-Type", "application/x-www-form-urlencoded"));
        Set<Integer> statuses = new TreeSet<>();
        for (HttpResponse<String> r : errors) {
            statuses.add(r.statusCode());
            assertValid("Error", r.body());
            assertEquals(r.statusCode(), new ObjectMapper().readTree(r.body()).get("error").get("status").asInt());
        }
        assertEquals(Set.of(400, 404, 405, 406, 415), statuses);
        // 413, 408 and a malformed request, by hand: the length is declared, the body never sent
        for (String raw : List.of("POST /v1/evaluate HTTP/1.1\r\nHost: x\r\nContent-Length: 2000000\r\n\r\n",
                "POST /v1/evaluate HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n")) {
            String answer = HostileClientTests.exchange(service.port(), raw, 2000);
            assertTrue(answer.startsWith("HTTP/1.1 4"), answer);
            assertValid("Error", answer.substring(answer.indexOf("\r\n\r\n") + 4));
        }
    }
}
