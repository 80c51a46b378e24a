package io.github.cqskpi.internal;

import io.github.cqskpi.ErrorCode;
import io.github.cqskpi.Level;
import io.github.cqskpi.MetricValue;
import io.github.cqskpi.Period;
import io.github.cqskpi.RecordError;
import io.github.cqskpi.UnitRecord;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One record on its way through validation: whatever parts could be read, and the problems
 * found so far. A part that could not be read is {@code null} and has an error of its own, so
 * that later checks skip it rather than report it twice.
 */
final class RecordDraft {

    final int index;
    String unitId;
    Level level;
    /** The roles as given, {@code null} when absent or unreadable. */
    List<String> roles;
    LocalDate from;
    LocalDate to;
    final MetricValue[] values;
    private final List<Problem> problems = new ArrayList<>(0);

    private record Problem(String path, ErrorCode code, String message) {
    }

    RecordDraft(int index, int vocabularySize) {
        this.index = index;
        this.values = new MetricValue[vocabularySize];
    }

    /** A draft of a record given through the Java API. */
    static RecordDraft of(int index, UnitRecord r, Vocabulary v) {
        RecordDraft d = new RecordDraft(index, v.size());
        d.unitId = r.unit().id();
        d.level = r.unit().level();
        d.roles = List.copyOf(r.unit().roles());
        d.from = r.period().from();
        d.to = r.period().to();
        for (Map.Entry<String, MetricValue> e : r.metrics().entrySet()) {
            String key = e.getKey();
            int i = v.indexOf(key);
            String path = "/metrics/" + JsonTree.pointerSegment(key);
            if (i < 0) {
                d.problem(path, ErrorCode.UNKNOWN_METRIC, "metric key \"" + key + "\" is not declared by the rule set");
                continue;
            }
            MetricType type = v.metric(i).type();
            MetricValue value = e.getValue();
            boolean fits = switch (type) {
                case COUNT -> value instanceof MetricValue.Count;
                case DATE -> value instanceof MetricValue.Day;
                case FLAG -> value instanceof MetricValue.Flag;
            };
            if (!fits) {
                d.problem(path, ErrorCode.INVALID_TYPE, "metric " + key + " must be a " + typeWords(type) + ", not "
                        + json(value));
                continue;
            }
            d.values[i] = value;
        }
        return d;
    }

    /** A value as the contract's JSON shows it ({@code 120}, {@code "2022-01-01"}, {@code null}, {@code true}), for messages. */
    static String json(MetricValue value) {
        if (value instanceof MetricValue.Count c) {
            return Long.toString(c.value());
        } else if (value instanceof MetricValue.Day d) {
            return d.date().map(day -> "\"" + day + "\"").orElse("null");
        }
        return Boolean.toString(((MetricValue.Flag) value).done());
    }

    static String typeWords(MetricType t) {
        return switch (t) {
            case COUNT -> "count (an integer from 0 to 9007199254740991)";
            case DATE -> "date (YYYY-MM-DD) or null";
            case FLAG -> "boolean";
        };
    }

    /** Records a problem at a path relative to the record, such as {@code /unit/id}. */
    void problem(String relativePath, ErrorCode code, String message) {
        problems.add(new Problem(relativePath, code, message));
    }

    boolean rejected() {
        return !problems.isEmpty();
    }

    /** The record's errors, with absolute JSON Pointers. */
    List<RecordError> errors() {
        List<RecordError> out = new ArrayList<>(problems.size());
        Optional<String> unit = Optional.ofNullable(unitId);
        for (Problem p : problems) {
            out.add(new RecordError(index, unit, "/records/" + index + p.path(), p.code(), p.message()));
        }
        return out;
    }

    ValidRecord toValid() {
        return new ValidRecord(index, unitId, level, roles == null ? java.util.Set.of()
                : java.util.Collections.unmodifiableSet(new LinkedHashSet<>(roles)), new Period(from, to), values);
    }
}
