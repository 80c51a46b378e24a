package io.github.cqskpi;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What to evaluate: records, the evaluation date and the rule set to use.
 *
 * @param asOf the evaluation date, which decides deadlines; empty for today in Asia/Ho_Chi_Minh
 * @param ruleSet the rule set's id; empty for the default ({@link KpiEngine#defaultRuleSet()})
 * @param ruleSetVersion the rule set's version; empty for its newest
 * @param records the records, in order
 */
public record EvaluationRequest(
        Optional<LocalDate> asOf,
        Optional<String> ruleSet,
        Optional<String> ruleSetVersion,
        List<UnitRecord> records) {

    /**
     * Checks the parts and copies the records.
     *
     * @param asOf the evaluation date, which decides deadlines; empty for today in Asia/Ho_Chi_Minh
     * @param ruleSet the rule set's id; empty for the default ({@link KpiEngine#defaultRuleSet()})
     * @param ruleSetVersion the rule set's version; empty for its newest
     * @param records the records, in order
     */
    public EvaluationRequest {
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(ruleSet, "ruleSet");
        Objects.requireNonNull(ruleSetVersion, "ruleSetVersion");
        records = List.copyOf(records);
    }

    /**
     * A request for the given records with every other choice left to its default.
     *
     * @param records the records
     * @return the request
     */
    public static EvaluationRequest of(List<UnitRecord> records) {
        return new EvaluationRequest(Optional.empty(), Optional.empty(), Optional.empty(), records);
    }

    /**
     * A request for the given records with every other choice left to its default.
     *
     * @param records the records
     * @return the request
     */
    public static EvaluationRequest of(UnitRecord... records) {
        return of(List.of(records));
    }

    /**
     * This request with an evaluation date.
     *
     * @param date the evaluation date
     * @return a new request
     */
    public EvaluationRequest asOf(LocalDate date) {
        return new EvaluationRequest(Optional.of(date), ruleSet, ruleSetVersion, records);
    }

    /**
     * This request with a rule set, at its newest version.
     *
     * @param id the rule set's id
     * @return a new request
     */
    public EvaluationRequest ruleSet(String id) {
        return new EvaluationRequest(asOf, Optional.of(id), Optional.empty(), records);
    }

    /**
     * This request with a rule set at a given version.
     *
     * @param id the rule set's id
     * @param version the version, such as {@code 1.0.0}
     * @return a new request
     */
    public EvaluationRequest ruleSet(String id, String version) {
        return new EvaluationRequest(asOf, Optional.of(id), Optional.of(version), records);
    }
}
