package io.github.cqskpi.examples.service;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cqskpi.KpiEngine;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** POST /v1/evaluate with a table: the same bytes as the sample's JSON, the day and rule set from the query. */
class TableServiceTests {

    static final KpiEngine ENGINE = KpiEngine.builder().build();
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String QUERY = "?asOf=2022-12-31&ruleSet=dak-nong-2022&ruleSetVersion=1.0.0";
    static KpiService service;
    static HttpClient client;

    @BeforeAll
    static void start() throws Exception {
        service = KpiService.start(ENGINE, 0, 1 << 20);
        client = HttpClient.newHttpClient();
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    static HttpResponse<byte[]> post(String query, String type, byte[] body) throws Exception {
        HttpRequest r = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.port() + "/v1/evaluate" + query))
                .header("Content-Type", type).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        return client.send(r, HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void theSampleAsCsvOrXlsxGivesTheJsonsResponse() throws Exception {
        byte[] json = Files.readAllBytes(Path.of("src/main/resources/samples/dak-nong-2022.json"));
        HttpResponse<byte[]> expected = post("", "application/json", json);
        assertEquals(200, expected.statusCode());
        HttpResponse<byte[]> csv = post(QUERY, "text/csv; charset=utf-8",
                Files.readAllBytes(Path.of("src/main/resources/samples/dak-nong-2022.csv")));
        assertEquals(200, csv.statusCode(), new String(csv.body(), StandardCharsets.UTF_8));
        assertArrayEquals(expected.body(), csv.body());
        HttpResponse<byte[]> xlsx = post(QUERY, XLSX,
                Files.readAllBytes(Path.of("src/main/resources/samples/dak-nong-2022.xlsx")));
        assertEquals(200, xlsx.statusCode());
        assertArrayEquals(expected.body(), xlsx.body());
    }

    @Test
    void aBadCellNamesItsRowAndABadTableIs400() throws Exception {
        String table = "unit.id;unit.level;period.from;period.to;staff.total\nx;huyện;2022-01-01;2022-12-31;12 người\n";
        HttpResponse<byte[]> r = post("?asOf=2022-12-31", "text/csv", table.getBytes(StandardCharsets.UTF_8));
        assertEquals(200, r.statusCode());
        String body = new String(r.body(), StandardCharsets.UTF_8);
        assertTrue(body.contains("not \\\"12 người\\\" (row 2, column E; hàng 2, cột E)\""), body);
        HttpResponse<byte[]> bad = post("", "text/csv", "unit.id,nonsense\n".getBytes(StandardCharsets.UTF_8));
        assertEquals(400, bad.statusCode());
        assertTrue(new String(bad.body(), StandardCharsets.UTF_8).contains("unknown column \\\"nonsense\\\" (column B)"));
        assertEquals(400, post("?asOf=31/12/2022", "text/csv", table.getBytes(StandardCharsets.UTF_8)).statusCode());
        assertEquals(400, post("?ruleSet=dak-nong-2099", "text/csv", table.getBytes(StandardCharsets.UTF_8))
                .statusCode());
        assertEquals(400, post("", XLSX, table.getBytes(StandardCharsets.UTF_8)).statusCode(), "not a workbook");
        String many = "unit.id,unit.level,period.from,period.to\n" + "x,xã,2022-01-01,2022-12-31\n".repeat(10_001);
        HttpResponse<byte[]> tooMany = post("", "text/csv", many.getBytes(StandardCharsets.UTF_8));
        assertEquals(400, tooMany.statusCode());
        assertTrue(new String(tooMany.body(), StandardCharsets.UTF_8).contains("more than 10000 rows"));
    }
}
