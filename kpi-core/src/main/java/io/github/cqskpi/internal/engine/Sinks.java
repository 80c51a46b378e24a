package io.github.cqskpi.internal.engine;

import io.github.cqskpi.internal.ruleset.LoadedRuleSet;
import io.github.cqskpi.internal.rules.RecordState;
import io.github.cqskpi.internal.output.ResponseJson;
import io.github.cqskpi.internal.wording.Results;
import com.fasterxml.jackson.core.JsonFactory;
import io.github.cqskpi.RecordError;
import io.github.cqskpi.RejectedRecord;
import io.github.cqskpi.ResultListener;
import io.github.cqskpi.Summary;
import io.github.cqskpi.TargetResult;
import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** The sinks of the {@link Evaluation} loop: what becomes of its results. */
public final class Sinks {

    private Sinks() {
    }

    /** Collects the results and errors, for a response held in memory. */
    public static final class Collecting implements Evaluation.Sink {
        private final LoadedRuleSet rs;
        public final List<TargetResult> results = new ArrayList<>();
        public final List<RecordError> errors = new ArrayList<>();

        public Collecting(LoadedRuleSet rs) {
            this.rs = rs;
        }

        @Override
        public void evaluated(RecordState s) {
            results.addAll(Results.of(rs, s));
        }

        @Override
        public void rejected(RejectedRecord r) {
            errors.addAll(r.errors());
        }
    }

    /** Writes the contract's JSON as the results come. */
    public static Evaluation.Sink json(JsonFactory json, OutputStream out, LoadedRuleSet rs, LocalDate asOf) {
        ResponseJson w = new ResponseJson(json, out, rs.ref(), asOf);
        return new Evaluation.Sink() {
            @Override
            public void evaluated(RecordState s) throws IOException {
                w.results(rs, s);
            }

            @Override
            public void rejected(RejectedRecord r) throws IOException {
                for (RecordError e : r.errors()) {
                    w.error(e);
                }
            }

            @Override
            public void end(Summary summary) throws IOException {
                w.finish(summary);
            }

            @Override
            public void close() throws IOException {
                w.close();
            }
        };
    }

    /** Hands the results to a caller's listener, record by record. */
    public static Evaluation.Sink listener(ResultListener listener, LoadedRuleSet rs, LocalDate asOf) throws IOException {
        listener.start(rs.ref(), asOf);
        return new Evaluation.Sink() {
            @Override
            public void evaluated(RecordState s) throws IOException {
                listener.evaluated(s.record().index(), Results.of(rs, s));
            }

            @Override
            public void rejected(RejectedRecord r) throws IOException {
                listener.rejected(r);
            }

            @Override
            public void end(Summary summary) throws IOException {
                listener.end(summary);
            }
        };
    }
}
