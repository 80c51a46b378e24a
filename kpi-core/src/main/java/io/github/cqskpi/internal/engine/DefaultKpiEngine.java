package io.github.cqskpi.internal.engine;

import io.github.cqskpi.internal.ruleset.LoadedRuleSet;
import io.github.cqskpi.internal.input.RecordDecoder;
import io.github.cqskpi.internal.input.RecordDraft;
import io.github.cqskpi.internal.input.RequestInput;
import io.github.cqskpi.internal.input.RequestReader;
import io.github.cqskpi.internal.output.ResponseJson;
import io.github.cqskpi.internal.ruleset.RuleSetLoader;
import io.github.cqskpi.internal.ruleset.SemVer;
import com.fasterxml.jackson.core.JsonFactory;
import io.github.cqskpi.DecisionRecord;
import io.github.cqskpi.ErrorCode;
import io.github.cqskpi.EvaluationRequest;
import io.github.cqskpi.EvaluationResponse;
import io.github.cqskpi.EvaluationSummary;
import io.github.cqskpi.KpiEngine;
import io.github.cqskpi.Limits;
import io.github.cqskpi.Measurement;
import io.github.cqskpi.MetricValue;
import io.github.cqskpi.Reason;
import io.github.cqskpi.RecordError;
import io.github.cqskpi.RequestOverrides;
import io.github.cqskpi.ResultListener;
import io.github.cqskpi.RuleSetInfo;
import io.github.cqskpi.RuleSetRef;
import io.github.cqskpi.Status;
import io.github.cqskpi.Summary;
import io.github.cqskpi.TargetResult;
import io.github.cqskpi.UnknownRuleSetException;
import io.github.cqskpi.UnreadableRequestException;
import io.github.cqskpi.UnitRecord;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine: one way through, request → validation → facts → rules → results → response.
 */
public final class DefaultKpiEngine implements KpiEngine {

    /**
     * The path an unknown rule set is reported at when it was asked for in place of the
     * request's own ({@link RequestOverrides#ruleSet()}): not a part of the request.
     */
    public static final String OVERRIDE = "";

    private static final Logger LOG = LoggerFactory.getLogger(DefaultKpiEngine.class);

    private final Clock clock;
    private final JsonFactory json;
    private final Limits limits;
    private final Consumer<DecisionRecord> decisionLog;
    private final Map<String, TreeMap<String, LoadedRuleSet>> ruleSets;
    /** The rule set a request gets when it names none, when there is a single one. */
    private final Optional<String> defaultRuleSet;
    /** Why no rule set is the default, when none is: for the error a request that names none gets. */
    private final String noDefault;

    /**
     * Loads every rule set on the class loader's classpath.
     *
     * @param clock the clock whose day is the default evaluation date
     * @param loader the class loader
     */
    public DefaultKpiEngine(Clock clock, ClassLoader loader) {
        this(clock, loader, Limits.defaults(), null);
    }

    /**
     * Loads every rule set on the class loader's classpath.
     *
     * @param clock the clock whose day is the default evaluation date
     * @param loader the class loader
     * @param limits the most a JSON request may hold
     * @param decisionLog where a record of each evaluated request goes, or {@code null}
     */
    public DefaultKpiEngine(Clock clock, ClassLoader loader, Limits limits, Consumer<DecisionRecord> decisionLog) {
        this.clock = clock;
        this.limits = limits;
        this.decisionLog = decisionLog;
        this.json = RequestInput.factory(limits);
        // The default is data: the id a jar names in META-INF/cqs-kpi/default-rule-set, or the
        // one rule set loaded when no jar names one. Its rules start building on a thread of their
        // own as soon as they are loaded, while the rest is read and the caller goes on (reading
        // its request); the others are built when first fired.
        Map<String, List<java.net.URL>> declared = RuleSetLoader.declaredDefaults(loader);
        Map<String, TreeMap<String, LoadedRuleSet>> sets = new TreeMap<>();
        java.util.concurrent.atomic.AtomicBoolean early = new java.util.concurrent.atomic.AtomicBoolean();
        for (LoadedRuleSet rs : RuleSetLoader.loadAll(loader,
                id -> declared.size() == 1 && declared.containsKey(id) && early.compareAndSet(false, true))) {
            LoadedRuleSet before = sets.computeIfAbsent(rs.ref().id(), k -> new TreeMap<>(SemVer.ORDER))
                    .putIfAbsent(rs.ref().version(), rs);
            if (before != null) {
                throw new IllegalStateException("rule set " + rs.ref().id() + "@" + rs.ref().version()
                        + " is on the classpath twice");
            }
        }
        this.ruleSets = Collections.unmodifiableMap(sets);
        declared.forEach((id, files) -> {
            if (!sets.containsKey(id)) {
                throw new IllegalStateException(files.get(0) + " names " + id
                        + " as the default rule set, which is not loaded; loaded: " + sets.keySet());
            }
        });
        if (declared.size() == 1) {
            this.defaultRuleSet = Optional.of(declared.keySet().iterator().next());
            this.noDefault = "";
        } else if (declared.isEmpty() && sets.size() == 1) {
            this.defaultRuleSet = Optional.of(sets.keySet().iterator().next());
            this.noDefault = "";
        } else {
            this.defaultRuleSet = Optional.empty();
            this.noDefault = declared.isEmpty()
                    ? "no jar names a default in " + RuleSetLoader.DEFAULT
                    : "the jars name different defaults in " + RuleSetLoader.DEFAULT + ": " + declared;
            LOG.warn("no rule set is the default ({}): a request must name one", noDefault);
        }
        // The rules a request that names no version gets, if they are not those built early
        // (a newer version with rules of its own, or a default no jar names).
        defaultRuleSet.ifPresent(id -> ruleSets.get(id).lastEntry().getValue().rules().prepare());
        LOG.debug("engine ready with {}, default {}", refs(), defaultRuleSet);
    }

