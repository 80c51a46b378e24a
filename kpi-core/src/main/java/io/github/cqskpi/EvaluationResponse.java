package io.github.cqskpi;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The outcome of an evaluation: the results of the evaluated records and the errors of the
 * rejected ones. Every record of the request is one or the other.
 *
 * @param ruleSet the rules that made the results
 * @param asOf the evaluation date used
 * @param results the results, in record order and then in the rule set's target order
 * @param errors the errors, in record order
 * @param summary counts over the response
 */
public record EvaluationResponse(
        RuleSetRef ruleSet,
        LocalDate asOf,
        List<TargetResult> results,
        List<RecordError> errors,
        Summary summary) {

    /**
     * Checks the parts and copies the lists.
     *
     * @param ruleSet the rules that made the results
     * @param asOf the evaluation date used
     * @param results the results, in record order and then in the rule set's target order
     * @param errors the errors, in record order
     * @param summary counts over the response
     */
    public EvaluationResponse {
        Objects.requireNonNull(ruleSet, "ruleSet");
        Objects.requireNonNull(asOf, "asOf");
        results = List.copyOf(results);
        errors = List.copyOf(errors);
        Objects.requireNonNull(summary, "summary");
    }

    /**
     * Whether every record was evaluated.
     *
     * @return {@code true} when no record was rejected
     */
    public boolean allEvaluated() {
        return summary.rejected() == 0;
    }
}
