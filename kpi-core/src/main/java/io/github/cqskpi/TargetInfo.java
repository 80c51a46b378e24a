package io.github.cqskpi;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One target of a rule set's catalogue.
 *
 * @param id the target's ID, such as {@code DOC_ELECTRONIC}
 * @param clause the directive's clause, such as {@code 1 ¶1}
 * @param title what the target asks, in Vietnamese and English
 * @param informational {@code true} for duties the text sets no measurable figure for; they get no results
 * @param levels the levels of the units the target addresses, in {@link Level}'s order
 * @param roles the roles a unit needs for the target to apply to it, in alphabetical order; empty for every unit
 * @param measure what is measured, in words, such as {@code documents.electronic / documents.total}
 * @param keys the metric keys the measure reads, in order (numerator then denominator for a
 *     ratio or a trend); empty for an informational target
 * @param figures the figures in force and when, one per rule; empty for an informational target
 * @param shortTitle a few words for a table's header, such as {@code Văn bản điện tử}; the title
 *     when the rule set gives none
 */
public record TargetInfo(
        String id,
        String clause,
        Message title,
        boolean informational,
        Set<Level> levels,
        Set<String> roles,
        String measure,
        List<String> keys,
        List<FigureInfo> figures,
        Message shortTitle) {

    /**
     * Checks the parts and copies the collections, so that the sets iterate in a fixed order:
     * the levels in {@link Level}'s order, the roles in alphabetical order.
     *
     * @param id the target's ID, such as {@code DOC_ELECTRONIC}
     * @param clause the directive's clause, such as {@code 1 ¶1}
     * @param title what the target asks, in Vietnamese and English
     * @param informational {@code true} for duties the text sets no measurable figure for; they get no results
     * @param levels the levels of the units the target addresses, in any order
     * @param roles the roles a unit needs for the target to apply to it, in any order; empty for every unit
     * @param measure what is measured, in words, such as {@code documents.electronic / documents.total}
     * @param keys the metric keys the measure reads, in order (numerator then denominator for a
     *     ratio or a trend); empty for an informational target
     * @param figures the figures in force and when, one per rule; empty for an informational target
     * @param shortTitle a few words for a table's header; the title when the rule set gives none
     */
    public TargetInfo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(clause, "clause");
        Objects.requireNonNull(title, "title");
        levels = Ordered.levels(levels);
        roles = Ordered.strings(roles);
        Objects.requireNonNull(measure, "measure");
        keys = List.copyOf(keys);
        figures = List.copyOf(figures);
        Objects.requireNonNull(shortTitle, "shortTitle");
    }

    /**
     * A target whose short title is its title.
     *
     * @param id the target's ID, such as {@code DOC_ELECTRONIC}
     * @param clause the directive's clause, such as {@code 1 ¶1}
     * @param title what the target asks, in Vietnamese and English
     * @param informational {@code true} for duties the text sets no measurable figure for; they get no results
     * @param levels the levels of the units the target addresses
     * @param roles the roles a unit needs for the target to apply to it; empty for every unit
     * @param measure what is measured, in words, such as {@code documents.electronic / documents.total}
     * @param keys the metric keys the measure reads, in order; empty for an informational target
     * @param figures the figures in force and when, one per rule; empty for an informational target
     */
    public TargetInfo(String id, String clause, Message title, boolean informational, Set<Level> levels,
            Set<String> roles, String measure, List<String> keys, List<FigureInfo> figures) {
        this(id, clause, title, informational, levels, roles, measure, keys, figures, title);
    }
}
