package io.github.cqskpi.internal.engine;

import io.github.cqskpi.internal.rules.DroolsRules;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Gathers items into batches of {@link DroolsRules#BATCH} and hands each full batch to the
 * work: on this thread, or, when {@code threaded}, on a second thread ({@link Pipeline}) while
 * this one reads on. Memory holds a few batches at most.
 */
public final class Batches {

    /** The work on one batch. */
    public interface Work {
        public void accept(List<Object> batch) throws IOException;
    }

    /** Sees a full batch before it is queued, with how many batches wait already. */
    public interface BeforeQueued {
        public void accept(List<Object> full, int waiting);
    }

    private static final int BATCH = DroolsRules.BATCH;

    private final boolean threaded;
    private final Work work;
    private final BeforeQueued beforeQueued;
    private Pipeline<List<Object>> pipeline;
    private List<Object> batch = new ArrayList<>();

    public Batches(boolean threaded, Work work, BeforeQueued beforeQueued) {
        this.threaded = threaded;
        this.work = work;
        this.beforeQueued = beforeQueued;
    }

    public void submit(Object item) throws IOException {
        batch.add(item);
        if (batch.size() < BATCH) {
            return;
        }
        if (!threaded) {
            work.accept(batch);
            batch.clear();
            return;
        }
        if (pipeline == null) {
            pipeline = new Pipeline<>("cqs-kpi-evaluate", 2, work::accept);
        }
        beforeQueued.accept(batch, pipeline.waiting());
        pipeline.submit(batch);
        batch = new ArrayList<>(BATCH);
    }

    /** After the last item: does or waits for all the work. */
    public void end() throws IOException {
        if (pipeline == null) {
            if (!batch.isEmpty()) {
                work.accept(batch);
                batch = new ArrayList<>(0);
            }
            return;
        }
        if (!batch.isEmpty()) {
            pipeline.submit(batch);
            batch = new ArrayList<>(0);
        }
        pipeline.finish();
    }

    /** Stops the second thread if still running (after a failure on this side). */
    public void close() {
        if (pipeline != null) {
            pipeline.close();
        }
    }
}
