package io.github.cqskpi.examples.report;

import io.github.cqskpi.Operator;
import java.util.regex.Pattern;

/**
 * What a CSV cell may hold when the file is opened in a spreadsheet: text from a request (a
 * unit's id or name, a key in an error's path) must not become a formula.
 *
 * <p>As OWASP's "CSV Injection" page recommends, a cell that would start with {@code =},
 * {@code +}, {@code -}, {@code @}, a tab or a carriage return gets a leading apostrophe, which
 * spreadsheets read as "this is text" and do not show; a negative number keeps its minus sign.
 * RFC 4180 quoting is {@link CsvReport#field(String) separate} and comes after.
 */
public final class CsvCells {

    private static final Pattern NUMBER = Pattern.compile("-[0-9]+(\\.[0-9]+)?");

    private CsvCells() {
    }

    /**
     * The cell as a spreadsheet should see it: unchanged, or with a leading apostrophe when it
     * would otherwise be read as a formula.
     *
     * @param cell the cell's text
     * @return the text to write
     */
    public static String neutralize(String cell) {
        if (cell.isEmpty()) {
            return cell;
        }
        char c = cell.charAt(0);
        boolean formula = switch (c) {
            case '=', '+', '@', '\t', '\r' -> true;
            case '-' -> !NUMBER.matcher(cell).matches();
            default -> false;
        };
        return formula ? "'" + cell : cell;
    }

    /**
     * A requirement's comparator as a word, never a symbol a spreadsheet could read as a
     * formula ({@code =}) or a comparison.
     *
     * @param operator the comparator
     * @return {@code gt}, {@code ge}, {@code eq}, {@code before}, {@code done} or {@code rises}
     */
    public static String operator(Operator operator) {
        return switch (operator) {
            case GREATER_THAN -> "gt";
            case AT_LEAST -> "ge";
            case EQUAL -> "eq";
            case BEFORE -> "before";
            case DONE -> "done";
            case RISES -> "rises";
        };
    }
}
