package io.github.cqskpi.rule;

import io.github.cqskpi.Level;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;
import org.kie.api.runtime.rule.RuleContext;

/**
 * One valid record as rules see it: a unit, its level and roles, and its period.
 *
 * <p>Conditions select on {@code level}, {@code hasRole(..)}, {@code endYear} and
 * {@code endDay} (the period's last day as the number {@code yyyymmdd}, so that
 * {@code endDay >= 20220115} reads "ends on 15 January 2022 or later"). The consequence calls
 * {@link #judge(RuleContext)}; the figures are never read in a condition, so that every target
 * is measured in the same order of judgement.
 */
public final class UnitPeriod {

    private final int record;
    private final String unitId;
    private final Level level;
    private final Set<String> roles;
    private final LocalDate from;
    private final LocalDate to;
    private final int endYear;
    private final int endDay;
    private final Judgement judgement;

    /**
     * A fact for one record. The engine makes these; rule authors only match them.
     *
     * @param record the record's index in the request
     * @param unitId the unit's id
     * @param level the unit's level
     * @param roles the unit's roles
     * @param from the period's first day
     * @param to the period's last day
     * @param judgement the engine's side of the record
     */
    public UnitPeriod(int record, String unitId, Level level, Set<String> roles, LocalDate from, LocalDate to,
            Judgement judgement) {
        this.record = record;
        this.unitId = Objects.requireNonNull(unitId, "unitId");
        this.level = Objects.requireNonNull(level, "level");
        this.roles = Set.copyOf(roles);
        this.from = Objects.requireNonNull(from, "from");
        this.to = Objects.requireNonNull(to, "to");
        this.endYear = to.getYear();
        this.endDay = to.getYear() * 10_000 + to.getMonthValue() * 100 + to.getDayOfMonth();
        this.judgement = Objects.requireNonNull(judgement, "judgement");
    }

    /**
     * Measures this record against the figure stated in the matching rule's metadata.
     *
     * @param kcontext the consequence's rule context
     */
    public void judge(RuleContext kcontext) {
        judgement.apply(kcontext.getRule().getName());
    }

    /**
     * The record's index in the request, from 0.
     *
     * @return the index
     */
    public int getRecord() {
        return record;
    }

    /**
     * The unit's id.
     *
     * @return the id
     */
    public String getUnitId() {
        return unitId;
    }

    /**
     * The unit's level.
     *
     * @return the level
     */
    public Level getLevel() {
        return level;
    }

    /**
     * Whether the unit has a role.
     *
     * @param role the role, such as {@code DIC}
     * @return {@code true} when it has
     */
    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    /**
     * The period's first day.
     *
     * @return the day
     */
    public LocalDate getFrom() {
        return from;
    }

    /**
     * The period's last day, which alone decides which figures are in force.
     *
     * @return the day
     */
    public LocalDate getTo() {
        return to;
    }

    /**
     * The year the period ends in.
     *
     * @return the year
     */
    public int getEndYear() {
        return endYear;
    }

    /**
     * The period's last day as the number {@code yyyymmdd}, such as {@code 20220115}.
     *
     * @return the day as a number
     */
    public int getEndDay() {
        return endDay;
    }

    @Override
    public String toString() {
        return "UnitPeriod[record " + record + ", " + unitId + ", " + from + ".." + to + "]";
    }
}
