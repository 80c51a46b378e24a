package io.github.cqskpi.testkit;

import io.github.cqskpi.EvaluationRequest;
import io.github.cqskpi.Requirement;
import io.github.cqskpi.Unit;
import io.github.cqskpi.Period;
import io.github.cqskpi.UnitRecord;
import java.time.LocalDate;
import java.util.Optional;

/**
 * One unit and period in scope and in the window of a percentage figure, with a part and a
 * whole; other counts can be put in its place to compare verdicts (monotonic, scale-free).
 *
 * @param target the target's ID
 * @param rule the rule (figure) in force for this unit and period
 * @param required the figure in force
 * @param unit the unit, in the target's scope
 * @param period the period, inside the figure's window
 * @param numeratorKey the metric key of the part
 * @param denominatorKey the metric key of the whole
 * @param numerator the part, at most the whole
 * @param denominator the whole, 0 to 2^53 − 1
 * @param asOf the evaluation date
 * @param ruleSetId the rule set's id
 * @param ruleSetVersion the rule set's version
 */
public record RatioCase(
        String target,
        String rule,
        Requirement.Percent required,
        Unit unit,
        Period period,
        String numeratorKey,
        String denominatorKey,
        long numerator,
        long denominator,
        LocalDate asOf,
        String ruleSetId,
        String ruleSetVersion) {

    /**
     * The record with this case's counts.
     *
     * @return a record holding exactly the part and the whole
     */
    public UnitRecord record() {
        return record(numerator, denominator);
    }

    /**
     * The same unit and period with other counts.
     *
     * @param part the part
     * @param whole the whole
     * @return a record holding exactly this part and whole
     */
    public UnitRecord record(long part, long whole) {
        return UnitRecord.of(unit, period).with(denominatorKey, whole).with(numeratorKey, part);
    }

    /**
     * A request for one record of this unit and period with the given counts.
     *
     * @param part the part
     * @param whole the whole
     * @return the request, with this case's evaluation date and rule set
     */
    public EvaluationRequest request(long part, long whole) {
        return new EvaluationRequest(Optional.of(asOf), Optional.of(ruleSetId), Optional.of(ruleSetVersion),
                java.util.List.of(record(part, whole)));
    }
}
