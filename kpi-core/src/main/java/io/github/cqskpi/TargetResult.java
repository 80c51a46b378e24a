package io.github.cqskpi;

import java.util.Objects;
import java.util.Optional;

/**
 * The result of one record for one target.
 *
 * @param record the record's index in the request, from 0
 * @param unitId the record's unit
 * @param unitName the unit's display name, if the record gives one
 * @param level the unit's level
 * @param period the record's period
 * @param target the target's ID, such as {@code DOSSIER_ONLINE_L4}
 * @param clause the directive's clause, such as {@code 1 ¶5}
 * @param status the outcome
 * @param actual what was measured, if anything
 * @param required the figure in force, if any
 * @param reason why the result is not a plain verdict; empty for {@code MET} and {@code NOT_MET}
 * @param gap what it would take to be met: present only for {@code NOT_MET} with a figure to reach
 * @param message the result in words
 */
public record TargetResult(
        int record,
        String unitId,
        Optional<String> unitName,
        Level level,
        Period period,
        String target,
        String clause,
        Status status,
        Optional<Measurement> actual,
        Optional<Requirement> required,
        Optional<Reason> reason,
        Optional<Gap> gap,
        Message message) {

    /**
     * Checks the parts.
     *
     * @param record the record's index in the request, from 0
     * @param unitId the record's unit
     * @param unitName the unit's display name, if the record gives one
     * @param level the unit's level
     * @param period the record's period
     * @param target the target's ID, such as {@code DOSSIER_ONLINE_L4}
     * @param clause the directive's clause, such as {@code 1 ¶5}
     * @param status the outcome
     * @param actual what was measured, if anything
     * @param required the figure in force, if any
     * @param reason why the result is not a plain verdict; empty for {@code MET} and {@code NOT_MET}
     * @param gap what it would take to be met: present only for {@code NOT_MET} with a figure to reach
     * @param message the result in words
     */
    public TargetResult {
        Objects.requireNonNull(unitId, "unitId");
        Objects.requireNonNull(unitName, "unitName");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(clause, "clause");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(actual, "actual");
        Objects.requireNonNull(required, "required");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(gap, "gap");
        Objects.requireNonNull(message, "message");
        if (gap.isPresent() && status != Status.NOT_MET) {
            throw new IllegalArgumentException("a " + status + " result has no gap, not " + gap.get());
        }
    }

    /**
     * A result without a gap.
     *
     * @param record the record's index in the request, from 0
     * @param unitId the record's unit
     * @param unitName the unit's display name, if the record gives one
     * @param level the unit's level
     * @param period the record's period
     * @param target the target's ID, such as {@code DOSSIER_ONLINE_L4}
     * @param clause the directive's clause, such as {@code 1 ¶5}
     * @param status the outcome
     * @param actual what was measured, if anything
     * @param required the figure in force, if any
     * @param reason why the result is not a plain verdict; empty for {@code MET} and {@code NOT_MET}
     * @param message the result in words
     */
    public TargetResult(int record, String unitId, Optional<String> unitName, Level level, Period period,
            String target, String clause, Status status, Optional<Measurement> actual, Optional<Requirement> required,
            Optional<Reason> reason, Message message) {
        this(record, unitId, unitName, level, period, target, clause, status, actual, required, reason,
                Optional.empty(), message);
    }
}
