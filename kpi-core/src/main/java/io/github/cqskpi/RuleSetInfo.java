package io.github.cqskpi;

import java.util.List;
import java.util.Objects;

/**
 * A rule set version as loaded: its identity, the text it encodes and its catalogue of targets.
 *
 * @param ref the id, version and fingerprint
 * @param title the rule set's title, in Vietnamese and English
 * @param source the legal text it encodes
 * @param readings how the rule set reads unclear words of the text, one line each
 * @param targets the targets, in the order results come in
 * @param metrics the metric keys a record may give under this version, with their types: the
 *     contract's, then the rule set's own
 */
public record RuleSetInfo(
        RuleSetRef ref, Message title, SourceDocument source, List<String> readings, List<TargetInfo> targets,
        List<MetricInfo> metrics) {

    /**
     * Checks the parts and copies the lists.
     *
     * @param ref the id, version and fingerprint
     * @param title the rule set's title, in Vietnamese and English
     * @param source the legal text it encodes
     * @param readings how the rule set reads unclear words of the text, one line each
     * @param targets the targets, in the order results come in
     * @param metrics the metric keys a record may give under this version, with their types
     */
    public RuleSetInfo {
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(source, "source");
        readings = List.copyOf(readings);
        targets = List.copyOf(targets);
        metrics = List.copyOf(metrics);
    }

    /**
     * A rule set version described without its metric keys.
     *
     * @param ref the id, version and fingerprint
     * @param title the rule set's title, in Vietnamese and English
     * @param source the legal text it encodes
     * @param readings how the rule set reads unclear words of the text, one line each
     * @param targets the targets, in the order results come in
     */
    public RuleSetInfo(
            RuleSetRef ref, Message title, SourceDocument source, List<String> readings, List<TargetInfo> targets) {
        this(ref, title, source, readings, targets, List.of());
    }
}
