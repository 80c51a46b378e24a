package io.github.cqskpi;

import java.util.Objects;
import java.util.Optional;

/**
 * One target's figure for a whole level and period: the ratio of the sums of its units'
 * counts (never an average of their rates), judged against the level's figure.
 *
 * @param level the level
 * @param period the period the units' records cover
 * @param target the target's ID
 * @param units how many records were summed
 * @param ratio the summed part over the summed whole
 * @param required the level's figure for that period
 * @param status {@code MET} or {@code NOT_MET}, or {@code NOT_APPLICABLE} when the summed whole is 0
 * @param gap when {@code NOT_MET}, how much the summed part must grow for the level's own ratio to meet
 *     its figure
 */
public record LevelRollup(Level level, Period period, String target, int units, Ratio ratio, Requirement required,
        Status status, Optional<Gap> gap) {

    /**
     * Checks the parts.
     *
     * @param level the level
     * @param period the period the units' records cover
     * @param target the target's ID
     * @param units how many records were summed
     * @param ratio the summed part over the summed whole
     * @param required the level's figure for that period
     * @param status the summed ratio's verdict
     * @param gap what it would take for the level to meet the figure; present only for {@code NOT_MET}
     */
    public LevelRollup {
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(ratio, "ratio");
        Objects.requireNonNull(required, "required");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(gap, "gap");
        if (gap.isPresent() && status != Status.NOT_MET) {
            throw new IllegalArgumentException("a " + status + " roll-up has no gap, not " + gap.get());
        }
    }

    /**
     * A roll-up without a gap.
     *
     * @param level the level
     * @param period the period the units' records cover
     * @param target the target's ID
     * @param units how many records were summed
     * @param ratio the summed part over the summed whole
     * @param required the level's figure for that period
     * @param status the summed ratio's verdict
     */
    public LevelRollup(Level level, Period period, String target, int units, Ratio ratio, Requirement required,
            Status status) {
        this(level, period, target, units, ratio, required, status, Optional.empty());
    }
}
