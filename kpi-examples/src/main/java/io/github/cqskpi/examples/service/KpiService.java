package io.github.cqskpi.examples.service;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.cqskpi.EvaluationResponse;
import io.github.cqskpi.KpiEngine;
import io.github.cqskpi.KpiEngineBuilder;
import io.github.cqskpi.Limits;
import io.github.cqskpi.RequestOverrides;
import io.github.cqskpi.RuleSetInfo;
import io.github.cqskpi.UnreadableRequestException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An HTTP service that embeds the engine, on the JDK's own {@link HttpServer}:
 * {@code POST /v1/evaluate} (the contract's request and response, the same bytes the CLI's
 * {@code evaluate} prints; a CSV or XLSX table, by its Content-Type, with {@code asOf},
 * {@code ruleSet} and {@code ruleSetVersion} in the query), {@code GET /v1/rule-sets}, {@code GET /v1/targets?ruleSet=ID[@VERSION]},
 * {@code GET /health} and {@code GET /v1/openapi.json}. Errors are JSON bodies: 400 for an
 * unreadable request, 413 past the size limit, 404 and 405 for wrong paths and methods, and
 * 500 without internal detail.
 */
public final class KpiService implements AutoCloseable {

    /** The default limit on a request body: 16 MiB, {@link Limits#DEFAULT_MAX_BYTES}. */
    public static final long DEFAULT_MAX_BYTES = Limits.DEFAULT_MAX_BYTES;

    private static final Logger LOG = LoggerFactory.getLogger(KpiService.class);
    private static final String JSON = "application/json; charset=utf-8";
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final KpiEngine engine;
    private final long maxBytes;
    private final HttpServer server;
    private final ExecutorService workers;
    private final DecisionLog decisions;

    private KpiService(KpiEngine engine, long maxBytes, HttpServer server, ExecutorService workers,
            DecisionLog decisions) {
        this.engine = engine;
        this.maxBytes = maxBytes;
        this.server = server;
        this.workers = workers;
        this.decisions = decisions;
    }

    /**
     * Starts the service.
     *
     * @param engine the engine to serve
     * @param port the port, or 0 for any free one
     * @param maxBytes the largest request body accepted
     * @return the running service
     * @throws IOException when the port cannot be bound
     */
    public static KpiService start(KpiEngine engine, int port, long maxBytes) throws IOException {
        return start(engine, new InetSocketAddress(port), maxBytes, null);
    }

    /**
     * Starts the service on an engine built here, with the limits that protect a shared host
     * ({@link Limits#defaults()}, the body's bytes capped at {@code maxBytes}) and, if asked, a
     * decision log fed by the engine's {@link KpiEngineBuilder#decisionLog} hook.
     *
     * @param builder the engine's builder; its limits and decision log are set here
     * @param bind the address to listen on, or {@code null} for every interface
     * @param port the port, or 0 for any free one
     * @param maxBytes the largest request body accepted
     * @param decisionLog the file to append one JSON line per evaluated request to, or {@code null}
     * @return the running service
     * @throws IOException when the port cannot be bound or the log cannot be opened
     */
    public static KpiService start(KpiEngineBuilder builder, String bind, int port, long maxBytes,
            java.nio.file.Path decisionLog) throws IOException {
        Objects.requireNonNull(builder, "builder");
        if (maxBytes < 1) {
            throw new IllegalArgumentException("maxBytes must be positive, not " + maxBytes);
        }
        DecisionLog log = decisionLog == null ? null
                : DecisionLog.appendingTo(decisionLog, java.time.Clock.systemUTC());
        builder.limits(Limits.defaults().withMaxBytes(maxBytes));
        if (log != null) {
            builder.decisionLog(log::record);
        }
        KpiEngine engine;
        try {
            engine = builder.build();
        } catch (RuntimeException e) {
            if (log != null) {
                log.close();
            }
            throw e;
        }
        return start(engine, bind == null ? new InetSocketAddress(port) : new InetSocketAddress(bind, port),
                maxBytes, log);
    }

