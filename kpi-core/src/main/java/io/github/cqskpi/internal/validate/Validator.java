package io.github.cqskpi.internal.validate;

import io.github.cqskpi.internal.engine.Evaluation;
import io.github.cqskpi.internal.input.JsonTree;
import io.github.cqskpi.internal.ruleset.MetricDef;
import io.github.cqskpi.internal.engine.PeriodIndex;
import io.github.cqskpi.internal.input.RecordDecoder;
import io.github.cqskpi.internal.input.RecordDraft;
import io.github.cqskpi.internal.ruleset.RoleDef;
import io.github.cqskpi.internal.ruleset.Vocabulary;
import io.github.cqskpi.ErrorCode;
import io.github.cqskpi.MetricValue;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The contract's rules on values, whichever way a record arrived: lengths, roles, periods,
 * ranges, parts against wholes, submission dates against "as of" (duplicate records are found by {@link Evaluation} with its {@link PeriodIndex}).
 */
public final class Validator {

    public static final int MAX_ID_LENGTH = 200;

    private Validator() {
    }

    public static void validate(RecordDraft d, Vocabulary v, LocalDate asOf) {
        if (d.unitId != null) {
            int length = d.unitId.codePointCount(0, d.unitId.length());
            if (length == 0) {
                d.problem("/unit/id", ErrorCode.OUT_OF_RANGE, "unit.id is empty; it needs 1 to 200 characters");
            } else if (length > MAX_ID_LENGTH) {
                d.problem("/unit/id", ErrorCode.ID_TOO_LONG, "unit.id has " + length
                        + " characters; at most 200 are allowed");
            }
        }
        if (d.roles != null) {
            for (int j = 0; j < d.roles.size(); j++) {
                String role = d.roles.get(j);
                RoleDef def = v.role(role);
                if (def == null) {
                    d.problem("/unit/roles/" + j, ErrorCode.INVALID_ROLE, "role \"" + role
                            + "\" is not declared by the rule set");
                } else if (d.level != null && !def.levels().contains(d.level)) {
                    d.problem("/unit/roles/" + j, ErrorCode.ROLE_LEVEL_MISMATCH, "role " + role + " belongs to "
                            + def.levels() + " units, not to a " + d.level + " unit");
                }
            }
        }
        if (d.from != null && d.to != null && d.from.isAfter(d.to)) {
            d.problem("/period", ErrorCode.PERIOD_REVERSED, "period.from " + d.from + " is after period.to " + d.to);
        }
        MetricValue[] values = d.values;
        for (int i = 0; i < values.length; i++) {
            MetricValue value = values[i];
            if (value == null) {
                continue;
            }
            MetricDef def = v.metric(i);
            if (def.replaces() == null && !(value instanceof MetricValue.Count c0
                    && (c0.value() < 0 || c0.value() > RecordDecoder.MAX_COUNT))
                    && !(value instanceof MetricValue.Day d0 && d0.date().filter(t -> t.isAfter(asOf)).isPresent())) {
                continue;
            }
            String path = "/metrics/" + JsonTree.pointerSegment(def.key());
            if (value instanceof MetricValue.Count c && (c.value() < 0 || c.value() > RecordDecoder.MAX_COUNT)) {
                d.problem(path, ErrorCode.OUT_OF_RANGE, "metric " + def.key() + " is " + c.value()
                        + ", outside 0 to " + RecordDecoder.MAX_COUNT);
                values[i] = null;
            } else if (def.replaces() != null && values[v.indexOf(def.replaces())] != null) {
                d.problem(path, ErrorCode.DUPLICATE_KEY, "metric " + def.key() + " stands for " + def.replaces()
                        + " under newer wording; a record may give one of the two, not both");
            } else if (def.replaces() != null && d.to != null && d.to.isBefore(def.from())) {
                d.problem(path, ErrorCode.UNKNOWN_METRIC, "metric " + def.key() + " is accepted for periods ending on"
                        + " or after " + def.from() + "; this period ends " + d.to + " (give " + def.replaces()
                        + ")");
            } else if (value instanceof MetricValue.Day day && day.date().filter(t -> t.isAfter(asOf)).isPresent()) {
                d.problem(path, ErrorCode.SUBMITTED_AFTER_AS_OF, "metric " + def.key() + " is " + RecordDraft.json(day)
                        + ", after the evaluation date " + asOf);
            }
        }
        for (int i = 0; i < values.length; i++) {
            int w = v.wholeOf(i);
            if (w < 0 || values[i] == null) {
                continue;
            }
            MetricDef def = v.metric(i);
            MetricValue whole = values[w];
            if (whole == null) {
                continue;
            }
            long part = ((MetricValue.Count) values[i]).value();
            long all = ((MetricValue.Count) whole).value();
            if (part > all) {
                d.problem("/metrics/" + JsonTree.pointerSegment(def.key()), ErrorCode.PART_EXCEEDS_WHOLE,
                        "metric " + def.key() + " is " + part + ", more than " + def.whole() + " " + all);
            }
        }
    }
}
