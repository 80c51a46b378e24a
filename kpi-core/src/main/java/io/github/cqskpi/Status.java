package io.github.cqskpi;

/**
 * The outcome of judging one record against one target, in the order the contract lists them.
 */
public enum Status {
    /** The figure in force is reached. */
    MET,
    /** The figure in force is not reached. */
    NOT_MET,
    /** Not reached yet, but the text sets no day by which it fails, or that day has not come. */
    PENDING,
    /** The target sets no figure for this record, or there is nothing to measure. */
    NOT_APPLICABLE,
    /** The record lacks what the measure needs. */
    INSUFFICIENT_DATA
}
