package io.github.cqskpi.internal.engine;

import io.github.cqskpi.internal.ruleset.LoadedRuleSet;
import io.github.cqskpi.internal.input.RecordDraft;
import io.github.cqskpi.internal.input.RequestInput;
import io.github.cqskpi.internal.input.RequestReader;
import io.github.cqskpi.internal.input.TokenRecordDecoder;
import io.github.cqskpi.internal.validate.Validator;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import io.github.cqskpi.EvaluationSummary;
import io.github.cqskpi.Limits;
import io.github.cqskpi.Summary;
import io.github.cqskpi.UnreadableRequestException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/**
 * A JSON request in a file, taken through the {@link Evaluation} loop as it is read, in two
 * passes.
 *
 * <p>The first pass reads the whole request as {@link RequestReader} does, so that an
 * unreadable request is known before the sink gets anything, decodes each record as it is read
 * ({@link TokenRecordDecoder}, no tree in between) and notes it ({@link Evaluation#note}, on a
 * second thread). It validates each record with the rule set and
 * day the request's top level gives so far; when a top-level field that comes after the records
 * changes them, the records are noted again in one more pass. The second pass decodes and
 * validates each record on this thread and hands it to the loop, which fires the rules and
 * feeds the sink on the second thread.
 */
public final class StreamingEvaluation {

    /** Resolves the request's rule set and day from its top level and the caller's overrides. */
    public interface Resolver {
        public LoadedRuleSet ruleSet(RequestReader.TopLevel top);

        public LocalDate asOf(RequestReader.TopLevel top);
    }

    /** Opens the sink once the rule set and day are known, before the first record goes to it. */
    public interface Sinks {
        public Evaluation.Sink open(LoadedRuleSet rs, LocalDate asOf) throws IOException;
    }

    private final JsonFactory json;
    private final Limits limits;
    private final boolean hash;
    private final Resolver resolver;
    private String requestSha256;

    public StreamingEvaluation(JsonFactory json, Limits limits, boolean hash, Resolver resolver) {
        this.json = json;
        this.limits = limits;
        this.hash = hash;
        this.resolver = resolver;
    }

    /** The SHA-256 of the request's bytes, once {@link #run} read them, when asked to hash. */
    public String requestSha256() {
        return requestSha256;
    }

    public EvaluationSummary run(Path request, Sinks sinks) throws IOException {
        // Pass 1: the whole request is read before the sink gets anything.
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

        // Pass 2: this thread reads and validates, the loop fires the rules and feeds the sink.
        Evaluation.Sink sink = sinks.open(rs, asOf);
        try {
            Evaluation loop = new Evaluation(rs, asOf, index, sink, true);
            EvaluatePass pass = new EvaluatePass(rs, asOf, loop);
            Summary summary;
            try {
                read(request, pass, false);
                summary = loop.end();
            } finally {
                loop.close();
            }
            return new EvaluationSummary(rs.ref(), asOf, summary);
        } finally {
            sink.close();
        }
    }

    private RequestReader.TopLevel read(Path request, RequestReader.RecordSink pass, boolean hashing)
            throws IOException {
        try (InputStream file = Files.newInputStream(request)) {
            RequestInput in = RequestInput.of(file, limits, hashing);
            RequestReader.TopLevel top = RequestReader.read(json, in, pass, limits);
            if (hashing) {
                requestSha256 = in.sha256();
            }
            if (pass instanceof IndexPass p) {
                p.batches.end();
            }
            return top;
        } finally {
            if (pass instanceof IndexPass p) {
                p.batches.close();
            }
        }
    }

    /** Notes each record; with no rule set given, under the one the top level gives so far. */
    private final class IndexPass implements RequestReader.RecordSink {
        public final Batches batches = new Batches(true, this::work, (full, waiting) -> {
        });
        public LoadedRuleSet ruleSet;
        public LocalDate asOf;
        public PeriodIndex index;
        private TokenRecordDecoder decoder;

        public IndexPass(LoadedRuleSet ruleSet, LocalDate asOf) {
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
                    // A field after the records may name one that exists; the records are noted again then.
                    ruleSet = null;
                    return;
                }
            }
            index = Evaluation.index(ruleSet);
            decoder = new TokenRecordDecoder(ruleSet.vocabulary());
        }

        @Override
        public void record(int i, JsonParser p) throws IOException {
            if (index == null) {
                p.skipChildren();
                return;
            }
            batches.submit(decoder.decode(i, p));
        }

        private void work(List<Object> batch) {
            for (Object o : batch) {
                Evaluation.note((RecordDraft) o, ruleSet, asOf, index);
            }
        }
    }

    /** Reads, decodes and validates the records on this thread, and hands them to the loop. */
    private static final class EvaluatePass implements RequestReader.RecordSink {
        private final LoadedRuleSet rs;
        private final LocalDate asOf;
        private final Evaluation loop;
        private final TokenRecordDecoder decoder;

        public EvaluatePass(LoadedRuleSet rs, LocalDate asOf, Evaluation loop) {
            this.rs = rs;
            this.decoder = new TokenRecordDecoder(rs.vocabulary());
            this.asOf = asOf;
            this.loop = loop;
        }

        @Override
        public void start(RequestReader.TopLevel top) {
        }

        @Override
        public void record(int i, JsonParser p) throws IOException {
            RecordDraft d = decoder.decode(i, p);
            Validator.validate(d, rs.vocabulary(), asOf);
            loop.record(d);
        }
    }
}
