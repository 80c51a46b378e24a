package io.github.cqskpi;

/**
 * Why a result is not a plain {@link Status#MET} or {@link Status#NOT_MET} verdict.
 */
public enum ReasonCode {
    /** The period ends outside every window of the target, or the text sets no figure for that year. */
    OUTSIDE_WINDOW,
    /** A key that the measure needs is absent; {@link Reason#keys()} names them. */
    MISSING_KEYS,
    /** The denominator of the ratio is 0: nothing to measure. */
    ZERO_DENOMINATOR,
    /** The trend has no single usable previous record of the same unit. */
    NO_PREVIOUS_RECORD,
    /** A per-month target was given a period that is not exactly one calendar month. */
    NOT_ONE_CALENDAR_MONTH,
    /** A report is not submitted yet and its deadline has not come. */
    NOT_YET_DUE,
    /** A milestone without a deadline is not done yet. */
    NOT_YET_DONE
}
