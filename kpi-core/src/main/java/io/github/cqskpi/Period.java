package io.github.cqskpi;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The reporting period of a record, both days included.
 *
 * <p>The order of the two days is not checked here: a reversed period is reported as
 * {@link ErrorCode#PERIOD_REVERSED} for its record, like every other input problem.
 *
 * @param from the first day of the period
 * @param to the last day of the period; it alone decides which figures are in force
 */
public record Period(LocalDate from, LocalDate to) {

    /**
     * Checks that both days are given.
     *
     * @param from the first day of the period
     * @param to the last day of the period; it alone decides which figures are in force
     */
    public Period {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
    }

    /**
     * The period from {@code from} to {@code to}.
     *
     * @param from the first day, ISO-8601 ({@code 2022-01-01})
     * @param to the last day, ISO-8601
     * @return the period
     */
    public static Period of(String from, String to) {
        return new Period(LocalDate.parse(from), LocalDate.parse(to));
    }

    /**
     * A whole calendar year.
     *
     * @param year the year
     * @return 1 January to 31 December of that year
     */
    public static Period year(int year) {
        return new Period(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
    }

    /**
     * One calendar month.
     *
     * @param year the year
     * @param month the month, 1 to 12
     * @return the first to the last day of that month
     */
    public static Period month(int year, int month) {
        LocalDate first = LocalDate.of(year, month, 1);
        return new Period(first, first.withDayOfMonth(first.lengthOfMonth()));
    }

    /**
     * Whether this period is exactly one calendar month, first day to last day.
     *
     * @return {@code true} for a whole calendar month
     */
    public boolean isOneCalendarMonth() {
        return from.getDayOfMonth() == 1
                && to.getYear() == from.getYear()
                && to.getMonth() == from.getMonth()
                && to.getDayOfMonth() == to.lengthOfMonth();
    }
}
