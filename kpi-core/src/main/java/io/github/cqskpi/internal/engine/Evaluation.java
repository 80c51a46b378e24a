package io.github.cqskpi.internal.engine;

import io.github.cqskpi.internal.ruleset.LoadedRuleSet;
import io.github.cqskpi.internal.input.RecordDraft;
import io.github.cqskpi.internal.rules.RecordState;
import io.github.cqskpi.internal.rollup.Rollups;
import io.github.cqskpi.internal.ruleset.TargetDef;
import io.github.cqskpi.internal.validate.ValidRecord;
import io.github.cqskpi.internal.validate.Validator;
import io.github.cqskpi.internal.judge.Verdict;
import io.github.cqskpi.ErrorCode;
import io.github.cqskpi.RecordError;
import io.github.cqskpi.RejectedRecord;
import io.github.cqskpi.Status;
import io.github.cqskpi.Summary;
import io.github.cqskpi.rule.UnitPeriod;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one evaluation loop, from records to results, that every way in uses: the Java API and
 * the in-memory JSON call with a sink that collects, the streamed JSON and the reports with
 * sinks that write as they go.
 *
 * <p>Each record comes twice. First {@link #note} validates it on its own and notes it in a
 * {@link PeriodIndex} (duplicates, the figures a later record's trend compares with). Once the
 * index is sealed, {@link #record} takes the records again in request order: the one duplicate
 * check, then the rejected records go to the sink as they are, the others become facts, a batch
 * at a time, for the rules. After the rules fire over a batch, a record they failed on is
 * rejected (a fault, never a verdict); the others are counted, rolled up and handed to the sink.
 *
 * <p>With {@code threaded}, the rules fire and the sink writes on a second thread while the
 * caller reads the next records; the sink is still called from one thread at a time, in order.
 */
public final class Evaluation {

    /** Where the loop's output goes, one record at a time, in request order. */
    public interface Sink {
        /** A record the rules judged; its results are its verdicts, target by target. */
        public void evaluated(RecordState s) throws IOException;

        /** A record that was not evaluated. */
        public void rejected(RejectedRecord r) throws IOException;

        /** After the last record, with the summary of them all. */
        default void end(Summary summary) throws IOException {
        }

        /** Lets go of what the sink holds, whether it ended or not. */
        default void close() throws IOException {
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(Evaluation.class);
    /** Ends a batch whose rules have fired already. */
    private static final Object FIRED = new Object();

    private final LoadedRuleSet rs;
    private final LocalDate asOf;
    private final PeriodIndex index;
    private final Sink sink;
    private final Batches batches;
    private final Rollups rollups;
    private final long[] byStatus = new long[Status.values().length];
    private int records;
    private int evaluated;
    /** Records the rules failed on, rejected rather than evaluated; counted on the thread that fires. */
    private int faulted;

    public Evaluation(LoadedRuleSet rs, LocalDate asOf, PeriodIndex index, Sink sink, boolean threaded) {
        this.rs = rs;
        this.asOf = asOf;
        this.index = index;
        this.rollups = new Rollups(index.units());
        this.sink = sink;
        this.batches = new Batches(threaded, this::work, this::beforeQueued);
    }

    /** A new index for the records of a request under a rule set. */
    public static PeriodIndex index(LoadedRuleSet rs) {
        return new PeriodIndex(PeriodIndex.trendIndices(rs));
    }

    /** The first look at a record: validated on its own and noted in the index. */
    public static void note(RecordDraft d, LoadedRuleSet rs, LocalDate asOf, PeriodIndex index) {
        Validator.validate(d, rs.vocabulary(), asOf);
        index.add(d);
    }

    /**
     * Evaluates records held in memory, on this thread: notes them all, then takes them again.
     *
     * @return the summary
     */
    public static Summary inMemory(LoadedRuleSet rs, LocalDate asOf, List<RecordDraft> drafts, Sink sink)
            throws IOException {
        PeriodIndex index = index(rs);
        for (RecordDraft d : drafts) {
            note(d, rs, asOf, index);
        }
        index.seal();
        Evaluation loop = new Evaluation(rs, asOf, index, sink, false);
        try {
            for (RecordDraft d : drafts) {
                loop.record(d);
            }
            return loop.end();
        } finally {
            loop.close();
        }
    }

    /** The second look at a record, noted and validated on its own before; the index is sealed. */
    public void record(RecordDraft d) throws IOException {
        records++;
        // The unit's number in the index, found once for the record: for its duplicates, its
        // previous records and, on the thread that counts, its roll-ups.
        int u = index.unit(d.unitId);
        duplicates(d, index, u);
        if (d.rejected()) {
            batches.submit(d.rejection());
            return;
        }
        evaluated++;
        ValidRecord valid = d.toValid();
        batches.submit(new RecordState(rs, valid, asOf,
                index.endingOn(u, valid.period().from().minusDays(1), rs.vocabulary().size()), u));
    }

    /** The one duplicate check: the same unit with the same period twice rejects every record involved. */
    public static void duplicates(RecordDraft d, PeriodIndex index) {
        duplicates(d, index, index.unit(d.unitId));
    }

    private static void duplicates(RecordDraft d, PeriodIndex index, int u) {
        int[] others = index.others(d, u);
        if (others.length > 0) {
            StringBuilder b = new StringBuilder();
            for (int o : others) {
                b.append(b.length() == 0 ? "" : ", ").append(o);
            }
            d.problem("", ErrorCode.DUPLICATE_RECORD, "unit " + d.unitId + " with period " + d.from + ".." + d.to
                    + " is also given in record " + b);
        }
    }

    /** After the last record: waits for the work queued and sums up. */
    public Summary end() throws IOException {
        batches.end();
        EnumMap<Status, Long> counts = new EnumMap<>(Status.class);
        for (Status st : Status.values()) {
            counts.put(st, byStatus[st.ordinal()]);
        }
        int ok = evaluated - faulted;
        Summary summary = new Summary(records, ok, records - ok, counts, rollups.levels(), rollups.units());
        sink.end(summary);
        return summary;
    }

    /** Stops the second thread if a failure on this side left it running. */
    public void close() {
        batches.close();
    }

    /**
     * When the second thread lags (a batch already waits), this thread fires the rules over the
     * batch itself: each thread takes the share of the work it has time for.
     */
    private void beforeQueued(List<Object> full, int waiting) {
        if (waiting > 0) {
            fire(full);
            full.add(FIRED);
        }
    }

    private void fire(List<Object> batch) {
        List<UnitPeriod> facts = new ArrayList<>(batch.size());
        Map<Integer, RecordState> states = new HashMap<>();
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

    private void work(List<Object> batch) throws IOException {
        if (batch.isEmpty() || batch.get(batch.size() - 1) != FIRED) {
            fire(batch);
        }
        for (Object o : batch) {
            if (o == FIRED) {
                continue;
            }
            if (o instanceof RecordState s && s.fault() != null) {
                faulted++;
                sink.rejected(ruleFailed(rs, s));
            } else if (o instanceof RecordState s) {
                count(s);
                sink.evaluated(s);
            } else {
                sink.rejected((RejectedRecord) o);
            }
        }
    }

    private void count(RecordState s) {
        ValidRecord r = s.record();
        for (TargetDef t : s.applicable()) {
            Verdict v = s.verdict(t.ordinal());
            if (v == null) {
                v = Verdict.OUTSIDE_WINDOW;
            }
            byStatus[v.status().ordinal()]++;
            rollups.add(r.level(), s.unit(), r.period(), t, v);
        }
    }

    /**
     * A fault of the rule set on one record, never a verdict: the record is rejected, naming the
     * rule.
     */
    public static RejectedRecord ruleFailed(LoadedRuleSet rs, RecordState s) {
        ValidRecord r = s.record();
        LOG.warn("rule set {}@{} failed on record {}: {}", rs.ref().id(), rs.ref().version(), r.index(), s.fault());
        RecordError e = new RecordError(r.index(), Optional.of(r.unitId()), "/records/" + r.index(),
                ErrorCode.RULE_FAILED, s.fault());
        return new RejectedRecord(r.index(), Optional.of(r.unitId()), Optional.ofNullable(r.name()),
                Optional.of(r.level().name()), Optional.of(r.period().from().toString()),
                Optional.of(r.period().to().toString()), List.of(e));
    }
}
