/**
 * The one writer of the contract's JSON ({@code ResponseJson}), fast inside: constant pieces
 * encoded once, recurring words escaped once a response, the errors kept in a {@code Spill} until
 * the results are written.
 *
 * <p>Not API: anything here may change in any release. Use {@code io.github.cqskpi}.
 */
package io.github.cqskpi.internal.output;
