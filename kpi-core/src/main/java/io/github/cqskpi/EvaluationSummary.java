package io.github.cqskpi;

import java.time.LocalDate;
import java.util.Objects;

/**
 * What is left of a response once it has been streamed out: the rule set and day it was
 * evaluated with, and its counts.
 *
 * @param ruleSet the rule set version that judged the request
 * @param asOf the evaluation date
 * @param summary the counts, as in the response's {@code summary}
 */
public record EvaluationSummary(RuleSetRef ruleSet, LocalDate asOf, Summary summary) {

    /**
     * Checks that no part is missing.
     *
     * @param ruleSet the rule set version that judged the request
     * @param asOf the evaluation date
     * @param summary the counts, as in the response's {@code summary}
     */
    public EvaluationSummary {
        Objects.requireNonNull(ruleSet, "ruleSet");
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(summary, "summary");
    }

    /**
     * Whether every record was evaluated (none rejected).
     *
     * @return {@code true} when none was rejected
     */
    public boolean allEvaluated() {
        return summary.rejected() == 0;
    }
}
