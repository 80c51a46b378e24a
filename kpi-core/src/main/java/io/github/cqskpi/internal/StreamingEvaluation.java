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
import java.io.UncheckedIOException;
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

    private final JsonFactory json;
    private final Resolver resolver;

    StreamingEvaluation(JsonFactory json, Resolver resolver) {
        this.json = json;
        this.resolver = resolver;
    }

    EvaluationSummary run(Path request, OutputStream out) throws IOException {
        // Pass 1: the whole request is read before a byte is written.
        IndexPass first = new IndexPass(null, null);
        RequestReader.TopLevel top;
        try (InputStream in = Files.newInputStream(request)) {
            top = RequestReader.read(json, in, first);
        }
        LoadedRuleSet rs = resolver.ruleSet(top);
        LocalDate asOf = resolver.asOf(top);
        PeriodIndex index = first.index;
        if (first.ruleSet != rs || !asOf.equals(first.asOf)) {
            IndexPass again = new IndexPass(rs, asOf);
            try (InputStream in = Files.newInputStream(request)) {
                RequestReader.read(json, in, again);
            }
            index = again.index;
        }
        index.seal();

        // Pass 2: evaluate and write.
        try (InputStream in = Files.newInputStream(request);
                Output output = new Output(json, out, rs.ref(), asOf)) {
            EvaluatePass pass = new EvaluatePass(rs, asOf, index, output);
            RequestReader.read(json, in, pass);
            pass.flush();
            return output.finish(pass.records, pass.evaluated);
        }
    }

    /** Notes each record in the index; with no rule set given, the one the top level gives so far. */
    private final class IndexPass implements RequestReader.RecordSink {
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
            RecordDraft d = RecordDecoder.decode(i, JsonTree.read(p), ruleSet.vocabulary());
            Validator.validate(d, ruleSet.vocabulary(), asOf);
            index.add(d);
        }
    }

    /** Decodes, validates and evaluates the records a batch at a time. */
    private static final class EvaluatePass implements RequestReader.RecordSink {
        private final LoadedRuleSet rs;
        private final LocalDate asOf;
        private final PeriodIndex index;
        private final Output output;
        private final List<RecordState> batch = new ArrayList<>(BATCH);
        private final List<UnitPeriod> facts = new ArrayList<>(BATCH);
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
                for (RecordError e : d.errors()) {
                    output.error(e);
                }
                return;
            }
            evaluated++;
            ValidRecord valid = d.toValid();
            RecordState s = new RecordState(rs, valid, asOf,
                    index.endingOn(valid.unitId(), valid.period().from().minusDays(1), v.size()));
            batch.add(s);
            facts.add(s.fact());
            if (batch.size() == BATCH) {
                flush();
            }
        }

        void flush() throws IOException {
            if (batch.isEmpty()) {
                return;
            }
            rs.rules().fire(facts);
            for (RecordState s : batch) {
                output.results(rs, s);
            }
            batch.clear();
            facts.clear();
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
        private final EnumMap<Status, Long> byStatus = new EnumMap<>(Status.class);
        private final RuleSetRef ref;
        private final LocalDate asOf;
        private long results;
        private long errors;

        Output(JsonFactory json, OutputStream out, RuleSetRef ref, LocalDate asOf) throws IOException {
            this.out = out;
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
        }

        private static JsonGenerator compact(JsonFactory json, OutputStream out) throws IOException {
            JsonGenerator g = json.createGenerator(out, JsonEncoding.UTF8);
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.disable(JsonGenerator.Feature.FLUSH_PASSED_TO_STREAM);
            g.setRootValueSeparator(null);
            return g;
        }

        void results(LoadedRuleSet rs, RecordState s) throws IOException {
            try {
                DefaultKpiEngine.results(rs, s, r -> {
                    try {
                        g.writeRaw(results++ == 0 ? "\n" : ",\n");
                        ResponseWriter.result(g, r);
                    } catch (IOException x) {
                        throw new UncheckedIOException(x);
                    }
                    byStatus.merge(r.status(), 1L, Long::sum);
                });
            } catch (UncheckedIOException x) {
                throw x.getCause();
            }
        }

        void error(RecordError r) throws IOException {
            e.writeRaw(errors++ == 0 ? "\n" : ",\n");
            ResponseWriter.error(e, r);
        }

        EvaluationSummary finish(int records, int evaluated) throws IOException {
            g.writeRaw(results > 0 ? "\n]" : "]");
            g.writeRaw(",\n\"errors\":[");
            e.flush();
            g.flush();
            errorBytes.copyTo(out);
            g.writeRaw(errors > 0 ? "\n]" : "]");
            Summary summary = new Summary(records, evaluated, records - evaluated, byStatus);
            g.writeRaw(",\n\"summary\":");
            g.writeStartObject();
            g.writeNumberField("records", summary.records());
            g.writeNumberField("evaluated", summary.evaluated());
            g.writeNumberField("rejected", summary.rejected());
            g.writeObjectFieldStart("byStatus");
            for (Map.Entry<Status, Long> entry : summary.byStatus().entrySet()) {
                g.writeNumberField(entry.getKey().name(), entry.getValue());
            }
            g.writeEndObject();
            g.writeEndObject();
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
