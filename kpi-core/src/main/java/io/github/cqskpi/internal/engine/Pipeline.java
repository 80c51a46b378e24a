package io.github.cqskpi.internal.engine;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Hands batches from the thread that reads to a second thread that works on them, in order,
 * so that reading the next records overlaps with the work on the last ones. At most a few
 * batches wait, so memory stays bounded. A failure on either side ends both and reaches the
 * caller.
 *
 * @param <T> a batch
 */
public final class Pipeline<T> implements AutoCloseable {

    /** The work on one batch. */
    public interface Stage<T> {
        public void accept(T batch) throws IOException;
    }

    private static final Object END = new Object();

    private final BlockingQueue<Object> queue;
    private final Thread worker;
    private volatile Throwable failure;

    public Pipeline(String name, int waiting, Stage<T> stage) {
        this.queue = new ArrayBlockingQueue<>(waiting);
        this.worker = new Thread(() -> {
            try {
                for (Object o = queue.take(); o != END; o = queue.take()) {
                    @SuppressWarnings("unchecked")
                    T batch = (T) o;
                    stage.accept(batch);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Throwable t) {
                failure = t;
                queue.clear();
            }
        }, name);
        worker.setDaemon(true);
        worker.start();
    }

    /** How many batches wait for the worker. */
    public int waiting() {
        return queue.size();
    }

    /** Queues a batch; throws at once what the worker has thrown. */
    public void submit(T batch) throws IOException {
        try {
            while (!queue.offer(batch, 50, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                rethrow();
                if (!worker.isAlive()) {
                    throw new IllegalStateException("the worker " + worker.getName() + " has stopped");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while queueing work");
        }
        rethrow();
    }

    /** Waits for the worker to finish the batches queued; throws what it has thrown. */
    public void finish() throws IOException {
        try {
            while (worker.isAlive() && !queue.offer(END, 50, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                rethrow();
            }
            worker.join();
        } catch (InterruptedException e) {
            worker.interrupt();
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for the work to end");
        }
        rethrow();
    }

    private void rethrow() throws IOException {
        Throwable t = failure;
        if (t == null) {
            return;
        }
        if (t instanceof IOException io) {
            throw io;
        }
        if (t instanceof UncheckedIOException u) {
            throw u.getCause();
        }
        if (t instanceof RuntimeException r) {
            throw r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        throw new IllegalStateException(t);
    }

    /** Stops the worker if still running (after a failure on the reading side). */
    @Override
    public void close() {
        if (worker.isAlive()) {
            worker.interrupt();
            try {
                worker.join(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
