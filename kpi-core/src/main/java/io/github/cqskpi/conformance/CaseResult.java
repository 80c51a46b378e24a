package io.github.cqskpi.conformance;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of one conformance vector.
 *
 * @param name the vector's file name
 * @param description what the vector shows
 * @param mismatches what differed from the expectation; empty when it passed
 */
public record CaseResult(String name, String description, List<String> mismatches) {

    /**
     * Checks the parts and copies the mismatches.
     *
     * @param name the vector's file name
     * @param description what the vector shows
     * @param mismatches what differed from the expectation; empty when it passed
     */
    public CaseResult {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        mismatches = List.copyOf(mismatches);
    }

    /**
     * Whether the engine gave what the vector expects.
     *
     * @return {@code true} when nothing differed
     */
    public boolean passed() {
        return mismatches.isEmpty();
    }
}
