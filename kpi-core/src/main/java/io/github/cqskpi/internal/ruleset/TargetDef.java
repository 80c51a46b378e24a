package io.github.cqskpi.internal.ruleset;

import io.github.cqskpi.Level;
import io.github.cqskpi.Message;
import java.util.Set;

/**
 * A target as a rule set version declares it.
 *
 * @param ordinal its place in the rule set's order, from 0
 * @param id its ID
 * @param clause the directive's clause
 * @param title what it asks
 * @param levels the levels it addresses
 * @param roles the roles a unit needs for it to apply; empty for every unit
 * @param measure what it measures; {@code null} for an informational target
 * @param shortTitle a few words for a table's header
 */
public record TargetDef(int ordinal, String id, String clause, Message title, Set<Level> levels, Set<String> roles,
        Measure measure, Message shortTitle) {

    /** A target whose short title is its title. */
    public TargetDef(int ordinal, String id, String clause, Message title, Set<Level> levels, Set<String> roles,
            Measure measure) {
        this(ordinal, id, clause, title, levels, roles, measure, title);
    }

    public boolean informational() {
        return measure == null;
    }

    /** Whether a unit of this level with these roles is addressed by the target. */
    public boolean appliesTo(Level level, Set<String> unitRoles) {
        if (measure == null || !levels.contains(level)) {
            return false;
        }
        if (roles.isEmpty()) {
            return true;
        }
        for (String r : roles) {
            if (unitRoles.contains(r)) {
                return true;
            }
        }
        return false;
    }
}
