package io.github.cqskpi.internal.rules;

import io.github.cqskpi.internal.ruleset.Figure;
import io.github.cqskpi.internal.judge.Judge;
import io.github.cqskpi.internal.ruleset.LoadedRuleSet;
import io.github.cqskpi.internal.ruleset.TargetDef;
import io.github.cqskpi.internal.validate.ValidRecord;
import io.github.cqskpi.internal.judge.Verdict;
import io.github.cqskpi.MetricValue;
import io.github.cqskpi.Period;
import io.github.cqskpi.rule.Judgement;
import io.github.cqskpi.rule.UnitPeriod;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * The engine's side of one valid record while its rule set fires: its values, the previous
 * records the trend compares with, and one verdict slot per target.
 */
public final class RecordState implements Judgement {

    private final LoadedRuleSet ruleSet;
    private final ValidRecord record;
    private final LocalDate asOf;
    private final List<MetricValue[]> previous;
    private final Verdict[] verdicts;
    /** The targets that address the record's unit, in the rule set's order. */
    private final TargetDef[] applicable;
    private final UnitPeriod fact;
    /** The unit's number in the request's table of unit ids. */
    private final int unit;
    private String fault;

    /**
     * @param unit the unit's number in the request's table of unit ids
     */
    public RecordState(LoadedRuleSet ruleSet, ValidRecord record, LocalDate asOf, List<MetricValue[]> previous,
            int unit) {
        this.ruleSet = ruleSet;
        this.unit = unit;
        this.record = record;
        this.asOf = asOf;
        this.previous = previous;
        this.verdicts = new Verdict[ruleSet.targets().size()];
        this.applicable = applicable(ruleSet, record);
        this.fact = new UnitPeriod(record.index(), record.unitId(), record.level(), record.roles(),
                record.period().from(), record.period().to(), this);
    }

    @Override
    public void apply(String ruleName) {
        Figure f = ruleSet.figure(ruleName);
        if (f == null) {
            fail("rule \"" + ruleName + "\" has no figure");
            return;
        }
        TargetDef t = f.target();
        if (!applies(t) || !f.levels().contains(record.level())) {
            fail("rule \"" + ruleName + "\" matched a " + record.level() + " unit with roles " + record.roles()
                    + ", outside the scope its target and @levels declare");
            return;
        }
        if (verdicts[t.ordinal()] != null) {
            fail("rules \"" + verdicts[t.ordinal()].figure().rule() + "\" and \"" + ruleName
                    + "\" both judged target " + t.id());
            return;
        }
        verdicts[t.ordinal()] = Judge.judge(f, this);
    }

    /**
     * The targets that address a record's unit, each decided once for the record: the rules,
     * the counts and every writer ask it for each result.
     */
    private static TargetDef[] applicable(LoadedRuleSet rs, ValidRecord r) {
        List<TargetDef> all = rs.targets();
        TargetDef[] found = new TargetDef[all.size()];
        int n = 0;
        for (TargetDef t : all) {
            if (t.appliesTo(r.level(), r.roles())) {
                found[n++] = t;
            }
        }
        return n == found.length ? found : java.util.Arrays.copyOf(found, n);
    }

    /** The targets that address the record's unit, in the rule set's order; the array is not to be changed. */
    public TargetDef[] applicable() {
        return applicable;
    }

    /** Whether a target addresses the record's unit. */
    public boolean applies(TargetDef t) {
        for (TargetDef a : applicable) {
            if (a == t) {
                return true;
            }
        }
        return false;
    }

    public void fail(String why) {
        if (fault == null) {
            fault = why;
        }
    }

    /** Forgets every verdict and fault, to judge the record again. */
    public void reset() {
        java.util.Arrays.fill(verdicts, null);
        fault = null;
    }

    /** The unit's number in the request's table of unit ids. */
    public int unit() {
        return unit;
    }

    public UnitPeriod fact() {
        return fact;
    }

    public ValidRecord record() {
        return record;
    }

    public MetricValue value(int index) {
        return record.values()[index];
    }

    public Period period() {
        return record.period();
    }

    public LocalDate asOf() {
        return asOf;
    }

    public List<MetricValue[]> previous() {
        return previous;
    }

    public Verdict verdict(int ordinal) {
        return verdicts[ordinal];
    }

    /** What went wrong in the rules for this record, or {@code null}. */
    public String fault() {
        return fault;
    }

    public Set<String> roles() {
        return record.roles();
    }
}
