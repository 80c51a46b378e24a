/**
 * The roll-ups of a response ({@code Rollups}): per level, period and ratio target the sums of the
 * units' parts and wholes, and per unit the targets met out of those judged, ranked; state that
 * grows with units, never with records.
 *
 * <p>Not API: anything here may change in any release. Use {@code io.github.cqskpi}.
 */
package io.github.cqskpi.internal.rollup;
