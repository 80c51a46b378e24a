package io.github.cqskpi;

import java.util.Objects;

/**
 * Which rules made a response: a rule set's id, its version and the fingerprint of its sources.
 *
 * @param id the rule set's id, such as {@code dak-nong-2022}
 * @param version its semantic version, such as {@code 1.0.0}
 * @param sha256 the SHA-256 of its sources, lower-case hex
 */
public record RuleSetRef(String id, String version, String sha256) {

    /**
     * Checks the parts.
     *
     * @param id the rule set's id, such as {@code dak-nong-2022}
     * @param version its semantic version, such as {@code 1.0.0}
     * @param sha256 the SHA-256 of its sources, lower-case hex
     */
    public RuleSetRef {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(sha256, "sha256");
    }
}
