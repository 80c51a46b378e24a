package io.github.cqskpi;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A unit that reports figures: a provincial agency, a district or a commune.
 *
 * <p>The length of the id and the roles are checked when a request is evaluated, so that a
 * bad record becomes an error entry rather than an exception.
 *
 * @param id the unit's identifier, 1 to 200 Unicode characters
 * @param name the unit's display name, if it has one
 * @param level the unit's level
 * @param roles the unit's roles, such as {@code DIC}; empty for most units
 */
public record Unit(String id, Optional<String> name, Level level, Set<String> roles) {

    /**
     * Checks the required parts and copies the roles, keeping their order.
     *
     * @param id the unit's identifier, 1 to 200 Unicode characters
     * @param name the unit's display name, if it has one
     * @param level the unit's level
     * @param roles the unit's roles, such as {@code DIC}; empty for most units
     */
    public Unit {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(level, "level");
        roles = Collections.unmodifiableSet(new LinkedHashSet<>(Objects.requireNonNull(roles, "roles")));
    }

    /**
     * A unit without a name or roles.
     *
     * @param id the unit's identifier
     * @param level the unit's level
     * @return the unit
     */
    public static Unit of(String id, Level level) {
        return new Unit(id, Optional.empty(), level, Set.of());
    }

    /**
     * A named unit without roles.
     *
     * @param id the unit's identifier
     * @param name the unit's display name
     * @param level the unit's level
     * @return the unit
     */
    public static Unit of(String id, String name, Level level) {
        return new Unit(id, Optional.of(Objects.requireNonNull(name, "name")), level, Set.of());
    }

    /**
     * This unit with the given roles instead of its own.
     *
     * @param newRoles the roles
     * @return a new unit
     */
    public Unit withRoles(String... newRoles) {
        return new Unit(id, name, level, new LinkedHashSet<>(java.util.List.of(newRoles)));
    }
}
