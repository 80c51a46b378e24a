package io.github.cqskpi.examples.table;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cqskpi.MetricInfo;
import io.github.cqskpi.RuleSetInfo;
import io.github.cqskpi.table.Tables;
import java.io.IOException;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** JSON requests written as tables, for the tests that check a table means its JSON twin. */
public final class JsonTables {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    static final String NOT_SUBMITTED = TableFiles.NOT_SUBMITTED;

    private JsonTables() {
    }

    /** A JSON request as a table: its columns and one row per record, or why it cannot be one. */
    public record AsTable(List<String> columns, List<List<Object>> rows, List<Integer> records) {
    }

    /**
     * The table standing for the records of a JSON request that a table can hold exactly: a
     * record can be a row when every value is one a cell reads back as the same JSON (see
     * {@link Tables}). The columns are the record's fields, then the metric keys in the order
     * they first appear.
     *
     * @param request the request
     * @param rs the rule set version its metric keys belong to
     * @return the table, and the index in the request of the record each row stands for
     */
    public static AsTable fromJson(JsonNode request, RuleSetInfo rs) {
        Map<String, MetricInfo.Type> types = new HashMap<>();
        rs.metrics().forEach(m -> types.put(m.key(), m.type()));
        List<JsonNode> records = new ArrayList<>();
        request.path("records").forEach(records::add);
        LinkedHashSet<String> metricColumns = new LinkedHashSet<>();
        List<Map<String, Object>> kept = new ArrayList<>();
        List<Integer> indexes = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            Map<String, Object> row = row(records.get(i), types);
            if (row != null) {
                kept.add(row);
                indexes.add(i);
                row.keySet().stream().filter(types::containsKey).forEach(metricColumns::add);
            }
        }
        List<String> columns = new ArrayList<>(Tables.RECORD_COLUMNS);
        columns.addAll(metricColumns);
        List<List<Object>> rows = new ArrayList<>();
        for (Map<String, Object> row : kept) {
            List<Object> cells = new ArrayList<>(columns.size());
            for (String c : columns) {
                cells.add(row.get(c));
            }
            rows.add(cells);
        }
        return new AsTable(columns, rows, indexes);
    }

    /** A record's cell values by column, or {@code null} when a table cannot hold it exactly. */
    static Map<String, Object> row(JsonNode r, Map<String, MetricInfo.Type> types) {
        if (!r.isObject() || r.size() != 3 || !r.path("unit").isObject() || !r.path("period").isObject()
                || !r.path("metrics").isObject()) {
            return null;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        JsonNode unit = r.get("unit");
        for (Iterator<String> it = unit.fieldNames(); it.hasNext();) {
            String f = it.next();
            JsonNode v = unit.get(f);
            switch (f) {
                case "id", "name" -> {
                    if (!v.isTextual() || v.asText().isBlank()) {
                        return null;
                    }
                    out.put("unit." + f, v.asText());
                }
                case "level" -> {
                    if (!plain(v) || Set.of("tỉnh", "huyện", "xã").contains(v.asText().toLowerCase(Locale.ROOT))) {
                        return null;
                    }
                    out.put("unit.level", v.asText());
                }
                case "roles" -> {
                    if (!v.isArray()) {
                        return null;
                    }
                    List<String> roles = new ArrayList<>();
                    for (JsonNode role : v) {
                        if (!role.isTextual() || role.asText().isEmpty() || !role.asText().matches("[^,\\s]+")) {
                            return null;
                        }
                        roles.add(role.asText());
                    }
                    if (!roles.isEmpty()) {
                        out.put("unit.roles", String.join(", ", roles));
                    }
                }
                default -> {
                    return null;
                }
            }
        }
        JsonNode period = r.get("period");
        for (Iterator<String> it = period.fieldNames(); it.hasNext();) {
            String f = it.next();
            JsonNode v = period.get(f);
            if (!(f.equals("from") || f.equals("to")) || !plain(v)) {
                return null;
            }
            out.put("period." + f, day(v.asText()));
        }
        JsonNode metrics = r.get("metrics");
        for (Iterator<String> it = metrics.fieldNames(); it.hasNext();) {
            String key = it.next();
            MetricInfo.Type type = types.get(key);
            JsonNode v = metrics.get(key);
            if (type == null) {
                return null;
            }
            Object cell = switch (type) {
                case COUNT -> v.isIntegralNumber() ? (Object) v.bigIntegerValue()
                        : plain(v) && !v.asText().matches("-?[0-9]+") ? v.asText() : null;
                case DATE -> v.isNull() ? NOT_SUBMITTED
                        : plain(v) && !Set.of("null", NOT_SUBMITTED).contains(v.asText().toLowerCase(Locale.ROOT))
                        ? day(v.asText()) : null;
                case FLAG -> v.isBoolean() ? (Object) v.booleanValue()
                        : plain(v) && !Set.of("true", "false", "có", "không").contains(v.asText().toLowerCase(Locale.ROOT))
                        ? v.asText() : null;
            };
            if (cell == null) {
                return null;
            }
            out.put(key, cell);
        }
        return out;
    }

    /** Text a cell gives back unchanged: a string, not blank, without spaces around it. */
    private static boolean plain(JsonNode v) {
        return v.isTextual() && !v.asText().isBlank() && v.asText().strip().equals(v.asText());
    }

    /** A valid day as a {@link LocalDate} (a date cell in XLSX), anything else as text. */
    private static Object day(String s) {
        if (s.matches("[0-9]{4}-[0-9]{2}-[0-9]{2}")) {
            try {
                return LocalDate.parse(s);
            } catch (DateTimeParseException e) {
                return s;
            }
        }
        return s;
    }

    /**
     * Reads a JSON request.
     *
     * @param json its bytes
     * @return the tree
     * @throws IOException when it is not JSON
     */
    public static JsonNode readJson(byte[] json) throws IOException {
        return JSON.readTree(json);
    }

    /**
     * The request with only the given records, in the same order, the other fields kept.
     *
     * @param request the request
     * @param records the indexes of the records to keep
     * @param columns the order of the metrics, as the table's columns give it
     * @return the JSON bytes
     * @throws IOException never, in practice
     */
    public static byte[] keepRecords(JsonNode request, List<Integer> records, List<String> columns)
            throws IOException {
        com.fasterxml.jackson.databind.node.ObjectNode copy = request.deepCopy();
        com.fasterxml.jackson.databind.node.ArrayNode kept = JSON.createArrayNode();
        for (int i : records) {
            com.fasterxml.jackson.databind.node.ObjectNode r = request.path("records").get(i).deepCopy();
            JsonNode m = r.get("metrics");
            com.fasterxml.jackson.databind.node.ObjectNode ordered = JSON.createObjectNode();
            for (String c : columns) {
                if (m.has(c)) {
                    ordered.set(c, m.get(c));
                }
            }
            r.set("metrics", ordered);
            kept.add(r);
        }
        copy.set("records", kept);
        return JSON.writeValueAsBytes(copy);
    }

}
