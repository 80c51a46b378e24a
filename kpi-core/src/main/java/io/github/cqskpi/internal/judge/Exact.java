package io.github.cqskpi.internal.judge;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Exact comparisons of ratios on their counts: never a division, never a floating-point number.
 */
public final class Exact {

    private static final BigInteger HUNDRED = BigInteger.valueOf(100);

    private Exact() {
    }

    /**
     * The sign of {@code numerator / denominator − percent / 100}, decided on the counts:
     * {@code numerator × 100 × 10^s} against {@code unscaled(percent) × denominator}.
     *
     * @param denominator must be positive
     */
    public static int comparePercent(long numerator, long denominator, BigDecimal percent) {
        int scale = percent.scale();
        if (scale == 0 && percent.precision() <= 3) {
            // Counts are at most 2^53 − 1, so both products stay far below 2^63.
            long left = numerator * 100;
            long right = percent.longValueExact() * denominator;
            return Long.compare(left, right);
        }
        BigInteger left = BigInteger.valueOf(numerator).multiply(HUNDRED);
        BigInteger right = percent.unscaledValue().multiply(BigInteger.valueOf(denominator));
        if (scale > 0) {
            left = left.multiply(BigInteger.TEN.pow(scale));
        } else if (scale < 0) {
            right = right.multiply(BigInteger.TEN.pow(-scale));
        }
        return left.compareTo(right);
    }

    /**
     * The sign of {@code a / b − c / d}, for positive {@code b} and {@code d}.
     */
    public static int compareFractions(long a, long b, long c, long d) {
        long hi1 = Math.multiplyHigh(a, d);
        long lo1 = a * d;
        long hi2 = Math.multiplyHigh(c, b);
        long lo2 = c * b;
        if (hi1 != hi2) {
            return Long.compare(hi1, hi2);
        }
        return Long.compareUnsigned(lo1, lo2);
    }
}
