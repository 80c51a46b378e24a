package io.github.cqskpi;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One figure of a target as a rule encodes it: who it applies to, when, the requirement and
 * the words of the text it comes from.
 *
 * @param rule the name of the rule that applies the figure
 * @param levels the levels the figure applies to, in {@link Level}'s order
 * @param window when the figure is in force, in words (the rule's condition decides)
 * @param required the figure
 * @param quote the source words, quoted
 * @param reading how unclear words are read, if they are
 */
public record FigureInfo(
        String rule, Set<Level> levels, String window, Requirement required, String quote, Optional<String> reading) {

    /**
     * Checks the parts and copies the levels, in {@link Level}'s order.
     *
     * @param rule the name of the rule that applies the figure
     * @param levels the levels the figure applies to
     * @param window when the figure is in force, in words (the rule's condition decides)
     * @param required the figure
     * @param quote the source words, quoted
     * @param reading how unclear words are read, if they are
     */
    public FigureInfo {
        Objects.requireNonNull(rule, "rule");
        levels = Ordered.levels(levels);
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(required, "required");
        Objects.requireNonNull(quote, "quote");
        Objects.requireNonNull(reading, "reading");
    }
}
