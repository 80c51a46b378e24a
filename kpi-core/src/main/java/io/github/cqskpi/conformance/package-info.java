/**
 * Conformance vectors: requests with the verdicts any implementation of a rule set must give.
 * See {@link io.github.cqskpi.conformance.Conformance} for the format.
 *
 * <p>As in {@link io.github.cqskpi}, nothing here is {@code null}: absent values are
 * {@link java.util.Optional}s, and the package is JSpecify {@code @NullMarked}.
 */
@NullMarked
package io.github.cqskpi.conformance;

import org.jspecify.annotations.NullMarked;
