package io.github.cqskpi;

/**
 * The administrative level of a unit, as the directive addresses it.
 */
public enum Level {
    /** Provincial departments, boards and sectors (sở, ban, ngành) and other provincial agencies. */
    PROVINCE,
    /** District and city People's Committees (UBND các huyện, thành phố). */
    DISTRICT,
    /** Commune, ward and township People's Committees (UBND các xã, phường, thị trấn). */
    COMMUNE
}
