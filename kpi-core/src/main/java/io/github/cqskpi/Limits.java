package io.github.cqskpi;

/**
 * The most a JSON request may hold before it is refused as a whole, so that one request cannot
 * exhaust the memory or the time of the host that reads it. A request past a limit is an
 * {@link UnreadableRequestException} (a {@link RequestLimitException}, which names the limit
 * and its configured value); no record of it is evaluated.
 *
 * <p>Nesting depth and string length are checked by Jackson's {@code StreamReadConstraints} on
 * the engine's parser, as the bytes are read; the byte and record counts are counted while the
 * request is read, and reading stops at the first byte or record past the limit.
 *
 * @param maxBytes the most bytes a request may have
 * @param maxNestingDepth the deepest nesting of arrays and objects (the contract's own requests
 *     nest 5 deep)
 * @param maxStringLength the longest string, in characters, key or value
 * @param maxRecords the most records a request may hold
 */
public record Limits(long maxBytes, int maxNestingDepth, int maxStringLength, long maxRecords) {

    /** The default {@link #maxBytes()}: 16 MiB. */
    public static final long DEFAULT_MAX_BYTES = 16L << 20;
    /** The default {@link #maxNestingDepth()}: 32. */
    public static final int DEFAULT_MAX_NESTING_DEPTH = 32;
    /** The default {@link #maxStringLength()}: 65,536 characters. */
    public static final int DEFAULT_MAX_STRING_LENGTH = 1 << 16;
    /** The default {@link #maxRecords()}: 10,000. */
    public static final long DEFAULT_MAX_RECORDS = 10_000;

    /**
     * Checks the limits.
     *
     * @param maxBytes the most bytes a request may have
     * @param maxNestingDepth the deepest nesting of arrays and objects
     * @param maxStringLength the longest string, in characters
     * @param maxRecords the most records a request may hold
     * @throws IllegalArgumentException when a limit is below 1
     */
    public Limits {
        if (maxBytes < 1 || maxNestingDepth < 1 || maxStringLength < 1 || maxRecords < 1) {
            throw new IllegalArgumentException("every limit must be at least 1: " + maxBytes + " bytes, depth "
                    + maxNestingDepth + ", string length " + maxStringLength + ", " + maxRecords + " records");
        }
    }

    /**
     * Limits that protect a host shared by many callers, the default of the Java API and the
     * service: 16 MiB, nesting depth 32, strings of 65,536 characters, 10,000 records.
     *
     * @return the default limits
     */
    public static Limits defaults() {
        return new Limits(DEFAULT_MAX_BYTES, DEFAULT_MAX_NESTING_DEPTH, DEFAULT_MAX_STRING_LENGTH,
                DEFAULT_MAX_RECORDS);
    }

    /**
     * Limits for a file its user chose to read on their own machine, as the command line does:
     * no ceiling on bytes or records, the default nesting depth and string length (which no
     * contract request comes near).
     *
     * @return the limits without a size ceiling
     */
    public static Limits unlimitedRecords() {
        return new Limits(Long.MAX_VALUE, DEFAULT_MAX_NESTING_DEPTH, DEFAULT_MAX_STRING_LENGTH, Long.MAX_VALUE);
    }

    /**
     * These limits with another byte limit.
     *
     * @param bytes the most bytes a request may have
     * @return the new limits
     */
    public Limits withMaxBytes(long bytes) {
        return new Limits(bytes, maxNestingDepth, maxStringLength, maxRecords);
    }

    /**
     * These limits with another nesting depth.
     *
     * @param depth the deepest nesting of arrays and objects
     * @return the new limits
     */
    public Limits withMaxNestingDepth(int depth) {
        return new Limits(maxBytes, depth, maxStringLength, maxRecords);
    }

    /**
     * These limits with another string length.
     *
     * @param length the longest string, in characters
     * @return the new limits
     */
    public Limits withMaxStringLength(int length) {
        return new Limits(maxBytes, maxNestingDepth, length, maxRecords);
    }

    /**
     * These limits with another record count.
     *
     * @param records the most records a request may hold
     * @return the new limits
     */
    public Limits withMaxRecords(long records) {
        return new Limits(maxBytes, maxNestingDepth, maxStringLength, records);
    }
}
