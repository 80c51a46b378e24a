package io.github.cqskpi.testkit;

import io.github.cqskpi.ErrorCode;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A readable JSON request with one kind of bad record in it, and the errors the contract asks
 * for. Every other part of the request is valid, so these are all the errors it must give.
 *
 * @param code the kind of problem put in
 * @param json the request's JSON text
 * @param errors the errors expected, in record order
 * @param records the number of records in the request
 */
public record InvalidRequest(ErrorCode code, String json, List<ExpectedError> errors, int records) {

    /**
     * One expected error.
     *
     * @param record the index of the bad record
     * @param path the JSON Pointer of the bad field, from the request's root
     * @param code the error code
     */
    public record ExpectedError(int record, String path, ErrorCode code) {
    }

    /** Copies the errors. */
    public InvalidRequest {
        errors = List.copyOf(errors);
    }

    /**
     * The request's bytes, UTF-8, for {@code KpiEngine.evaluateJson}.
     *
     * @return a stream over the JSON
     */
    public InputStream stream() {
        return new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The indices of the records the request must reject.
     *
     * @return the distinct record indices of {@link #errors()}
     */
    public List<Integer> rejectedRecords() {
        return errors.stream().map(ExpectedError::record).distinct().toList();
    }
}
