package io.github.cqskpi.internal;

import io.github.cqskpi.RuleSetInfo;
import io.github.cqskpi.RuleSetRef;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One rule set version, ready to evaluate: its catalogue, vocabulary, figures by rule name and
 * the Drools rules that select them.
 */
final class LoadedRuleSet {

    private final RuleSetInfo info;
    private final Vocabulary vocabulary;
    private final List<TargetDef> targets;
    private final Map<String, Figure> figures;
    private final DroolsRules rules;
    private final Map<String, Noun> nouns;
    private volatile ResultEncoder.Pieces pieces;

    LoadedRuleSet(RuleSetInfo info, Vocabulary vocabulary, List<TargetDef> targets, Map<String, Figure> figures,
            DroolsRules rules, Map<String, Noun> nouns) {
        this.info = info;
        this.nouns = Map.copyOf(nouns);
        this.vocabulary = vocabulary;
        this.targets = List.copyOf(targets);
        this.figures = Map.copyOf(figures);
        this.rules = rules;
    }

    RuleSetInfo info() {
        return info;
    }

    RuleSetRef ref() {
        return info.ref();
    }

    Vocabulary vocabulary() {
        return vocabulary;
    }

    List<TargetDef> targets() {
        return targets;
    }

    Figure figure(String rule) {
        return figures.get(rule);
    }

    DroolsRules rules() {
        return rules;
    }

    /** The counted thing of a metric in words; the key itself when the rule set gives none. */
    Noun noun(String key) {
        Noun n = nouns.get(key);
        return n != null ? n : Noun.ofKey(key);
    }

    /** The figures of a target, in the order its rules are declared. */
    List<Figure> figuresOf(TargetDef t) {
        return figures.values().stream().filter(f -> f.target() == t).toList();
    }

    /** The response's constant parts for this rule set version, made by {@code make} on first use. */
    ResultEncoder.Pieces encoded(Supplier<ResultEncoder.Pieces> make) {
        ResultEncoder.Pieces p = pieces;
        if (p == null) {
            p = make.get();
            pieces = p;
        }
        return p;
    }

    /** The windows of a target's figures, in words, for the reason of a result outside them. */
    String windows(TargetDef t) {
        return info.targets().get(t.ordinal()).figures().stream()
                .map(f -> f.window())
                .distinct()
                .reduce((a, b) -> a + "; " + b)
                .orElse("none");
    }
}
