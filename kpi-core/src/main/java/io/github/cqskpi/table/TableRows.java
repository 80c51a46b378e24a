package io.github.cqskpi.table;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;

/**
 * A table read one row at a time, the header row first. {@link CsvRows} reads CSV; a
 * spreadsheet reader implements it for its own format.
 */
public interface TableRows extends Closeable {

    /**
     * Moves to the next row.
     *
     * @return {@code false} at the end of the table
     * @throws IOException when reading fails
     * @throws io.github.cqskpi.UnreadableRequestException when the file is not a table of this form
     */
    boolean next() throws IOException;

    /**
     * The current row's number as a spreadsheet program shows it, from 1 (the header).
     *
     * @return the row number
     */
    int row();

    /**
     * The current row's cells from column A; cells past the last one given are blank.
     *
     * @return the cells
     */
    List<Cell> cells();
}
