package io.github.cqskpi.examples.bench;

import io.github.cqskpi.EvaluationRequest;
import io.github.cqskpi.EvaluationResponse;
import io.github.cqskpi.KpiEngine;
import io.github.cqskpi.Message;
import io.github.cqskpi.RuleSetInfo;
import io.github.cqskpi.TargetInfo;
import io.github.cqskpi.TargetResult;
import io.github.cqskpi.UnitRecord;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Records per second through the Java API, records in memory: the engine against the plain-Java
 * baseline on the same 1001 records (77 units × 13 periods). Scores are records per second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ApiThroughput {

    /** Records per call. */
    public static final int RECORDS = 77 * BenchRequests.PERIODS;

    KpiEngine engine;
    List<UnitRecord> records;
    EvaluationRequest request;
    PlainJavaTargets plain;

    /** Builds both and checks that they give the same statuses. */
    @Setup
    public void setUp() {
        engine = KpiEngine.builder().build();
        records = BenchRequests.records(RECORDS);
        request = EvaluationRequest.of(records).asOf(BenchRequests.AS_OF);
        plain = baseline(engine);
        check(engine.evaluate(request), plain.evaluate(records, BenchRequests.AS_OF));
    }

    /** The baseline, given the titles and clauses of the targets it judges. */
    static PlainJavaTargets baseline(KpiEngine engine) {
        RuleSetInfo rs = engine.ruleSet("dak-nong-2022", "1.1.0").orElseThrow();
        Map<String, Message> titles = new HashMap<>();
        Map<String, String> clauses = new HashMap<>();
        for (TargetInfo t : rs.targets()) {
            titles.put(t.id(), t.title());
            clauses.put(t.id(), t.clause());
        }
        return new PlainJavaTargets(titles, clauses);
    }

    /** Fails unless both give the same results with the same statuses, measurements and figures. */
    static void check(EvaluationResponse engine, List<TargetResult> plain) {
        if (!engine.allEvaluated()) {
            throw new IllegalStateException("the benchmark's records must be valid: " + engine.errors().get(0));
        }
        List<TargetResult> e = engine.results();
        if (e.size() != plain.size()) {
            throw new IllegalStateException("engine gives " + e.size() + " results, baseline " + plain.size());
        }
        for (int i = 0; i < e.size(); i++) {
            TargetResult a = e.get(i);
            TargetResult b = plain.get(i);
            if (a.record() != b.record() || !a.target().equals(b.target()) || a.status() != b.status()
                    || !a.actual().equals(b.actual()) || !a.required().equals(b.required())
                    || !a.reason().map(r -> r.code()).equals(b.reason().map(r -> r.code()))) {
                throw new IllegalStateException("the baseline differs from the engine:\n  " + a + "\n  " + b);
            }
        }
    }

    /**
     * The engine.
     *
     * @return the response
     */
    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public EvaluationResponse engine() {
        return engine.evaluate(request);
    }

    /**
     * The plain-Java baseline.
     *
     * @return the results
     */
    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public List<TargetResult> plainJava() {
        return plain.evaluate(records, BenchRequests.AS_OF);
    }
}
