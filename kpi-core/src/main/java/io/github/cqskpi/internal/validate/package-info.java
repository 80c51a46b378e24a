/**
 * The second stage: the contract's rules on a record's values, whichever way it arrived
 * ({@code Validator}), and the record that passed them ({@code ValidRecord}). Duplicates, which
 * need the whole request, are found by the engine's loop with its period index.
 *
 * <p>Not API: anything here may change in any release. Use {@code io.github.cqskpi}.
 */
package io.github.cqskpi.internal.validate;
