/**
 * The public API of CQS KPI: the engine, its builder, and the records and enums of the JSON
 * contract.
 *
 * <p>Build a {@link io.github.cqskpi.KpiEngine} once with {@link io.github.cqskpi.KpiEngine#builder()}
 * and share it; hand it {@link io.github.cqskpi.UnitRecord}s in an
 * {@link io.github.cqskpi.EvaluationRequest}, or the contract's JSON, and read one
 * {@link io.github.cqskpi.TargetResult} a record and target from the
 * {@link io.github.cqskpi.EvaluationResponse}. No Drools type appears here.
 */
package io.github.cqskpi;
