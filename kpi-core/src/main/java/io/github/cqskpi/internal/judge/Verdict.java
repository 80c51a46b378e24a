package io.github.cqskpi.internal.judge;

import io.github.cqskpi.internal.ruleset.Figure;
import io.github.cqskpi.Gap;
import io.github.cqskpi.Measurement;
import io.github.cqskpi.ReasonCode;
import io.github.cqskpi.Requirement;
import io.github.cqskpi.Status;
import java.util.List;

/**
 * The outcome of one record for one target before it is put in words.
 *
 * @param status the status
 * @param actual what was measured, or {@code null}
 * @param required the figure in force, or {@code null}
 * @param reason why it is not a plain verdict, or {@code null}
 * @param missingKeys the absent keys, for {@link ReasonCode#MISSING_KEYS}
 * @param figure the figure that judged it, or {@code null} when no figure is in force
 * @param gap what it would take to be met, or {@code null} (see {@link Gaps})
 * @param part the part's key as the record gave it, for a measured ratio; otherwise {@code null}
 */
public record Verdict(Status status, Measurement actual, Requirement required, ReasonCode reason, List<String> missingKeys,
        Figure figure, Gap gap, String part) {

    /** A verdict without a gap or a part's key. */
    public Verdict(Status status, Measurement actual, Requirement required, ReasonCode reason, List<String> missingKeys,
            Figure figure) {
        this(status, actual, required, reason, missingKeys, figure, null, null);
    }

    public static Verdict of(Figure f, Status status, Measurement actual) {
        return new Verdict(status, actual, f.required(), null, List.of(), f, null, null);
    }

    /** A plain verdict with its gap (when not met) and, for a ratio, the part's key. */
    public static Verdict of(Figure f, Status status, Measurement actual, Gap gap, String part) {
        return new Verdict(status, actual, f.required(), null, List.of(), f, status == Status.NOT_MET ? gap : null,
                part);
    }

    public static Verdict because(Figure f, Status status, Measurement actual, ReasonCode reason) {
        return new Verdict(status, actual, f.required(), reason, List.of(), f, null, null);
    }

    public static Verdict missing(Figure f, List<String> keys) {
        return new Verdict(Status.INSUFFICIENT_DATA, null, f.required(), ReasonCode.MISSING_KEYS, keys, f, null, null);
    }

    public static final Verdict OUTSIDE_WINDOW =
            new Verdict(Status.NOT_APPLICABLE, null, null, ReasonCode.OUTSIDE_WINDOW, List.of(), null, null, null);
}
