package io.github.cqskpi;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Evaluates unit-level statistics against the targets of the rule sets on the classpath.
 *
 * <p>Build one engine at start-up and share it: it is immutable and safe for use by many
 * threads at once. Building it loads every rule set found on the classpath and fails at once
 * if one is corrupt.
 *
 * <pre>{@code
 * KpiEngine engine = KpiEngine.builder().build();
 * UnitRecord commune = UnitRecord.of(Unit.of("xa-quang-son", Level.COMMUNE), Period.year(2022))
 *         .with("dossiers.level4.total", 120)
 *         .with("dossiers.level4.online", 50);
 * EvaluationResponse response = engine.evaluate(EvaluationRequest.of(commune).asOf(LocalDate.of(2022, 12, 31)));
 * response.results().forEach(r -> System.out.println(r.target() + " " + r.status()));
 * }</pre>
 */
public interface KpiEngine {

    /**
     * A builder for an engine.
     *
     * @return a new builder
     */
    static KpiEngineBuilder builder() {
        return new KpiEngineBuilder();
    }

    /**
     * Evaluates a request. Bad records become errors in the response; the others are evaluated.
     *
     * @param request the request
     * @return the response
     * @throws UnknownRuleSetException when the request names a rule set or version that is not loaded
     */
    EvaluationResponse evaluate(EvaluationRequest request);

    /**
     * Reads a request as the JSON contract fixes it and evaluates it.
     *
     * @param json the request's bytes, UTF-8
     * @param overrides choices that take the place of the request's own
     * @return the response
     * @throws UnreadableRequestException when the request as a whole cannot be read
     * @throws IOException when the stream fails
     */
    EvaluationResponse evaluateJson(InputStream json, RequestOverrides overrides) throws IOException;

    /**
     * Writes a response as the JSON contract fixes it, UTF-8. The same response always gives
     * the same bytes.
     *
     * @param response the response
     * @param out where to write; left open
     * @throws IOException when the stream fails
     */
    void writeJson(EvaluationResponse response, OutputStream out) throws IOException;

