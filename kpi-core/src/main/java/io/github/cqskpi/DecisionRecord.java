package io.github.cqskpi;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * What an auditor needs to tie a published verdict to the rules that made it, one per
 * evaluated request: given to the consumer set with {@link KpiEngineBuilder#decisionLog}.
 *
 * @param time when the request was evaluated, by the engine's clock
 * @param ruleSet the rule set version that judged it, with the SHA-256 of its sources
 * @param requestSha256 the SHA-256 of the request's bytes, in lower-case hex, for a JSON
 *     request; empty for a request given as Java objects
 * @param asOf the evaluation date
 * @param summary the counts of records and of results by status
 */
public record DecisionRecord(Instant time, RuleSetRef ruleSet, Optional<String> requestSha256, LocalDate asOf,
        Summary summary) {

    /**
     * Checks that every part is there.
     *
     * @param time when the request was evaluated
     * @param ruleSet the rule set version that judged it
     * @param requestSha256 the SHA-256 of the request's bytes, or empty
     * @param asOf the evaluation date
     * @param summary the counts
     * @throws NullPointerException when a part is {@code null}
     */
    public DecisionRecord {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(ruleSet, "ruleSet");
        Objects.requireNonNull(requestSha256, "requestSha256");
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(summary, "summary");
    }
}
