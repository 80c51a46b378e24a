/**
 * The rule sets as loaded at start-up: the descriptor read and checked against the DRL's metadata
 * ({@code RuleSetLoader}), its vocabulary of metric keys, roles and nouns ({@code Vocabulary},
 * {@code Noun}), its targets and measures ({@code TargetDef}, {@code Measure}) and figures
 * ({@code Figure}), all held by a {@code LoadedRuleSet}.
 *
 * <p>Not API: anything here may change in any release. Use {@code io.github.cqskpi}.
 */
package io.github.cqskpi.internal.ruleset;
