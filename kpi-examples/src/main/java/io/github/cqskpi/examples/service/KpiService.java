package io.github.cqskpi.examples.service;

import io.github.cqskpi.EvaluationResponse;
import io.github.cqskpi.EvaluationSummary;
import io.github.cqskpi.KpiEngine;
import io.github.cqskpi.KpiEngineBuilder;
import io.github.cqskpi.Limits;
import io.github.cqskpi.RequestOverrides;
import io.github.cqskpi.RuleSetInfo;
import io.github.cqskpi.RuleSetRef;
import io.github.cqskpi.UnknownRuleSetException;
import io.github.cqskpi.UnreadableRequestException;
import io.github.cqskpi.RecordError;
import io.github.cqskpi.report.ReportFormat;
import io.github.cqskpi.report.Reports;
import io.github.cqskpi.examples.table.XlsxRows;
import io.github.cqskpi.table.CsvRows;
import io.github.cqskpi.table.TableLocations;
import io.github.cqskpi.table.TableRows;
import io.github.cqskpi.table.Tables;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.BlockingArrayQueue;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An HTTP service that embeds the engine: {@code POST /v1/evaluate} (the contract's request and
 * response, the same bytes the CLI's {@code evaluate} prints, streamed as they are made; or
 * a CSV or XLSX table by its {@code Content-Type}, with {@code asOf}, {@code ruleSet} and
 * {@code ruleSetVersion} in the query), {@code GET /v1/rule-sets},
 * {@code GET /v1/targets?ruleSet=ID[@VERSION]}, {@code GET /health}
 * and {@code GET /v1/openapi.json}. Every answer the service gives, protocol errors included, is
 * JSON (or the CSV and HTML reports when asked for by {@code Accept}); what it answers is
 * described in {@code openapi.json}.
 *
 * <p>It runs on Jetty 12's core server (no servlets), not the JDK's {@code HttpServer}. The JDK
 * server reads request headers on a worker thread with no timeout of its own (two clients that
 * trickle bytes took both workers), answers {@code Expect: 100-continue} before any handler can
 * refuse the length, writes its own HTML page for conflicting {@code Content-Length} and
 * {@code Transfer-Encoding}, and has no graceful stop. Jetty parses headers without holding a
 * thread, lets the handler refuse before {@code 100 Continue} is sent, lets every protocol error
 * be written as JSON, and drains requests in flight when it stops.
 *
 * <p>Protections, each with a default in {@link ServiceSettings#defaults()} and SECURITY.md:
 * a deadline for the request line and headers once they begin, one for the body, an idle
 * timeout, a body limit checked on the declared length before reading, a bounded number of
 * evaluations at once (sized for the heap) with a bounded queue (503 and {@code Retry-After}
 * beyond), bounded threads, and a drain time on shutdown. A request body is spooled to a
 * temporary file as it arrives, without holding a thread, and the response is streamed, so a
 * request at the record limit answers in bounded memory.
 */
public final class KpiService implements AutoCloseable {

    /** The default limit on a request body: 16 MiB, {@link Limits#DEFAULT_MAX_BYTES}. */
    public static final long DEFAULT_MAX_BYTES = Limits.DEFAULT_MAX_BYTES;

    static final String JSON = "application/json; charset=utf-8";
    static final String CSV = "text/csv; charset=utf-8";
    static final String HTML = "text/html; charset=utf-8";

    private static final Logger LOG = LoggerFactory.getLogger(KpiService.class);
    private static final String GET = "GET, HEAD, OPTIONS";
    private static final String POST = "POST, OPTIONS";
    private static final Map<String, String> ROUTES = Map.of("/v1/evaluate", POST, "/v1/rule-sets", GET,
            "/v1/targets", GET, "/health", GET, "/v1/openapi.json", GET);

    private final KpiEngine engine;
    private final ServiceSettings settings;
    private final Server server;
    private final ServerConnector connector;
    private final DecisionLog decisions;
    private final SlowRequestGuard guard;
    private final Semaphore evaluating;
    private final Semaphore reporting = new Semaphore(ServiceSettings.reportsForHeap(Runtime.getRuntime().maxMemory()),
            true);
    private final AtomicInteger admitted = new AtomicInteger();
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile int port = -1;

    private KpiService(KpiEngine engine, ServiceSettings settings, DecisionLog decisions) {
        this.engine = engine;
        this.settings = settings;
        this.decisions = decisions;
        this.evaluating = new Semaphore(settings.evaluations(), true);
        // Threads: every admitted evaluation may hold one (running or waiting for a turn), plus
        // some for the cheap GETs, the acceptor and the selector. Jobs past the queue are refused
        // by closing the connection; admission (503) comes well before that.
        int maxThreads = settings.evaluations() + settings.queue() + 16;
        QueuedThreadPool threads = new QueuedThreadPool(maxThreads, 4, 60_000,
                new BlockingArrayQueue<>(maxThreads * 4));
        threads.setName("kpi-service");
        this.server = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        http.setRequestHeaderSize(16 * 1024);
        http.setIdleTimeout(settings.idleTimeout().toMillis());
        this.connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(http));
        connector.setHost(settings.bind());
        connector.setPort(settings.port());
        connector.setIdleTimeout(settings.idleTimeout().toMillis());
        connector.setAcceptQueueSize(128);
        this.guard = new SlowRequestGuard(settings.headerTimeout());
        connector.addBean(guard);
        server.addConnector(connector);
        GracefulHandler graceful = new GracefulHandler(new Router()) {
            @Override
            protected void handleShutdownRejection(Request request, Response response, Callback callback) {
                response.getHeaders().put(HttpHeader.CONNECTION, "close");
                response.getHeaders().put(HttpHeader.RETRY_AFTER, "5");
                sendError(response, callback, 503, "UNAVAILABLE", "the service is shutting down", null, null);
            }
        };
        // On shutdown Jetty shortens every connection's idle timeout to this, so that kept-alive
        // connections close at once; a request in flight whose client pauses longer is cut.
        graceful.setShutdownIdleTimeout(Math.min(1000, settings.idleTimeout().toMillis()));
        server.setHandler(graceful);
        server.setErrorHandler(new JsonErrors());
        server.setStopTimeout(settings.drain().toMillis());
        server.setStopAtShutdown(false);
    }

    /**
     * Starts the service on an engine, on loopback with the other {@linkplain ServiceSettings#defaults() defaults}.
     *
     * @param engine the engine to serve
     * @param port the port, or 0 for any free one
     * @param maxBytes the largest request body accepted
     * @return the running service
     * @throws IOException when the port cannot be bound
     */
    public static KpiService start(KpiEngine engine, int port, long maxBytes) throws IOException {
        return start(engine, ServiceSettings.defaults().withPort(port).withMaxBytes(maxBytes));
    }

    /**
     * Starts the service on an engine built here, with the limits that protect a shared host
     * ({@link Limits#defaults()}, the body's bytes capped at {@code maxBytes}).
     *
     * @param builder the engine's builder; its limits are set here
     * @param bind the address to listen on, or {@code null} for loopback
     * @param port the port, or 0 for any free one
     * @param maxBytes the largest request body accepted
     * @param decisionLog the file to append one JSON line per delivered evaluation to, or {@code null}
     * @return the running service
     * @throws IOException when the port cannot be bound or the log cannot be opened
     */
    public static KpiService start(KpiEngineBuilder builder, String bind, int port, long maxBytes, Path decisionLog)
            throws IOException {
        ServiceSettings s = ServiceSettings.defaults().withPort(port).withMaxBytes(maxBytes)
                .withDecisionLog(decisionLog);
        return start(builder, bind == null ? s : s.withBind(bind));
    }

    /**
     * Starts the service on an engine built here with {@link Limits#defaults()} and the body
     * limit of the settings.
     *
     * @param builder the engine's builder; its limits are set here
     * @param settings how to listen and what to bear
     * @return the running service
     * @throws IOException when the port cannot be bound or the log cannot be opened
     */
    public static KpiService start(KpiEngineBuilder builder, ServiceSettings settings) throws IOException {
        Objects.requireNonNull(builder, "builder");
        builder.limits(Limits.defaults().withMaxBytes(settings.maxBytes()));
        return start(builder.build(), settings);
    }

    /**
     * Starts the service on an engine.
     *
     * @param engine the engine to serve
     * @param settings how to listen and what to bear
     * @return the running service
     * @throws IOException when the port cannot be bound or the log cannot be opened
     */
    public static KpiService start(KpiEngine engine, ServiceSettings settings) throws IOException {
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(settings, "settings");
        DecisionLog log = settings.decisionLog() == null ? null
                : DecisionLog.appendingTo(settings.decisionLog(), Clock.systemUTC());
        KpiService s = new KpiService(engine, settings, log);
        try {
            s.server.start();
        } catch (Exception e) {
            s.close();
            // One line naming the address, whatever Jetty threw (a BindException, an unresolved name).
            java.net.BindException b = new java.net.BindException("cannot listen on " + settings.bind() + ":"
                    + settings.port() + ": " + (e.getCause() != null && e.getMessage() != null
                            && e.getMessage().contains("Failed to bind") ? e.getCause().getMessage() : e.getMessage()));
            b.initCause(e);
            throw b;
        }
        s.port = s.connector.getLocalPort();
        s.guard.start(s.server.getScheduler());
        LOG.info("serving on {} with {}", s.uri(), engine.ruleSets().stream()
                .map(r -> r.ref().id() + "@" + r.ref().version()).toList());
        return s;
    }

    /**
     * The port the service listens on.
     *
     * @return the port
     */
    public int port() {
        return port;
    }

    /**
     * The address the service listens on, as a URI a client can use when it is not a wildcard:
     * {@code http://127.0.0.1:8080/}.
     *
     * @return the address
     */
    public String uri() {
        String host = settings.bind();
        try {
            if (connector.getTransport() instanceof ServerSocketChannel ch
                    && ch.getLocalAddress() instanceof InetSocketAddress a) {
                host = a.getAddress().getHostAddress();
            }
        } catch (IOException e) {
            // the configured name, then
        }
        int pct = host.indexOf('%');
        if (pct > 0) {
            host = host.substring(0, pct);
        }
        return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port() + "/";
    }

    /** The settings the service runs with. @return them */
    public ServiceSettings settings() {
        return settings;
    }

    /**
     * Stops the service gracefully: it stops accepting, lets the requests in flight finish
     * within the drain time ({@link ServiceSettings#drain()}), then closes what is left and
     * flushes and closes the decision log. Calling it again does nothing.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            server.stop();
        } catch (Exception e) {
            LOG.warn("the server did not stop cleanly: {}", e.toString());
        }
        guard.stop();
        if (decisions != null) {
            try {
                decisions.close();
            } catch (IOException e) {
                LOG.error("cannot close the decision log: {}", e.toString());
            }
        }
    }

    /** Whether {@link #close()} has begun. @return true once closing */
    boolean isClosing() {
        return closed.get();
    }

    // ---------------------------------------------------------------- routing

    private final class Router extends Handler.Abstract {
        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            Connection conn = request.getConnectionMetaData().getConnection();
            guard.begun(conn);
            Callback done = Callback.from(callback, () -> guard.ended(conn));
            try {
                route(request, response, done);
            } catch (RuntimeException | Error e) {
                internalError(response, done, e);
            }
            return true;
        }
    }

    private void route(Request request, Response response, Callback callback) {
        String path = Request.getPathInContext(request);
        String method = request.getMethod();
        String allowed = ROUTES.get(path);
        if (allowed == null) {
            sendError(response, callback, 404, "NOT_FOUND", "no such path: " + path, null, null);
            return;
        }
        boolean cors = cors(request, response);
        if (method.equals("OPTIONS")) {
            options(request, response, callback, allowed, cors);
            return;
        }
        if (!List.of(allowed.split(", ")).contains(method)) {
            response.getHeaders().put(HttpHeader.ALLOW, allowed);
            sendError(response, callback, 405, "METHOD_NOT_ALLOWED",
                    method + " is not allowed here; use " + allowed, null, null);
            return;
        }
        if (path.equals("/v1/evaluate")) {
            evaluate(request, response, callback);
            return;
        }
        if (Accept.choose(request.getHeaders().get(HttpHeader.ACCEPT), List.of("application/json")).isEmpty()) {
            notAcceptable(response, callback, "application/json");
            return;
        }
        switch (path) {
            case "/v1/rule-sets" -> send(response, callback, 200, JSON, json(out -> CatalogueJson.ruleSets(
                    engine.ruleSets(), out)));
            case "/v1/targets" -> targets(request, response, callback);
            case "/health" -> send(response, callback, 200, JSON, ("{\"status\":\"" + (closed.get() ? "DRAINING" : "UP")
                    + "\",\"ruleSets\":" + engine.ruleSets().size() + "}").getBytes(StandardCharsets.UTF_8));
            case "/v1/openapi.json" -> send(response, callback, 200, JSON, openApi());
            default -> throw new IllegalStateException("no route for " + path);
        }
    }

    /** Adds the CORS headers when the request comes from an allowed origin. */
    private boolean cors(Request request, Response response) {
        String origin = request.getHeaders().get(HttpHeader.ORIGIN);
        if (origin == null || settings.corsOrigins().isEmpty()) {
            return false;
        }
        response.getHeaders().add(HttpHeader.VARY, "Origin");
        boolean any = settings.corsOrigins().contains("*");
        if (!any && !settings.corsOrigins().contains(origin)) {
            return false;
        }
        response.getHeaders().put(HttpHeader.ACCESS_CONTROL_ALLOW_ORIGIN, any ? "*" : origin);
        return true;
    }

    private void options(Request request, Response response, Callback callback, String allowed, boolean cors) {
        HttpFields.Mutable h = response.getHeaders();
        h.put(HttpHeader.ALLOW, allowed);
        String wanted = request.getHeaders().get(HttpHeader.ACCESS_CONTROL_REQUEST_METHOD);
        if (cors && wanted != null) {
            h.put(HttpHeader.ACCESS_CONTROL_ALLOW_METHODS, allowed);
            h.put(HttpHeader.ACCESS_CONTROL_ALLOW_HEADERS, "Content-Type, Accept");
            h.put(HttpHeader.ACCESS_CONTROL_MAX_AGE, "600");
        }
        response.setStatus(204);
        response.write(true, null, callback);
    }

    private void targets(Request request, Response response, Callback callback) {
        Fields query = Request.extractQueryParameters(request, StandardCharsets.UTF_8);
        Optional<String> asked = Optional.ofNullable(query.getValue("ruleSet")).or(engine::defaultRuleSet);
        if (asked.isEmpty()) {
            sendError(response, callback, 400, "UNREADABLE_REQUEST",
                    "no rule set is the default here: name one with ?ruleSet=ID[@VERSION]", "?ruleSet", null);
            return;
        }
        String spec = asked.get();
        int at = spec.indexOf('@');
        Optional<RuleSetInfo> rs = spec.isEmpty() ? Optional.empty()
                : at < 0 ? engine.ruleSet(spec) : engine.ruleSet(spec.substring(0, at), spec.substring(at + 1));
        if (rs.isEmpty()) {
            unknownRuleSet(response, callback, 404, spec, "?ruleSet");
            return;
        }
        send(response, callback, 200, JSON, json(out -> CatalogueJson.targets(rs.get(), out)));
    }

    /** 404 or 400 {@code UNKNOWN_RULE_SET}, the same words and list of loaded sets on every endpoint. */
    private void unknownRuleSet(Response response, Callback callback, int status, String asked, String path) {
        List<RuleSetRef> loaded = engine.ruleSets().stream().map(RuleSetInfo::ref).toList();
        // the engine's own words, so that every endpoint says it the same way
        String message = new UnknownRuleSetException(path, asked.isEmpty() ? "\"\"" : asked, loaded).getMessage();
        sendError(response, callback, status, "UNKNOWN_RULE_SET", message, path, loaded);
    }

    static List<String> loaded(List<RuleSetRef> refs) {
        return refs.stream().map(r -> r.id() + "@" + r.version()).toList();
    }

    private static byte[] openApi() {
        try (InputStream in = KpiService.class.getResourceAsStream("openapi.json")) {
            if (in == null) {
                throw new IllegalStateException("openapi.json is missing from the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---------------------------------------------------------------- evaluate

    /** The representations {@code POST /v1/evaluate} can answer with, in order of preference. */
    private static final List<String> EVALUATE_MEDIA = List.of("application/json", "text/csv", "text/html");

    private void evaluate(Request request, Response response, Callback callback) {
        HttpFields h = request.getHeaders();
        Optional<InputFormat> input = InputFormat.of(h.get(HttpHeader.CONTENT_TYPE));
        if (input.isEmpty()) {
            response.getHeaders().put("Accept-Post", InputFormat.accepted());
            sendError(response, callback, 415, "UNSUPPORTED_MEDIA_TYPE", "a request is " + InputFormat.accepted()
                    + ", not " + h.get(HttpHeader.CONTENT_TYPE), null, null);
            return;
        }
        Optional<String> media = Accept.choose(h.get(HttpHeader.ACCEPT), EVALUATE_MEDIA);
        if (media.isEmpty()) {
            notAcceptable(response, callback, String.join(", ", EVALUATE_MEDIA));
            return;
        }
        long declared = request.getLength();
        if (declared > settings.maxBytes()) {
            // Refused on the declared length, before a byte is read: no 100 Continue is sent.
            response.getHeaders().put(HttpHeader.CONNECTION, "close");
            tooLarge(response, callback);
            return;
        }
        RequestOverrides overrides;
        try {
            overrides = overrides(Request.extractQueryParameters(request, StandardCharsets.UTF_8));
        } catch (UnknownRuleSetException e) {
            unknownRuleSet(response, callback, 400, "", "?ruleSet");
            return;
        } catch (IllegalArgumentException e) {
            sendError(response, callback, 400, "UNREADABLE_REQUEST", e.getMessage(), null, null);
            return;
        }
        if (admitted.incrementAndGet() > settings.evaluations() + settings.queue()) {
            admitted.decrementAndGet();
            response.getHeaders().put(HttpHeader.RETRY_AFTER, "1");
            sendError(response, callback, 503, "BUSY", "every evaluation slot is taken and the queue is full; "
                    + "try again later", null, null);
            return;
        }
        Evaluation e;
        try {
            e = new Evaluation(request, response, callback, input.get(), overrides, media.get());
        } catch (IOException | RuntimeException ex) {
            admitted.decrementAndGet();
            internalError(response, callback, ex);
            return;
        }
        e.start();
    }

    private static RequestOverrides overrides(Fields query) {
        RequestOverrides o = RequestOverrides.none();
        String asOf = query.getValue("asOf");
        if (asOf != null) {
            try {
                o = o.withAsOf(LocalDate.parse(asOf));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("?asOf is a date YYYY-MM-DD, not \"" + asOf + "\"");
            }
        }
        String ruleSet = query.getValue("ruleSet");
        String version = query.getValue("ruleSetVersion");
        if (ruleSet != null && ruleSet.isEmpty()) {
            throw new UnknownRuleSetException("?ruleSet", "\"\"", List.of());
        }
        if (version != null && ruleSet == null) {
            throw new IllegalArgumentException("?ruleSetVersion needs ?ruleSet");
        }
        if (ruleSet != null) {
            o = o.withRuleSet(version == null ? ruleSet : ruleSet + "@" + version);
        }
        return o;
    }

    /**
     * One evaluation: spools the body to a temporary file as it arrives (on Jetty's demand, no
     * thread held while the client is slow), under the body deadline and the byte limit, then
     * evaluates it from the file and streams the response.
     */
    private final class Evaluation implements Runnable {
        private static final int READING = 0;
        private static final int EVALUATING = 1;
        private static final int FINISHED = 2;

        private final Request request;
        private final Response response;
        private final Callback callback;
        private final InputFormat input;
        private final RequestOverrides overrides;
        private final String media;
        private final Path spool;
        private volatile Path twin;
        private final FileChannel file;
        private final MessageDigest sha256;
        private final AtomicInteger state = new AtomicInteger(READING);
        private final AtomicBoolean released = new AtomicBoolean();
        private Scheduler.Task deadline;
        private long bytes;

        Evaluation(Request request, Response response, Callback callback, InputFormat input,
                RequestOverrides overrides, String media) throws IOException {
            this.request = request;
            this.response = response;
            this.callback = callback;
            this.input = input;
            this.overrides = overrides;
            this.media = media;
            this.spool = Files.createTempFile("cqs-kpi-body-", ".json");
            this.file = FileChannel.open(spool, StandardOpenOption.WRITE);
            try {
                this.sha256 = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        void start() {
            deadline = server.getScheduler().schedule(this::timedOut, settings.bodyTimeout().toMillis(),
                    TimeUnit.MILLISECONDS);
            run();
        }

        private void timedOut() {
            if (state.compareAndSet(READING, FINISHED)) {
                request.fail(new java.util.concurrent.TimeoutException("body deadline"));
                response.getHeaders().put(HttpHeader.CONNECTION, "close");
                sendError(response, Callback.from(callback, this::release), 408, "REQUEST_TIMEOUT",
                        "the request body did not arrive within " + settings.bodyTimeout().toSeconds() + " s", null,
                        null);
            }
        }

        /** Reads what has arrived; asks to be called again when more does. */
        @Override
        public void run() {
            while (state.get() == READING) {
                Content.Chunk chunk = request.read();
                if (chunk == null) {
                    request.demand(this);
                    return;
                }
                if (Content.Chunk.isFailure(chunk)) {
                    if (state.compareAndSet(READING, FINISHED)) {
                        deadline.cancel();
                        response.getHeaders().put(HttpHeader.CONNECTION, "close");
                        sendError(response, Callback.from(callback, this::release), 400, "UNREADABLE_REQUEST",
                                "the request body could not be read whole", null, null);
                    }
                    return;
                }
                boolean last = chunk.isLast();
                try {
                    ByteBuffer b = chunk.getByteBuffer();
                    bytes += b.remaining();
                    if (bytes > settings.maxBytes()) {
                        chunk.release();
                        if (state.compareAndSet(READING, FINISHED)) {
                            deadline.cancel();
                            response.getHeaders().put(HttpHeader.CONNECTION, "close");
                            tooLarge(response, Callback.from(callback, this::release));
                        }
                        return;
                    }
                    sha256.update(b.duplicate());
                    while (b.hasRemaining()) {
                        file.write(b);
                    }
                } catch (IOException e) {
                    chunk.release();
                    if (state.compareAndSet(READING, FINISHED)) {
                        deadline.cancel();
                        internalError(response, Callback.from(callback, this::release), e);
                    }
                    return;
                }
                chunk.release();
                if (last && state.compareAndSet(READING, EVALUATING)) {
                    deadline.cancel();
                    evaluateSpooled();
                    return;
                }
            }
        }

        private void evaluateSpooled() {
            boolean turn = false;
            try {
                file.close();
                turn = evaluating.tryAcquire(settings.idleTimeout().toMillis(), TimeUnit.MILLISECONDS);
                if (!turn) {
                    response.getHeaders().put(HttpHeader.RETRY_AFTER, "1");
                    sendError(response, Callback.from(callback, this::release), 503, "BUSY",
                            "no evaluation slot came free in time; try again later", null, null);
                    return;
                }
                respond();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                internalError(response, Callback.from(callback, this::release), e);
            } catch (IOException | RuntimeException | Error e) {
                internalError(response, Callback.from(callback, this::release), e);
            } finally {
                if (turn) {
                    evaluating.release();
                }
            }
        }

        private void respond() throws IOException {
            response.setStatus(200);
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, switch (media) {
                case "text/csv" -> CSV;
                case "text/html" -> HTML;
                default -> JSON;
            });
            ClientStream client = new ClientStream(Content.Sink.asOutputStream(response));
            OutputStream body = new BufferedOutputStream(client, 1 << 15);
            EvaluationSummary summary;
            try {
                Path json = spool;
                RequestOverrides o = overrides;
                TableLocations where = null;
                if (input != InputFormat.JSON) {
                    // A table's JSON twin, the rule set it was read with pinned; at most the record limit's rows.
                    RuleSetInfo rs = Tables.ruleSet(engine, overrides);
                    twin = Files.createTempFile("cqs-kpi-table-", ".json");
                    try (TableRows rows = input == InputFormat.XLSX ? XlsxRows.open(spool.toFile())
                            : new CsvRows(Files.newInputStream(spool));
                            OutputStream out = new BufferedOutputStream(Files.newOutputStream(twin), 1 << 16)) {
                        where = Tables.toJson(Tables.limit(rows, Limits.DEFAULT_MAX_RECORDS), rs, out);
                    }
                    json = twin;
                    o = new RequestOverrides(overrides.asOf(), Optional.of(rs.ref().id()),
                            Optional.of(rs.ref().version()));
                }
                if (media.equals("application/json")) {
                    OutputStream target = where == null ? body : where.locating(body);
                    summary = engine.evaluateJson(json, target, o);
                    target.flush();
                } else {
                    // The reports are written from the whole response in memory: fewer at once.
                    if (!reporting.tryAcquire(settings.idleTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
                        response.getHeaders().put(HttpHeader.RETRY_AFTER, "5");
                        sendError(response, Callback.from(callback, this::release), 503, "BUSY",
                                "no report slot came free in time; try again later, or ask for JSON", null, null);
                        return;
                    }
                    try {
                        summary = report(json, o, where, body);
                    } finally {
                        reporting.release();
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for a report slot", e);
            } catch (UnknownRuleSetException e) {
                if (!response.isCommitted()) {
                    response.reset();
                    List<RuleSetRef> loaded = e.available();
                    sendError(response, Callback.from(callback, this::release), 400, "UNKNOWN_RULE_SET",
                            e.getMessage(), e.path().startsWith("--") ? "?ruleSet" : e.path(), loaded);
                    return;
                }
                throw e;
            } catch (IOException e) {
                if (client.failed) {
                    clientGone(e);
                    return;
                }
                throw e;
            } catch (UnreadableRequestException e) {
                if (!response.isCommitted()) {
                    response.reset();
                    sendError(response, Callback.from(callback, this::release), 400, "UNREADABLE_REQUEST",
                            e.getMessage(), e.path(), null);
                    return;
                }
                throw e;
            }
            try {
                body.close(); // the last chunk: once this returns, the response is delivered whole
            } catch (IOException e) {
                clientGone(e);
                return;
            }
            if (decisions != null) {
                try {
                    decisions.delivered(HexFormat.of().formatHex(sha256.digest()), summary);
                } catch (IOException e) {
                    LOG.error("cannot write the decision log: {}", e.toString());
                }
            }
            release();
            callback.succeeded();
        }

        private EvaluationSummary report(Path json, RequestOverrides o, TableLocations where, OutputStream body)
                throws IOException {
            String name = media.substring(media.indexOf('/') + 1);
            ReportFormat format = ReportFormat.of(name).orElseThrow(
                    () -> new IllegalStateException("no report format \"" + name + "\""));
            if (where == null) {
                // Written as it is evaluated, in memory that grows with the units, not the records.
                return Reports.write(engine, format, json, o, body);
            }
            EvaluationResponse r;
            try (InputStream in = Files.newInputStream(json)) {
                r = engine.evaluateJson(in, o);
            }
            List<RecordError> located = new ArrayList<>(r.errors().size());
            for (RecordError e : r.errors()) {
                located.add(where.locate(e));
            }
            r = new EvaluationResponse(r.ruleSet(), r.asOf(), r.results(), located, r.summary());
            return Reports.write(engine, format, r, body);
        }

        private void clientGone(IOException e) {
            LOG.debug("the client went away before the response was whole: {}", e.toString());
            release();
            callback.failed(e);
        }

        private void release() {
            if (released.compareAndSet(false, true)) {
                admitted.decrementAndGet();
                try {
                    file.close();
                } catch (IOException e) {
                    LOG.debug("closing the spool: {}", e.toString());
                }
                for (Path p : new Path[] {spool, twin}) {
                    try {
                        if (p != null) {
                            Files.deleteIfExists(p);
                        }
                    } catch (IOException e) {
                        LOG.warn("cannot delete the spool {}: {}", p, e.toString());
                    }
                }
            }
        }
    }

    /** The response body, noting whether a write to the client failed (the client went away). */
    private static final class ClientStream extends java.io.FilterOutputStream {
        volatile boolean failed;

        ClientStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            try {
                out.write(b, off, len);
            } catch (IOException e) {
                failed = true;
                throw e;
            }
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void flush() throws IOException {
            try {
                out.flush();
            } catch (IOException e) {
                failed = true;
                throw e;
            }
        }

        @Override
        public void close() throws IOException {
            try {
                out.close();
            } catch (IOException e) {
                failed = true;
                throw e;
            }
        }
    }

    // ---------------------------------------------------------------- answers

    private void tooLarge(Response response, Callback callback) {
        sendError(response, callback, 413, "REQUEST_TOO_LARGE", "the request body is larger than "
                + settings.maxBytes() + " bytes", null, null);
    }

    private static void notAcceptable(Response response, Callback callback, String offered) {
        sendError(response, callback, 406, "NOT_ACCEPTABLE", "this resource is served as " + offered, null, null);
    }

    private static void internalError(Response response, Callback callback, Throwable e) {
        // Logged here with its detail; the caller gets none of it.
        LOG.error("request failed", e);
        if (response.isCommitted()) {
            callback.failed(e); // the stream is cut: the client sees an incomplete response, not a wrong one
            return;
        }
        response.reset();
        sendError(response, callback, 500, "INTERNAL_ERROR", "the service failed; no result was produced", null,
                null);
    }

    static void sendError(Response response, Callback callback, int status, String code, String message, String path,
            List<RuleSetRef> loaded) {
        send(response, callback, status, JSON, json(out -> CatalogueJson.error(status, code, message, path,
                loaded == null ? null : loaded(loaded), out)));
    }

    static void send(Response response, Callback callback, int status, String type, byte[] body) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, type);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, ByteBuffer.wrap(body), callback);
    }

    interface JsonBody {
        void write(OutputStream out) throws IOException;
    }

    static byte[] json(JsonBody body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        try {
            body.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The service's words for the errors Jetty answers itself: malformed requests, too-long headers. */
    private static final class JsonErrors extends ErrorHandler {
        // Deprecated in Jetty 12.1 but still what writes the answer to a request that cannot be
        // parsed; HostileClientTests.Framing fails if a later Jetty stops calling it.
        @SuppressWarnings("removal")
        @Override
        public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
            fields.put(HttpHeader.CONTENT_TYPE, JSON);
            return ByteBuffer.wrap(json(out -> CatalogueJson.error(status, codeOf(status), reason == null
                    ? "the request is not valid HTTP/1.1" : reason, null, null, out)));
        }

        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            int status = request.getAttribute(ERROR_STATUS) instanceof Integer i ? i : 500;
            String message = status >= 500 ? "the service failed; no result was produced"
                    : request.getAttribute(ERROR_MESSAGE) instanceof String s ? s : "the request was refused";
            sendError(response, callback, status, codeOf(status), message, null, null);
            return true;
        }

        static String codeOf(int status) {
            return switch (status) {
                case 400 -> "BAD_REQUEST";
                case 408 -> "REQUEST_TIMEOUT";
                case 411 -> "LENGTH_REQUIRED";
                case 413 -> "REQUEST_TOO_LARGE";
                case 414 -> "URI_TOO_LONG";
                case 431 -> "HEADERS_TOO_LARGE";
                case 501 -> "NOT_IMPLEMENTED";
                case 503 -> "UNAVAILABLE";
                case 505 -> "HTTP_VERSION_NOT_SUPPORTED";
                default -> status >= 500 ? "INTERNAL_ERROR" : "BAD_REQUEST";
            };
        }
    }
}
