package io.github.cqskpi;

import java.util.List;
import java.util.Map;
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
 * @param labels the names people read for a record's fields and metric keys, in Vietnamese, keyed
 *     by field ({@code unit.id}) or key ({@code documents.total}), from the rule set's
 *     {@code labels.json}; a field or key without one is shown by its name
 */
public record RuleSetInfo(
        RuleSetRef ref, Message title, SourceDocument source, List<String> readings, List<TargetInfo> targets,
        List<MetricInfo> metrics, Map<String, String> labels) {

    /**
     * Checks the parts and copies the lists.
     *
     * @param ref the id, version and fingerprint
     * @param title the rule set's title, in Vietnamese and English
     * @param source the legal text it encodes
     * @param readings how the rule set reads unclear words of the text, one line each
     * @param targets the targets, in the order results come in
     * @param metrics the metric keys a record may give under this version, with their types
     * @param labels the names people read for fields and keys, in Vietnamese
     */
    public RuleSetInfo {
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(source, "source");
        readings = List.copyOf(readings);
        targets = List.copyOf(targets);
        metrics = List.copyOf(metrics);
        labels = Map.copyOf(labels);
    }

    /**
     * A rule set version described without labels.
     *
     * @param ref the id, version and fingerprint
     * @param title the rule set's title, in Vietnamese and English
     * @param source the legal text it encodes
     * @param readings how the rule set reads unclear words of the text, one line each
     * @param targets the targets, in the order results come in
     * @param metrics the metric keys a record may give under this version, with their types
     */
    public RuleSetInfo(RuleSetRef ref, Message title, SourceDocument source, List<String> readings,
            List<TargetInfo> targets, List<MetricInfo> metrics) {
        this(ref, title, source, readings, targets, metrics, Map.of());
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
        this(ref, title, source, readings, targets, List.of(), Map.of());
    }
}
