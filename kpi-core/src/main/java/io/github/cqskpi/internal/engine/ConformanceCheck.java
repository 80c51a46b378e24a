package io.github.cqskpi.internal.engine;

import io.github.cqskpi.internal.input.JsonTree;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import io.github.cqskpi.EvaluationResponse;
import io.github.cqskpi.Gap;
import io.github.cqskpi.KpiEngine;
import io.github.cqskpi.LevelRollup;
import io.github.cqskpi.RecordError;
import io.github.cqskpi.RequestOverrides;
import io.github.cqskpi.Status;
import io.github.cqskpi.TargetResult;
import io.github.cqskpi.UnreadableRequestException;
import io.github.cqskpi.conformance.CaseResult;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Checks one conformance vector; the format is described on
 * {@link io.github.cqskpi.conformance.Conformance}.
 */
public final class ConformanceCheck {

    private static final JsonFactory JSON = new JsonFactory();

    private ConformanceCheck() {
    }

    /**
     * Runs one vector against an engine.
     *
     * @param engine the engine
     * @param overrides overrides for the request
     * @param name the vector's name
     * @param request the request's bytes
     * @param expectation the expectation's bytes
     * @return the outcome
     */
    public static CaseResult run(KpiEngine engine, RequestOverrides overrides, String name, byte[] request,
            byte[] expectation) {
        List<String> mismatches = new ArrayList<>();
        List<String> observed = new ArrayList<>();
        String description = "";
        try {
            JsonTree.Obj expected;
            try (JsonParser p = JSON.createParser(expectation)) {
                p.nextToken();
                expected = (JsonTree.Obj) JsonTree.read(p);
            }
            description = expected.get("description") instanceof JsonTree.Str s ? s.value() : "";
            EvaluationResponse response;
            try {
                response = engine.evaluateJson(new ByteArrayInputStream(request), overrides);
            } catch (UnreadableRequestException e) {
                if (!(expected.get("unreadable") instanceof JsonTree.Bool b && b.value())) {
                    mismatches.add("the request was refused as unreadable: " + e.getMessage());
                }
                observed.add("REQUEST UNREADABLE");
                return new CaseResult(name, description, mismatches, observed);
            }
            if (expected.get("unreadable") instanceof JsonTree.Bool b && b.value()) {
                mismatches.add("expected the request to be refused as unreadable, but it was evaluated");
                return new CaseResult(name, description, mismatches, observed);
            }
            for (TargetResult r : response.results()) {
                observed.add(r.target() + " " + r.status().name() + r.reason().map(x -> "/" + x.code().name()).orElse(""));
            }
            for (RecordError e : response.errors()) {
                observed.add("ERROR " + e.code().name());
            }
            compare(expected, response, mismatches, observed);
        } catch (IOException | RuntimeException e) {
            mismatches.add("the vector cannot be run: " + e);
        }
        return new CaseResult(name, description, mismatches, observed);
    }

