package io.github.cqskpi.internal;

import io.github.cqskpi.Level;
import io.github.cqskpi.MetricValue;
import io.github.cqskpi.Period;
import java.util.Set;

/**
 * A record that passed validation, its values by vocabulary index ({@code null} when absent).
 */
record ValidRecord(int index, String unitId, Level level, Set<String> roles, Period period, MetricValue[] values) {
}
