package io.github.cqskpi.testkit;

/**
 * Where a generated figure sits against a target's threshold.
 */
public enum Placement {
    /** Exactly on the threshold: the part is the threshold's count, the date is the deadline day, the rate is the previous rate. */
    AT,
    /** The nearest value below the threshold: one count less, the day before, a rate just below. */
    JUST_BELOW,
    /** The nearest value above the threshold: one count more, the day after, a rate just above. */
    JUST_ABOVE
}
