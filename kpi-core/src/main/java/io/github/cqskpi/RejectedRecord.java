package io.github.cqskpi;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A record that was not evaluated, with its errors and its unit and period as the request wrote
 * them (a report shows a rejected record in the words it was sent with, even an invalid level or
 * a reversed period). Each part is empty when the request did not give it as a string.
 *
 * @param record the record's index in the request, from 0
 * @param unitId the unit's id
 * @param unitName the unit's name
 * @param level the unit's level, as written
 * @param from the period's first day, as written
 * @param to the period's last day, as written
 * @param errors the record's errors, at least one
 */
public record RejectedRecord(int record, Optional<String> unitId, Optional<String> unitName, Optional<String> level,
        Optional<String> from, Optional<String> to, List<RecordError> errors) {

    /**
     * Checks the parts.
     *
     * @param record the record's index in the request, from 0
     * @param unitId the unit's id
     * @param unitName the unit's name
     * @param level the unit's level, as written
     * @param from the period's first day, as written
     * @param to the period's last day, as written
     * @param errors the record's errors, at least one
     */
    public RejectedRecord {
        Objects.requireNonNull(unitId, "unitId");
        Objects.requireNonNull(unitName, "unitName");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        errors = List.copyOf(errors);
    }
}
