package io.github.cqskpi.examples.service;

import io.github.cqskpi.KpiEngine;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;

/**
 * The command line's {@code serve}: its options, the start-up line, and the graceful stop on
 * SIGTERM or Ctrl-C (stop accepting, drain, close the decision log, exit 0).
 */
public final class ServeCommand {

    /** The options {@code serve} takes, each with a value; {@code --cors} may be repeated. */
    public static final List<String> OPTIONS = List.of("--port", "--bind", "--max-bytes", "--decision-log", "--cors",
            "--drain-seconds", "--header-timeout", "--body-timeout", "--idle-timeout", "--max-evaluations", "--queue");

    /** {@code serve}'s help: the synopsis, then what it does and each option with its default. */
    public static final String HELP = String.join("\n",
            "serve [--port N] [--bind ADDRESS] [--max-bytes N] [--decision-log FILE] [--cors ORIGIN]... "
                    + "[--drain-seconds N] [--header-timeout S] [--body-timeout S] [--idle-timeout S] "
                    + "[--max-evaluations N] [--queue N]",
            "    Serves POST /v1/evaluate, GET /v1/rule-sets, /v1/targets, /health, /v1/openapi.json.",
            "    SIGTERM or Ctrl-C stops accepting, lets requests in flight finish, exits 0.",
            "    --port N              0 to 65535 (default 8080; 0: any free port)",
            "    --bind ADDRESS        the interface to listen on (default 127.0.0.1; 0.0.0.0: every one)",
            "    --max-bytes N         the largest request body, at least 1 (default 16 MiB)",
            "    --decision-log FILE   appends one JSON line per response delivered whole",
            "    --cors ORIGIN         lets a browser page from ORIGIN call the service (repeatable; * for any)",
            "    --drain-seconds N     how long a stop waits for requests in flight (default 30)",
            "    --header-timeout S    seconds for a request line and headers, once begun (default 10)",
            "    --body-timeout S      seconds for a request body, whole (default 60)",
            "    --idle-timeout S      seconds a connection may stay silent (default 30)",
            "    --max-evaluations N   evaluations at once (default: sized for the heap and processors)",
            "    --queue N             evaluations that may wait; past them, 503 (default 16)");

    private ServeCommand() {
    }

    /**
     * Takes every {@code --cors ORIGIN} (or {@code --cors=ORIGIN}) out of the arguments.
     *
     * @param args the arguments after {@code serve}; the {@code --cors} ones are removed
     * @return the origins, in order
     * @throws IllegalArgumentException when {@code --cors} has no value
     */
    public static List<String> takeCors(Deque<String> args) {
        List<String> origins = new ArrayList<>();
        List<String> rest = new ArrayList<>();
        for (Iterator<String> it = args.iterator(); it.hasNext();) {
            String a = it.next();
            if (a.equals("--cors")) {
                if (!it.hasNext()) {
                    throw new IllegalArgumentException("--cors needs a value");
                }
                origins.add(it.next());
            } else if (a.startsWith("--cors=")) {
                origins.add(a.substring("--cors=".length()));
            } else {
                rest.add(a);
            }
        }
        args.clear();
        args.addAll(rest);
        return origins;
    }

    /**
     * The settings the options give, over {@link ServiceSettings#defaults()}.
     *
     * @param option the value of an option of {@link #OPTIONS}, if given
     * @param cors the {@code --cors} origins
     * @return the settings
     * @throws IllegalArgumentException naming the option and its value when one is wrong
     */
    public static ServiceSettings settings(Function<String, Optional<String>> option, List<String> cors) {
        ServiceSettings d = ServiceSettings.defaults();
        int port = (int) number(option, "--port", d.port(), 0, 65_535);
        long maxBytes = number(option, "--max-bytes", d.maxBytes(), 1, Long.MAX_VALUE);
        Duration header = seconds(option, "--header-timeout", d.headerTimeout());
        Duration body = seconds(option, "--body-timeout", d.bodyTimeout());
        Duration idle = seconds(option, "--idle-timeout", d.idleTimeout());
        int evaluations = (int) number(option, "--max-evaluations", d.evaluations(), 1, 1024);
        int queue = (int) number(option, "--queue", d.queue(), 0, 100_000);
        Duration drain = Duration.ofSeconds(number(option, "--drain-seconds", d.drain().toSeconds(), 0, 86_400));
        try {
            return d.withPort(port).withMaxBytes(maxBytes).withBind(option.apply("--bind").orElse(d.bind()))
                    .withTimeouts(header, body, idle).withPools(evaluations, queue).withDrain(drain)
                    .withDecisionLog(option.apply("--decision-log").map(Path::of).orElse(null))
                    .withCorsOrigins(cors);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("serve: " + e.getMessage(), e);
        }
    }

    private static long number(Function<String, Optional<String>> option, String name, long otherwise, long min,
            long max) {
        Optional<String> v = option.apply(name);
        if (v.isEmpty()) {
            return otherwise;
        }
        long n;
        try {
            n = Long.parseLong(v.get());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " takes a whole number, not \"" + v.get() + "\"");
        }
        if (n < min || n > max) {
            throw new IllegalArgumentException(name + " must be " + min + " to " + max + ", not " + n);
        }
        return n;
    }

    private static Duration seconds(Function<String, Optional<String>> option, String name, Duration otherwise) {
        Optional<String> v = option.apply(name);
        if (v.isEmpty()) {
            return otherwise;
        }
        try {
            double s = Double.parseDouble(v.get());
            if (!(s > 0 && s <= 86_400)) {
                throw new NumberFormatException();
            }
            return Duration.ofMillis(Math.max(1, Math.round(s * 1000)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " takes seconds above 0 and up to 86400, not \"" + v.get()
                    + "\"");
        }
    }

    /**
     * Starts the service, says where on standard error, and serves until SIGTERM or SIGINT; then
     * stops accepting, lets requests in flight finish within the drain time, closes the
     * decision log and ends the JVM with exit 0.
     *
     * @param settings how to serve
     * @param err where the start-up and stop lines go
     * @return 0, if the JVM was not ended by the signal first
     * @throws IOException when the port cannot be bound or the log opened
     */
    public static int run(ServiceSettings settings, PrintStream err) throws IOException {
        KpiService service = KpiService.start(KpiEngine.builder(), settings);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            err.println("kpi-cli: stopping: draining requests in flight (at most " + settings.drain().toSeconds()
                    + " s)");
            service.close();
            err.println("kpi-cli: stopped");
            err.flush();
            stopped.countDown();
            // A signal's default exit status is 128 + its number; a drained stop is a clean one.
            Runtime.getRuntime().halt(0);
        }, "kpi-service-stop"));
        // The hook is in place before the line is printed: a SIGTERM right after it still drains.
        err.println("kpi-cli: serving on " + service.uri() + " (POST /v1/evaluate); evaluations at once "
                + settings.evaluations() + ", queue " + settings.queue() + "; SIGTERM or Ctrl-C stops");
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }
}
