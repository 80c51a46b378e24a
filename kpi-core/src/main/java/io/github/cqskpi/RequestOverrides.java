package io.github.cqskpi;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * Choices that take the place of a JSON request's own fields, such as a command line's options.
 * An unknown rule set asked for here is reported with the path {@code ""}
 * ({@link UnknownRuleSetException#path()}): it is not a part of the request.
 *
 * @param asOf the evaluation date to use whatever the request says
 * @param ruleSet the rule set to use whatever the request says
 * @param ruleSetVersion its version; empty with a rule set means its newest
 */
public record RequestOverrides(Optional<LocalDate> asOf, Optional<String> ruleSet, Optional<String> ruleSetVersion) {

    private static final RequestOverrides NONE = new RequestOverrides(Optional.empty(), Optional.empty(), Optional.empty());

    /**
     * Checks the parts; a version needs a rule set.
     *
     * @param asOf the evaluation date to use whatever the request says
     * @param ruleSet the rule set to use whatever the request says
     * @param ruleSetVersion its version; empty with a rule set means its newest
     */
    public RequestOverrides {
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(ruleSet, "ruleSet");
        Objects.requireNonNull(ruleSetVersion, "ruleSetVersion");
        if (ruleSetVersion.isPresent() && ruleSet.isEmpty()) {
            throw new IllegalArgumentException("ruleSetVersion " + ruleSetVersion.get() + " given without a ruleSet");
        }
    }

    /**
     * No overrides: the request decides.
     *
     * @return the empty overrides
     */
    public static RequestOverrides none() {
        return NONE;
    }

    /**
     * These overrides with an evaluation date.
     *
     * @param date the date
     * @return new overrides
     */
    public RequestOverrides withAsOf(LocalDate date) {
        return new RequestOverrides(Optional.of(date), ruleSet, ruleSetVersion);
    }

    /**
     * These overrides with a rule set given as {@code ID} or {@code ID@VERSION}.
     *
     * @param idAtVersion the rule set, with or without a version
     * @return new overrides
     */
    public RequestOverrides withRuleSet(String idAtVersion) {
        int at = idAtVersion.indexOf('@');
        if (at < 0) {
            return new RequestOverrides(asOf, Optional.of(idAtVersion), Optional.empty());
        }
        return new RequestOverrides(asOf, Optional.of(idAtVersion.substring(0, at)),
                Optional.of(idAtVersion.substring(at + 1)));
    }
}
