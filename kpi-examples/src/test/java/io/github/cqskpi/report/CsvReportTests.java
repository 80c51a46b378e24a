package io.github.cqskpi.report;

import static io.github.cqskpi.report.ReportFixtures.SAMPLE;
import static io.github.cqskpi.report.ReportFixtures.WITH_ERRORS;
import static io.github.cqskpi.report.ReportFixtures.evaluate;
import static io.github.cqskpi.report.ReportFixtures.parseCsv;
import static io.github.cqskpi.report.ReportFixtures.read;
import static io.github.cqskpi.report.ReportFixtures.report;
import static io.github.cqskpi.report.ReportFixtures.request;
import static io.github.cqskpi.report.ReportFixtures.utf8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.cqskpi.EvaluationResponse;
import io.github.cqskpi.Measurement;
import io.github.cqskpi.RecordError;
import io.github.cqskpi.TargetResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The CSV report: a row for every result and every error, RFC 4180 quoting, UTF-8 text intact. */
class CsvReportTests {

    private static int col(String name) {
        int i = CsvReport.HEADER.indexOf(name);
        assertTrue(i >= 0, name);
        return i;
    }

    @Test
    void theSampleGivesOneRowAResultInTheResponsesOrder() throws Exception {
        byte[] request = read(SAMPLE);
        EvaluationResponse r = evaluate(request);
        List<List<String>> rows = parseCsv(utf8(report("csv", request)));

        assertEquals(CsvReport.HEADER, rows.get(0));
        assertEquals(r.results().size() + 1, rows.size(), "a header and one row a result; the sample has no error");
        JsonNode records = ReportFixtures.JSON.readTree(request).get("records");
        int gaps = 0;
        for (int i = 0; i < r.results().size(); i++) {
            TargetResult t = r.results().get(i);
            List<String> row = rows.get(i + 1);
            assertEquals(CsvReport.HEADER.size(), row.size(), "row " + i);
            assertEquals(Integer.toString(t.record()), row.get(col("record")));
            assertEquals(t.unitId(), row.get(col("unit_id")));
            JsonNode unit = records.get(t.record()).get("unit");
            assertEquals(unit.get("name").asText(), row.get(col("unit_name")), "the name comes from the request");
            assertEquals(unit.get("level").asText(), row.get(col("level")));
            assertEquals(t.period().from().toString(), row.get(col("period_from")));
            assertEquals(t.period().to().toString(), row.get(col("period_to")));
            assertEquals(t.target(), row.get(col("target")));
            assertEquals(t.clause(), row.get(col("clause")));
            assertEquals(t.status().name(), row.get(col("status")));
            assertEquals(t.reason().map(x -> x.code().name()).orElse(""), row.get(col("reason_code")));
            assertEquals(t.message().vi(), row.get(col("message_vi")));
            assertEquals(t.message().en(), row.get(col("message_en")));
            assertEquals(t.required().map(q -> CsvCells.operator(q.operator())).orElse(""), row.get(col("required_operator")));
            if (t.actual().isPresent() && t.actual().get() instanceof Measurement.OfRatio m) {
                assertEquals(Long.toString(m.ratio().numerator()), row.get(col("numerator")));
                assertEquals(Long.toString(m.ratio().denominator()), row.get(col("denominator")));
                assertEquals(m.ratio().percent().map(p -> p.toPlainString()).orElse(""), row.get(col("percent")));
            }
            assertEquals(t.gap().map(g -> g.key()).orElse(""), row.get(col("gap_key")));
            assertEquals(t.gap().map(g -> Long.toString(g.change())).orElse(""), row.get(col("gap_change")));
            gaps += t.gap().isPresent() ? 1 : 0;
            assertEquals("", row.get(col("error_code")));
        }
        assertTrue(gaps > 0, "the sample has unmet targets with a gap");
    }

    @Test
    void measuredAndRequiredFiguresFillTheirOwnColumns() {
        byte[] request = read(SAMPLE);
        List<List<String>> rows = parseCsv(utf8(report("csv", request)));
        Map<String, List<String>> firstMet = new TreeMap<>();
        for (List<String> row : rows.subList(1, rows.size())) {
            if (row.get(col("status")).equals("MET") || row.get(col("status")).equals("NOT_MET")) {
                firstMet.putIfAbsent(row.get(col("target")), row);
            }
        }
        // A ratio: numerator, denominator, percent; its figure with a percent sign.
        List<String> doc = firstMet.get("DOC_ELECTRONIC");
        assertEquals("eq", doc.get(col("required_operator")), "a word, never a bare = a spreadsheet reads as a formula");
        assertEquals("100%", doc.get(col("required_figure")));
        assertTrue(doc.get(col("percent")).matches("\\d+\\.\\d\\d"), doc.toString());
        // A deadline: the date submitted and the date due.
        List<String> report = firstMet.get("COMPUTER_REPORT");
        assertTrue(report.get(col("date")).matches("\\d{4}-\\d\\d-\\d\\d"), report.toString());
        assertEquals("before", report.get(col("required_operator")));
        assertTrue(report.get(col("required_figure")).matches("\\d{4}-\\d\\d-\\d\\d"), report.toString());
        assertEquals("", report.get(col("numerator")));
        // A count.
        List<String> paper = firstMet.get("NO_PAPER_RESUBMISSION");
        assertTrue(paper.get(col("value")).matches("\\d+"), paper.toString());
        assertEquals("0", paper.get(col("required_figure")));
        // A flag.
        List<String> portal = firstMet.get("DT_PORTAL_SECTION");
        assertEquals("true", portal.get(col("done")));
        assertEquals("done", portal.get(col("required_operator")));
        // A trend: this period's ratio and the previous one's.
        List<String> trend = firstMet.get("ONLINE_PAYMENT_TREND");
        assertTrue(trend.get(col("previous_denominator")).matches("\\d+"), trend.toString());
        assertTrue(trend.get(col("numerator")).matches("\\d+"), trend.toString());
        assertEquals("rises", trend.get(col("required_operator")));
    }