    private static KpiService start(KpiEngine engine, InetSocketAddress address, long maxBytes, DecisionLog log)
            throws IOException {
        Objects.requireNonNull(engine, "engine");
        if (maxBytes < 1) {
            throw new IllegalArgumentException("maxBytes must be positive, not " + maxBytes);
        }
        // Without TCP_NODELAY the JDK's server waits on the client's delayed ACK between the
        // headers and the body of each response: about 40 ms a request on Linux.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
        HttpServer server = HttpServer.create(address, 0);
        ExecutorService workers = Executors.newFixedThreadPool(Math.max(2, Runtime.getRuntime().availableProcessors()));
        KpiService s = new KpiService(engine, maxBytes, server, workers, log);
        server.createContext("/", s::handle);
        server.setExecutor(workers);
        server.start();
        LOG.info("serving on {} with {}", server.getAddress(), engine.ruleSets().stream()
                .map(r -> r.ref().id() + "@" + r.ref().version()).toList());
        return s;
    }

    /**
     * The port the service listens on.
     *
     * @return the port
     */
    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
        if (decisions != null) {
            try {
                decisions.close();
            } catch (IOException e) {
                LOG.warn("cannot close the decision log", e);
            }
        }
    }

    private void handle(HttpExchange x) throws IOException {
        try (x) {
            route(x);
        }
    }

    private void route(HttpExchange x) throws IOException {
        try {
            String path = x.getRequestURI().getPath();
            String method = x.getRequestMethod();
            switch (path) {
                case "/v1/evaluate" -> {
                    if (allow(x, method, "POST")) {
                        evaluate(x);
                    }
                }
                case "/v1/rule-sets" -> {
                    if (allow(x, method, "GET")) {
                        ByteArrayOutputStream body = new ByteArrayOutputStream();
                        CatalogueJson.ruleSets(engine.ruleSets(), body);
                        send(x, 200, body.toByteArray());
                    }
                }
                case "/v1/targets" -> {
                    if (allow(x, method, "GET")) {
                        targets(x);
                    }
                }
                case "/health" -> {
                    if (allow(x, method, "GET")) {
                        send(x, 200, ("{\"status\":\"UP\",\"ruleSets\":" + engine.ruleSets().size() + "}")
                                .getBytes(StandardCharsets.UTF_8));
                    }
                }
                case "/v1/openapi.json" -> {
                    if (allow(x, method, "GET")) {
                        try (InputStream in = KpiService.class.getResourceAsStream("openapi.json")) {
                            send(x, 200, in.readAllBytes());
                        }
                    }
                }
                default -> error(x, 404, "NOT_FOUND", "no such path: " + path, null);
            }
        } catch (RuntimeException e) {
            // Logged here with its detail; the caller gets none of it.
            LOG.error("request failed", e);
            error(x, 500, "INTERNAL_ERROR", "the service failed; no result was produced", null);
        }
    }

    private void evaluate(HttpExchange x) throws IOException {
        byte[] body = readLimited(x.getRequestBody());
        if (body == null) {
            error(x, 413, "REQUEST_TOO_LARGE", "the request body is larger than " + maxBytes + " bytes", null);
            return;
        }
        EvaluationResponse response;
        try {
            String type = x.getRequestHeaders().getFirst("Content-Type");
            String media = type == null ? "" : type.split(";")[0].strip().toLowerCase(java.util.Locale.ROOT);
            if (media.equals("text/csv") || media.equals(XLSX)) {
                response = evaluateTable(x, body, media.equals(XLSX));
            } else {
                response = engine.evaluateJson(new ByteArrayInputStream(body), RequestOverrides.none());
            }
        } catch (UnreadableRequestException e) {
            error(x, 400, "UNREADABLE_REQUEST", e.getMessage(), e.path());
            return;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(256, body.length * 8));
        engine.writeJson(response, out);
        send(x, 200, out.toByteArray());
    }

    /** A table (CSV or XLSX) as the request; asOf, ruleSet and ruleSetVersion come from the query. */
    private EvaluationResponse evaluateTable(HttpExchange x, byte[] body, boolean xlsx) throws IOException {
        RequestOverrides o = RequestOverrides.none();
        Optional<String> asOf = query(x, "asOf");
        if (asOf.isPresent()) {
            try {
                o = o.withAsOf(java.time.LocalDate.parse(asOf.get()));
            } catch (java.time.format.DateTimeParseException e) {
                throw new UnreadableRequestException("/asOf", "asOf \"" + asOf.get() + "\" is not a day YYYY-MM-DD");
            }
        }
        Optional<String> ruleSet = query(x, "ruleSet");
        Optional<String> version = query(x, "ruleSetVersion");
        if (ruleSet.isPresent()) {
            o = o.withRuleSet(ruleSet.get() + version.map(v -> "@" + v).orElse(""));
        } else if (version.isPresent()) {
            throw new UnreadableRequestException("/ruleSetVersion", "ruleSetVersion is given without a ruleSet");
        }
        try (io.github.cqskpi.table.TableRows rows = xlsx
                ? io.github.cqskpi.examples.table.XlsxRows.open(new ByteArrayInputStream(body))
                : new io.github.cqskpi.table.CsvRows(new ByteArrayInputStream(body))) {
            return io.github.cqskpi.table.Tables.evaluate(engine,
                    io.github.cqskpi.table.Tables.limit(rows, Limits.DEFAULT_MAX_RECORDS), o);
        }
    }

    private void targets(HttpExchange x) throws IOException {
        Optional<String> asked = query(x, "ruleSet").or(engine::defaultRuleSet);
        if (asked.isEmpty()) {
            error(x, 400, "UNREADABLE_REQUEST", "no rule set is the default here: name one with ?ruleSet=ID[@VERSION]",
                    null);
            return;
        }
        String spec = asked.get();
        int at = spec.indexOf('@');
        Optional<RuleSetInfo> rs = at < 0 ? engine.ruleSet(spec) : engine.ruleSet(spec.substring(0, at),
                spec.substring(at + 1));
        if (rs.isEmpty()) {
            error(x, 404, "UNKNOWN_RULE_SET", "unknown rule set " + spec + "; loaded: " + engine.ruleSets().stream()
                    .map(r -> r.ref().id() + "@" + r.ref().version()).toList(), null);
            return;
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        CatalogueJson.targets(rs.get(), body);
        send(x, 200, body.toByteArray());
    }

    /** The body, or {@code null} when it is longer than the limit. */
    private byte[] readLimited(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        long total = 0;
        for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
            total += n;
            if (total > maxBytes) {
                return null;
            }
            out.write(buf, 0, n);
        }
        return out.toByteArray();
    }

    private static Optional<String> query(HttpExchange x, String name) {
        String q = x.getRequestURI().getRawQuery();
        if (q == null) {
            return Optional.empty();
        }
        for (String pair : q.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8).equals(name)) {
                return Optional.of(URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return Optional.empty();
    }

    private static boolean allow(HttpExchange x, String method, String allowed) throws IOException {
        if (method.equals(allowed)) {
            return true;
        }
        x.getResponseHeaders().set("Allow", allowed);
        error(x, 405, "METHOD_NOT_ALLOWED", method + " is not allowed here; use " + allowed, null);
        return false;
    }

    private static void error(HttpExchange x, int status, String code, String message, String path)
            throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        CatalogueJson.error(status, code, message, path, body);
        send(x, status, body.toByteArray());
    }

    private static void send(HttpExchange x, int status, byte[] body) throws IOException {
        x.getResponseHeaders().set("Content-Type", JSON);
        x.sendResponseHeaders(status, body.length);
        try (OutputStream out = x.getResponseBody()) {
            out.write(body);
        }
    }
}
