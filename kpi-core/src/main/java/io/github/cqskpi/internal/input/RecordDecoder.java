package io.github.cqskpi.internal.input;

import io.github.cqskpi.internal.ruleset.MetricType;
import io.github.cqskpi.internal.ruleset.Vocabulary;
import io.github.cqskpi.ErrorCode;
import io.github.cqskpi.Level;
import io.github.cqskpi.MetricValue;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads one record of a JSON request, kept as a {@link JsonTree}, into a {@link RecordDraft},
 * reporting each problem of form (type, date, missing, unknown or duplicate field) at its JSON
 * Pointer. A request held in memory is decoded so, because it may name its rule set (and so the
 * metric keys) after its records; a file is decoded from tokens by {@link TokenRecordDecoder},
 * which must give the same drafts and problems as this class, word for word.
 */
public final class RecordDecoder {

    /** The largest count every JSON reader keeps exactly: 2^53 − 1. */
    public static final long MAX_COUNT = 9_007_199_254_740_991L;

    private static final BigInteger MAX = BigInteger.valueOf(MAX_COUNT);
    private static final Set<String> RECORD_FIELDS = Set.of("unit", "period", "metrics");
    private static final Set<String> UNIT_FIELDS = Set.of("id", "name", "level", "roles");
    private static final Set<String> PERIOD_FIELDS = Set.of("from", "to");

    private RecordDecoder() {
    }

    public static RecordDraft decode(int index, JsonTree.Node node, Vocabulary v) {
        RecordDraft d = new RecordDraft(index, v.size());
        if (!(node instanceof JsonTree.Obj rec)) {
            d.problem("", ErrorCode.INVALID_TYPE, "a record must be an object, not " + JsonTree.show(node));
            return d;
        }
        // The unit first, so that every error of the record can name it.
        JsonTree.Obj unit = object(d, rec, "unit", "");
        if (unit != null) {
            unit(d, unit);
        }
        fields(d, rec, "", RECORD_FIELDS);
        JsonTree.Obj period = object(d, rec, "period", "");
        if (period != null) {
            fields(d, period, "/period", PERIOD_FIELDS);
            d.from = date(d, period, "from", "/period");
            d.to = date(d, period, "to", "/period");
            d.fromText = period.get("from") instanceof JsonTree.Str s ? s.value() : null;
            d.toText = period.get("to") instanceof JsonTree.Str s ? s.value() : null;
        }
        JsonTree.Obj metrics = object(d, rec, "metrics", "");
        if (metrics != null) {
            metrics(d, metrics, v);
        }
        return d;
    }

    private static void unit(RecordDraft d, JsonTree.Obj unit) {
        JsonTree.Node id = unit.get("id");
        if (id == null) {
            d.problem("/unit/id", ErrorCode.MISSING_FIELD, "unit.id is required");
        } else if (id instanceof JsonTree.Str s) {
            d.unitId = s.value();
        } else {
            d.problem("/unit/id", ErrorCode.INVALID_TYPE, "unit.id must be a string, not " + JsonTree.show(id));
        }
        fields(d, unit, "/unit", UNIT_FIELDS);
        JsonTree.Node name = unit.get("name");
        if (name instanceof JsonTree.Str s) {
            d.name = s.value();
        } else if (name != null) {
            d.problem("/unit/name", ErrorCode.INVALID_TYPE, "unit.name must be a string, not " + JsonTree.show(name));
        }
        JsonTree.Node level = unit.get("level");
        if (level == null) {
            d.problem("/unit/level", ErrorCode.MISSING_FIELD, "unit.level is required");
        } else if (level instanceof JsonTree.Str s) {
            d.levelText = s.value();
            try {
                d.level = Level.valueOf(s.value());
            } catch (IllegalArgumentException e) {
                d.problem("/unit/level", ErrorCode.INVALID_LEVEL, "unit.level " + JsonTree.show(level)
                        + " is not PROVINCE, DISTRICT or COMMUNE");
            }
        } else {
            d.problem("/unit/level", ErrorCode.INVALID_TYPE, "unit.level must be a string, not "
                    + JsonTree.show(level));
        }
        JsonTree.Node roles = unit.get("roles");
        if (roles == null) {
            d.roles = List.of();
        } else if (roles instanceof JsonTree.Arr a) {
            List<String> out = new ArrayList<>(a.items().size());
            boolean ok = true;
            for (int j = 0; j < a.items().size(); j++) {
                JsonTree.Node r = a.items().get(j);
                if (r instanceof JsonTree.Str s) {
                    out.add(s.value());
                } else {
                    ok = false;
                    d.problem("/unit/roles/" + j, ErrorCode.INVALID_TYPE, "a role must be a string, not "
                            + JsonTree.show(r));
                }
            }
            d.roles = ok ? out : null;
        } else {
            d.problem("/unit/roles", ErrorCode.INVALID_TYPE, "unit.roles must be an array of strings, not "
                    + JsonTree.show(roles));
        }
    }

