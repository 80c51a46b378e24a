/**
 * Reports for people, written from an evaluation's results alone as the engine makes them:
 * {@link io.github.cqskpi.report.Reports#write} evaluates a request and writes it as the
 * contract's JSON, a text table, CSV or one HTML page ({@link io.github.cqskpi.report.ReportFormat}),
 * in memory that grows with the units, never with the records. A portal's own service can call
 * it, or take the results itself through {@link io.github.cqskpi.ResultListener}.
 */
package io.github.cqskpi.report;