    /**
     * Reads a request held in a string, as the JSON contract fixes it, and evaluates it with no
     * overrides: {@link #evaluateJson(InputStream, RequestOverrides)} without the stream.
     *
     * @param json the request
     * @return the response
     * @throws UnreadableRequestException when the request as a whole cannot be read
     */
    default EvaluationResponse evaluateJson(String json) {
        return evaluateJson(Objects.requireNonNull(json, "json").getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Reads a request held in bytes, as the JSON contract fixes it, and evaluates it with no
     * overrides: {@link #evaluateJson(InputStream, RequestOverrides)} without the stream.
     *
     * @param json the request's bytes, UTF-8
     * @return the response
     * @throws UnreadableRequestException when the request as a whole cannot be read
     */
    default EvaluationResponse evaluateJson(byte[] json) {
        try {
            return evaluateJson(new ByteArrayInputStream(Objects.requireNonNull(json, "json")), RequestOverrides.none());
        } catch (IOException e) {
            throw new UncheckedIOException(e); // bytes in memory do not fail to read
        }
    }

    /**
     * A response as the JSON contract fixes it: the bytes of
     * {@link #writeJson(EvaluationResponse, OutputStream)} as a string.
     *
     * @param response the response
     * @return the JSON text
     */
    default String toJson(EvaluationResponse response) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            writeJson(Objects.requireNonNull(response, "response"), out);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // memory does not fail to write
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /**
     * Reads a request from a file, evaluates it and writes the response as it goes: the same
     * bytes as {@link #evaluateJson(InputStream, RequestOverrides)} then
     * {@link #writeJson(EvaluationResponse, OutputStream)}, in memory that does not grow with the
     * number of results.
     *
     * <p>The file is read twice: a first pass checks the whole request and notes, for each unit
     * and period, what later records need (duplicates, the previous period's figures); the
     * second evaluates and writes. Nothing is written when the request is unreadable: that is
     * known before the first byte goes out. The engine's own implementation keeps a small
     * state for each (unit, period) given, never the records or the results.
     *
     * @param request the request's file, UTF-8
     * @param out where to write the response; left open, flushed
     * @param overrides choices that take the place of the request's own
     * @return the rule set, day and counts of the response written
     * @throws UnreadableRequestException when the request as a whole cannot be read (nothing was written)
     * @throws IOException when reading or writing fails
     */
    default EvaluationSummary evaluateJson(Path request, OutputStream out, RequestOverrides overrides)
            throws IOException {
        EvaluationResponse response;
        try (InputStream in = Files.newInputStream(request)) {
            response = evaluateJson(in, overrides);
        }
        writeJson(response, out);
        out.flush();
        return new EvaluationSummary(response.ruleSet(), response.asOf(), response.summary());
    }

    /**
     * Reads a request from a stream, evaluates it and writes the response as it goes, like
     * {@link #evaluateJson(Path, OutputStream, RequestOverrides)}. Since a record may need one
     * given later in the request, the engine's implementation first copies the stream to a
     * temporary file, which it deletes before returning.
     *
     * @param request the request's bytes, UTF-8; read to the end, left open
     * @param out where to write the response; left open, flushed
     * @param overrides choices that take the place of the request's own
     * @return the rule set, day and counts of the response written
     * @throws UnreadableRequestException when the request as a whole cannot be read (nothing was written)
     * @throws IOException when reading or writing fails
     */
    default EvaluationSummary evaluateJson(InputStream request, OutputStream out, RequestOverrides overrides)
            throws IOException {
        EvaluationResponse response = evaluateJson(request, overrides);
        writeJson(response, out);
        out.flush();
        return new EvaluationSummary(response.ruleSet(), response.asOf(), response.summary());
    }

    /**
     * Reads a request from a file and evaluates it, handing each record's results or errors to
     * a listener as they are made, in request order, so that a report can be written in memory
     * that does not grow with the records or the results. The file is read twice, as
     * {@link #evaluateJson(Path, OutputStream, RequestOverrides)} reads it; the listener gets
     * nothing when the request is unreadable.
     *
     * @param request the request's file, UTF-8
     * @param overrides choices that take the place of the request's own
     * @param listener what takes the results
     * @return the rule set, day and counts of the evaluation
     * @throws UnreadableRequestException when the request as a whole cannot be read (the listener got nothing)
     * @throws IOException when reading fails, or the listener throws it
     */
    default EvaluationSummary evaluateJson(Path request, RequestOverrides overrides, ResultListener listener)
            throws IOException {
        try (InputStream in = Files.newInputStream(request)) {
            return replay(evaluateJson(in, overrides), listener);
        }
    }

    /**
     * Reads a request from a stream and evaluates it, handing the results to a listener as
     * {@link #evaluateJson(Path, RequestOverrides, ResultListener)} does. The engine's
     * implementation first copies the stream to a temporary file, which it deletes before
     * returning.
     *
     * @param request the request's bytes, UTF-8; read to the end, left open
     * @param overrides choices that take the place of the request's own
     * @param listener what takes the results
     * @return the rule set, day and counts of the evaluation
     * @throws UnreadableRequestException when the request as a whole cannot be read (the listener got nothing)
     * @throws IOException when reading fails, or the listener throws it
     */
    default EvaluationSummary evaluateJson(InputStream request, RequestOverrides overrides, ResultListener listener)
            throws IOException {
        return replay(evaluateJson(request, overrides), listener);
    }

    /**
     * Hands a response held in memory to a listener, record by record; a rejected record's parts
     * other than its unit's id are unknown here.
     *
     * @param response the response
     * @param listener what takes the results
     * @return the rule set, day and counts of the response
     * @throws IOException when the listener throws it
     */
    static EvaluationSummary replay(EvaluationResponse response, ResultListener listener) throws IOException {
        listener.start(response.ruleSet(), response.asOf());
        java.util.TreeMap<Integer, Object> byRecord = new java.util.TreeMap<>();
        for (TargetResult t : response.results()) {
            @SuppressWarnings("unchecked")
            List<TargetResult> list = (List<TargetResult>) byRecord.computeIfAbsent(t.record(),
                    k -> new java.util.ArrayList<TargetResult>());
            list.add(t);
        }
        java.util.Map<Integer, List<RecordError>> errors = new java.util.TreeMap<>();
        for (RecordError e : response.errors()) {
            errors.computeIfAbsent(e.record(), k -> new java.util.ArrayList<>()).add(e);
        }
        errors.forEach((k, v) -> byRecord.put(k, v));
        for (java.util.Map.Entry<Integer, Object> e : byRecord.entrySet()) {
            @SuppressWarnings("unchecked")
            List<Object> items = (List<Object>) e.getValue();
            if (!items.isEmpty() && items.get(0) instanceof RecordError first) {
                @SuppressWarnings("unchecked")
                List<RecordError> list = (List<RecordError>) e.getValue();
                listener.rejected(new RejectedRecord(e.getKey(), first.unitId(), Optional.empty(), Optional.empty(),
                        Optional.empty(), Optional.empty(), list));
            } else {
                @SuppressWarnings("unchecked")
                List<TargetResult> list = (List<TargetResult>) e.getValue();
                listener.evaluated(e.getKey(), list);
            }
        }
        listener.end(response.summary());
        return new EvaluationSummary(response.ruleSet(), response.asOf(), response.summary());
    }

    /**
     * The loaded rule set versions, by id and then by version, oldest first.
     *
     * @return the rule sets
     */
    List<RuleSetInfo> ruleSets();

    /**
     * The newest loaded version of a rule set.
     *
     * @param id the rule set's id, such as {@code dak-nong-2022}
     * @return the rule set's newest version, or empty when no version of it is loaded
     */
    Optional<RuleSetInfo> ruleSet(String id);

    /**
     * One loaded rule set version.
     *
     * @param id the rule set's id, such as {@code dak-nong-2022}
     * @param version the version, such as {@code 1.0.0}
     * @return the rule set version, or empty when it is not loaded
     */
    Optional<RuleSetInfo> ruleSet(String id, String version);

    /**
     * The rule set a request gets when it names none: the id a jar on the classpath names in
     * {@code META-INF/cqs-kpi/default-rule-set}, or, when no jar names one, the only rule set
     * loaded. Empty when jars name different ids, or name none while several rule sets are
     * loaded: then a request that names no rule set is refused.
     *
     * @return the default rule set's id, if there is a single one
     */
    Optional<String> defaultRuleSet();
}
