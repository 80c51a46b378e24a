package io.github.cqskpi.report;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cqskpi.EvaluationResponse;
import io.github.cqskpi.KpiEngine;
import io.github.cqskpi.RequestOverrides;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The engine, the samples and small requests the report tests share. */
final class ReportFixtures {

    static final Path SAMPLE = Path.of("src/main/resources/samples/dak-nong-2022.json");
    static final Path WITH_ERRORS = Path.of("src/main/resources/samples/with-errors.json");
    static final ObjectMapper JSON = new ObjectMapper();

    private static KpiEngine engine;

    private ReportFixtures() {
    }

    static synchronized KpiEngine engine() {
        if (engine == null) {
            engine = KpiEngine.builder().build();
        }
        return engine;
    }

    static byte[] read(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static EvaluationResponse evaluate(byte[] request) {
        try {
            return engine().evaluateJson(new ByteArrayInputStream(request), RequestOverrides.none());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The report as the command line writes it, from a fresh evaluation of the request. */
    static byte[] report(String format, byte[] request) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Reports.write(engine(), ReportFormat.of(format).orElseThrow(), new ByteArrayInputStream(request),
                    RequestOverrides.none(), out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * A request of whole-year 2022 records, one a unit, each {@code {id, name, level}}; the
     * metrics are valid unless {@code bad} is set, which makes the record's part exceed its whole.
     */
    static byte[] request(List<String[]> units, boolean bad) {
        ObjectNode root = JSON.createObjectNode();
        root.put("asOf", "2022-12-31");
        root.put("ruleSet", "dak-nong-2022");
        root.put("ruleSetVersion", "1.0.0");
        ArrayNode records = root.putArray("records");
        for (String[] u : units) {
            ObjectNode r = records.addObject();
            ObjectNode unit = r.putObject("unit");
            unit.put("id", u[0]);
            unit.put("name", u[1]);
            unit.put("level", u[2]);
            unit.putArray("roles");
            ObjectNode period = r.putObject("period");
            period.put("from", "2022-01-01");
            period.put("to", "2022-12-31");
            ObjectNode m = r.putObject("metrics");
            m.put("dossiers.level4.total", 120);
            m.put("dossiers.level4.online", bad ? 121 : 50);
        }
        try {
            return JSON.writeValueAsBytes(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] request(String[]... units) {
        return request(List.of(units), false);
    }

    /** Parses RFC 4180 text strictly: quoted fields, doubled quotes, CRLF record ends. */
    static List<List<String>> parseCsv(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int i = 0;
        boolean quoted = false;
        boolean fieldStarted = false;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i += 2;
                        continue;
                    }
                    quoted = false;
                    i++;
                    continue;
                }
                field.append(c);
                i++;
                continue;
            }
            if (c == '"') {
                if (fieldStarted) {
                    throw new IllegalArgumentException("a quote inside an unquoted field at " + i);
                }
                quoted = true;
                fieldStarted = true;
                i++;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
                fieldStarted = false;
                i++;
            } else if (c == '\r') {
                if (i + 1 >= text.length() || text.charAt(i + 1) != '\n') {
                    throw new IllegalArgumentException("a bare CR outside quotes at " + i);
                }
                row.add(field.toString());
                rows.add(row);
                row = new ArrayList<>();
                field.setLength(0);
                fieldStarted = false;
                i += 2;
            } else if (c == '\n') {
                throw new IllegalArgumentException("a bare LF outside quotes at " + i);
            } else {
                field.append(c);
                fieldStarted = true;
                i++;
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("an unclosed quote");
        }
        if (fieldStarted || !row.isEmpty()) {
            throw new IllegalArgumentException("the last record does not end with CRLF");
        }
        return rows;
    }

    static String utf8(byte[] b) {
        return new String(b, UTF_8);
    }
}
