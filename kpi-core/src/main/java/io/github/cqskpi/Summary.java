package io.github.cqskpi;

import io.github.cqskpi.internal.rollup.Rollups;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Counts and roll-ups over a whole response.
 *
 * @param records the records in the request
 * @param evaluated the records that were evaluated
 * @param rejected the records that were rejected
 * @param byStatus the number of results of each status, every status present
 * @param levels per level, period and ratio target: the ratio of the sums of the units' counts,
 *     judged against the level's figure, in level, period and target order
 * @param units per unit: the targets met out of those judged and the rank within its level,
 *     best first within each level
 */
public record Summary(int records, int evaluated, int rejected, Map<Status, Long> byStatus,
        List<LevelRollup> levels, List<UnitScore> units) {

    /**
     * Copies the counts and lists, filling absent statuses with 0 and keeping the statuses' order.
     *
     * @param records the records in the request
     * @param evaluated the records that were evaluated
     * @param rejected the records that were rejected
     * @param byStatus the number of results of each status
     * @param levels the roll-ups by level
     * @param units the scores by unit
     */
    public Summary {
        EnumMap<Status, Long> copy = new EnumMap<>(Status.class);
        for (Status s : Status.values()) {
            copy.put(s, byStatus.getOrDefault(s, 0L));
        }
        byStatus = Collections.unmodifiableMap(copy);
        levels = List.copyOf(levels);
        // The engine's own list of scores is read only and makes each score when asked: a
        // request of millions of units keeps no object per unit.
        units = units instanceof Rollups.ReadOnly ? units : List.copyOf(units);
    }

    /**
     * Counts without roll-ups.
     *
     * @param records the records in the request
     * @param evaluated the records that were evaluated
     * @param rejected the records that were rejected
     * @param byStatus the number of results of each status
     */
    public Summary(int records, int evaluated, int rejected, Map<Status, Long> byStatus) {
        this(records, evaluated, rejected, byStatus, List.of(), List.of());
    }
}
