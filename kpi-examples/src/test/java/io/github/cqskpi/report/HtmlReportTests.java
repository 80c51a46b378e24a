package io.github.cqskpi.report;

import static io.github.cqskpi.report.ReportFixtures.SAMPLE;
import static io.github.cqskpi.report.ReportFixtures.WITH_ERRORS;
import static io.github.cqskpi.report.ReportFixtures.evaluate;
import static io.github.cqskpi.report.ReportFixtures.read;
import static io.github.cqskpi.report.ReportFixtures.report;
import static io.github.cqskpi.report.ReportFixtures.request;
import static io.github.cqskpi.report.ReportFixtures.utf8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.cqskpi.EvaluationResponse;
import io.github.cqskpi.Period;
import io.github.cqskpi.RecordError;
import io.github.cqskpi.RuleSetInfo;
import io.github.cqskpi.Status;
import io.github.cqskpi.TargetInfo;
import io.github.cqskpi.TargetResult;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The HTML report: well-formed, self-contained, complete (every target, every unit, every
 * error), escaped, and the same bytes for the same request.
 */
class HtmlReportTests {

    private static final Period YEAR_2022 = Period.year(2022);
    private static final XPath XPATH = XPathFactory.newInstance().newXPath();

    private static Document dom(byte[] html) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(false);
        f.setValidating(false);
        f.setExpandEntityReferences(false);
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        // Throws on any element left open, any stray '<' or '&', any unquoted attribute.
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(html));
    }

    private static NodeList nodes(Object from, String xpath) throws Exception {
        return (NodeList) XPATH.evaluate(xpath, from, XPathConstants.NODESET);
    }

    private static Element element(Object from, String xpath) throws Exception {
        Element e = (Element) XPATH.evaluate(xpath, from, XPathConstants.NODE);
        assertNotNull(e, xpath);
        return e;
    }

    private static String css(Status s) {
        return switch (s) {
            case MET -> "s-met";
            case NOT_MET -> "s-notmet";
            case PENDING -> "s-pending";
            case NOT_APPLICABLE -> "s-na";
            case INSUFFICIENT_DATA -> "s-nodata";
        };
    }

    @Test
    void everyElementIsClosedAndThePageHasItsSections() throws Exception {
        Document d = dom(report("html", read(SAMPLE)));
        Element html = d.getDocumentElement();
        assertEquals("html", html.getTagName());
        assertEquals("vi", html.getAttribute("lang"), "Vietnamese by default");
        assertEquals("utf-8", element(d, "/html/head/meta[@charset]").getAttribute("charset"));
        assertTrue(element(d, "/html/head/meta[@name='viewport']").getAttribute("content")
                .contains("width=device-width"), "readable on a phone");
        assertFalse(element(d, "/html/head/title").getTextContent().isBlank());
        for (String id : List.of("summary", "targets", "level-PROVINCE", "level-DISTRICT", "level-COMMUNE",
                "other-periods", "rejected")) {
            element(d, "/html/body/div[@class='page']/main/section[@id='" + id + "']");
        }
        // The language switch: Vietnamese checked, English one tap away, every text in both.
        assertEquals("checked", element(d, "//input[@id='lang-vi']").getAttribute("checked"));
        assertEquals("", element(d, "//input[@id='lang-en']").getAttribute("checked"));
        int vi = nodes(d, "//*[@class='vi']").getLength();
        assertTrue(vi > 100, "texts in Vietnamese: " + vi);
        assertEquals(vi, nodes(d, "//*[@class='en']").getLength(), "each Vietnamese text has its English");
        assertTrue(d.getDocumentElement().getTextContent().contains("Báo cáo chỉ tiêu Chính quyền số"));
        assertTrue(d.getDocumentElement().getTextContent().contains("Digital government targets report"));
    }

    @Test
    void nothingIsFetchedFromTheNetwork() {
        String html = utf8(report("html", read(WITH_ERRORS)));
        String lower = html.toLowerCase(Locale.ROOT);
        assertFalse(lower.contains("http://"), "no http:// anywhere");
        assertFalse(lower.contains("https://"), "no https:// anywhere");
        assertFalse(lower.contains("src="), "no src attribute: nothing loaded");
        assertFalse(lower.contains("<link"), "no linked style sheet or font");
        assertFalse(lower.contains("<script"), "no script");
        assertFalse(lower.contains("@import") || lower.contains("url("), "no CSS that loads anything");
        Matcher href = Pattern.compile("href=\"([^\"]*)\"").matcher(html);
        int links = 0;
        while (href.find()) {
            assertTrue(href.group(1).startsWith("#"), "only links within the page: " + href.group(1));
            links++;
        }
        assertTrue(links > 10, "the contents and the column headers link within the page");
        assertTrue(lower.contains("<style>"), "the style sheet is inline");
        assertTrue(lower.contains("<svg"), "the charts are inline");
    }

    @Test
    void everyTargetAndEveryUnitOfTheSampleIsThere() throws Exception {
        byte[] request = read(SAMPLE);
        EvaluationResponse r = evaluate(request);
        Document d = dom(report("html", request));
        String text = d.getDocumentElement().getTextContent();
        RuleSetInfo rs = ReportFixtures.engine().ruleSet(r.ruleSet().id(), r.ruleSet().version())
                .orElseThrow();
        for (TargetInfo t : rs.targets()) {
            assertTrue(text.contains(t.id()), t.id());
            assertTrue(text.contains(t.title().vi()), t.title().vi());
            if (!t.informational()) {
                element(d, "//figure[@id='t-" + t.id() + "']");
            }
        }
        assertTrue(text.contains(r.ruleSet().id() + "@" + r.ruleSet().version()));
        assertTrue(text.contains(r.ruleSet().sha256()));
        assertTrue(text.contains("31/12/2022"), "the as-of day");

        List<String> rowIds = new ArrayList<>();
        NodeList heads = nodes(d, "//tbody/tr/th[@class='u']");
        for (int i = 0; i < heads.getLength(); i++) {
            // A level's table puts the unit's rank before its name.
            rowIds.add(((Element) heads.item(i)).getAttribute("title") + "|"
                    + heads.item(i).getTextContent().replaceFirst("^\\d+ ", ""));
        }
        JsonNode records = ReportFixtures.JSON.readTree(request).get("records");
        int units = 0;
        for (JsonNode rec : records) {
            String key = rec.get("unit").get("id").asText() + "|" + rec.get("unit").get("name").asText();
            assertTrue(rowIds.contains(key), "a row for " + key);
            units++;
        }
        assertEquals(254, units, "the whole sample");
    }

    @Test
    void eachLevelsTableShowsTheStatusOfEveryUnitAndTargetOfTheMainPeriod() throws Exception {
        byte[] request = read(SAMPLE);
        EvaluationResponse r = evaluate(request);
        JsonNode records = ReportFixtures.JSON.readTree(request).get("records");
        Document d = dom(report("html", request));

        for (String level : List.of("PROVINCE", "DISTRICT", "COMMUNE")) {
            Map<Integer, Map<String, TargetResult>> expected = new LinkedHashMap<>();
            for (TargetResult t : r.results()) {
                if (t.period().equals(YEAR_2022)
                        && records.get(t.record()).get("unit").get("level").asText().equals(level)) {
                    expected.computeIfAbsent(t.record(), k -> new LinkedHashMap<>()).put(t.target(), t);
                }
            }
            Element section = element(d, "//section[@id='level-" + level + "']");
            NodeList columns = nodes(section, ".//thead/tr/th/a");
            List<String> targets = new ArrayList<>();
            for (int i = 0; i < columns.getLength(); i++) {
                targets.add(((Element) columns.item(i)).getAttribute("href").substring("#t-".length()));
            }
            NodeList rows = nodes(section, ".//tbody/tr");
            assertEquals(expected.size(), rows.getLength(), level + ": one row a unit");
            Map<String, Map<String, TargetResult>> byUnit = new LinkedHashMap<>();
            for (Map<String, TargetResult> results : expected.values()) {
                byUnit.put(results.values().iterator().next().unitId(), results);
            }
            long[] previous = null;
            for (int i = 0; i < rows.getLength(); i++) {
                Element row = (Element) rows.item(i);
                Map<String, TargetResult> results = byUnit.remove(element(row, "th").getAttribute("title"));
                assertNotNull(results, "one row a unit, each once: " + element(row, "th").getAttribute("title"));
                TargetResult any = results.values().iterator().next();
                long[] score = {results.values().stream().filter(t -> t.status() == Status.MET).count(),
                        results.values().stream().filter(t -> t.status() == Status.MET
                                || t.status() == Status.NOT_MET).count()};
                if (previous != null && previous[1] > 0 && score[1] > 0) {
                    // Worst first: met/judged never falls from one row to the next (exact, no division).
                    assertTrue(previous[0] * score[1] <= score[0] * previous[1], level + ": " + any.unitId()
                            + " ranks above a better unit");
                }
                previous = score;
                NodeList cells = nodes(row, "td[position() > 1]");
                assertEquals(targets.size(), cells.getLength());
                long met = results.values().stream().filter(t -> t.status() == Status.MET).count();
                long decided = results.values().stream()
                        .filter(t -> t.status() == Status.MET || t.status() == Status.NOT_MET).count();
                assertEquals(met + "/" + decided, element(row, "td[1]").getTextContent(), any.unitId());
                for (int c = 0; c < targets.size(); c++) {
                    Element cell = (Element) cells.item(c);
                    TargetResult t = results.get(targets.get(c));
                    if (t == null) {
                        assertEquals("none", cell.getAttribute("class"), any.unitId() + " " + targets.get(c));
                        continue;
                    }
                    assertEquals(css(t.status()), cell.getAttribute("class"), any.unitId() + " " + t.target());
                    assertEquals(Figures.mark(t.status()), element(cell, "span[@class='m']").getTextContent(),
                            "a text mark as well as a colour");
                    assertTrue(cell.getAttribute("title").contains(t.message().vi()));
                }
                assertTrue(results.keySet().stream().allMatch(targets::contains), "a column for each result");
            }
            assertTrue(byUnit.isEmpty(), level + ": no row for " + byUnit.keySet());
        }
    }

    @Test
    void eachLevelOpensWithItsBottomUnitsAndWhatTheirUnmetTargetsWouldTake() throws Exception {
        byte[] request = read(SAMPLE);
        EvaluationResponse r = evaluate(request);
        Document d = dom(report("html", request));
        for (String level : List.of("PROVINCE", "DISTRICT", "COMMUNE")) {
            Element section = element(d, "//section[@id='level-" + level + "']");
            // The list comes before the table, so that a phone shows it first.
            Element first = element(section, "div[@class='attn'] | div[@class='scroll']");
            assertEquals("attn", first.getAttribute("class"), level);
            NodeList bottom = nodes(first, "ol/li");
            assertTrue(bottom.getLength() > 0 && bottom.getLength() <= 5, level + ": " + bottom.getLength());
            NodeList tableRows = nodes(section, ".//tbody/tr");
            for (int i = 0; i < bottom.getLength(); i++) {
                // The same units as the table's first rows, in the same order.
                Element row = (Element) tableRows.item(i);
                String unitId = element(row, "th").getAttribute("title");
                String name = element(row, "th").getTextContent().replaceFirst("^\\d+ ", "");
                Element item = (Element) bottom.item(i);
                assertTrue(item.getTextContent().contains(name), item.getTextContent() + " / " + name);
                List<TargetResult> unmet = r.results().stream().filter(t -> t.unitId().equals(unitId)
                        && t.period().equals(YEAR_2022) && t.status() == Status.NOT_MET).toList();
                NodeList chips = nodes(item, "ul/li");
                assertEquals(unmet.size(), chips.getLength(), unitId);
                for (int c = 0; c < unmet.size(); c++) {
                    String chip = chips.item(c).getTextContent();
                    Optional<io.github.cqskpi.Gap> gap = unmet.get(c).gap();
                    if (gap.isPresent()) {
                        long n = Math.abs(gap.get().change());
                        assertTrue(chip.contains((gap.get().change() > 0 ? "cần thêm " : "cần giảm ") + n), chip);
                    }
                }
            }
        }
    }

    @Test
    void aLevelsSummedFigureSaysWhatTheLevelWouldTake() throws Exception {
        byte[] request = read(SAMPLE);
        EvaluationResponse r = evaluate(request);
        Document d = dom(report("html", request));
        int shown = 0;
        for (io.github.cqskpi.LevelRollup l : r.summary().levels()) {
            if (l.gap().isEmpty() || !l.period().equals(YEAR_2022)) {
                continue;
            }
            NodeList items = nodes(d, "//figure[@id='t-" + l.target() + "']//ul[@class='agg']/li");
            String words = Figures.words(l.level()).vi() + ":";
            boolean found = false;
            for (int i = 0; i < items.getLength(); i++) {
                String text = items.item(i).getTextContent();
                if (text.startsWith(words)) {
                    assertTrue(text.contains("cần thêm " + l.gap().get().change()), text);
                    found = true;
                }
            }
            assertTrue(found, l.toString());
            shown++;
        }
        assertTrue(shown > 0);
    }

    @Test
    void anUnmetCellShowsWhatItWouldTake() throws Exception {
        byte[] request = read(SAMPLE);
        EvaluationResponse r = evaluate(request);
        Document d = dom(report("html", request));
        NodeList gaps = nodes(d, "//section[@class='level']//td/span[@class='g']");
        long expected = r.results().stream().filter(t -> t.period().equals(YEAR_2022) && t.gap().isPresent()).count();
        assertEquals(expected, gaps.getLength());
        for (int i = 0; i < gaps.getLength(); i++) {
            assertTrue(gaps.item(i).getTextContent().matches("[+\u2212][1-9][0-9]*"), gaps.item(i).getTextContent());
            assertEquals("s-notmet", ((Element) gaps.item(i).getParentNode()).getAttribute("class"));
        }
    }

    @Test
    void theChartsCountTheUnitsOfEachLevelByStatus() throws Exception {
        byte[] request = read(SAMPLE);
        EvaluationResponse r = evaluate(request);
        JsonNode records = ReportFixtures.JSON.readTree(request).get("records");
        Document d = dom(report("html", request));
        for (String target : List.of("DOC_ELECTRONIC", "DOSSIER_ONLINE_L4", "ONLINE_PAYMENT_TREND")) {
            Map<String, EnumMap<Status, Integer>> counts = new LinkedHashMap<>();
            for (String level : List.of("PROVINCE", "DISTRICT", "COMMUNE")) {
                counts.put(level, new EnumMap<>(Status.class));
            }
            for (TargetResult t : r.results()) {
                if (t.target().equals(target) && t.period().equals(YEAR_2022)) {
                    counts.get(records.get(t.record()).get("unit").get("level").asText())
                            .merge(t.status(), 1, Integer::sum);
                }
            }
            NodeList labels = nodes(d, "//figure[@id='t-" + target + "']//*[local-name()='text'][@class='cnt']");
            assertEquals(3, labels.getLength(), target);
            int i = 0;
            for (EnumMap<Status, Integer> c : counts.values()) {
                String label = labels.item(i++).getTextContent();
                assertTrue(label.startsWith("\u2713" + c.getOrDefault(Status.MET, 0) + " \u2717"
                        + c.getOrDefault(Status.NOT_MET, 0)), target + ": " + label + " for " + c);
            }
        }
        // A target judged month by month is charted from its monthly records.
        long met = r.results().stream().filter(t -> t.target().equals("MEDIA_DT_COLUMN")
                && t.status() == Status.MET).count();
        long notMet = r.results().stream().filter(t -> t.target().equals("MEDIA_DT_COLUMN")
                && t.status() == Status.NOT_MET).count();
        assertTrue(met > 0 && notMet > 0);
        assertEquals("\u2713" + met + " \u2717" + notMet, element(d,
                "//figure[@id='t-MEDIA_DT_COLUMN']//*[local-name()='text'][@class='cnt']").getTextContent());
    }

    @Test
    void rejectedRecordsAreListedWithTheirErrors() throws Exception {
        byte[] request = read(WITH_ERRORS);
        EvaluationResponse r = evaluate(request);
        Document d = dom(report("html", request));
        NodeList rows = nodes(d, "//section[@id='rejected']//tbody/tr");
        assertEquals(r.errors().size(), rows.getLength());
        for (int i = 0; i < rows.getLength(); i++) {
            RecordError e = r.errors().get(i);
            String row = rows.item(i).getTextContent();
            assertTrue(row.contains(e.code().name()), row);
            assertTrue(row.contains(e.path()), row);
            assertTrue(row.contains(e.message()), row);
        }
        assertTrue(rows.item(0).getTextContent().contains("UBND xã Đắk Plao, huyện Đắk Glong"),
                "the unit's name from the request");
        // The rule set's own label for the key (its labels.json), not words kept in the library.
        assertTrue(rows.item(0).getTextContent().contains("Số hồ sơ mức độ 4 tiếp nhận trực tuyến"),
                "the field's plain name: " + rows.item(0).getTextContent());
        assertTrue(rows.item(0).getTextContent().contains("Số phần lớn hơn số tổng của nó"),
                "what is wrong, in Vietnamese: " + rows.item(0).getTextContent());
        assertTrue(element(d, "//section[@id='rejected']/h2").getTextContent().contains("(5)"));
    }

    @Test
    void aHostileUnitNameOrIdIsShownAsTextNeverAsMarkup() throws Exception {
        String name = "<script>alert(1)</script> & \"quotes\" 'too'";
        String id = "x\"><img src=x onerror=alert(1)>";
        byte[] good = request(new String[] {id, name, "COMMUNE"});
        byte[] bad = ReportFixtures.request(List.<String[]>of(new String[] {id, name, "DISTRICT"}), true);
        for (byte[] request : List.of(good, bad)) {
            byte[] html = report("html", request);
            String text = utf8(html);
            assertFalse(text.contains("<script"), "no script element");
            assertFalse(text.contains("<img"), "no image element");
            assertTrue(text.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot; &#39;too&#39;"),
                    "the name, escaped");
            Document d = dom(html);
            assertTrue(d.getDocumentElement().getTextContent().contains(name), "reads as the name itself");
            assertEquals(0, nodes(d, "//script | //img").getLength());
        }
        assertEquals(1, evaluate(bad).summary().rejected(), "the second request is indeed rejected");
        String shown = utf8(report("html", bad));
        assertTrue(shown.substring(shown.indexOf("id=\"rejected\"")).contains("&lt;script&gt;"),
                "the rejected record's name, escaped");
    }

    @Test
    void escapingCoversMarkupQuotesAndControlCharacters() {
        assertEquals("&lt;b&gt; &amp; &quot;x&quot; &#39;y&#39;", Html.esc("<b> & \"x\" 'y'"));
        assertEquals("Đắk Nông", Html.esc("Đắk Nông"));
        assertEquals("a\uFFFDb", Html.esc("a\u0001b"), "a control character XML forbids");
        assertEquals("a\uFFFDb", Html.esc("a\uD800b"), "a lone surrogate");
        assertEquals("\uD83D\uDE00", Html.esc("\uD83D\uDE00"), "a surrogate pair is kept");
        assertEquals("line\nbreak\ttab", Html.esc("line\nbreak\ttab"));
    }

    @Test
    void theSameRequestGivesTheSameBytes() {
        byte[] request = read(SAMPLE);
        byte[] first = report("html", request);
        byte[] second = report("html", request);
        assertArrayEquals(first, second);
        byte[] other = report("html", read(WITH_ERRORS));
        assertFalse(java.util.Arrays.equals(first, other), "a different request gives a different page");
    }

    @Test
    void aRequestPastTheLimitWritesNothingAndSaysToChooseCsv() throws Exception {
        byte[] request = read(SAMPLE);
        int records = evaluate(request).summary().records();
        java.io.StringWriter page = new java.io.StringWriter();
        ReportTooLargeException e = org.junit.jupiter.api.Assertions.assertThrows(ReportTooLargeException.class,
                () -> ReportFixtures.engine().evaluateJson(new java.io.ByteArrayInputStream(request),
                        io.github.cqskpi.RequestOverrides.none(),
                        Reports.listener(ReportFixtures.engine(), ReportFormat.HTML, page, records - 1)));
        assertEquals("", page.toString(), "nothing of the page is written");
        assertTrue(e.getMessage().contains("choose csv"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
        java.io.StringWriter whole = new java.io.StringWriter();
        ReportFixtures.engine().evaluateJson(new java.io.ByteArrayInputStream(request),
                io.github.cqskpi.RequestOverrides.none(),
                Reports.listener(ReportFixtures.engine(), ReportFormat.HTML, whole, records));
        assertEquals(utf8(report("html", request)), whole.toString(), "exactly at the limit, the whole page");
    }
}