    private static void compare(JsonTree.Obj expected, EvaluationResponse response, List<String> out,
            List<String> observed) {
        Map<Integer, Map<String, String>> results = new TreeMap<>();
        Map<Integer, Map<String, String>> gaps = new TreeMap<>();
        for (TargetResult r : response.results()) {
            String s = r.status().name() + r.reason().map(x -> "/" + x.code().name()).orElse("");
            results.computeIfAbsent(r.record(), k -> new TreeMap<>()).put(r.target(), s);
            gaps.computeIfAbsent(r.record(), k -> new TreeMap<>()).put(r.target(), gap(r.gap().orElse(null)));
        }
        Map<Integer, List<String>> errors = new TreeMap<>();
        for (RecordError e : response.errors()) {
            errors.computeIfAbsent(e.record(), k -> new ArrayList<>()).add(e.path() + " " + e.code().name());
        }
        Map<Integer, Boolean> listed = new HashMap<>();
        for (JsonTree.Node n : ((JsonTree.Arr) expected.get("records")).items()) {
            JsonTree.Obj rec = (JsonTree.Obj) n;
            int index = Integer.parseInt(((JsonTree.Num) rec.get("record")).text());
            if (listed.put(index, Boolean.TRUE) != null) {
                out.add("record " + index + " is listed twice in the expectation");
            }
            if (rec.get("errors") instanceof JsonTree.Arr want) {
                List<String> wanted = new ArrayList<>();
                for (JsonTree.Node e : want.items()) {
                    JsonTree.Obj eo = (JsonTree.Obj) e;
                    wanted.add(((JsonTree.Str) eo.get("path")).value() + " " + ((JsonTree.Str) eo.get("code")).value());
                }
                List<String> got = errors.getOrDefault(index, List.of());
                if (!sorted(wanted).equals(sorted(got))) {
                    out.add("record " + index + ": expected errors " + sorted(wanted) + ", got " + sorted(got));
                }
                if (results.containsKey(index)) {
                    out.add("record " + index + ": expected it rejected, but it has results " + results.get(index));
                }
                continue;
            }
            if (errors.containsKey(index)) {
                out.add("record " + index + ": expected it evaluated, but it was rejected with " + errors.get(index));
                continue;
            }
            Map<String, String> got = new TreeMap<>(results.getOrDefault(index, Map.of()));
            JsonTree.Obj want = rec.get("results") instanceof JsonTree.Obj o ? o : null;
            if (want != null) {
                for (Map.Entry<String, JsonTree.Node> w : want.fields().entrySet()) {
                    String expectedStatus = ((JsonTree.Str) w.getValue()).value();
                    String actual = got.remove(w.getKey());
                    if (!expectedStatus.equals(actual)) {
                        out.add("record " + index + ", " + w.getKey() + ": expected " + expectedStatus + ", got "
                                + (actual == null ? "no result" : actual));
                    }
                }
            }
            if (rec.get("gaps") instanceof JsonTree.Obj wantGaps) {
                Map<String, String> gotGaps = gaps.getOrDefault(index, Map.of());
                for (Map.Entry<String, JsonTree.Node> w : wantGaps.fields().entrySet()) {
                    String expectedGap = gap(w.getValue());
                    // For coverage: which targets' gaps the vectors state, and how many.
                    observed.add(w.getKey() + " gap " + (expectedGap.equals("null") ? "null" : "stated"));
                    if (!gotGaps.containsKey(w.getKey())) {
                        out.add("record " + index + ", " + w.getKey() + ": expected gap " + expectedGap
                                + ", got no result");
                    } else if (!expectedGap.equals(gotGaps.get(w.getKey()))) {
                        out.add("record " + index + ", " + w.getKey() + ": expected gap " + expectedGap + ", got "
                                + gotGaps.get(w.getKey()));
                    }
                }
            }
            String others = rec.get("otherResults") instanceof JsonTree.Str s ? s.value() : null;
            for (Map.Entry<String, String> g : got.entrySet()) {
                if (!g.getValue().equals(others)) {
                    out.add("record " + index + ", " + g.getKey() + ": unexpected result " + g.getValue()
                            + (others == null ? "" : " (others are expected " + others + ")"));
                }
            }
        }
        for (int i = 0; i < response.summary().records(); i++) {
            if (!listed.containsKey(i)) {
                out.add("record " + i + " is not listed in the expectation");
            }
        }
        if (expected.get("levels") instanceof JsonTree.Arr wantLevels) {
            Map<String, String> gotLevels = new TreeMap<>();
            for (LevelRollup l : response.summary().levels()) {
                gotLevels.put(l.level() + " " + l.period().from() + ".." + l.period().to() + " " + l.target(),
                        l.status() + " gap " + gap(l.gap().orElse(null)));
            }
            for (JsonTree.Node n : wantLevels.items()) {
                JsonTree.Obj lo = (JsonTree.Obj) n;
                JsonTree.Obj period = (JsonTree.Obj) lo.get("period");
                String key = ((JsonTree.Str) lo.get("level")).value() + " " + ((JsonTree.Str) period.get("from")).value()
                        + ".." + ((JsonTree.Str) period.get("to")).value() + " " + ((JsonTree.Str) lo.get("target")).value();
                String want = ((JsonTree.Str) lo.get("status")).value() + " gap " + gap(lo.get("gap"));
                String got = gotLevels.get(key);
                if (!want.equals(got)) {
                    out.add("level " + key + ": expected " + want + ", got " + (got == null ? "no roll-up" : got));
                }
            }
        }
        if (expected.get("byStatus") instanceof JsonTree.Obj by) {
            for (Status s : Status.values()) {
                long got = response.summary().byStatus().get(s);
                JsonTree.Node w = by.get(s.name());
                long want = w == null ? 0 : Long.parseLong(((JsonTree.Num) w).text());
                if (got != want) {
                    out.add("byStatus " + s + ": expected " + want + ", got " + got);
                }
            }
        }
    }

    /** A gap as the expectation and the mismatches write it: {@code KEY+N}, {@code KEY-N} or {@code null}. */
    private static String gap(Gap g) {
        return g == null ? "null" : g.key() + (g.change() > 0 ? "+" : "") + g.change();
    }

    private static String gap(JsonTree.Node n) {
        if (n == null || n instanceof JsonTree.Null) {
            return "null";
        }
        JsonTree.Obj o = (JsonTree.Obj) n;
        return gap(new Gap(((JsonTree.Str) o.get("key")).value(), Long.parseLong(((JsonTree.Num) o.get("change")).text())));
    }

    private static List<String> sorted(List<String> l) {
        List<String> c = new ArrayList<>(l);
        c.sort(null);
        return c;
    }
}
