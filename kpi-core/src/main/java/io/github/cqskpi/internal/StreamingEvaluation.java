package io.github.cqskpi.internal;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import io.github.cqskpi.ErrorCode;
import io.github.cqskpi.EvaluationSummary;
import io.github.cqskpi.RecordError;
import io.github.cqskpi.RuleSetRef;
import io.github.cqskpi.Status;
import io.github.cqskpi.Summary;
import io.github.cqskpi.UnreadableRequestException;
import io.github.cqskpi.rule.UnitPeriod;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A request evaluated and written as it is read, in two passes over a file.
 *
 * <p>The first pass reads the whole request as {@link RequestReader} does, so that an
 * unreadable request is known before anything is written, and notes in a {@link PeriodIndex}
 * what later records need. It validates each record with the rule set and day the request's
 * top level gives so far; when a top-level field that comes after the records changes them, the
 * index is built again in one more pass. The second pass decodes, validates and evaluates the
 * records a batch at a time and writes their results at once; the errors, which the response
 * lists after all results, wait in a {@link Spill}.
 */
final class StreamingEvaluation {

    /** Resolves the request's rule set and day from its top level and the caller's overrides. */
    interface Resolver {
        LoadedRuleSet ruleSet(RequestReader.TopLevel top);

        LocalDate asOf(RequestReader.TopLevel top);
    }

    private static final int BATCH = DroolsRules.BATCH;
    private static final int ERRORS_IN_MEMORY = 4 << 20;
    private static final int FLUSH_AT = 1 << 17;
    /** Ends a batch whose rules have fired already. */
    private static final Object FIRED = new Object();

    private final JsonFactory json;
    private final io.github.cqskpi.Limits limits;
    private final boolean hash;
    private final Resolver resolver;
    private String requestSha256;

    StreamingEvaluation(JsonFactory json, io.github.cqskpi.Limits limits, boolean hash, Resolver resolver) {
        this.json = json;
        this.limits = limits;
        this.hash = hash;
        this.resolver = resolver;
    }

    /** The SHA-256 of the request's bytes, once {@link #run} read them, when asked to hash. */
    String requestSha256() {
        return requestSha256;
    }

    EvaluationSummary run(Path request, OutputStream out) throws IOException {
        // Pass 1: the whole request is read before a byte is written.
        IndexPass first = new IndexPass(null, null);
        RequestReader.TopLevel top = read(request, first, hash);
        LoadedRuleSet rs = resolver.ruleSet(top);
        LocalDate asOf = resolver.asOf(top);
        PeriodIndex index = first.index;
        if (first.ruleSet != rs || !asOf.equals(first.asOf)) {
            IndexPass again = new IndexPass(rs, asOf);
            read(request, again, false);
            index = again.index;
        }
        index.seal();

        // Pass 2: this thread reads and validates, a second one evaluates and writes.
        try (Output output = new Output(json, out, rs, asOf)) {
            EvaluatePass pass = new EvaluatePass(rs, asOf, index, output);
            read(request, pass, false);
            return output.finish(pass.records, pass.evaluated - output.faulted);
        }
    }

    private RequestReader.TopLevel read(Path request, Pass pass, boolean hashing) throws IOException {
        try (InputStream file = Files.newInputStream(request)) {
            RequestInput in = RequestInput.of(file, limits, hashing);
            RequestReader.TopLevel top = RequestReader.read(json, in, pass, limits);
            if (hashing) {
                requestSha256 = in.sha256();
            }
            pass.end();
            return top;
        } finally {
            pass.close();
        }
    }

    /** A pass over the records, whose work on them runs on a second thread. */
    private abstract static class Pass implements RequestReader.RecordSink {
        private Pipeline<List<Object>> pipeline;
        private List<Object> batch = new ArrayList<>(BATCH);

        /** Work on a batch, on the second thread. */
        abstract void work(List<Object> batch) throws IOException;

        void submit(Object item) throws IOException {
            if (pipeline == null) {
                pipeline = new Pipeline<>("cqs-kpi-evaluate", 2, this::work);
            }
            batch.add(item);
            if (batch.size() == BATCH) {
                beforeSubmit(batch, pipeline.waiting());
                pipeline.submit(batch);
                batch = new ArrayList<>(BATCH);
            }
        }

