package io.github.cqskpi;

/**
 * How a measure is compared with the figure in force.
 */
public enum Operator {
    /** Strictly more than ("trên"). */
    GREATER_THAN(">"),
    /** At least ("tối thiểu", "đạt"). */
    AT_LEAST(">="),
    /** Exactly ("100%", "không để xảy ra"). */
    EQUAL("="),
    /** Strictly before a day ("trước ngày"). */
    BEFORE("<"),
    /** A milestone that must be done. */
    DONE("done"),
    /** A rate that must rise against the previous period. */
    RISES("rises");

    private final String symbol;

    Operator(String symbol) {
        this.symbol = symbol;
    }

    /**
     * The symbol the contract writes: {@code >}, {@code >=}, {@code =}, {@code <}, {@code done}, {@code rises}.
     *
     * @return the symbol
     */
    public String symbol() {
        return symbol;
    }
}
