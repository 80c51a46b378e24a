package io.github.cqskpi.internal.ruleset;

import io.github.cqskpi.internal.rules.DroolsRules;
import io.github.cqskpi.RuleSetInfo;
import io.github.cqskpi.RuleSetRef;
import java.util.List;
import java.util.Map;

/**
 * One rule set version, ready to evaluate: its catalogue, vocabulary, figures by rule name and
 * the Drools rules that select them.
 */
public final class LoadedRuleSet {

    private final RuleSetInfo info;
    private final Vocabulary vocabulary;
    private final List<TargetDef> targets;
    private final Map<String, Figure> figures;
    private final DroolsRules rules;
    private final String[] windows;
    private final Map<String, Noun> nouns;

    public LoadedRuleSet(RuleSetInfo info, Vocabulary vocabulary, List<TargetDef> targets, Map<String, Figure> figures,
            DroolsRules rules, Map<String, Noun> nouns) {
        this.info = info;
        this.nouns = Map.copyOf(nouns);
        this.vocabulary = vocabulary;
        this.targets = List.copyOf(targets);
        this.figures = Map.copyOf(figures);
        this.rules = rules;
        this.windows = new String[this.targets.size()];
        for (TargetDef t : this.targets) {
            // The distinct windows of its figures, in order (a loop: this runs at every start-up).
            java.util.LinkedHashSet<String> distinct = new java.util.LinkedHashSet<>();
            for (io.github.cqskpi.FigureInfo f : info.targets().get(t.ordinal()).figures()) {
                distinct.add(f.window());
            }
            windows[t.ordinal()] = distinct.isEmpty() ? "none" : String.join("; ", distinct);
        }
    }

    public RuleSetInfo info() {
        return info;
    }

    public RuleSetRef ref() {
        return info.ref();
    }

    public Vocabulary vocabulary() {
        return vocabulary;
    }

    public List<TargetDef> targets() {
        return targets;
    }

    public Figure figure(String rule) {
        return figures.get(rule);
    }

    public DroolsRules rules() {
        return rules;
    }

    /** The counted thing of a metric in words; the key itself when the rule set gives none. */
    public Noun noun(String key) {
        Noun n = nouns.get(key);
        return n != null ? n : Noun.ofKey(key);
    }

    /** The figures of a target, in the order its rules are declared. */
    public List<Figure> figuresOf(TargetDef t) {
        return figures.values().stream().filter(f -> f.target() == t).toList();
    }

    /** The windows of a target's figures, in words, for the reason of a result outside them. */
    public String windows(TargetDef t) {
        return windows[t.ordinal()];
    }
}
