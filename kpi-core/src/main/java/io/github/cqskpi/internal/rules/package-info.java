/**
 * The facts meet Drools: {@code DroolsRules} is the one class that owns Drools and fires a rule
 * set over a batch of facts; {@code RecordState} is the engine's side of one valid record while
 * its rules fire (its values, the previous period's figures, a verdict slot per target).
 *
 * <p>Not API: anything here may change in any release. Use {@code io.github.cqskpi}.
 */
package io.github.cqskpi.internal.rules;
