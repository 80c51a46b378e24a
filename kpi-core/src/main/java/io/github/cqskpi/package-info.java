/**
 * The public API of CQS KPI: the engine, its builder, and the records and enums of the JSON
 * contract.
 *
 * <p>Build a {@link io.github.cqskpi.KpiEngine} once with {@link io.github.cqskpi.KpiEngine#builder()}
 * and share it; hand it {@link io.github.cqskpi.UnitRecord}s in an
 * {@link io.github.cqskpi.EvaluationRequest}, or the contract's JSON, and read one
 * {@link io.github.cqskpi.TargetResult} a record and target from the
 * {@link io.github.cqskpi.EvaluationResponse}. No Drools type appears here.
 *
 * <h2>Nulls</h2>
 *
 * <p>One habit across the API: <strong>nothing is {@code null}</strong>. No method takes or
 * returns {@code null}, no record component holds it, and no collection contains it; a
 * {@code null} argument fails at once with a {@link NullPointerException} naming the
 * parameter. A value that may be absent is an {@link java.util.Optional}, whether a method
 * returns it ({@link io.github.cqskpi.KpiEngine#ruleSet(String)}) or a record holds it
 * ({@link io.github.cqskpi.Unit#name()}, {@link io.github.cqskpi.MetricValue.Day#date()},
 * {@link io.github.cqskpi.TargetResult#actual()}). Where a choice is optional, the API has
 * overloads or builder methods rather than {@code Optional} parameters
 * ({@link io.github.cqskpi.KpiEngine#ruleSet(String, String)},
 * {@link io.github.cqskpi.Unit#of(String, String, Level)}); only records' canonical
 * constructors take an {@code Optional}, for the component they hold.
 *
 * <p>The packages are {@link org.jspecify.annotations.NullMarked @NullMarked}
 * (<a href="https://jspecify.dev/">JSpecify</a>), so Kotlin and null checkers such as
 * NullAway read every type here as not null, and none is marked {@code @Nullable}.
 */
@NullMarked
package io.github.cqskpi;

import org.jspecify.annotations.NullMarked;
