package io.github.cqskpi.internal.input;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.github.cqskpi.ErrorCode;
import io.github.cqskpi.Level;
import io.github.cqskpi.MetricValue;
import io.github.cqskpi.internal.ruleset.MetricType;
import io.github.cqskpi.internal.ruleset.Vocabulary;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads one record straight from a {@link JsonParser} into a {@link RecordDraft}, with no tree in
 * between: what {@link RecordDecoder} does with a {@link JsonTree}, to the same draft and the same
 * problems, in the same order, with the same words.
 *
 * <p>Why a second decoder: building a tree for every record and then walking it was about a third
 * of the reading thread's time on a large request; reading and decoding the benchmark's province
 * records goes from about 400,000 to 600,000 records a second this way. Where the request is read as a stream and the rule
 * set is known when its records come (a request in a file, read in two passes), this decoder takes
 * each record as its tokens come. A request held in memory may name its rule set after its
 * records, so it keeps its records as trees until then and uses {@link RecordDecoder}; the
 * property {@code TokenRecordDecoderProperties} holds the two to the same result on any JSON.
 *
 * <p>How it stays exact: every token of the record is consumed as the tree reader would consume it
 * (a value that is not of the expected type, given twice, or under an unknown key is read with
 * {@link JsonTree#read} and shown with {@link JsonTree#show}), so a parser limit or a syntax error
 * stops the request at the same token. The tree decoder reports a record's problems part by part
 * (the unit, the record's own fields, the period, the metrics) whatever order the parts are
 * written in, and within a part first the keys given twice, then each key in the order it first
 * came; the problems of each part are held here until the record ends, then given in that order.
 *
 * <p>Not thread-safe: one instance per reading thread, for one vocabulary. It keeps one array from
 * record to record (which metric keys the record being read has given), so that finding a key given
 * twice needs no set per record.
 */
public final class TokenRecordDecoder {

    private final Vocabulary v;
    /** For each metric index, whether the record being read gave it already; cleared for each record. */
    private final boolean[] seen;

    /** A problem held until its part's turn comes. */
    private record Pending(String path, ErrorCode code, String message) {
    }

    public TokenRecordDecoder(Vocabulary v) {
        this.v = v;
        this.seen = new boolean[v.size()];
    }

    /**
     * Reads the record whose first token is the parser's current one, leaving the parser on its
     * last token.
     */
    public RecordDraft decode(int index, JsonParser p) throws IOException {
        RecordDraft d = new RecordDraft(index, v.size());
        if (p.currentToken() != JsonToken.START_OBJECT) {
            JsonTree.Node node = JsonTree.read(p);
            d.problem("", ErrorCode.INVALID_TYPE, "a record must be an object, not " + JsonTree.show(node));
            return d;
        }
        Arrays.fill(seen, false);
        boolean unit = false;
        boolean period = false;
        boolean metrics = false;
        JsonTree.Node unitOther = null;
        JsonTree.Node periodOther = null;
        JsonTree.Node metricsOther = null;
        Keys keys = null;
        List<Pending> periodProblems = null;
        List<Pending> metricProblems = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken t = p.nextToken();
            switch (name) {
                case "unit" -> {
                    if (unit) {
                        keys = Keys.duplicate(keys, name);
                        JsonTree.read(p);
                    } else if (t == JsonToken.START_OBJECT) {
                        unit = true;
                        // The unit's problems come first of all: they go to the draft at once.
                        unit(d, p);
                    } else {
                        unit = true;
                        unitOther = JsonTree.read(p);
                    }
                }
                case "period" -> {
                    if (period) {
                        keys = Keys.duplicate(keys, name);
                        JsonTree.read(p);
                    } else if (t == JsonToken.START_OBJECT) {
                        period = true;
                        periodProblems = period(d, p);
                    } else {
                        period = true;
                        periodOther = JsonTree.read(p);
                    }
                }
                case "metrics" -> {
                    if (metrics) {
                        keys = Keys.duplicate(keys, name);
                        JsonTree.read(p);
                    } else if (t == JsonToken.START_OBJECT) {
                        metrics = true;
                        metricProblems = metrics(d, p);
                    } else {
                        metrics = true;
                        metricsOther = JsonTree.read(p);
                    }
                }
                default -> {
                    keys = Keys.other(keys, name);
                    JsonTree.read(p);
                }
            }
        }
        // The parts in the tree decoder's order: unit, the record's own fields, period, metrics.
        part(d, "unit", unit, unitOther, null);
        if (keys != null) {
            keys.report(d, "");
        }
        part(d, "period", period, periodOther, periodProblems);
        part(d, "metrics", metrics, metricsOther, metricProblems);
        return d;
    }

    /** Reports a part that is missing, is not an object, or had problems of its own. */
    private static void part(RecordDraft d, String field, boolean given, JsonTree.Node other,
            List<Pending> problems) {
        if (!given) {
            d.problem("/" + field, ErrorCode.MISSING_FIELD, field + " is required");
        } else if (other != null) {
            d.problem("/" + field, ErrorCode.INVALID_TYPE, field + " must be an object, not "
                    + JsonTree.show(other));
        } else {
            give(d, problems);
        }
    }

    private static void give(RecordDraft d, List<Pending> problems) {
        if (problems != null) {
            for (Pending x : problems) {
                d.problem(x.path(), x.code(), x.message());
            }
        }
    }

    /** Reads the unit object and reports its problems to the draft in the tree decoder's order. */
    private static void unit(RecordDraft d, JsonParser p) throws IOException {
        Slot id = null;
        Slot name = null;
        Slot level = null;
        boolean roles = false;
        JsonTree.Node rolesOther = null;
        List<String> roleList = null;
        List<Pending> roleProblems = null;
        Keys keys = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken t = p.nextToken();
            switch (field) {
                case "id" -> {
                    if (id != null) {
                        keys = Keys.duplicate(keys, field);
                        JsonTree.read(p);
                    } else {
                        id = Slot.read(p, t);
                    }
                }
                case "name" -> {
                    if (name != null) {
                        keys = Keys.duplicate(keys, field);
                        JsonTree.read(p);
                    } else {
                        name = Slot.read(p, t);
                    }
                }
                case "level" -> {
                    if (level != null) {
                        keys = Keys.duplicate(keys, field);
                        JsonTree.read(p);
                    } else {
                        level = Slot.read(p, t);
                    }
                }
                case "roles" -> {
                    if (roles) {
                        keys = Keys.duplicate(keys, field);
                        JsonTree.read(p);
                    } else if (t == JsonToken.START_ARRAY) {
                        roles = true;
                        roleList = new ArrayList<>(2);
                        for (int j = 0; p.nextToken() != JsonToken.END_ARRAY; j++) {
                            if (p.currentToken() == JsonToken.VALUE_STRING) {
                                roleList.add(p.getText());
                            } else {
                                JsonTree.Node r = JsonTree.read(p);
                                roleProblems = add(roleProblems, "/unit/roles/" + j, ErrorCode.INVALID_TYPE,
                                        "a role must be a string, not " + JsonTree.show(r));
                            }
                        }
                    } else {
                        roles = true;
                        rolesOther = JsonTree.read(p);
                    }
                }
                default -> {
                    keys = Keys.other(keys, field);
                    JsonTree.read(p);
                }
            }
        }
        if (id == null) {
            d.problem("/unit/id", ErrorCode.MISSING_FIELD, "unit.id is required");
        } else if (id.text != null) {
            d.unitId = id.text;
        } else {
            d.problem("/unit/id", ErrorCode.INVALID_TYPE, "unit.id must be a string, not " + JsonTree.show(id.other));
        }
        if (keys != null) {
            keys.report(d, "/unit");
        }
        if (name != null) {
            if (name.text != null) {
                d.name = name.text;
            } else {
                d.problem("/unit/name", ErrorCode.INVALID_TYPE, "unit.name must be a string, not "
                        + JsonTree.show(name.other));
            }
        }
        if (level == null) {
            d.problem("/unit/level", ErrorCode.MISSING_FIELD, "unit.level is required");
        } else if (level.text != null) {
            d.levelText = level.text;
            d.level = level(level.text);
            if (d.level == null) {
                d.problem("/unit/level", ErrorCode.INVALID_LEVEL, "unit.level "
                        + JsonTree.show(new JsonTree.Str(level.text)) + " is not PROVINCE, DISTRICT or COMMUNE");
            }
        } else {
            d.problem("/unit/level", ErrorCode.INVALID_TYPE, "unit.level must be a string, not "
                    + JsonTree.show(level.other));
        }
        if (!roles) {
            d.roles = List.of();
        } else if (rolesOther != null) {
            d.problem("/unit/roles", ErrorCode.INVALID_TYPE, "unit.roles must be an array of strings, not "
                    + JsonTree.show(rolesOther));
        } else if (roleProblems == null) {
            d.roles = roleList;
        } else {
            give(d, roleProblems);
        }
    }

    private static Level level(String s) {
        for (Level l : LEVELS) {
            if (l.name().equals(s)) {
                return l;
            }
        }
        return null;
    }

    private static final Level[] LEVELS = Level.values();

    /** Reads the period object; its problems wait for their turn. */
    private static List<Pending> period(RecordDraft d, JsonParser p) throws IOException {
        Slot from = null;
        Slot to = null;
        Keys keys = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken t = p.nextToken();
            switch (field) {
                case "from" -> {
                    if (from != null) {
                        keys = Keys.duplicate(keys, field);
                        JsonTree.read(p);
                    } else {
                        from = Slot.read(p, t);
                    }
                }
                case "to" -> {
                    if (to != null) {
                        keys = Keys.duplicate(keys, field);
                        JsonTree.read(p);
                    } else {
                        to = Slot.read(p, t);
                    }
                }
                default -> {
                    keys = Keys.other(keys, field);
                    JsonTree.read(p);
                }
            }
        }
        List<Pending> out = keys == null ? null : keys.pending("/period");
        d.fromText = from == null ? null : from.text;
        d.toText = to == null ? null : to.text;
        d.from = from == null || from.text == null ? null : RecordDecoder.parseDay(from.text);
        d.to = to == null || to.text == null ? null : RecordDecoder.parseDay(to.text);
        out = date(from, d.from, "from", out);
        return date(to, d.to, "to", out);
    }

    /** The problem of a period's day, if it has one. */
    private static List<Pending> date(Slot s, LocalDate day, String field, List<Pending> out) {
        String path = "/period/" + field;
        if (s == null) {
            return add(out, path, ErrorCode.MISSING_FIELD, "period." + field + " is required");
        }
        if (s.text == null) {
            return add(out, path, ErrorCode.INVALID_TYPE, "period." + field + " must be a date string, not "
                    + JsonTree.show(s.other));
        }
        if (day == null) {
            return add(out, path, ErrorCode.INVALID_DATE, "period." + field + " is "
                    + JsonTree.show(new JsonTree.Str(s.text)) + ", not a calendar day YYYY-MM-DD");
        }
        return out;
    }

    /** Reads the metrics object into the draft's values; its problems wait for their turn. */
    private List<Pending> metrics(RecordDraft d, JsonParser p) throws IOException {
        List<Pending> entries = null;
        List<String> unknown = null;
        List<String> duplicates = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            JsonToken t = p.nextToken();
            int i = v.indexOf(key);
            if (i < 0) {
                if (unknown != null && unknown.contains(key)) {
                    duplicates = duplicate(duplicates, key);
                } else {
                    unknown = addTo(unknown, key);
                    entries = add(entries, path(key), ErrorCode.UNKNOWN_METRIC, "metric key \"" + key
                            + "\" is not declared by the rule set");
                }
                JsonTree.read(p);
            } else if (seen[i]) {
                // The tree decoder keeps no value of a key given twice, and reports no other problem of it.
                duplicates = duplicate(duplicates, key);
                d.values[i] = null;
                JsonTree.read(p);
            } else {
                seen[i] = true;
                entries = value(d, p, t, i, key, entries);
            }
        }
        if (duplicates == null) {
            return entries;
        }
        List<Pending> out = new ArrayList<>();
        List<String> duplicatePaths = new ArrayList<>(duplicates.size());
        for (String dup : duplicates) {
            out.add(new Pending(path(dup), ErrorCode.DUPLICATE_KEY, "metric " + dup + " is given twice"));
            duplicatePaths.add(path(dup));
        }
        if (entries != null) {
            for (Pending e : entries) {
                // A path names one key (RFC 6901 escapes are one to one).
                if (e.code() == ErrorCode.UNKNOWN_METRIC || !duplicatePaths.contains(e.path())) {
                    out.add(e);
                }
            }
        }
        return out;
    }

    private List<Pending> value(RecordDraft d, JsonParser p, JsonToken t, int i, String key, List<Pending> entries)
            throws IOException {
        MetricType type = v.metric(i).type();
        switch (type) {
            case COUNT:
                if (t == JsonToken.VALUE_NUMBER_INT) {
                    int length = p.getTextLength();
                    if (length > 18 || length > p.streamReadConstraints().getMaxStringLength()) {
                        // No count is written in more than 16 characters (2^53 - 1), so this one is out of
                        // range. Read as text, as the tree reads it, so that it holds to the parser's
                        // string limit as before.
                        return outOfRange(entries, key, p.getText());
                    }
                    // At most 18 characters: a long holds it, sign and all ("-0" is 0).
                    long count = p.getLongValue();
                    if (count < 0 || count > RecordDecoder.MAX_COUNT) {
                        return outOfRange(entries, key, p.getText());
                    }
                    d.values[i] = MetricValue.count(count);
                    return entries;
                }
                break;
            case DATE:
                if (t == JsonToken.VALUE_NULL) {
                    d.values[i] = MetricValue.notSubmitted();
                    return entries;
                }
                if (t == JsonToken.VALUE_STRING) {
                    String s = p.getText();
                    LocalDate day = RecordDecoder.parseDay(s);
                    if (day == null) {
                        return add(entries, path(key), ErrorCode.INVALID_DATE, "metric " + key + " is "
                                + JsonTree.show(new JsonTree.Str(s)) + ", not a calendar day YYYY-MM-DD");
                    }
                    d.values[i] = MetricValue.date(day);
                    return entries;
                }
                break;
            case FLAG:
                if (t == JsonToken.VALUE_TRUE || t == JsonToken.VALUE_FALSE) {
                    d.values[i] = MetricValue.flag(t == JsonToken.VALUE_TRUE);
                    return entries;
                }
                break;
            default:
                break;
        }
        JsonTree.Node n = JsonTree.read(p);
        return add(entries, path(key), ErrorCode.INVALID_TYPE, "metric " + key + " must be a "
                + RecordDraft.typeWords(type) + ", not " + JsonTree.show(n));
    }

    private static List<Pending> outOfRange(List<Pending> entries, String key, String text) {
        return add(entries, path(key), ErrorCode.OUT_OF_RANGE, "metric " + key + " is " + text + ", outside 0 to "
                + RecordDecoder.MAX_COUNT);
    }

    private static String path(String key) {
        return "/metrics/" + JsonTree.pointerSegment(key);
    }

    private static List<Pending> add(List<Pending> list, String path, ErrorCode code, String message) {
        List<Pending> out = list == null ? new ArrayList<>(2) : list;
        out.add(new Pending(path, code, message));
        return out;
    }

    private static List<String> addTo(List<String> list, String s) {
        List<String> out = list == null ? new ArrayList<>(2) : list;
        out.add(s);
        return out;
    }

    private static List<String> duplicate(List<String> list, String key) {
        return list != null && list.contains(key) ? list : addTo(list, key);
    }

    /**
     * A field whose value should be a string: the string, or the value read as a tree when it is
     * not one.
     */
    private record Slot(String text, JsonTree.Node other) {
        static Slot read(JsonParser p, JsonToken t) throws IOException {
            return t == JsonToken.VALUE_STRING ? new Slot(p.getText(), null) : new Slot(null, JsonTree.read(p));
        }
    }

    /**
     * The keys of an object that the tree decoder reports: those given twice, in the order their
     * second coming was read, and the unknown ones, in the order they first came. Made only when
     * there is one.
     */
    private static final class Keys {
        private final List<String> duplicates = new ArrayList<>(1);
        private final List<String> unknown = new ArrayList<>(1);

        static Keys duplicate(Keys k, String name) {
            Keys out = k == null ? new Keys() : k;
            if (!out.duplicates.contains(name)) {
                out.duplicates.add(name);
            }
            return out;
        }

        static Keys other(Keys k, String name) {
            Keys out = k == null ? new Keys() : k;
            if (out.unknown.contains(name)) {
                return duplicate(out, name);
            }
            out.unknown.add(name);
            return out;
        }

        List<Pending> pending(String path) {
            List<Pending> out = new ArrayList<>(duplicates.size() + unknown.size());
            for (String dup : duplicates) {
                out.add(new Pending(path + "/" + JsonTree.pointerSegment(dup), ErrorCode.DUPLICATE_KEY,
                        "field " + dup + " is given twice"));
            }
            for (String k : unknown) {
                out.add(new Pending(path + "/" + JsonTree.pointerSegment(k), ErrorCode.UNKNOWN_FIELD,
                        "field \"" + k + "\" is not part of the contract"));
            }
            return out;
        }

        void report(RecordDraft d, String path) {
            give(d, pending(path));
        }
    }
}
