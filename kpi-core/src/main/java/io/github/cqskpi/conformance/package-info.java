/**
 * Conformance vectors: requests with the verdicts any implementation of a rule set must give.
 * See {@link io.github.cqskpi.conformance.Conformance} for the format.
 */
package io.github.cqskpi.conformance;
