/**
 * The one order of judgement every target shares ({@code Judge}: absent keys, zero denominator,
 * verdict), with exact arithmetic ({@code Exact}) and what an unmet target would take
 * ({@code Gaps}), giving a {@code Verdict} before it is put in words.
 *
 * <p>Not API: anything here may change in any release. Use {@code io.github.cqskpi}.
 */
package io.github.cqskpi.internal.judge;
