package io.github.cqskpi.conformance;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of one conformance vector.
 *
 * @param name the vector's file name
 * @param description what the vector shows
 * @param mismatches what differed from the expectation; empty when it passed
 * @param observed each result the engine gave, as {@code TARGET STATUS[/REASON]}, and each
 *     error as {@code ERROR CODE}: what the vector covers
 */
public record CaseResult(String name, String description, List<String> mismatches, List<String> observed) {

    /**
     * Checks the parts and copies the lists.
     *
     * @param name the vector's file name
     * @param description what the vector shows
     * @param mismatches what differed from the expectation; empty when it passed
     * @param observed the results and errors the engine gave
     */
    public CaseResult {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        mismatches = List.copyOf(mismatches);
        observed = List.copyOf(observed);
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