        /** A full batch about to be queued, with how many wait already. */
        void beforeSubmit(List<Object> full, int waiting) {
        }

        /** After the last record: waits until all work is done. */
        void end() throws IOException {
            if (pipeline != null) {
                if (!batch.isEmpty()) {
                    pipeline.submit(batch);
                    batch = new ArrayList<>(0);
                }
                pipeline.finish();
            }
        }

        void close() {
            if (pipeline != null) {
                pipeline.close();
            }
        }
    }

    /** A record read in pass 1, to be validated and noted on the second thread. */
    private record Read(int index, JsonTree.Node node) {
    }

    /** Notes each record in the index; with no rule set given, the one the top level gives so far. */
    private final class IndexPass extends Pass {
        LoadedRuleSet ruleSet;
        LocalDate asOf;
        PeriodIndex index;

        IndexPass(LoadedRuleSet ruleSet, LocalDate asOf) {
            this.ruleSet = ruleSet;
            this.asOf = asOf;
        }

        @Override
        public void start(RequestReader.TopLevel top) {
            if (ruleSet == null) {
                try {
                    ruleSet = resolver.ruleSet(top);
                    asOf = resolver.asOf(top);
                } catch (UnreadableRequestException e) {
                    // A field after the records may name one that exists; the records are indexed again then.
                    ruleSet = null;
                    return;
                }
            }
            index = new PeriodIndex(PeriodIndex.trendIndices(ruleSet));
        }

        @Override
        public void record(int i, JsonParser p) throws IOException {
            if (index == null) {
                p.skipChildren();
                return;
            }
            submit(new Read(i, JsonTree.read(p)));
        }

        @Override
        void work(List<Object> batch) {
            Vocabulary v = ruleSet.vocabulary();
            for (Object o : batch) {
                Read r = (Read) o;
                RecordDraft d = RecordDecoder.decode(r.index(), r.node(), v);
                Validator.validate(d, v, asOf);
                index.add(d);
            }
        }
    }

    /**
     * Reads, decodes and validates the records on this thread; fires the rules over each batch
     * and writes its results and errors on the second.
     */
    private static final class EvaluatePass extends Pass {
        private final LoadedRuleSet rs;
        private final LocalDate asOf;
        private final PeriodIndex index;
        private final Output output;
        int records;
        int evaluated;

        EvaluatePass(LoadedRuleSet rs, LocalDate asOf, PeriodIndex index, Output output) {
            this.rs = rs;
            this.asOf = asOf;
            this.index = index;
            this.output = output;
        }

        @Override
        public void start(RequestReader.TopLevel top) {
        }

        @Override
        public void record(int i, JsonParser p) throws IOException {
            records++;
            Vocabulary v = rs.vocabulary();
            RecordDraft d = RecordDecoder.decode(i, JsonTree.read(p), v);
            Validator.validate(d, v, asOf);
            int[] others = index.others(d);
            if (others.length > 0) {
                StringBuilder b = new StringBuilder();
                for (int o : others) {
                    b.append(b.length() == 0 ? "" : ", ").append(o);
                }
                d.problem("", ErrorCode.DUPLICATE_RECORD, "unit " + d.unitId + " with period " + d.from + ".." + d.to
                        + " is also given in record " + b);
            }
            if (d.rejected()) {
                submit(d.errors());
                return;
            }
            evaluated++;
            ValidRecord valid = d.toValid();
            submit(new RecordState(rs, valid, asOf,
                    index.endingOn(valid.unitId(), valid.period().from().minusDays(1), v.size())));
        }

        /**
         * When the second thread lags (a batch already waits), this thread fires the rules over
         * the batch itself: each thread takes the share of the work it has time for.
         */
        @Override
        void beforeSubmit(List<Object> full, int waiting) {
            if (waiting > 0) {
                fire(full);
                full.add(FIRED);
            }
        }

        private void fire(List<Object> batch) {
            List<UnitPeriod> facts = new ArrayList<>(batch.size());
            Map<Integer, RecordState> states = new java.util.HashMap<>();
            for (Object o : batch) {
                if (o instanceof RecordState s) {
                    facts.add(s.fact());
                    states.put(s.record().index(), s);
                }
            }
            if (!facts.isEmpty()) {
                rs.rules().fire(facts, i -> states.get(i).reset()).forEach((i, why) -> states.get(i).fail(why));
            }
        }

