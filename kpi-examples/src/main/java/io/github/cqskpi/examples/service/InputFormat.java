package io.github.cqskpi.examples.service;

import java.util.Locale;
import java.util.Optional;

/**
 * The request formats {@code POST /v1/evaluate} reads, by {@code Content-Type}. A request
 * without one is JSON, as the contract says.
 *
 * <p>Tables (the contract's "Tables in" addition) come in here: {@code text/csv} and
 * {@code application/vnd.openxmlformats-officedocument.spreadsheetml.sheet} get a constant each,
 * {@link #of(String)} maps their media types to it, and the evaluation turns the spooled table
 * into records before the engine reads it. Until then they are 415 like any other type.
 */
enum InputFormat {
    /** The contract's JSON request, UTF-8. */
    JSON("application/json");

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
