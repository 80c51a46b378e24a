package io.github.cqskpi;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;

/**
 * Takes an evaluation's results as the engine makes them, record by record in request order,
 * so that a report can be written without holding the response: see
 * {@link KpiEngine#evaluateJson(java.nio.file.Path, RequestOverrides, ResultListener)}.
 *
 * <p>The engine calls it from one thread at a time, in this order: {@link #start} once, then
 * {@link #evaluated} or {@link #rejected} once a record, then {@link #end} once. An exception
 * it throws ends the evaluation and reaches the caller.
 */
public interface ResultListener {

    /**
     * The evaluation begins.
     *
     * @param ruleSet the rule set that judges the request
     * @param asOf the evaluation date
     * @throws IOException when the listener cannot go on
     */
    default void start(RuleSetRef ruleSet, LocalDate asOf) throws IOException {
    }

    /**
     * One record was evaluated.
     *
     * @param record the record's index in the request, from 0
     * @param results its results, in the rule set's target order; may be empty
     * @throws IOException when the listener cannot go on
     */
    void evaluated(int record, List<TargetResult> results) throws IOException;

    /**
     * One record was rejected.
     *
     * @param record the record, its errors and its parts as written
     * @throws IOException when the listener cannot go on
     */
    void rejected(RejectedRecord record) throws IOException;

    /**
     * The evaluation ended.
     *
     * @param summary the counts and roll-ups of the whole response
     * @throws IOException when the listener cannot go on
     */
    default void end(Summary summary) throws IOException {
    }
}
