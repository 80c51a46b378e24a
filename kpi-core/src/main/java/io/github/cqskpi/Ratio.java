package io.github.cqskpi;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * A part over a whole, as counted: the measure of every percentage target.
 *
 * @param numerator the part
 * @param denominator the whole
 */
public record Ratio(long numerator, long denominator) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /**
     * The ratio as a percentage for people to read: two decimals, rounded half-up.
     * Verdicts never use this figure; they compare the counts exactly.
     *
     * @return the percentage, or empty when the denominator is 0
     */
    public Optional<BigDecimal> percent() {
        if (denominator == 0) {
            return Optional.empty();
        }
        return Optional.of(BigDecimal.valueOf(numerator).multiply(HUNDRED)
                .divide(BigDecimal.valueOf(denominator), 2, RoundingMode.HALF_UP));
    }
}
