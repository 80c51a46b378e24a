package io.github.cqskpi.examples.bench;

import io.github.cqskpi.EvaluationSummary;
import io.github.cqskpi.KpiEngine;
import io.github.cqskpi.Limits;
import io.github.cqskpi.RequestOverrides;
import io.github.cqskpi.Status;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * End to end in one process: the engine's streamed evaluation of a request file
 * ({@link KpiEngine#evaluateJson(Path, OutputStream, RequestOverrides)}, what {@code evaluate}
 * runs) against {@link PlainJavaEndToEnd} on the same file, taking turns, the responses written
 * to a counting sink. Run in a JVM of its own with the heap under test ({@code -Xmx256m}); it
 * first checks, untimed, that both write the same bytes ({@link SameBytes}, the rule set's
 * fingerprint aside) and, in every run, that both give the same counts, then prints one line a run and the ratio of medians,
 * and, in one more untimed run of each, the state it keeps per distinct (unit, period): the
 * live heap at its highest less the heap before, divided by the records (each of the
 * benchmark's records is a distinct unit and period).
 *
 * <pre>
 * java -Xmx256m -cp ... EndToEnd REQUEST.json RUNS LABEL
 * </pre>
 */
public final class EndToEnd {

    private EndToEnd() {
    }

    /**
     * The most heap a task keeps alive, less the heap before it: a second thread collects the
     * whole heap every 50 ms while it runs and notes what is left. Untimed: the collections slow
     * the task down.
     */
    static long keptWhile(Task task) throws IOException {
        long before = usedAfterGc();
        AtomicLong peak = new AtomicLong();
        AtomicBoolean done = new AtomicBoolean();
        Thread sampler = new Thread(() -> {
            Runtime rt = Runtime.getRuntime();
            while (!done.get()) {
                System.gc();
                peak.accumulateAndGet(rt.totalMemory() - rt.freeMemory(), Math::max);
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.setDaemon(true);
        sampler.start();
        try {
            task.run();
        } finally {
            done.set(true);
            try {
                sampler.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return Math.max(0, peak.get() - before);
    }

    /** A run whose heap is measured. */
    interface Task {
        void run() throws IOException;
    }

    static long usedAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }

    /** Counts what is written and drops it. */
    static final class Sink extends OutputStream {
        long bytes;

        @Override
        public void write(int b) {
            bytes++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            bytes += len;
        }
    }

    /**
     * Runs both in turn.
     *
     * @param args the request file, the number of runs each, a label
     * @throws IOException when the file cannot be read
     */
    public static void main(String[] args) throws IOException {
        Path request = Path.of(args[0]);
        int runs = Integer.parseInt(args[1]);
        String label = args.length > 2 ? args[2] : request.getFileName().toString();
        KpiEngine engine = KpiEngine.builder().limits(Limits.unlimitedRecords()).build();
        String sha256 = engine.ruleSet("dak-nong-2022", "1.1.0").orElseThrow().ref().sha256();
        if (!sha256.equals(PlainJavaEndToEnd.SHA256)) {
            System.out.println("   note: PlainJavaEndToEnd.SHA256 is not the rule set's fingerprint " + sha256
                    + " (its standalone runs write the old one); this run gives it the engine's");
        }
        PlainJavaEndToEnd plain = new PlainJavaEndToEnd(sha256);
        // Untimed, once: the same bytes as the engine, so that the ratio compares equal work.
        Object[] same = SameBytes.check(engine, plain, request, label);
        check((EvaluationSummary) same[0], (long[]) same[1]);
        List<Double> engineRates = new ArrayList<>();
        List<Double> plainRates = new ArrayList<>();
        long records = 0;
        // One run of each to warm up, not counted; then the runs, taking turns.
        for (int i = -1; i < runs; i++) {
            usedAfterGc();
            Sink e = new Sink();
            long t0 = System.nanoTime();
            EvaluationSummary s = engine.evaluateJson(request, e, RequestOverrides.none());
            double engineSeconds = (System.nanoTime() - t0) / 1e9;

            usedAfterGc();
            Sink p = new Sink();
            t0 = System.nanoTime();
            long[] counts = plain.run(request, p);
            double plainSeconds = (System.nanoTime() - t0) / 1e9;

            records = counts[0];
            check(s, counts);
            if (i >= 0) {
                engineRates.add(records / engineSeconds);
                plainRates.add(records / plainSeconds);
            }
            System.out.println(String.format(Locale.ROOT, "   %s run %s: engine %.0f records/s (%.1f MB out), plain Java "
                    + "%.0f records/s (%.1f MB out)", label, i < 0 ? "warm-up" : Integer.toString(i + 1),
                    records / engineSeconds, e.bytes / 1e6, records / plainSeconds, p.bytes / 1e6));
        }
        long enginePeak = keptWhile(() -> engine.evaluateJson(request, new Sink(), RequestOverrides.none()));
        long plainPeak = keptWhile(() -> plain.run(request, new Sink()));
        System.out.println(String.format(Locale.ROOT, "   %s: engine records/s min/median/max %s; plain Java %s", label,
                BenchMain.mmm(engineRates, "%.0f"), BenchMain.mmm(plainRates, "%.0f")));
        System.out.println(String.format(Locale.ROOT, "   %s: engine / plain Java = %.0f%% (medians, one process, "
                + "heap %d MB)", label, 100 * BenchMain.median(engineRates) / BenchMain.median(plainRates),
                Runtime.getRuntime().maxMemory() >> 20));
        System.out.println(String.format(Locale.ROOT, "   %s: state kept (live heap after a full GC every 50 ms, at "
                + "its highest, less before), per distinct (unit, period): engine %.0f bytes (%.0f MB), plain Java "
                + "%.0f bytes (%.0f MB)", label, (double) enginePeak / records, enginePeak / 1e6,
                (double) plainPeak / records, plainPeak / 1e6));
    }

    /** Fails unless both counted the same records, rejections and statuses. */
    static void check(EvaluationSummary s, long[] counts) {
        long[] engine = new long[8];
        engine[0] = s.summary().records();
        engine[1] = s.summary().evaluated();
        engine[2] = s.summary().rejected();
        Status[] order = {Status.MET, Status.NOT_MET, Status.PENDING, Status.NOT_APPLICABLE, Status.INSUFFICIENT_DATA};
        for (int i = 0; i < 5; i++) {
            engine[3 + i] = s.summary().byStatus().getOrDefault(order[i], 0L);
        }
        if (!Arrays.equals(engine, counts)) {
            throw new IllegalStateException("the plain-Java evaluator differs from the engine: records, evaluated, "
                    + "rejected, MET, NOT_MET, PENDING, NOT_APPLICABLE, INSUFFICIENT_DATA: engine "
                    + Arrays.toString(engine) + ", plain Java " + Arrays.toString(counts));
        }
    }
}
