package io.github.cqskpi.rule;

/**
 * The engine's side of a record while rules fire: it measures the record against the figure of
 * the rule that matched it. Implemented by the engine; rule authors call
 * {@link UnitPeriod#judge(org.kie.api.runtime.rule.RuleContext)} instead.
 */
@FunctionalInterface
public interface Judgement {

    /**
     * Judges the record against the figure that a rule's metadata states.
     *
     * @param ruleName the name of the rule that matched
     */
    void apply(String ruleName);
}
