package io.github.cqskpi;

/**
 * The request as a whole cannot be read: it is not JSON, not an object, has a bad top-level
 * field, names an unknown rule set, or passes a size limit. No record was evaluated.
 *
 * <p>A problem inside one record is never this exception: it becomes a {@link RecordError}.
 */
public class UnreadableRequestException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Where in the request the problem is: a JSON Pointer, {@code ""} for the whole request. */
    private final String path;

    /**
     * A request that cannot be read.
     *
     * @param path the JSON Pointer of the bad part, {@code ""} for the whole request
     * @param message what is wrong, naming the value
     */
    public UnreadableRequestException(String path, String message) {
        super(message);
        this.path = path;
    }

    /**
     * A request that cannot be read, with the exception that showed it.
     *
     * @param path the JSON Pointer of the bad part, {@code ""} for the whole request
     * @param message what is wrong, naming the value
     * @param cause the exception that showed it
     */
    public UnreadableRequestException(String path, String message, Throwable cause) {
        super(message, cause);
        this.path = path;
    }

    /**
     * Where in the request the problem is.
     *
     * @return a JSON Pointer, {@code ""} for the whole request
     */
    public String path() {
        return path;
    }
}
