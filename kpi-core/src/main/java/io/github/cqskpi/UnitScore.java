package io.github.cqskpi;

import java.util.Objects;
import java.util.Optional;

/**
 * How one unit did over all its evaluated records: the targets met out of the targets judged
 * ({@code MET} or {@code NOT_MET}), and its rank within its level.
 *
 * @param unitId the unit
 * @param level its level
 * @param met the results {@code MET}
 * @param judged the results {@code MET} or {@code NOT_MET}
 * @param rank its rank within the level, 1 for the best score, equal scores sharing a rank;
 *     empty when nothing was judged
 */
public record UnitScore(String unitId, Level level, int met, int judged, Optional<Integer> rank) {

    /**
     * Checks the parts.
     *
     * @param unitId the unit
     * @param level its level
     * @param met the results {@code MET}
     * @param judged the results {@code MET} or {@code NOT_MET}
     * @param rank its rank within the level, if anything was judged
     */
    public UnitScore {
        Objects.requireNonNull(unitId, "unitId");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(rank, "rank");
        if (met < 0 || judged < met) {
            throw new IllegalArgumentException("met " + met + " of judged " + judged);
        }
    }
}
