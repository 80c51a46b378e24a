package io.github.cqskpi.internal.ruleset;

import io.github.cqskpi.Level;
import java.util.Set;

/**
 * One declared role and the levels of the units that may hold it.
 *
 * @param id the role, such as {@code DIC}
 * @param levels the levels it belongs to
 */
public record RoleDef(String id, Set<Level> levels) {
}
