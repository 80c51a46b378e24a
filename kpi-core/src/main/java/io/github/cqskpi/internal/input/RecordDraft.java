package io.github.cqskpi.internal.input;

import io.github.cqskpi.internal.ruleset.MetricType;
import io.github.cqskpi.internal.validate.ValidRecord;
import io.github.cqskpi.internal.ruleset.Vocabulary;
import io.github.cqskpi.ErrorCode;
import io.github.cqskpi.Level;
import io.github.cqskpi.MetricValue;
import io.github.cqskpi.Period;
import io.github.cqskpi.RecordError;
import io.github.cqskpi.RejectedRecord;
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
public final class RecordDraft {

    public final int index;
    public String unitId;
    /** The unit's name, {@code null} when absent or unreadable. */
    public String name;
    public Level level;
    /** The level, period's first and last day as the request wrote them, for reports of rejected records. */
    public String levelText;
    public String fromText;
    public String toText;
    /** The roles as given, {@code null} when absent or unreadable. */
    public List<String> roles;
    public LocalDate from;
    public LocalDate to;
    public final MetricValue[] values;
    private final List<Problem> problems = new ArrayList<>(0);

    private record Problem(String path, ErrorCode code, String message) {
    }

    public RecordDraft(int index, int vocabularySize) {
        this.index = index;
        this.values = new MetricValue[vocabularySize];
    }

    /** A draft of a record given through the Java API. */
    public static RecordDraft of(int index, UnitRecord r, Vocabulary v) {
        RecordDraft d = new RecordDraft(index, v.size());
        d.unitId = r.unit().id();
        d.name = r.unit().name().orElse(null);
        d.level = r.unit().level();
        d.levelText = r.unit().level().name();
        d.fromText = r.period().from().toString();
        d.toText = r.period().to().toString();
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
    public static String json(MetricValue value) {
        if (value instanceof MetricValue.Count c) {
            return Long.toString(c.value());
        } else if (value instanceof MetricValue.Day d) {
            return d.date().map(day -> "\"" + day + "\"").orElse("null");
        }
        return Boolean.toString(((MetricValue.Flag) value).done());
    }

    public static String typeWords(MetricType t) {
        return switch (t) {
            case COUNT -> "count (an integer from 0 to 9007199254740991)";
            case DATE -> "date (YYYY-MM-DD) or null";
            case FLAG -> "boolean";
        };
    }

    /** Records a problem at a path relative to the record, such as {@code /unit/id}. */
    public void problem(String relativePath, ErrorCode code, String message) {
        problems.add(new Problem(relativePath, code, message));
    }

    public boolean rejected() {
        return !problems.isEmpty();
    }

    /** The record's errors, with absolute JSON Pointers. */
    public List<RecordError> errors() {
        List<RecordError> out = new ArrayList<>(problems.size());
        Optional<String> unit = Optional.ofNullable(unitId);
        for (Problem p : problems) {
            out.add(new RecordError(index, unit, "/records/" + index + p.path(), p.code(), p.message()));
        }
        return out;
    }

    /** The record, rejected, with its unit and period as the request wrote them. */
    public RejectedRecord rejection() {
        return new RejectedRecord(index, Optional.ofNullable(unitId), Optional.ofNullable(name),
                Optional.ofNullable(levelText), Optional.ofNullable(fromText), Optional.ofNullable(toText), errors());
    }

    public ValidRecord toValid() {
        return new ValidRecord(index, unitId, name, level, roles == null ? java.util.Set.of()
                : java.util.Collections.unmodifiableSet(new LinkedHashSet<>(roles)), new Period(from, to), values);
    }
}
