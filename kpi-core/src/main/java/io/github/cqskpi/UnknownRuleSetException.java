package io.github.cqskpi;

import java.util.List;

/**
 * A request names a rule set or version that is not loaded. The message names what is.
 */
public class UnknownRuleSetException extends UnreadableRequestException {

    private static final long serialVersionUID = 1L;

    private final transient List<RuleSetRef> available;

    /**
     * A rule set that is not loaded.
     *
     * @param path the request field that names it, {@code ""} when it was asked for in place of
     *        the request's own ({@link RequestOverrides})
     * @param asked what was asked, such as {@code dak-nong-2022@9.9.9}
     * @param available the rule sets that are loaded
     */
    public UnknownRuleSetException(String path, String asked, List<RuleSetRef> available) {
        super(path, "unknown rule set " + asked + "; loaded: " + describe(available));
        this.available = List.copyOf(available);
    }

    /**
     * The rule sets that are loaded.
     *
     * @return their ids and versions
     */
    public List<RuleSetRef> available() {
        return available;
    }

    private static String describe(List<RuleSetRef> refs) {
        if (refs.isEmpty()) {
            return "none";
        }
        StringBuilder b = new StringBuilder();
        for (RuleSetRef r : refs) {
            if (b.length() > 0) {
                b.append(", ");
            }
            b.append(r.id()).append('@').append(r.version());
        }
        return b.toString();
    }
}
