package io.github.cqskpi.internal.ruleset;

/**
 * A metric's counted thing in words, as a rule set declares it with the key ({@code noun}), for
 * the end of a {@code NOT_MET} message ("cần thêm 4 hồ sơ trực tuyến mức độ 4 để đạt").
 *
 * @param vi the Vietnamese words (Vietnamese nouns have no plural)
 * @param en the English plural, such as {@code online level-4 dossiers}
 * @param enOne the English singular, for a change of 1
 */
public record Noun(String vi, String en, String enOne) {

    /** The key itself, for a rule set that gives no words for it. */
    public static Noun ofKey(String key) {
        return new Noun(key, key, key);
    }
}
