package io.github.cqskpi.testkit;

import io.github.cqskpi.EvaluationRequest;
import io.github.cqskpi.Requirement;
import io.github.cqskpi.Status;
import io.github.cqskpi.UnitRecord;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * One record placed at, just below or just above the threshold of one figure of a target,
 * with the status the directive's reading asks for.
 *
 * @param target the target's ID
 * @param rule the rule (figure) whose threshold is probed
 * @param required the figure in force
 * @param placement where the figure sits against the threshold
 * @param records the records of the request: the subject, and for a trend its previous record
 * @param subject the index of the probed record in {@code records}
 * @param asOf the evaluation date
 * @param expected the status the subject must get for {@code target}
 * @param ruleSetId the rule set's id
 * @param ruleSetVersion the rule set's version
 */
public record ThresholdCase(
        String target,
        String rule,
        Requirement required,
        Placement placement,
        List<UnitRecord> records,
        int subject,
        LocalDate asOf,
        Status expected,
        String ruleSetId,
        String ruleSetVersion) {

    /** Copies the records. */
    public ThresholdCase {
        records = List.copyOf(records);
    }

    /**
     * The request that carries the case: its records, its evaluation date and its rule set.
     *
     * @return the request
     */
    public EvaluationRequest request() {
        return new EvaluationRequest(Optional.of(asOf), Optional.of(ruleSetId), Optional.of(ruleSetVersion), records);
    }

    /**
     * The probed record.
     *
     * @return the record whose result for {@link #target()} must be {@link #expected()}
     */
    public UnitRecord subjectRecord() {
        return records.get(subject);
    }
}
