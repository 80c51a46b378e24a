package io.github.cqskpi.internal.ruleset;

import io.github.cqskpi.FigureInfo;
import io.github.cqskpi.Level;
import io.github.cqskpi.Requirement;
import java.util.Optional;
import java.util.Set;

/**
 * One rule of a rule set version: the target it judges and the figure its metadata states.
 *
 * @param rule the rule's name
 * @param target the target
 * @param levels the levels the rule may match
 * @param window when it is in force, in words
 * @param required the figure
 * @param quote the source words
 * @param reading the reading of unclear words, if any
 */
public record Figure(String rule, TargetDef target, Set<Level> levels, String window, Requirement required, String quote,
        Optional<String> reading) {

    FigureInfo info() {
        return new FigureInfo(rule, levels, window, required, quote, reading);
    }
}
