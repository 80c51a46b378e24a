package io.github.cqskpi;

import java.util.Objects;
import java.util.Optional;

/**
 * One problem found in one record; a record with any problem is rejected and has no results.
 *
 * @param record the record's index in the request, from 0
 * @param unitId the record's unit id, when it could be read
 * @param path the JSON Pointer of the bad field, a dotted metric key being one segment
 * @param code what is wrong
 * @param message what is wrong in words, naming the value
 */
public record RecordError(int record, Optional<String> unitId, String path, ErrorCode code, String message) {

    /**
     * Checks the parts.
     *
     * @param record the record's index in the request, from 0
     * @param unitId the record's unit id, when it could be read
     * @param path the JSON Pointer of the bad field, a dotted metric key being one segment
     * @param code what is wrong
     * @param message what is wrong in words, naming the value
     */
    public RecordError {
        Objects.requireNonNull(unitId, "unitId");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }
}