    private static void metrics(RecordDraft d, JsonTree.Obj metrics, Vocabulary v) {
        for (String dup : metrics.duplicates()) {
            d.problem("/metrics/" + JsonTree.pointerSegment(dup), ErrorCode.DUPLICATE_KEY,
                    "metric " + dup + " is given twice");
        }
        for (Map.Entry<String, JsonTree.Node> e : metrics.fields().entrySet()) {
            String key = e.getKey();
            int i = v.indexOf(key);
            if (i < 0) {
                d.problem(path(key), ErrorCode.UNKNOWN_METRIC, "metric key \"" + key
                        + "\" is not declared by the rule set");
                continue;
            }
            if (!metrics.duplicates().isEmpty() && metrics.duplicates().contains(key)) {
                continue;
            }
            MetricValue value = value(d, key, v.metric(i).type(), e.getValue());
            if (value != null) {
                d.values[i] = value;
            }
        }
    }

    /** The JSON Pointer of a metric, relative to its record. */
    private static String path(String key) {
        return "/metrics/" + JsonTree.pointerSegment(key);
    }

    private static MetricValue value(RecordDraft d, String key, MetricType type, JsonTree.Node n) {
        switch (type) {
            case COUNT:
                if (n instanceof JsonTree.Num num && num.integral()) {
                    String text = num.text();
                    boolean inRange;
                    long count;
                    if (text.length() <= 18) {
                        // At most 18 characters: a long holds it, sign and all ("-0" is 0).
                        count = Long.parseLong(text);
                        inRange = count >= 0 && count <= MAX_COUNT;
                    } else {
                        BigInteger b = new BigInteger(text);
                        inRange = b.signum() >= 0 && b.compareTo(MAX) <= 0;
                        count = inRange ? b.longValue() : -1;
                    }
                    if (!inRange) {
                        d.problem(path(key), ErrorCode.OUT_OF_RANGE, "metric " + key + " is " + text
                                + ", outside 0 to " + MAX_COUNT);
                        return null;
                    }
                    return MetricValue.count(count);
                }
                break;
            case DATE:
                if (n == JsonTree.Null.INSTANCE) {
                    return MetricValue.notSubmitted();
                }
                if (n instanceof JsonTree.Str s) {
                    LocalDate day = parseDay(s.value());
                    if (day == null) {
                        d.problem(path(key), ErrorCode.INVALID_DATE, "metric " + key + " is " + JsonTree.show(n)
                                + ", not a calendar day YYYY-MM-DD");
                        return null;
                    }
                    return MetricValue.date(day);
                }
                break;
            case FLAG:
                if (n instanceof JsonTree.Bool b) {
                    return MetricValue.flag(b.value());
                }
                break;
            default:
                break;
        }
        d.problem(path(key), ErrorCode.INVALID_TYPE, "metric " + key + " must be a " + RecordDraft.typeWords(type)
                + ", not " + JsonTree.show(n));
        return null;
    }

    /** Reports duplicate and unknown fields of an object. */
    private static void fields(RecordDraft d, JsonTree.Obj o, String path, Set<String> known) {
        for (String dup : o.duplicates()) {
            d.problem(path + "/" + JsonTree.pointerSegment(dup), ErrorCode.DUPLICATE_KEY,
                    "field " + dup + " is given twice");
        }
        for (String k : o.fields().keySet()) {
            if (!known.contains(k)) {
                d.problem(path + "/" + JsonTree.pointerSegment(k), ErrorCode.UNKNOWN_FIELD,
                        "field \"" + k + "\" is not part of the contract");
            }
        }
    }

    private static JsonTree.Obj object(RecordDraft d, JsonTree.Obj parent, String field, String path) {
        JsonTree.Node n = parent.get(field);
        if (n == null) {
            d.problem(path + "/" + field, ErrorCode.MISSING_FIELD, field + " is required");
            return null;
        }
        if (n instanceof JsonTree.Obj o) {
            return o;
        }
        d.problem(path + "/" + field, ErrorCode.INVALID_TYPE, field + " must be an object, not " + JsonTree.show(n));
        return null;
    }

    private static LocalDate date(RecordDraft d, JsonTree.Obj o, String field, String path) {
        JsonTree.Node n = o.get(field);
        String p = path + "/" + field;
        if (n == null) {
            d.problem(p, ErrorCode.MISSING_FIELD, "period." + field + " is required");
            return null;
        }
        if (!(n instanceof JsonTree.Str s)) {
            d.problem(p, ErrorCode.INVALID_TYPE, "period." + field + " must be a date string, not " + JsonTree.show(n));
            return null;
        }
        LocalDate day = parseDay(s.value());
        if (day == null) {
            d.problem(p, ErrorCode.INVALID_DATE, "period." + field + " is " + JsonTree.show(n)
                    + ", not a calendar day YYYY-MM-DD");
        }
        return day;
    }

    /** An ISO-8601 day that exists in the calendar, written exactly {@code YYYY-MM-DD}; else {@code null}. */
    public static LocalDate parseDay(String s) {
        if (s.length() != 10 || s.charAt(4) != '-' || s.charAt(7) != '-') {
            return null;
        }
        if (digits(s, 0, 4) && digits(s, 5, 7) && digits(s, 8, 10)) {
            // All digits: the ISO parser's strict checks are LocalDate.of's (month, day in month).
            try {
                return LocalDate.of(number(s, 0, 4), number(s, 5, 7), number(s, 8, 10));
            } catch (java.time.DateTimeException e) {
                return null;
            }
        }
        try {
            return LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static boolean digits(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static int number(String s, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            n = n * 10 + (s.charAt(i) - '0');
        }
        return n;
    }
}
