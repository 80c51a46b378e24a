package io.github.cqskpi.examples.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What the request itself says of each record's unit and period, by record index.
 *
 * <p>The response names a unit by its id only; people read its name and level. Those come from
 * the request, read here with the streaming parser. The engine has already judged the request:
 * this reader is lenient and keeps whatever it can, so that a rejected record (an invalid level,
 * a reversed period) is still shown with the words it was sent with.
 */
final class RequestUnits {

    /**
     * One record's unit and period as written in the request; any part may be absent.
     *
     * @param id the unit's id
     * @param name the unit's name
     * @param level the unit's level, as written
     * @param from the period's first day, as written
     * @param to the period's last day, as written
     */
    record UnitRef(String id, String name, String level, String from, String to) {

        static final UnitRef NONE = new UnitRef(null, null, null, null, null);
    }

    private static final JsonFactory JSON = new JsonFactory();

    private final Map<Integer, UnitRef> byRecord;

    private RequestUnits(Map<Integer, UnitRef> byRecord) {
        this.byRecord = Collections.unmodifiableMap(byRecord);
    }

    /** No request to read: every record is known by the response's words only. */
    static RequestUnits none() {
        return new RequestUnits(new HashMap<>());
    }

    /**
     * Reads the records' units and periods.
     *
     * @param request the request's bytes, UTF-8 JSON
     * @return what could be read; never fails
     */
    static RequestUnits read(byte[] request) {
        Map<Integer, UnitRef> out = new HashMap<>();
        try (JsonParser p = JSON.createParser(request)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return new RequestUnits(out);
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                if (field.equals("records") && value == JsonToken.START_ARRAY) {
                    int index = 0;
                    for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY && t != null; t = p.nextToken()) {
                        if (t == JsonToken.START_OBJECT) {
                            out.put(index, record(p));
                        } else {
                            p.skipChildren();
                        }
                        index++;
                    }
                } else {
                    p.skipChildren();
                }
            }
        } catch (IOException e) {
            // The engine read these bytes already; keep what was read before the fault.
        }
        return new RequestUnits(out);
    }

    /** Reads one record object, the parser on its START_OBJECT; leaves it on the END_OBJECT. */
    private static UnitRef record(JsonParser p) throws IOException {
        String id = null;
        String name = null;
        String level = null;
        String from = null;
        String to = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken value = p.nextToken();
            if (value != JsonToken.START_OBJECT || !(field.equals("unit") || field.equals("period"))) {
                p.skipChildren();
                continue;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String inner = p.currentName();
                JsonToken v = p.nextToken();
                String text = v == JsonToken.VALUE_STRING ? p.getText() : null;
                p.skipChildren();
                if (text == null) {
                    continue;
                }
                // The first of a duplicated key is kept; the engine rejects such a record anyway.
                if (field.equals("unit")) {
                    switch (inner) {
                        case "id" -> id = id == null ? text : id;
                        case "name" -> name = name == null ? text : name;
                        case "level" -> level = level == null ? text : level;
                        default -> {
                        }
                    }
                } else {
                    switch (inner) {
                        case "from" -> from = from == null ? text : from;
                        case "to" -> to = to == null ? text : to;
                        default -> {
                        }
                    }
                }
            }
        }
        return new UnitRef(id, name, level, from, to);
    }

    /**
     * The record's unit and period as the request wrote them.
     *
     * @param record the record's index
     * @return its parts, each possibly {@code null}
     */
    UnitRef get(int record) {
        return byRecord.getOrDefault(record, UnitRef.NONE);
    }

    /**
     * The unit's name, if the request gave one.
     *
     * @param record the record's index
     * @return the name
     */
    Optional<String> name(int record) {
        return Optional.ofNullable(get(record).name());
    }
}
