/**
 * The engine ({@code DefaultKpiEngine}) and its one evaluation loop ({@code Evaluation}): every way
 * in (the Java API, JSON in memory, JSON streamed from a file in two passes with
 * {@code StreamingEvaluation}, the reports) takes records through the same loop into a sink
 * ({@code Sinks}): one that collects, one that writes JSON, one that hands results to a listener.
 *
 * <p>Not API: anything here may change in any release. Use {@code io.github.cqskpi}.
 */
package io.github.cqskpi.internal.engine;
