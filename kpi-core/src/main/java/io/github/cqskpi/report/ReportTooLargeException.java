package io.github.cqskpi.report;

/**
 * A report that would be too large for its format: thrown before anything of it is written.
 * An HTML page holds at most {@link Reports#HTML_MAX_RECORDS} records; CSV has no such limit.
 */
public final class ReportTooLargeException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The format asked for. */
    private final ReportFormat format;
    /** The most records it holds. */
    private final long limit;

    /**
     * A report past its format's limit.
     *
     * @param format the format
     * @param limit the most records it holds
     */
    public ReportTooLargeException(ReportFormat format, long limit) {
        super((format == ReportFormat.HTML ? "an HTML" : "a " + format.id()) + " report holds at most " + limit
                + " records; this request has more: choose csv, which has no limit");
        this.format = format;
        this.limit = limit;
    }

    /**
     * The format that was asked for.
     *
     * @return the format
     */
    public ReportFormat format() {
        return format;
    }

    /**
     * The most records the format holds.
     *
     * @return the limit
     */
    public long limit() {
        return limit;
    }
}
