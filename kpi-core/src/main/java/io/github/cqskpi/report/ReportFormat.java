package io.github.cqskpi.report;

import java.util.Locale;
import java.util.Optional;

/** The forms a response can take: the contract's JSON, or a report for people. */
public enum ReportFormat {
    /** The contract's JSON, as {@code KpiEngine.evaluateJson} streams it. */
    JSON,
    /** For a terminal: one line a record with one mark a target, the totals per target, the errors. */
    TEXT,
    /** For a spreadsheet (RFC 4180): a row a record and target, a row an error of a rejected record. */
    CSV,
    /**
     * One self-contained web page; at most {@link Reports#HTML_MAX_RECORDS} records, past which
     * {@link ReportTooLargeException} is thrown before anything is written.
     */
    HTML;

    /**
     * The format's name, as a command line spells it.
     *
     * @return {@code json}, {@code text}, {@code csv} or {@code html}
     */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The format a name stands for.
     *
     * @param id {@code json}, {@code text}, {@code csv} or {@code html}
     * @return the format, or empty when the name is none of these
     */
    public static Optional<ReportFormat> of(String id) {
        for (ReportFormat f : values()) {
            if (f.id().equals(id)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}
