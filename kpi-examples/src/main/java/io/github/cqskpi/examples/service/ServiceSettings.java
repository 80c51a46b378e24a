package io.github.cqskpi.examples.service;

import io.github.cqskpi.Limits;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How the service listens and what it bears: the address, the body limit, the timeouts, the
 * pools and the drain time on shutdown. Every part is checked here and a wrong one is named
 * with its value. {@link #defaults()} are the values SECURITY.md lists.
 *
 * @param bind the address to listen on ({@code 127.0.0.1} by default; {@code 0.0.0.0} for every interface)
 * @param port the port, or 0 for any free one
 * @param maxBytes the largest request body accepted, in bytes
 * @param headerTimeout how long a request line and its headers may take to arrive, once begun
 * @param bodyTimeout how long a request body may take to arrive whole
 * @param idleTimeout how long a connection may stay silent (between requests, or mid-read or mid-write)
 * @param evaluations how many evaluations run at once
 * @param queue how many more accepted evaluations may wait (reading their body or for a turn); past
 *        that, 503 with {@code Retry-After}
 * @param drain how long a shutdown waits for the requests in flight
 * @param decisionLog the file to append one JSON line per delivered evaluation to, or {@code null}
 * @param corsOrigins the origins a browser may call the service from; none by default
 */
public record ServiceSettings(String bind, int port, long maxBytes, Duration headerTimeout, Duration bodyTimeout,
        Duration idleTimeout, int evaluations, int queue, Duration drain, Path decisionLog, List<String> corsOrigins) {

    /**
     * What one JSON evaluation of a request at the limits may hold on the heap at its peak, with
     * a margin: a 10,000-record request of 10,000 distinct units (4.1 MB in, 75 MB out) is read
     * from its spool file twice and its response streamed, so it holds what grows with its
     * units, not its results. Measured: one such evaluation answers whole with {@code -Xmx40m},
     * four at once with {@code -Xmx64m}. The default number of concurrent evaluations is half the
     * heap divided by this, capped by the processors.
     */
    public static final long HEAP_PER_EVALUATION = 16L << 20;

    /**
     * What one CSV or HTML report of a request at the limits may hold: the reports are written
     * from the whole response in memory. Measured: one 10,000-record CSV report answers with
     * {@code -Xmx256m}, two at once do not. Reports at once are half the heap divided by this,
     * at least 1.
     */
    public static final long HEAP_PER_REPORT = 128L << 20;

    /** Checks every part. */
    public ServiceSettings {
        Objects.requireNonNull(bind, "bind");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("the port must be 0 to 65535, not " + port);
        }
        if (maxBytes < 1) {
            throw new IllegalArgumentException("the body limit must be at least 1 byte, not " + maxBytes);
        }
        positive("header timeout", headerTimeout);
        positive("body timeout", bodyTimeout);
        positive("idle timeout", idleTimeout);
        if (evaluations < 1) {
            throw new IllegalArgumentException("at least 1 evaluation must be allowed at once, not " + evaluations);
        }
        if (queue < 0) {
            throw new IllegalArgumentException("the queue cannot be negative: " + queue);
        }
        Objects.requireNonNull(drain, "drain");
        if (drain.isNegative()) {
            throw new IllegalArgumentException("the drain time cannot be negative: " + drain.toSeconds() + " s");
        }
        corsOrigins = List.copyOf(corsOrigins);
        for (String o : corsOrigins) {
            if (!o.matches("https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?|\\*")) {
                throw new IllegalArgumentException("a CORS origin is scheme://host[:port] or *, not \"" + o + "\"");
            }
        }
    }

    /**
     * The defaults: loopback, port 8080, 16 MiB, headers in 10 s, a body in 60 s, 30 s of
     * silence, evaluations sized for this JVM's heap ({@link #evaluationsForHeap(long)}), a queue of
     * 16 more, 30 s to drain, no decision log, no CORS.
     *
     * @return the defaults
     */
    public static ServiceSettings defaults() {
        return new ServiceSettings("127.0.0.1", 8080, Limits.DEFAULT_MAX_BYTES, Duration.ofSeconds(10),
                Duration.ofSeconds(60), Duration.ofSeconds(30), evaluationsForHeap(Runtime.getRuntime().maxMemory()),
                16, Duration.ofSeconds(30), null, List.of());
    }

    /**
     * How many evaluations at the limits a heap holds at once: half the heap (the rest is the
     * rule sets, the server and headroom) divided by {@link #HEAP_PER_EVALUATION}, at least 1 and
     * at most the processors (more would only wait for a core).
     *
     * @param maxHeap the largest heap, {@link Runtime#maxMemory()}
     * @return the number of concurrent evaluations
     */
    public static int evaluationsForHeap(long maxHeap) {
        long byHeap = maxHeap / 2 / HEAP_PER_EVALUATION;
        return (int) Math.max(1, Math.min(byHeap, Runtime.getRuntime().availableProcessors()));
    }

    /**
     * How many CSV or HTML reports a heap holds at once: half the heap divided by
     * {@link #HEAP_PER_REPORT}, at least 1.
     *
     * @param maxHeap the largest heap, {@link Runtime#maxMemory()}
     * @return the number of concurrent reports
     */
    public static int reportsForHeap(long maxHeap) {
        return (int) Math.max(1, maxHeap / 2 / HEAP_PER_REPORT);
    }

    private static void positive(String name, Duration d) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException("the " + name + " must be positive, not " + d.toMillis() + " ms");
        }
    }

    /** @param v the address @return these settings with it */
    public ServiceSettings withBind(String v) {
        return new ServiceSettings(v, port, maxBytes, headerTimeout, bodyTimeout, idleTimeout, evaluations, queue,
                drain, decisionLog, corsOrigins);
    }

    /** @param v the port @return these settings with it */
    public ServiceSettings withPort(int v) {
        return new ServiceSettings(bind, v, maxBytes, headerTimeout, bodyTimeout, idleTimeout, evaluations, queue,
                drain, decisionLog, corsOrigins);
    }

    /** @param v the body limit @return these settings with it */
    public ServiceSettings withMaxBytes(long v) {
        return new ServiceSettings(bind, port, v, headerTimeout, bodyTimeout, idleTimeout, evaluations, queue,
                drain, decisionLog, corsOrigins);
    }

    /**
     * @param header the header timeout
     * @param body the body timeout
     * @param idle the idle timeout
     * @return these settings with them
     */
    public ServiceSettings withTimeouts(Duration header, Duration body, Duration idle) {
        return new ServiceSettings(bind, port, maxBytes, header, body, idle, evaluations, queue, drain, decisionLog,
                corsOrigins);
    }

    /**
     * @param evaluationsAtOnce concurrent evaluations
     * @param waiting evaluations that may wait
     * @return these settings with them
     */
    public ServiceSettings withPools(int evaluationsAtOnce, int waiting) {
        return new ServiceSettings(bind, port, maxBytes, headerTimeout, bodyTimeout, idleTimeout, evaluationsAtOnce,
                waiting, drain, decisionLog, corsOrigins);
    }

    /** @param v the drain time @return these settings with it */
    public ServiceSettings withDrain(Duration v) {
        return new ServiceSettings(bind, port, maxBytes, headerTimeout, bodyTimeout, idleTimeout, evaluations, queue,
                v, decisionLog, corsOrigins);
    }

    /** @param v the decision log file, or {@code null} @return these settings with it */
    public ServiceSettings withDecisionLog(Path v) {
        return new ServiceSettings(bind, port, maxBytes, headerTimeout, bodyTimeout, idleTimeout, evaluations, queue,
                drain, v, corsOrigins);
    }

    /** @param v the allowed origins @return these settings with them */
    public ServiceSettings withCorsOrigins(List<String> v) {
        return new ServiceSettings(bind, port, maxBytes, headerTimeout, bodyTimeout, idleTimeout, evaluations, queue,
                drain, decisionLog, v);
    }
}