    @Test
    void everyErrorOfARejectedRecordIsARejectedRowAndNothingIsDropped() {
        byte[] request = read(WITH_ERRORS);
        EvaluationResponse r = evaluate(request);
        assertFalse(r.errors().isEmpty(), "the sample has errors");
        List<List<String>> rows = parseCsv(utf8(report("csv", request)));

        assertEquals(1 + r.results().size() + r.errors().size(), rows.size());
        List<List<String>> rejected = new ArrayList<>();
        for (List<String> row : rows.subList(1, rows.size())) {
            if (row.get(col("status")).equals(CsvReport.REJECTED)) {
                rejected.add(row);
            }
        }
        assertEquals(r.errors().size(), rejected.size());
        for (int i = 0; i < r.errors().size(); i++) {
            RecordError e = r.errors().get(i);
            List<String> row = rejected.get(i);
            assertEquals(Integer.toString(e.record()), row.get(col("record")));
            assertEquals(e.code().name(), row.get(col("error_code")));
            assertEquals(e.path(), row.get(col("error_path")));
            assertEquals(e.message(), row.get(col("error_message")));
            assertEquals("", row.get(col("target")));
        }
        // The reversed period is shown as the request wrote it.
        List<String> reversed = rejected.stream().filter(x -> x.get(col("error_code")).equals("PERIOD_REVERSED"))
                .findFirst().orElseThrow();
        assertEquals("2022-03-31", reversed.get(col("period_from")));
        assertEquals("Báo Đắk Nông", reversed.get(col("unit_name")));
        // Rows follow the records' order.
        int last = -1;
        for (List<String> row : rows.subList(1, rows.size())) {
            int record = Integer.parseInt(row.get(col("record")));
            assertTrue(record >= last, "record " + record + " after " + last);
            last = record;
        }
    }

    @Test
    void namesWithCommasQuotesAndLineBreaksComeBackExactly() {
        String comma = "UBND xã Quảng Sơn, huyện Đắk Glong";
        String quotes = "Xã \"Mới\" (tên \"tạm\")";
        String lines = "Phường Nghĩa Đức\r\nthành phố Gia Nghĩa\nĐắk Nông";
        byte[] request = request(new String[] {"xa-a", comma, "COMMUNE"}, new String[] {"xa-b", quotes, "COMMUNE"},
                new String[] {"xa-c", lines, "COMMUNE"});
        String csv = utf8(report("csv", request));
        List<List<String>> rows = parseCsv(csv);

        Map<String, String> names = new TreeMap<>();
        for (List<String> row : rows.subList(1, rows.size())) {
            assertEquals(CsvReport.HEADER.size(), row.size());
            names.put(row.get(col("unit_id")), row.get(col("unit_name")));
        }
        assertEquals(Map.of("xa-a", comma, "xa-b", quotes, "xa-c", lines), names);
        assertTrue(csv.contains("\"Xã \"\"Mới\"\" (tên \"\"tạm\"\")\""), "quotes are doubled inside quotes");
        assertTrue(csv.contains("\"UBND xã Quảng Sơn, huyện Đắk Glong\""), "a comma makes a quoted field");
    }

    @Test
    void fieldsAreQuotedOnlyWhenTheyMustBe() {
        assertEquals("plain", CsvReport.field("plain"));
        assertEquals("Sở Tư pháp", CsvReport.field("Sở Tư pháp"));
        assertEquals("", CsvReport.field(""));
        assertEquals("\"a,b\"", CsvReport.field("a,b"));
        assertEquals("\"say \"\"hi\"\"\"", CsvReport.field("say \"hi\""));
        assertEquals("\"a\nb\"", CsvReport.field("a\nb"));
        assertEquals("\"a\rb\"", CsvReport.field("a\rb"));
    }

    @Test
    void vietnameseTextIsUtf8WithoutAByteOrderMarkAndLinesEndInCrLf() {
        byte[] csv = report("csv", read(SAMPLE));
        assertFalse(csv.length >= 3 && (csv[0] & 0xFF) == 0xEF && (csv[1] & 0xFF) == 0xBB, "no byte-order mark");
        String text = utf8(csv);
        assertArrayEquals(csv, text.getBytes(java.nio.charset.StandardCharsets.UTF_8), "valid UTF-8");
        assertTrue(text.contains("Văn phòng UBND tỉnh"), "a name with diacritics");
        assertTrue(text.contains("UBND xã Quảng Tâm, huyện Tuy Đức"));
        assertTrue(text.contains("không đạt"), "Vietnamese messages");
        assertTrue(text.startsWith(String.join(",", CsvReport.HEADER) + "\r\n"));
        // The strict parser fails on a bare CR or LF outside quotes.
        assertEquals(evaluate(read(SAMPLE)).results().size() + 1, parseCsv(text).size());
        assertTrue(text.endsWith("\r\n"));
    }

    @Test
    void theSameRequestGivesTheSameBytes() {
        byte[] request = read(WITH_ERRORS);
        assertArrayEquals(report("csv", request), report("csv", request));
    }
}
