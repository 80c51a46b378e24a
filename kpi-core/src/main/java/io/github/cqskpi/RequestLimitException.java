package io.github.cqskpi;

/**
 * The request passes one of the engine's {@link Limits}: it is unreadable as a whole, and
 * reading stopped where the limit was passed.
 */
public class RequestLimitException extends UnreadableRequestException {

    private static final long serialVersionUID = 1L;

    /** Which limit was passed. */
    public enum Limit {
        /** {@link Limits#maxBytes()}. */
        BYTES,
        /** {@link Limits#maxNestingDepth()}. */
        NESTING_DEPTH,
        /** {@link Limits#maxStringLength()}. */
        STRING_LENGTH,
        /** {@link Limits#maxRecords()}. */
        RECORDS
    }

    /** Which limit was passed. */
    private final Limit limit;
    /** The limit's configured value. */
    private final long configured;

    /**
     * A request past a limit.
     *
     * @param path the JSON Pointer where reading stopped, {@code ""} when unknown
     * @param limit the limit passed
     * @param configured the limit's configured value
     * @param message what is wrong, naming the limit and its value
     */
    public RequestLimitException(String path, Limit limit, long configured, String message) {
        super(path, message);
        this.limit = limit;
        this.configured = configured;
    }

    /**
     * Which limit the request passed.
     *
     * @return the limit
     */
    public Limit limit() {
        return limit;
    }

    /**
     * The limit's configured value.
     *
     * @return the value
     */
    public long configured() {
        return configured;
    }
}
