package io.github.cqskpi.internal.judge;

import io.github.cqskpi.Gap;
import io.github.cqskpi.Operator;
import io.github.cqskpi.Ratio;
import io.github.cqskpi.Requirement;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * What it would take, per kind of measure: the smallest whole change of one metric, every other
 * figure unchanged, after which a {@code NOT_MET} verdict would be {@code MET}. Exact integer
 * arithmetic only, as for the verdicts themselves ({@link Exact}); {@code null} where no change
 * of that metric can meet the figure (or nothing needs to change).
 */
public final class Gaps {

    private static final BigInteger HUNDRED = BigInteger.valueOf(100);

    private Gaps() {
    }

    /**
     * The gap of a ratio: the least part that meets {@code required} on the same whole, minus
     * the part.
     *
     * @param key the part's key as the record gave it
     * @param whole must be positive
     */
    public static Gap ratio(String key, long part, long whole, Requirement.Percent required) {
        long least = leastPart(whole, required);
        boolean met = required.operator() == Operator.EQUAL ? least == part : least >= 0 && part >= least;
        return least < 0 || met ? null : new Gap(key, least - part);
    }

    /**
     * The least part, from 0 to {@code whole}, whose ratio to {@code whole} meets the figure;
     * -1 when none does (such as {@code = 62.5%} of 7).
     */
    public static long leastPart(long whole, Requirement.Percent required) {
        BigDecimal percent = required.percent();
        if (percent.scale() == 0 && percent.precision() <= 3 && percent.signum() >= 0) {
            // Whole percents, as the directive's: counts are at most 2^53 − 1, so p × whole stays
            // below 2^63 and no BigInteger is needed (as in Exact.comparePercent).
            long num = percent.longValueExact() * whole;
            long q = num / 100;
            long least = switch (required.operator()) {
                case GREATER_THAN -> q + 1;
                case AT_LEAST -> num % 100 == 0 ? q : q + 1;
                case EQUAL -> num % 100 == 0 ? q : -1;
                default -> throw new IllegalArgumentException("operator " + required.operator().symbol()
                        + " does not compare numbers");
            };
            return least > whole ? -1 : least;
        }
        // part / whole OP u / (100 × 10^s)  ⇔  part × den OP num, with den > 0.
        BigInteger num = required.percent().unscaledValue().multiply(BigInteger.valueOf(whole));
        BigInteger den = HUNDRED;
        int scale = required.percent().scale();
        if (scale > 0) {
            den = den.multiply(BigInteger.TEN.pow(scale));
        } else if (scale < 0) {
            num = num.multiply(BigInteger.TEN.pow(-scale));
        }
        BigInteger[] qr = num.divideAndRemainder(den);
        BigInteger least = switch (required.operator()) {
            case GREATER_THAN -> qr[0].add(BigInteger.ONE);
            case AT_LEAST -> qr[1].signum() == 0 ? qr[0] : qr[0].add(BigInteger.ONE);
            case EQUAL -> qr[1].signum() == 0 ? qr[0] : null;
            default -> throw new IllegalArgumentException("operator " + required.operator().symbol()
                    + " does not compare numbers");
        };
        if (least == null || least.signum() < 0 || least.compareTo(BigInteger.valueOf(whole)) > 0) {
            return -1;
        }
        return least.longValueExact();
    }

    /** The gap of a count judged against a value: the nearest count that meets it, minus the count. */
    public static Gap count(String key, long value, Requirement.Count required) {
        long target = required.operator() == Operator.GREATER_THAN ? required.value() + 1 : required.value();
        if (target < 0 || target == value
                || (required.operator() != Operator.EQUAL && value > target)) {
            return null;
        }
        return new Gap(key, target - value);
    }

    /**
     * The gap of a rate that must rise: the least part whose rate on the same whole is above the
     * previous rate, minus the part; when the previous rate was 100%, the whole (the rate stays
     * at 100%), minus the part.
     *
     * @param current this period's ratio, its whole positive
     * @param previous the previous period's ratio, its whole positive
     */
    public static Gap trend(String key, Ratio current, Ratio previous) {
        long whole = current.denominator();
        long least;
        if (previous.numerator() == previous.denominator()) {
            least = whole;
        } else {
            // part / whole > a / b  ⇔  part > a × whole / b: the floor of it, plus one.
            least = BigInteger.valueOf(previous.numerator()).multiply(BigInteger.valueOf(whole))
                    .divide(BigInteger.valueOf(previous.denominator())).add(BigInteger.ONE).longValueExact();
        }
        return least > whole || least <= current.numerator() ? null : new Gap(key, least - current.numerator());
    }
}
