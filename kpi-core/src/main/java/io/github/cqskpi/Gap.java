package io.github.cqskpi;

import java.util.Objects;

/**
 * What it would take for a {@code NOT_MET} result to be {@code MET}: the smallest whole change
 * of one metric, every other figure of the record unchanged (the contract's {@code gap}).
 *
 * @param key the metric to change, as the record gave it, such as {@code dossiers.level4.online}
 * @param change how much: positive to raise it, negative to lower it; never 0
 */
public record Gap(String key, long change) {

    /**
     * Checks the parts.
     *
     * @param key the metric to change
     * @param change how much; never 0
     */
    public Gap {
        Objects.requireNonNull(key, "key");
        if (change == 0) {
            throw new IllegalArgumentException("a gap of 0 to " + key + " is no gap");
        }
    }
}