        @Override
        void work(List<Object> batch) throws IOException {
            if (batch.isEmpty() || batch.get(batch.size() - 1) != FIRED) {
                fire(batch);
            }
            for (Object o : batch) {
                if (o == FIRED) {
                    continue;
                }
                if (o instanceof RecordState s && s.fault() != null) {
                    output.error(DefaultKpiEngine.ruleFailed(rs, s));
                    output.faulted++;
                } else if (o instanceof RecordState s) {
                    output.results(s);
                } else {
                    @SuppressWarnings("unchecked")
                    List<RecordError> errors = (List<RecordError>) o;
                    for (RecordError e : errors) {
                        output.error(e);
                    }
                }
            }
        }
    }

    /**
     * The response as the contract lays it out ({@link ResponseWriter}): each top-level field
     * and each item of a top-level array on a line of its own, the rest compact.
     */
    static final class Output implements AutoCloseable {
        private final OutputStream out;
        private final JsonGenerator g;
        private final Spill errorBytes = new Spill(ERRORS_IN_MEMORY);
        private final JsonGenerator e;
        private final ResultEncoder encoder;
        private final ByteBuf buf = new ByteBuf(FLUSH_AT + (1 << 14));
        private final RuleSetRef ref;
        private final LocalDate asOf;
        private final LoadedRuleSet rs;
        private final Rollups rollups = new Rollups();
        private long results;
        private long errors;
        /** Records the rules failed on, rejected rather than evaluated. */
        volatile int faulted;

        Output(JsonFactory json, OutputStream out, LoadedRuleSet rs, LocalDate asOf) throws IOException {
            this.out = out;
            this.encoder = new ResultEncoder(json, rs, asOf);
            this.rs = rs;
            RuleSetRef ref = rs.ref();
            this.ref = ref;
            this.asOf = asOf;
            this.g = compact(json, out);
            this.e = compact(json, errorBytes);
            g.writeRaw("{\"ruleSet\":");
            g.writeStartObject();
            g.writeStringField("id", ref.id());
            g.writeStringField("version", ref.version());
            g.writeStringField("sha256", ref.sha256());
            g.writeEndObject();
            g.writeRaw(",\n\"asOf\":");
            g.writeString(asOf.toString());
            g.writeRaw(",\n\"results\":[");
            g.flush();
        }

        private static JsonGenerator compact(JsonFactory json, OutputStream out) throws IOException {
            JsonGenerator g = json.createGenerator(out, JsonEncoding.UTF8);
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.disable(JsonGenerator.Feature.FLUSH_PASSED_TO_STREAM);
            g.setRootValueSeparator(null);
            return g;
        }

        void results(RecordState s) throws IOException {
            rollups.add(rs, s);
            results += encoder.encode(s, buf, results == 0);
            if (buf.size >= FLUSH_AT) {
                buf.writeTo(out);
                buf.clear();
            }
        }

        void error(RecordError r) throws IOException {
            e.writeRaw(errors++ == 0 ? "\n" : ",\n");
            ResponseWriter.error(e, r);
        }

        EvaluationSummary finish(int records, int evaluated) throws IOException {
            buf.writeTo(out);
            buf.clear();
            EnumMap<Status, Long> byStatus = new EnumMap<>(Status.class);
            for (Status st : Status.values()) {
                byStatus.put(st, encoder.count(st));
            }
            g.writeRaw(results > 0 ? "\n]" : "]");
            g.writeRaw(",\n\"errors\":[");
            e.flush();
            g.flush();
            errorBytes.copyTo(out);
            g.writeRaw(errors > 0 ? "\n]" : "]");
            Summary summary = new Summary(records, evaluated, records - evaluated, byStatus, rollups.levels(),
                    rollups.units());
            g.writeRaw(",\n\"summary\":");
            ResponseWriter.summaryValue(g, summary);
            g.writeRaw("}\n");
            g.flush();
            out.flush();
            return new EvaluationSummary(ref, asOf, summary);
        }

        @Override
        public void close() throws IOException {
            try {
                e.close();
                g.close();
            } finally {
                errorBytes.close();
            }
        }
    }
}