    @Override
    public EvaluationResponse evaluate(EvaluationRequest request) {
        LoadedRuleSet rs = select(request.ruleSet(), request.ruleSetVersion(), "/ruleSet");
        LocalDate asOf = request.asOf().orElseGet(() -> LocalDate.now(clock));
        List<RecordDraft> drafts = new ArrayList<>(request.records().size());
        int i = 0;
        for (UnitRecord r : request.records()) {
            drafts.add(RecordDraft.of(i++, r, rs.vocabulary()));
        }
        return logged(collect(rs, asOf, drafts), null);
    }

    @Override
    public EvaluationResponse evaluateJson(InputStream in, RequestOverrides overrides) throws IOException {
        RequestInput guarded = RequestInput.of(in, limits, decisionLog != null);
        RequestReader.RawRequest raw = RequestReader.read(json, guarded, limits);
        LoadedRuleSet rs = overrides.ruleSet().isPresent()
                ? select(overrides.ruleSet(), overrides.ruleSetVersion(), OVERRIDE)
                : select(raw.ruleSet(), raw.ruleSetVersion(), "/ruleSet");
        LocalDate asOf = overrides.asOf().or(raw::asOf).orElseGet(() -> LocalDate.now(clock));
        List<RecordDraft> drafts = new ArrayList<>(raw.records().size());
        for (int i = 0; i < raw.records().size(); i++) {
            drafts.add(RecordDecoder.decode(i, raw.records().get(i), rs.vocabulary()));
        }
        return logged(collect(rs, asOf, drafts), guarded);
    }

    /** The loop over records held in memory, its results collected. */
    private static EvaluationResponse collect(LoadedRuleSet rs, LocalDate asOf, List<RecordDraft> drafts) {
        Sinks.Collecting sink = new Sinks.Collecting(rs);
        Summary summary;
        try {
            summary = Evaluation.inMemory(rs, asOf, drafts, sink);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // the collecting sink does no I/O
        }
        return new EvaluationResponse(rs.ref(), asOf, sink.results, sink.errors, summary);
    }

    /** Hands the decision log its record of a response, if there is a log. */
    private EvaluationResponse logged(EvaluationResponse response, RequestInput request) {
        if (decisionLog != null) {
            decisionLog.accept(new DecisionRecord(clock.instant(), response.ruleSet(),
                    request == null ? Optional.empty() : Optional.of(request.sha256()), response.asOf(),
                    response.summary()));
        }
        return response;
    }

    @Override
    public EvaluationSummary evaluateJson(Path request, OutputStream out, RequestOverrides overrides)
            throws IOException {
        return streamed(request, overrides, (rs, asOf) -> Sinks.json(json, out, rs, asOf));
    }

    @Override
    public EvaluationSummary evaluateJson(InputStream request, OutputStream out, RequestOverrides overrides)
            throws IOException {
        return copied(request, copy -> evaluateJson(copy, out, overrides));
    }

    @Override
    public EvaluationSummary evaluateJson(Path request, RequestOverrides overrides, ResultListener listener)
            throws IOException {
        return streamed(request, overrides, (rs, asOf) -> Sinks.listener(listener, rs, asOf));
    }

