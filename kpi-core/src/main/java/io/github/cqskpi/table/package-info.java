/**
 * Tables in: a request given as a table (CSV here; any other form through {@link
 * io.github.cqskpi.table.TableRows}), one record a row, read into the very records a JSON
 * request holds, so that the response is byte for byte the JSON twin's.
 *
 * <p>The table is a second input stage of the one pipeline: {@link io.github.cqskpi.table.Tables}
 * reads the header against the rule set's metric keys, writes each row as the record's JSON and
 * hands that to the engine's streaming evaluation; the errors the engine finds in a record name
 * the row and column the value came from ({@link io.github.cqskpi.table.TableLocations}).
 */
package io.github.cqskpi.table;
