package io.github.cqskpi;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * Counts over a whole response.
 *
 * @param records the records in the request
 * @param evaluated the records that were evaluated
 * @param rejected the records that were rejected
 * @param byStatus the number of results of each status, every status present
 */
public record Summary(int records, int evaluated, int rejected, Map<Status, Long> byStatus) {

    /**
     * Copies the counts, filling absent statuses with 0 and keeping the statuses' order.
     *
     * @param records the records in the request
     * @param evaluated the records that were evaluated
     * @param rejected the records that were rejected
     * @param byStatus the number of results of each status, every status present
     */
    public Summary {
        EnumMap<Status, Long> copy = new EnumMap<>(Status.class);
        for (Status s : Status.values()) {
            copy.put(s, byStatus.getOrDefault(s, 0L));
        }
        byStatus = Collections.unmodifiableMap(copy);
    }
}
