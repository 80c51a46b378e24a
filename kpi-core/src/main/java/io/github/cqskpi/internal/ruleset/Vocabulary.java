package io.github.cqskpi.internal.ruleset;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The metric keys and roles a rule set version accepts, all of them declared by the rule set:
 * its base vocabulary (the file its descriptor names in {@code "vocabulary"}), then its own
 * {@code "metrics"} and {@code "roles"}. The library itself knows no key or role. Each key has
 * an index, so that a record's values sit in an array.
 */
public final class Vocabulary {

    private final List<MetricDef> metrics;
    private final Map<String, Integer> index;
    private final Map<String, RoleDef> roles;
    private final int[] replacement;
    private final int[] whole;

    private Vocabulary(List<MetricDef> metrics, List<RoleDef> roleDefs) {
        Map<String, Integer> idx = new LinkedHashMap<>();
        for (MetricDef m : metrics) {
            if (idx.putIfAbsent(m.key(), idx.size()) != null) {
                throw new IllegalArgumentException("metric key " + m.key() + " is declared twice");
            }
        }
        for (MetricDef m : metrics) {
            if (m.whole() != null) {
                Integer w = idx.get(m.whole());
                if (w == null || metrics.get(w).type() != MetricType.COUNT || m.type() != MetricType.COUNT) {
                    throw new IllegalArgumentException("metric key " + m.key() + " names " + m.whole()
                            + " as its whole, which is not a declared count");
                }
            }
        }
        int[] replacement = new int[metrics.size()];
        java.util.Arrays.fill(replacement, -1);
        for (MetricDef m : metrics) {
            if (m.replaces() != null) {
                Integer old = idx.get(m.replaces());
                if (old == null || metrics.get(old).type() != m.type() || metrics.get(old).replaces() != null
                        || m.from() == null) {
                    throw new IllegalArgumentException("metric key " + m.key() + " replaces " + m.replaces()
                            + ", which must be a declared key of the same type, and needs a \"from\" day");
                }
                if (replacement[old] >= 0) {
                    throw new IllegalArgumentException("metric key " + m.replaces() + " is replaced twice");
                }
                replacement[old] = idx.get(m.key());
            }
        }
        Map<String, RoleDef> r = new LinkedHashMap<>();
        for (RoleDef role : roleDefs) {
            if (r.putIfAbsent(role.id(), role) != null) {
                throw new IllegalArgumentException("role " + role.id() + " is declared twice");
            }
        }
        int[] whole = new int[metrics.size()];
        for (int i = 0; i < whole.length; i++) {
            whole[i] = metrics.get(i).whole() == null ? -1 : idx.get(metrics.get(i).whole());
        }
        // Looked up for every metric of every record: a table wide enough that the keys, which
        // differ in a character or two, do not pile up in a few buckets.
        Map<String, Integer> lookup = new java.util.HashMap<>(Math.max(1024, idx.size() * 16));
        lookup.putAll(idx);
        this.metrics = List.copyOf(metrics);
        this.replacement = replacement;
        this.whole = whole;
        this.index = Collections.unmodifiableMap(lookup);
        this.roles = Collections.unmodifiableMap(r);
    }

    /**
     * The keys and roles a rule set declares, in the order given: that order is each key's index.
     *
     * @throws IllegalArgumentException when a key or role is declared twice, a whole is not a
     *         declared count, or a replacement is not well formed
     */
    public static Vocabulary of(List<MetricDef> metrics, List<RoleDef> roles) {
        return new Vocabulary(metrics, roles);
    }

    public int size() {
        return metrics.size();
    }

    /** The index of a key, or -1 when the key is not declared. */
    public int indexOf(String key) {
        Integer i = index.get(key);
        return i == null ? -1 : i;
    }

    /** The index of the whole of the key at {@code index}, or -1 when it has none. */
    public int wholeOf(int index) {
        return whole[index];
    }

    public MetricDef metric(int index) {
        return metrics.get(index);
    }

    public List<MetricDef> metrics() {
        return metrics;
    }

    /** The keys as the public catalogue shows them, in declaration order. */
    public List<io.github.cqskpi.MetricInfo> infos() {
        List<io.github.cqskpi.MetricInfo> out = new java.util.ArrayList<>(metrics.size());
        for (MetricDef m : metrics) {
            out.add(new io.github.cqskpi.MetricInfo(m.key(), switch (m.type()) {
                case COUNT -> io.github.cqskpi.MetricInfo.Type.COUNT;
                case DATE -> io.github.cqskpi.MetricInfo.Type.DATE;
                case FLAG -> io.github.cqskpi.MetricInfo.Type.FLAG;
            }, java.util.Optional.ofNullable(m.whole()), java.util.Optional.ofNullable(m.replaces())));
        }
        return List.copyOf(out);
    }

    /** The index of the key that replaces the key at {@code index} under newer wording, or -1. */
    public int replacementOf(int index) {
        return replacement[index];
    }

    public RoleDef role(String id) {
        return roles.get(id);
    }
}
