package io.github.cqskpi.internal.validate;

import io.github.cqskpi.Level;
import io.github.cqskpi.MetricValue;
import io.github.cqskpi.Period;
import java.util.Set;

/**
 * A record that passed validation, its values by vocabulary index ({@code null} when absent); its
 * unit's name is {@code null} when the request gives none.
 */
public record ValidRecord(int index, String unitId, String name, Level level, Set<String> roles, Period period, MetricValue[] values) {
}
