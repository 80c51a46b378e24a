package io.github.cqskpi;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import java.util.TreeSet;

/** Copies of catalogue sets that iterate in one fixed order, whatever order they were given in. */
final class Ordered {

    private Ordered() {
    }

    /** The levels in {@link Level}'s order: province, district, commune. */
    static Set<Level> levels(Collection<Level> levels) {
        EnumSet<Level> copy = EnumSet.noneOf(Level.class);
        copy.addAll(levels); // a null level fails here, as Set.copyOf would
        return Collections.unmodifiableSet(copy);
    }

    /** The strings in their natural (Unicode code unit) order. */
    static Set<String> strings(Collection<String> strings) {
        return Collections.unmodifiableSortedSet(new TreeSet<>(strings));
    }
}
