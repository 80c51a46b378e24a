package io.github.cqskpi.internal.judge;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class ExactTests {

    static final long MAX = 9_007_199_254_740_991L; // 2^53 − 1

    static int sign(long n, long d, String percent) {
        return Integer.signum(Exact.comparePercent(n, d, new BigDecimal(percent)));
    }

    @Test
    void wholePercentOnAndAroundTheThreshold() {
        assertEquals(0, sign(60, 100, "60"));
        assertEquals(-1, sign(59, 100, "60"));
        assertEquals(1, sign(61, 100, "60"));
        assertEquals(0, sign(3, 5, "60"));
        assertEquals(0, sign(7, 7, "100"));
        assertEquals(-1, sign(6, 7, "100"));
        assertEquals(0, sign(0, 9, "0"));
        assertEquals(1, sign(1, 9, "0"));
    }

    @Test
    void aThresholdBetweenTwoCountsIsNeverReached() {
        // 40% of 7 is 2.8: 2 is below, 3 above.
        assertEquals(-1, sign(2, 7, "40"));
        assertEquals(1, sign(3, 7, "40"));
        // 1/3 against 33% and 34%.
        assertEquals(1, sign(1, 3, "33"));
        assertEquals(-1, sign(1, 3, "34"));
    }

    @Test
    void decimalPercentsAreExact() {
        assertEquals(0, sign(5, 8, "62.5"));
        assertEquals(-1, sign(4, 8, "62.5"));
        assertEquals(1, sign(6, 8, "62.5"));
        assertEquals(0, sign(625, 1000, "62.50"));
        assertEquals(-1, sign(624_999, 1_000_000, "62.5"));
        assertEquals(1, sign(625_001, 1_000_000, "62.5"));
        assertEquals(0, sign(1, 1000, "0.1"));
        assertEquals(-1, sign(1, 1001, "0.1"));
        assertEquals(0, sign(333, 1000, "33.3"));
        assertEquals(1, sign(1, 3, "33.3"));
        assertEquals(-1, sign(1, 3, "33.34"));
    }

    @Test
    void aPercentWrittenWithAPositivePowerOfTenIsThatNumber() {
        // 1E+2 is 100 with scale −2: the long fast path must not take it for 1.
        assertEquals(0, sign(7, 7, "1E+2"));
        assertEquals(-1, sign(6, 7, "1E+2"));
        assertEquals(0, sign(1, 2, "5E+1"));
        assertEquals(1, sign(51, 100, "5E+1"));
    }

    @Test
    void aPercentOfFourDigitsTakesTheExactPath() {
        // 1000% is above every ratio (a precision of 4 leaves the long path).
        assertEquals(-1, sign(MAX, MAX, "1000"));
        assertEquals(0, sign(10, 1, "1000"));
    }

    @Test
    void hugeCountsDoNotOverflow() {
        assertEquals(0, sign(MAX, MAX, "100"));
        assertEquals(-1, sign(MAX - 1, MAX, "100"));
        // 2^53 − 1 is odd: half of it lies between two counts.
        assertEquals(-1, sign(MAX / 2, MAX, "50"));
        assertEquals(1, sign(MAX / 2 + 1, MAX, "50"));
        // 80% of 5 × 10^15 is 4 × 10^15 exactly.
        assertEquals(0, sign(4_000_000_000_000_000L, 5_000_000_000_000_000L, "80"));
        assertEquals(1, sign(4_000_000_000_000_001L, 5_000_000_000_000_000L, "80"));
        assertEquals(-1, sign(3_999_999_999_999_999L, 5_000_000_000_000_000L, "80"));
        // A decimal percent with a huge whole: 62.5% of 8 × 10^15.
        assertEquals(0, sign(5_000_000_000_000_000L, 8_000_000_000_000_000L, "62.5"));
        assertEquals(-1, sign(4_999_999_999_999_999L, 8_000_000_000_000_000L, "62.5"));
    }

    static int frac(long a, long b, long c, long d) {
        return Integer.signum(Exact.compareFractions(a, b, c, d));
    }

    @Test
    void smallFractions() {
        assertEquals(0, frac(1, 2, 2, 4));
        assertEquals(1, frac(2, 3, 1, 2));
        assertEquals(-1, frac(1, 2, 2, 3));
        assertEquals(0, frac(0, 5, 0, 7));
        assertEquals(1, frac(1, 5, 0, 7));
        assertEquals(0, frac(5, 5, 7, 7));
    }

    @Test
    void fractionsNearTwoToTheFiftyThree() {
        // Products near 2^106: both the high and the low words matter.
        assertEquals(0, frac(MAX, MAX, 1, 1));
        assertEquals(-1, frac(MAX - 1, MAX, 1, 1));
        assertEquals(1, frac(MAX, MAX - 1, 1, 1));
        assertEquals(1, frac(MAX - 1, MAX, MAX - 2, MAX - 1));
        assertEquals(0, frac(MAX - 1, MAX - 1, MAX, MAX));
        // Differ only in the low 64 bits of the products.
        assertEquals(-1, frac(MAX, MAX - 1, MAX - 1, MAX - 2));
        // Low words whose signed order differs from their unsigned order.
        long a = 1L << 52;
        assertEquals(1, frac(a, 1L << 11, a - 1, 1L << 11));   // 2^63 against 2^63 − 2^11
        assertEquals(-1, frac(a - 1, 1L << 11, a, 1L << 11));
        assertEquals(1, frac(a + 1, 1L << 11, a, 1L << 11));
        assertEquals(1, frac((1L << 53) - 1, 1L << 11, (1L << 53) - 2, 1L << 11));
        assertEquals(-1, frac(3, MAX, 1L << 52, MAX));
        assertEquals(1, frac(1L << 52, MAX, 3, MAX));
    }
}
