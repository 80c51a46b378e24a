package io.github.cqskpi;

/**
 * What is wrong with a rejected record, as the contract names it.
 */
public enum ErrorCode {
    /** A value has the wrong JSON type (a string for a count, a fraction, {@code null} where not allowed). */
    INVALID_TYPE,
    /** A count is negative or above 2^53 − 1, or a text is empty. */
    OUT_OF_RANGE,
    /** A date is not an ISO-8601 day that exists in the calendar. */
    INVALID_DATE,
    /** A required field is absent. */
    MISSING_FIELD,
    /** A field that the contract does not name. */
    UNKNOWN_FIELD,
    /** A metric key that neither the contract nor the chosen rule set declares. */
    UNKNOWN_METRIC,
    /** A level other than {@code PROVINCE}, {@code DISTRICT} or {@code COMMUNE}. */
    INVALID_LEVEL,
    /** A role that neither the contract nor the chosen rule set declares. */
    INVALID_ROLE,
    /** A role given to a unit of a level it does not belong to. */
    ROLE_LEVEL_MISMATCH,
    /** A part is larger than its whole. */
    PART_EXCEEDS_WHOLE,
    /** {@code period.from} is after {@code period.to}. */
    PERIOD_REVERSED,
    /** A submission date is after the evaluation date ("as of"). */
    SUBMITTED_AFTER_AS_OF,
    /** An object holds the same key twice. */
    DUPLICATE_KEY,
    /** The same unit with the same period appears more than once. */
    DUPLICATE_RECORD,
    /** {@code unit.id} is longer than 200 characters. */
    ID_TOO_LONG,
    /**
     * A fault of the rule set, not of the record: a rule threw while judging it, fired outside
     * its target's levels or roles, or judged a target another rule had judged. The record gets
     * no verdict; the message names the rule. An addition to the contract's list.
     */
    RULE_FAILED
}
