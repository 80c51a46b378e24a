package io.github.cqskpi;

import java.util.List;
import java.util.Objects;

/**
 * Why a result is not a plain verdict.
 *
 * @param code the reason's code
 * @param text an explanation for people, in English
 * @param keys the missing metric keys for {@link ReasonCode#MISSING_KEYS}, otherwise empty
 */
public record Reason(ReasonCode code, String text, List<String> keys) {

    /**
     * Checks the parts and copies the keys.
     *
     * @param code the reason's code
     * @param text an explanation for people, in English
     * @param keys the missing metric keys for {@link ReasonCode#MISSING_KEYS}, otherwise empty
     */
    public Reason {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(text, "text");
        keys = List.copyOf(keys);
    }
}
