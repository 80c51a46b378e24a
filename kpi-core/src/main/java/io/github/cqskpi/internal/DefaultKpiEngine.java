package io.github.cqskpi.internal;

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
    static final String OVERRIDE = "";

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
        Map<String, TreeMap<String, LoadedRuleSet>> sets = new TreeMap<>();
        for (LoadedRuleSet rs : RuleSetLoader.loadAll(loader)) {
            LoadedRuleSet before = sets.computeIfAbsent(rs.ref().id(), k -> new TreeMap<>(SemVer.ORDER))
                    .putIfAbsent(rs.ref().version(), rs);
            if (before != null) {
                throw new IllegalStateException("rule set " + rs.ref().id() + "@" + rs.ref().version()
                        + " is on the classpath twice");
            }
        }
        this.ruleSets = Collections.unmodifiableMap(sets);
        // The default is data: the id a jar names in META-INF/cqs-kpi/default-rule-set, or the
        // one rule set loaded when no jar names one.
        Map<String, List<java.net.URL>> declared = RuleSetLoader.declaredDefaults(loader);
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
        return logged(run(rs, asOf, drafts), null);
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
        return logged(run(rs, asOf, drafts), guarded);
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
        EvaluationSummary summary = streaming.run(request, out);
        if (decisionLog != null) {
            decisionLog.accept(new DecisionRecord(clock.instant(), summary.ruleSet(),
                    Optional.of(streaming.requestSha256()), summary.asOf(), summary.summary()));
        }
        return summary;
    }

    @Override
    public EvaluationSummary evaluateJson(InputStream request, OutputStream out, RequestOverrides overrides)
            throws IOException {
        Path copy = Files.createTempFile("cqs-kpi-request-", ".json");
        try {
            try (OutputStream file = Files.newOutputStream(copy)) {
                RequestInput.of(request, limits, false).transferTo(file); // stops at the byte limit
            }
            return evaluateJson(copy, out, overrides);
        } finally {
            Files.deleteIfExists(copy);
        }
    }

    @Override
    public void writeJson(EvaluationResponse response, OutputStream out) throws IOException {
        ResponseWriter.write(json, response, out);
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

    private EvaluationResponse run(LoadedRuleSet rs, LocalDate asOf, List<RecordDraft> drafts) {
        Validator.validate(drafts, rs.vocabulary(), asOf);

        List<ValidRecord> valid = new ArrayList<>(drafts.size());
        for (RecordDraft d : drafts) {
            if (!d.rejected()) {
                valid.add(d.toValid());
            }
        }
        Map<String, Map<LocalDate, List<MetricValue[]>>> byUnitAndEnd = new HashMap<>();
        for (ValidRecord v : valid) {
            byUnitAndEnd.computeIfAbsent(v.unitId(), k -> new HashMap<>())
                    .computeIfAbsent(v.period().to(), k -> new ArrayList<>(1)).add(v.values());
        }
        RecordState[] states = new RecordState[drafts.size()];
        List<io.github.cqskpi.rule.UnitPeriod> facts = new ArrayList<>(valid.size());
        for (ValidRecord v : valid) {
            List<MetricValue[]> previous = byUnitAndEnd.get(v.unitId())
                    .getOrDefault(v.period().from().minusDays(1), List.of());
            RecordState s = new RecordState(rs, v, asOf, previous);
            states[v.index()] = s;
            facts.add(s.fact());
        }

        rs.rules().fire(facts, i -> states[i].reset()).forEach((i, why) -> states[i].fail(why));

        List<TargetResult> results = new ArrayList<>(valid.size() * rs.targets().size());
        List<RecordError> errors = new ArrayList<>();
        EnumMap<Status, Long> byStatus = new EnumMap<>(Status.class);
        int faulted = 0;
        Rollups rollups = new Rollups();
        for (RecordDraft d : drafts) {
            RecordState s = states[d.index];
            if (s == null) {
                errors.addAll(d.errors());
                continue;
            }
            if (s.fault() != null) {
                errors.add(ruleFailed(rs, s));
                faulted++;
                continue;
            }
            results(rs, s, r -> {
                results.add(r);
                byStatus.merge(r.status(), 1L, Long::sum);
            });
            rollups.add(rs, s);
        }
        int evaluated = valid.size() - faulted;
        Summary summary = new Summary(drafts.size(), evaluated, drafts.size() - evaluated, byStatus,
                rollups.levels(), rollups.units());
        return new EvaluationResponse(rs.ref(), asOf, results, errors, summary);
    }

    /**
     * A fault of the rule set on one record, never a verdict: the record is rejected, naming the
     * rule.
     */
    static RecordError ruleFailed(LoadedRuleSet rs, RecordState s) {
        LOG.warn("rule set {}@{} failed on record {}: {}", rs.ref().id(), rs.ref().version(), s.record().index(),
                s.fault());
        return new RecordError(s.record().index(), Optional.of(s.record().unitId()), "/records/" + s.record().index(),
                ErrorCode.RULE_FAILED, s.fault());
    }

    /** The results of one evaluated record, in the rule set's target order. */
    static void results(LoadedRuleSet rs, RecordState s, Consumer<TargetResult> out) {
        int index = s.record().index();
        if (s.fault() != null) {
            throw new IllegalStateException("rule set " + rs.ref().id() + "@" + rs.ref().version()
                    + " failed on record " + index + ": " + s.fault());
        }
        for (TargetDef t : rs.targets()) {
            if (!t.appliesTo(s.record().level(), s.roles())) {
                continue;
            }
            Verdict v = s.verdict(t.ordinal());
            if (v == null) {
                v = Verdict.OUTSIDE_WINDOW;
            }
            Reason reason = v.reason() == null ? null : Wording.reason(v, t, s, rs);
            Measurement actual = v.actual();
            out.accept(new TargetResult(index, s.record().unitId(), s.period(), t.id(), t.clause(), v.status(),
                    Optional.ofNullable(actual), Optional.ofNullable(v.required()), Optional.ofNullable(reason),
                    Optional.ofNullable(v.gap()), Wording.message(t, v.status(), actual, v.required(), reason,
                    v.gap(), v.gap() == null ? null : rs.noun(v.gap().key()))));
        }
    }
}