    @Override
    public EvaluationSummary evaluateJson(InputStream request, RequestOverrides overrides, ResultListener listener)
            throws IOException {
        return copied(request, copy -> evaluateJson(copy, overrides, listener));
    }

    /** A request from a file through the loop, as it is read, into the sink. */
    private EvaluationSummary streamed(Path request, RequestOverrides overrides, StreamingEvaluation.Sinks sinks)
            throws IOException {
        LocalDate today = LocalDate.now(clock);
        StreamingEvaluation.Resolver resolver = new StreamingEvaluation.Resolver() {
            @Override
            public LoadedRuleSet ruleSet(RequestReader.TopLevel top) {
                return overrides.ruleSet().isPresent()
                        ? select(overrides.ruleSet(), overrides.ruleSetVersion(), OVERRIDE)
                        : select(top.ruleSet(), top.ruleSetVersion(), "/ruleSet");
            }

            @Override
            public LocalDate asOf(RequestReader.TopLevel top) {
                return overrides.asOf().or(top::asOf).orElse(today);
            }
        };
        StreamingEvaluation streaming = new StreamingEvaluation(json, limits, decisionLog != null, resolver);
        EvaluationSummary summary = streaming.run(request, sinks);
        if (decisionLog != null) {
            decisionLog.accept(new DecisionRecord(clock.instant(), summary.ruleSet(),
                    Optional.of(streaming.requestSha256()), summary.asOf(), summary.summary()));
        }
        return summary;
    }

    private interface FromFile {
        public EvaluationSummary run(Path copy) throws IOException;
    }

    /** A stream copied to a temporary file (a record may need one given later), deleted after. */
    private EvaluationSummary copied(InputStream request, FromFile then) throws IOException {
        Path copy = Files.createTempFile("cqs-kpi-request-", ".json");
        try {
            try (OutputStream file = Files.newOutputStream(copy)) {
                RequestInput.of(request, limits, false).transferTo(file); // stops at the byte limit
            }
            return then.run(copy);
        } finally {
            Files.deleteIfExists(copy);
        }
    }

    @Override
    public void writeJson(EvaluationResponse response, OutputStream out) throws IOException {
        ResponseJson.write(json, response, out);
    }

    @Override
    public List<RuleSetInfo> ruleSets() {
        List<RuleSetInfo> out = new ArrayList<>();
        for (TreeMap<String, LoadedRuleSet> versions : ruleSets.values()) {
            versions.values().forEach(rs -> out.add(rs.info()));
        }
        return out;
    }

    @Override
    public Optional<RuleSetInfo> ruleSet(String id) {
        return ruleSet(id, Optional.empty());
    }

    @Override
    public Optional<RuleSetInfo> ruleSet(String id, String version) {
        return ruleSet(id, Optional.of(java.util.Objects.requireNonNull(version, "version")));
    }

    private Optional<RuleSetInfo> ruleSet(String id, Optional<String> version) {
        TreeMap<String, LoadedRuleSet> versions = ruleSets.get(java.util.Objects.requireNonNull(id, "id"));
        if (versions == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(find(versions, version)).map(LoadedRuleSet::info);
    }

    @Override
    public Optional<String> defaultRuleSet() {
        return defaultRuleSet;
    }

    private LoadedRuleSet select(Optional<String> id, Optional<String> version, String path) {
        if (id.isEmpty() && defaultRuleSet.isEmpty()) {
            throw new UnreadableRequestException(path, "the request names no rule set and none is the default ("
                    + noDefault + "); name one of " + ruleSets.keySet());
        }
        String wanted = id.or(() -> defaultRuleSet).orElseThrow();
        TreeMap<String, LoadedRuleSet> versions = ruleSets.get(wanted);
        LoadedRuleSet rs = versions == null ? null : find(versions, version);
        if (rs == null) {
            throw new UnknownRuleSetException(path, wanted + version.map(v -> "@" + v).orElse(""), refs());
        }
        return rs;
    }

    private static LoadedRuleSet find(TreeMap<String, LoadedRuleSet> versions, Optional<String> version) {
        if (version.isEmpty()) {
            return versions.lastEntry().getValue();
        }
        // The map orders versions numerically; a string that is no version cannot be in it.
        return SemVer.valid(version.get()) ? versions.get(version.get()) : null;
    }

    private List<RuleSetRef> refs() {
        List<RuleSetRef> out = new ArrayList<>();
        ruleSets.values().forEach(v -> v.values().forEach(rs -> out.add(rs.ref())));
        return out;
    }
}
