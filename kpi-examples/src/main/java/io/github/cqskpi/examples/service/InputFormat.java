package io.github.cqskpi.examples.service;

import java.util.Locale;
import java.util.Optional;

/**
 * The request formats {@code POST /v1/evaluate} reads, by {@code Content-Type}. A request
 * without one is JSON, as the contract says; a table (the contract's "Tables in" addition) is
 * turned into its JSON twin before the engine reads it, {@code asOf} and {@code ruleSet} then
 * coming from the query. Any other type is 415.
 */
enum InputFormat {
    /** The contract's JSON request, UTF-8. */
    JSON("application/json"),
    /** A CSV table, one record a row (RFC 4180, UTF-8). */
    CSV("text/csv"),
    /** An XLSX workbook, its first sheet one record a row. */
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final String media;

    InputFormat(String media) {
        this.media = media;
    }

    /**
     * The format a {@code Content-Type} names.
     *
     * @param contentType the header, or {@code null}
     * @return the format, or empty for a type (or a charset other than UTF-8) not read here
     */
    static Optional<InputFormat> of(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return Optional.of(JSON);
        }
        String[] parts = contentType.split(";");
        String type = parts[0].trim().toLowerCase(Locale.ROOT);
        for (int i = 1; i < parts.length; i++) {
            String p = parts[i].trim().toLowerCase(Locale.ROOT);
            if (p.startsWith("charset=") && !p.substring(8).replace("\"", "").equals("utf-8")) {
                return Optional.empty();
            }
        }
        for (InputFormat f : values()) {
            if (f.media.equals(type)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /** The media types read, for {@code Accept-Post} and the 415 message. @return them, comma-separated */
    static String accepted() {
        StringBuilder b = new StringBuilder();
        for (InputFormat f : values()) {
            b.append(b.length() == 0 ? "" : ", ").append(f.media);
        }
        return b.toString();
    }
}
