package io.github.cqskpi;

import java.util.Objects;

/**
 * A sentence for people, in Vietnamese and in English.
 *
 * @param vi the Vietnamese text
 * @param en the English text
 */
public record Message(String vi, String en) {

    /**
     * Checks both texts.
     *
     * @param vi the Vietnamese text
     * @param en the English text
     */
    public Message {
        Objects.requireNonNull(vi, "vi");
        Objects.requireNonNull(en, "en");
    }
}
