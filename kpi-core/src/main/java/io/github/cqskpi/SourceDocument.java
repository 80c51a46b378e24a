package io.github.cqskpi;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The legal text a rule set encodes.
 *
 * @param issuer who issued it
 * @param title its title, in its own language
 * @param number its number, or empty text when the published text gives none
 * @param date the day it was issued or published
 * @param publishedAt where it was published
 * @param notes remarks on the text, such as citation slips and how they are read
 */
public record SourceDocument(
        String issuer, String title, String number, LocalDate date, String publishedAt, List<String> notes) {

    /**
     * Checks the parts and copies the notes.
     *
     * @param issuer who issued it
     * @param title its title, in its own language
     * @param number its number, or empty text when the published text gives none
     * @param date the day it was issued or published
     * @param publishedAt where it was published
     * @param notes remarks on the text, such as citation slips and how they are read
     */
    public SourceDocument {
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(publishedAt, "publishedAt");
        notes = List.copyOf(notes);
    }
}
