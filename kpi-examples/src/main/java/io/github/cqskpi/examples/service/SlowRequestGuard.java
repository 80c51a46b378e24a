package io.github.cqskpi.examples.service;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * The deadline for a request line and headers. Jetty reads them without holding a thread, and
 * its idle timeout closes a silent connection, but a client that sends a byte now and then is
 * never idle. This answers 408 and closes a connection that has received bytes of a request for
 * longer than the header timeout without the request reaching the service. A connection that waits for its
 * next request without sending anything is left to the idle timeout.
 */
final class SlowRequestGuard implements Connection.Listener {

    /** Since when (nanoTime) a connection waits for a request, and how many bytes it had then. */
    private record Waiting(long since, long bytesIn) {
    }

    private final long timeoutNanos;
    private final Map<Connection, Waiting> waiting = new ConcurrentHashMap<>();
    private volatile Scheduler scheduler;
    private volatile boolean stopped;

    SlowRequestGuard(Duration timeout) {
        this.timeoutNanos = timeout.toNanos();
    }

    void start(Scheduler s) {
        this.scheduler = s;
        schedule();
    }

    void stop() {
        stopped = true;
    }

    private void schedule() {
        if (!stopped) {
            long period = Math.max(50, Math.min(1000, timeoutNanos / 4_000_000));
            scheduler.schedule(this::sweep, period, TimeUnit.MILLISECONDS);
        }
    }

    private void sweep() {
        try {
            long now = System.nanoTime();
            for (Map.Entry<Connection, Waiting> e : waiting.entrySet()) {
                Waiting w = e.getValue();
                Connection c = e.getKey();
                if (!c.getEndPoint().isOpen()) {
                    waiting.remove(c, w);
                } else if (now - w.since() > timeoutNanos && c.getBytesIn() > w.bytesIn()) {
                    waiting.remove(c, w);
                    timedOut(c.getEndPoint());
                }
            }
        } finally {
            schedule();
        }
    }

    /** Answers 408 in the service's JSON (no request was parsed, so none is half-answered) and closes. */
    private void timedOut(EndPoint endPoint) {
        byte[] body = KpiService.json(out -> CatalogueJson.error(408, "REQUEST_TIMEOUT", "the request line and "
                + "headers did not arrive within " + timeoutNanos / 1_000_000 + " ms", null, null, out));
        String head = "HTTP/1.1 408 Request Timeout\r\nContent-Type: " + KpiService.JSON + "\r\nContent-Length: "
                + body.length + "\r\nConnection: close\r\n\r\n";
        ByteBuffer answer = ByteBuffer.allocate(head.length() + body.length);
        answer.put(head.getBytes(StandardCharsets.US_ASCII)).put(body).flip();
        endPoint.write(Callback.from(endPoint::close, x -> endPoint.close()), answer);
    }

    @Override
    public void onOpened(Connection c) {
        waiting.put(c, new Waiting(System.nanoTime(), 0));
    }

    @Override
    public void onClosed(Connection c) {
        waiting.remove(c);
    }

    /** The request's headers are in: the service has it. */
    void begun(Connection c) {
        waiting.remove(c);
    }

    /** The response is done: the connection waits for its next request. */
    void ended(Connection c) {
        if (c.getEndPoint().isOpen()) {
            waiting.put(c, new Waiting(System.nanoTime(), c.getBytesIn()));
        }
    }
}
